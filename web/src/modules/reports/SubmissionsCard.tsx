import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Segmented, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { formatDateTime } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { reportKeys, type SubmissionRow, type Submissions } from './report-api.ts';

const STATUS_COLOR: Record<SubmissionRow['status'], string> = { not_started: 'default', draft: 'gold', final: 'cyan', submitted: 'blue', published: 'green' };
const KIND_LABEL: Record<string, string> = { town: '乡镇', department: '县级部门' };
const SHORT: Record<string, string> = { annual: '法治政府建设年度报告', disclosure: '政务公开年度报告' };

/**
 * 报送情况: every unit below the county with its annual report and its 政府信息公开年报 — state, the day it came, on
 * time or late and by how many days — filterable, exported as a sheet; a late unit can be sent a 催报
 */
export function SubmissionsCard({ year, canUrge }: { year: number; canUrge: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: reportKeys.submissions(year), queryFn: ({ signal }) => api.get<Submissions>('/api/reports/submissions', { year }, signal) });
  const [report, setReport] = useState<string>('all');
  const [state, setState] = useState<string>('all');
  const [urging, setUrging] = useState<SubmissionRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();

  const rows = useMemo(
    () =>
      (q.data?.rows ?? []).filter((r) => {
        if (report !== 'all' && r.report !== report) return false;
        if (state === 'late') return r.late;
        if (state === 'pending') return !r.doneOn;
        if (state === 'done') return !!r.doneOn;
        return true;
      }),
    [q.data, report, state],
  );

  const urge = async (): Promise<void> => {
    if (!urging) return;
    const { note } = await form.validateFields();
    setBusy(true);
    try {
      const res = await api.post<{ notified: number }>('/api/reports/submissions/urge', { report: urging.report, orgCode: urging.orgCode, year, ...(note ? { note } : {}) });
      void message.success(`已向${urging.orgName}催报（通知${res.notified}人）`);
      setUrging(null);
      await queryClient.invalidateQueries({ queryKey: reportKeys.submissions(year) });
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<SubmissionRow> = [
    { title: '单位', dataIndex: 'orgName', render: (n: string, r) => <span>{n} <Typography.Text type="secondary">{KIND_LABEL[r.orgKind] ?? ''}</Typography.Text></span> },
    { title: '报告', dataIndex: 'reportLabel', render: (l: string, r) => <span>{SHORT[r.report] ?? l}<Typography.Text type="secondary">{`（${r.duty}）`}</Typography.Text></span> },
    { title: '期限', dataIndex: 'due', width: 110, responsive: ['md'] },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: SubmissionRow['status'], r) => <Tag color={STATUS_COLOR[s]}>{r.statusLabel}</Tag> },
    { title: '报送/公布日期', dataIndex: 'doneOn', width: 120, responsive: ['md'], render: (d: string | null) => d ?? '—' },
    {
      title: '按期情况',
      key: 'late',
      width: 150,
      render: (_, r) => (
        <Flex vertical>
          {r.late ? <Typography.Text type="danger">{r.doneOn ? `逾期${r.daysLate}天${r.duty}` : `已逾期${r.daysLate}天`}</Typography.Text> : r.doneOn ? <Typography.Text type="success">按期</Typography.Text> : <Typography.Text type="secondary">未到期</Typography.Text>}
          {r.urges ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`已催报${r.urges}次${r.lastUrgedAt ? `（${formatDateTime(r.lastUrgedAt)}）` : ''}`}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, r) => (
        <Flex gap={8} wrap align="center">
          <Link to={r.link}>查看报告</Link>
          {canUrge && r.late && !r.doneOn ? (
            <Button size="small" type="link" danger onClick={() => (form.resetFields(), setUrging(r))}>
              催报
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  if (q.isError) return <LoadFailed error={q.error} onRetry={() => void q.refetch()} />;
  const pending = (q.data?.rows ?? []).filter((r) => !r.doneOn && r.late).length;
  return (
    <Card
      size="small"
      title="报送情况"
      data-testid="submissions-card"
      extra={
        <a href={`/api/reports/submissions/export.xlsx?year=${year}`} download>
          导出Excel
        </a>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {`${year}年度各下级单位法治政府建设年度报告（向县报送）和政府信息公开工作年度报告（向社会公布）的情况。期限届满前${q.data?.reminderDays.join('天、') ?? ''}天及逾期时，系统自动提醒单位负责人、填报人员和县级报告管理人员。`}
          {pending ? <Typography.Text type="danger">{`目前${pending}项已逾期未报。`}</Typography.Text> : null}
        </Typography.Text>
        <Flex gap={12} wrap>
          <Select aria-label="报告" value={report} onChange={setReport} style={{ minWidth: 220 }} options={[{ value: 'all', label: '全部报告' }, { value: 'annual', label: '法治政府建设年度报告' }, { value: 'disclosure', label: '政府信息公开工作年度报告' }]} />
          <Segmented aria-label="报送状态" value={state} onChange={(v) => setState(String(v))} options={[{ value: 'all', label: '全部' }, { value: 'late', label: '逾期' }, { value: 'pending', label: '未报' }, { value: 'done', label: '已报' }]} />
        </Flex>
        <DataTable<SubmissionRow> rowKey={(r) => `${r.report}-${r.orgCode}`} loading={q.isLoading} columns={columns} dataSource={rows} pagination={false} size="small" data-testid="submissions-table" />
      </Flex>
      <Modal open={!!urging} title={`向${urging?.orgName ?? ''}催报`} okText="催报" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy} onOk={() => void urge()} onCancel={() => setUrging(null)}>
        <Typography.Paragraph>{urging ? `${urging.year}年${urging.reportLabel}${urging.duty}期限${urging.due}已届满，已逾期${urging.daysLate}天。催报将通知该单位负责人和填报人员，并列入其待办。` : ''}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="催报说明（可选）" rules={[{ max: 500, message: '不能超过500个字' }]}>
            <Input.TextArea rows={3} placeholder="如：请于本周五前报送。" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
