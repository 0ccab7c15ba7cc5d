import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReconciledFact, ReconciledReport, Reconciliation } from '../../../../common/enforcement-stats.types.ts';
import { api } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useMe } from '../../platform/session.ts';
import { useSearchParam } from '../../platform/use-search-param.ts';
import { YearOrgPicker } from '../../platform/YearOrgPicker.tsx';

const REPORTS: Array<{ key: ReconciledReport; label: string }> = [
  { key: 'annual', label: '法治政府建设年度报告' },
  { key: 'disclosure', label: '政府信息公开年报' },
  { key: 'stats', label: '行政执法统计年报' },
];

/** 三报对账: each fact the three annual reports share, its figure in each and in the records */
export function ReconciliationPage() {
  const { data: me } = useMe();
  const [params, set] = useSearchParam();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const org = params.get('org') ?? me?.currentOrg?.code ?? '';
  const q = useQuery({ queryKey: ['reports', 'reconciliation', year, org], queryFn: ({ signal }) => api.get<Reconciliation>('/api/reports/reconciliation', { year, ...(org ? { org } : {}) }, signal), enabled: !!me });
  const columns: ColumnsType<ReconciledFact> = [
    { title: '共同数字', dataIndex: 'label', width: 150, fixed: 'left', render: (l: string, f) => `${l}（${f.unit}）` },
    { title: '台账指标', key: 'indicator', width: 110, align: 'right', render: (_, f) => (f.indicatorValue === null ? '—' : <Typography.Text strong>{f.indicatorValue.toLocaleString('zh-CN')}</Typography.Text>) },
    ...REPORTS.map((r) => ({
      title: r.label,
      key: r.key,
      width: 220,
      render: (_: unknown, f: ReconciledFact) => {
        const p = f.places.find((x) => x.report === r.key);
        if (!p) return <Typography.Text type="secondary">不载此项</Typography.Text>;
        const differs = p.value !== null && f.indicatorValue !== null && Math.abs(p.value - f.indicatorValue) >= 0.005;
        return (
          <Flex vertical gap={2}>
            {p.value === null ? <Typography.Text type={p.place.includes('模板原为') ? 'danger' : 'secondary'}>{p.missing ?? '—'}</Typography.Text> : <Typography.Text {...(differs ? { type: 'danger' as const } : {})} strong>{p.value.toLocaleString('zh-CN')}</Typography.Text>}
            {p.place === '—' ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.place} · {p.edition}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    })),
    { title: '结果', key: 'ok', width: 90, render: (_, f) => (f.ok ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>) },
  ];
  const data = q.data;
  const failed = data?.facts.filter((f) => !f.ok) ?? [];
  return (
    <>
      <PageHeader
        title="三报对账"
        description="法治政府建设年度报告、政府信息公开年报、行政执法统计年报中的同一数字，均应等于同一台账指标。各报告读取最新提交（定稿）版本，尚未提交的读取草稿。"
        extra={
          <Flex gap={8} wrap>
            <YearOrgPicker year={year} org={org} onChange={set} orgMinWidth={160} />
          </Flex>
        }
      />
      {q.isError ? (
        <LoadFailed error={q.error} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={16}>
          {data.ok ? (
            <Alert type="success" showIcon title={`${data.org.name}${data.year}年度：${data.facts.length}项共同数字全部一致`} data-testid="reconcile-summary" />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="reconcile-summary"
              title={`${data.org.name}${data.year}年度：${failed.length}项共同数字不一致`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {failed.flatMap((f) => f.problems).map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Card size="small">
            <Table<ReconciledFact> size="small" bordered rowKey="id" columns={columns} dataSource={data.facts} pagination={false} scroll={{ x: 900 }} data-testid="reconcile-table" />
          </Card>
        </Flex>
      )}
    </>
  );
}
