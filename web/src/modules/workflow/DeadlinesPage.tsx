import { useQuery } from '@tanstack/react-query';
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, DatePicker, Flex, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorText } from '../../platform/api.ts';
import { formatChinaDateTime } from '../../platform/format.ts';
import { downloadFile } from '../../platform/ledger/download-file.ts';
import { DataTable } from '../../platform/DataTable.tsx';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { MODULE_LABELS, workflowKeys, type DeadlineItem, type DeadlineList, type LedgerRef, type NotificationList } from './workflow-api.ts';

const STATUS_OPTIONS = [
  { value: 'open', label: '全部未办结' },
  { value: 'due_soon', label: '即将到期' },
  { value: 'overdue', label: '已超期' },
  { value: 'running', label: '计时中' },
  { value: 'paused', label: '已中止计时' },
];

const WITHIN_OPTIONS = [7, 15, 30, 60, 90].map((n) => ({ value: String(n), label: `未来${n}天内到期` }));

export function DeadlineStatus({ d }: { d: DeadlineItem }) {
  if (d.error) return <Tooltip title={d.error}><Tag color="red">计算出错</Tag></Tooltip>;
  if (d.overdue) return <Tag color="red">已超期</Tag>;
  if (d.dueSoon) return <Tag color="orange">即将到期</Tag>;
  if (d.status === 'paused') return <Tag>已中止计时</Tag>;
  return <Tag color="blue">计时中</Tag>;
}

function daysLeftText(d: DeadlineItem): React.ReactNode {
  if (d.daysLeft === null) return '—';
  const unit = d.unit === 'hours' ? '小时' : d.unit === 'working' ? '个工作日' : '天';
  if (d.daysLeft < 0) return <Typography.Text type="danger">超期 {-d.daysLeft}{unit}</Typography.Text>;
  if (d.daysLeft === 0) return <Typography.Text type="warning">{d.unit === 'hours' ? '不足1小时' : '今日到期'}</Typography.Text>;
  return `剩余 ${d.daysLeft}${unit}`;
}

/** 到期事项: every running clock in the user's scope, soonest first */
export function DeadlinesPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = {
    status: params.get('status') ?? 'open',
    module: params.get('module') ?? '',
    ledger: params.get('ledger') ?? '',
    org: params.get('org') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    within: params.get('within') ?? '',
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  };
  const list = useQuery({ queryKey: workflowKeys.deadlines(q), queryFn: ({ signal }) => api.get<DeadlineList>('/api/deadlines', q, signal), placeholderData: (prev) => prev });
  const ledgers = useQuery({ queryKey: workflowKeys.ledgers, queryFn: ({ signal }) => api.get<{ items: LedgerRef[] }>('/api/ledgers', undefined, signal), staleTime: 300_000 });
  const unread = useQuery({ queryKey: ['notifications', 'unread'], queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', { pageSize: 1, unread: '1' }, signal) });
  const modules = useMemo(() => [...new Set((ledgers.data?.items ?? []).map((l) => l.module))], [ledgers.data]);
  const set = (patch: Record<string, string | null>): void => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportExcel = async (): Promise<void> => {
    setExporting(true);
    try {
      const qs = new URLSearchParams(Object.entries(q).filter(([k, v]) => v !== '' && k !== 'page' && k !== 'pageSize').map(([k, v]) => [k, String(v)]));
      await downloadFile(`/api/deadlines/export.xlsx?${qs.toString()}`, '到期事项.xlsx');
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<DeadlineItem> = [
    { title: '事项', key: 'title', render: (_, d) => <Link to={d.link}>{d.title || `${d.ledgerLabel} #${d.recordId}`}</Link> },
    { title: '台账', dataIndex: 'ledgerLabel' },
    { title: '期限', dataIndex: 'clockLabel' },
    { title: '届满日', key: 'due', render: (_, d) => (d.dueAt ? formatChinaDateTime(d.dueAt) : (d.due ?? '—')) },
    { title: '剩余时间', key: 'left', render: (_, d) => daysLeftText(d) },
    { title: '状态', key: 'status', render: (_, d) => <DeadlineStatus d={d} /> },
    { title: '责任单位', dataIndex: 'orgName' },
  ];

  return (
    <>
      <PageHeader
        title="到期事项"
        description={list.data ? `今天是 ${list.data.today}。按届满日排列本单位及下级单位所有计时中的法定期限。` : '本单位及下级单位所有计时中的法定期限'}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()} data-testid="deadlines-export">
              导出 Excel
            </Button>
            <Link to="/notifications">
              <Badge count={unread.data?.unread ?? 0} size="small">
                <Button icon={<BellOutlined />}>我的提醒</Button>
              </Badge>
            </Link>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Select aria-label="状态" style={{ width: 130 }} value={q.status} options={STATUS_OPTIONS} onChange={(v: string) => set({ status: v })} />
          <Select aria-label="到期范围" style={{ width: 150 }} allowClear placeholder="不限到期时间" value={q.within || undefined} options={WITHIN_OPTIONS} onChange={(v?: string) => set({ within: v ?? null })} />
          <Select aria-label="工作领域" style={{ width: 140 }} allowClear placeholder="全部工作领域" value={q.module || undefined} options={modules.map((m) => ({ value: m, label: MODULE_LABELS[m] ?? m }))} onChange={(v?: string) => set({ module: v ?? null, ledger: null })} />
          <Select
            aria-label="台账"
            style={{ width: 200 }}
            allowClear
            placeholder="全部台账"
            value={q.ledger || undefined}
            options={(ledgers.data?.items ?? []).filter((l) => !q.module || l.module === q.module).map((l) => ({ value: l.name, label: l.label }))}
            onChange={(v?: string) => set({ ledger: v ?? null })}
          />
          <Select aria-label="责任单位" style={{ width: 180 }} allowClear placeholder="全部单位" value={q.org || undefined} options={(me?.orgs ?? []).map((o) => ({ value: o.code, label: o.name }))} onChange={(v?: string) => set({ org: v ?? null })} showSearch={{ optionFilterProp: 'label' }} />
          <DatePicker.RangePicker
            aria-label="届满日"
            placeholder={['届满日起', '届满日止']}
            value={[q.from ? dayjs(q.from) : null, q.to ? dayjs(q.to) : null]}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD') ?? null, to: r?.[1]?.format('YYYY-MM-DD') ?? null })}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <LoadFailed error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<DeadlineItem>
          rowKey={(d) => `${d.ledger}-${d.recordId}-${d.clockId}-${d.orgCode}`}
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => set({ page: String(page), pageSize: String(pageSize) }) }}
        />
      )}
    </>
  );
}
