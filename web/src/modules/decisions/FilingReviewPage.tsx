import { useQuery } from '@tanstack/react-query';
import { Button, Segmented, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { FilingReviewList, FilingReviewRow, FilingReviewState } from '../../../../common/decisions.types.ts';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PageHeader } from '../../platform/PageHeader.tsx';
import { useIsMobile } from '../../platform/use-is-mobile.ts';
import { useSearchParam } from '../../platform/use-search-param.ts';

const TABS: Array<{ value: FilingReviewState; label: string; action: string }> = [
  { value: 'filed', label: '待接收', action: '接收备案' },
  { value: 'filing_received', label: '审查中', action: '备案审查' },
  { value: 'correction_requested', label: '要求纠正', action: '查看' },
  { value: 'filing_passed', label: '审查通过', action: '查看' },
];
const isState = (v: string | null): v is FilingReviewState => TABS.some((t) => t.value === v);

/** 备案审查: the county government receives what towns filed, reviews it, and asks for a correction where needed */
export function FilingReviewPage() {
  const [params, set] = useSearchParam();
  const raw = params.get('state');
  const state: FilingReviewState = isState(raw) ? raw : 'filed';
  const mobile = useIsMobile();
  const data = useQuery({ queryKey: ['normdocs', 'filing-review', state], queryFn: ({ signal }) => api.get<FilingReviewList>('/api/normdocs/filing-review', { state }, signal), placeholderData: (prev) => prev });
  const tab = TABS.find((t) => t.value === state) ?? TABS[0];
  const open = (r: FilingReviewRow) => (
    <Link to={`/ledgers/normdocs.document/${r.id}`}>
      <Button size="small" type={state === 'filed' || state === 'filing_received' ? 'primary' : 'default'}>
        {tab?.action ?? '查看'}
      </Button>
    </Link>
  );
  const step = (r: FilingReviewRow): string =>
    state === 'filed'
      ? `报备：${formatDate(r.filedOn)}`
      : state === 'filing_received'
        ? `接收：${formatDate(r.receivedOn)}${r.correctedOn ? `；已纠正：${formatDate(r.correctedOn)}` : ''}`
        : state === 'correction_requested'
          ? `审查：${formatDate(r.reviewedOn)}；纠正期限：${formatDate(r.correctionDueOn)}`
          : `审查：${formatDate(r.reviewedOn)}`;
  return (
    <>
      <PageHeader title="规范性文件备案审查" description="接收乡镇报送备案的规范性文件，审查其制定主体、权限、内容和程序；发现问题的，要求制定机关限期纠正" />
      <Segmented
        aria-label="备案审查状态"
        style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
        value={state}
        onChange={(v) => set('state', String(v))}
        options={TABS.map((t) => ({ value: t.value, label: `${t.label}（${data.data?.counts[t.value] ?? 0}）` }))}
      />
      {data.isError ? (
        <LoadFailed error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Table<FilingReviewRow>
          data-testid="filing-review-table"
          rowKey="id"
          size="middle"
          loading={data.isLoading}
          dataSource={data.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: `没有${tab?.label ?? ''}的文件` }}
          columns={
            mobile
              ? [
                  {
                    title: '文件',
                    key: 'doc',
                    render: (_v, r) => (
                      <div>
                        <div style={{ fontWeight: 500 }}>{r.title}</div>
                        <div style={{ color: '#64748b', fontSize: 12 }}>
                          {r.docNo ?? '—'} · {r.orgName}
                          <br />
                          {step(r)}
                        </div>
                      </div>
                    ),
                  },
                  { title: '', key: 'op', width: 96, render: (_v, r) => open(r) },
                ]
              : [
                  { title: '文号', dataIndex: 'docNo', width: 190, render: (v: string | null) => v ?? '—' },
                  { title: '文件名称', dataIndex: 'title' },
                  { title: '制定机关', dataIndex: 'orgName', width: 130 },
                  { title: '公布日期', dataIndex: 'publishOn', width: 120, render: (v: string | null) => formatDate(v) },
                  { title: '办理情况', key: 'step', width: 300, render: (_v, r) => step(r) },
                  ...(state === 'filing_passed' || state === 'correction_requested' ? [{ title: '审查结论', dataIndex: 'conclusion', width: 110, render: (v: string | null) => (v ? <Tag color={v === '合法' ? 'success' : 'warning'}>{v}</Tag> : '—') }] : []),
                  { title: '操作', key: 'op', width: 110, render: (_v: unknown, r: FilingReviewRow) => open(r) },
                ]
          }
        />
      )}
    </>
  );
}
