import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import type { TaskProgress } from './evaluation-api.ts';

/** each unit's progress on the year's 法治建设任务清单: done, overdue, the list behind each figure */
export function ProgressPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const progress = useQuery({ queryKey: ['evaluation', 'progress', year], queryFn: ({ signal }) => api.get<{ items: TaskProgress[] }>('/api/evaluation/tasks/progress', { year }, signal) });
  if (progress.isError) return <LoadFailed error={progress.error} />;
  const list = (org: string, extra = '') => `/ledgers/evaluation.task?org=${org}&f.due_on.from=${year}-01-01&f.due_on.to=${year}-12-31${extra}`;
  return (
    <>
      <PageHeader title="任务完成进度" description="法治建设任务清单按单位统计：完成时限在所选年度的任务，逾期指已过完成时限仍未完成。" />
      <Card size="small" extra={<Select value={year} onChange={setYear} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} aria-label="年度" />} title={`${year}年度`}>
        <Table<TaskProgress>
          size="small"
          rowKey="orgCode"
          loading={progress.isLoading}
          pagination={false}
          dataSource={progress.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '该年度没有任务' }}
          columns={[
            { title: '单位', dataIndex: 'orgName', render: (v: string, r) => <Link to={list(r.orgCode)}>{v}</Link> },
            { title: '任务', dataIndex: 'total', align: 'right' },
            { title: '已完成', dataIndex: 'done', align: 'right', render: (v: number, r) => <Link to={list(r.orgCode, '&state=done')}>{v}</Link> },
            { title: '逾期', dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
            { title: '完成率', key: 'rate', render: (_: unknown, r) => <Progress percent={r.rate ?? 0} size="small" style={{ width: 110, margin: 0 }} status={r.overdue ? 'exception' : 'normal'} format={(p) => `${p ?? 0}%`} /> },
          ]}
        />
      </Card>
    </>
  );
}
