import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Empty, Select, Skeleton, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import type { PublicDecisions, PublicDraft } from './decisions-api.ts';
import './public-decisions.css';

export const publicDecisionsQuery = { queryKey: ['public', 'decisions'], queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PublicDecisions>('/api/public/decisions', undefined, signal) };

/** the box a public page shows while its data loads, or when loading failed (with a retry) */
export function LoadStateBox({ query }: { query: UseQueryResult<unknown> }) {
  return <section className="fz-public-box">{query.isError ? <LoadFailed error={query.error} onRetry={() => void query.refetch()} /> : <Skeleton active />}</section>;
}

/** 重大行政决策: drafts open for comment, the published decision catalogs, and drafts whose comment period has ended */
export function PublicDecisionsPage() {
  const [params, setParams] = useSearchParams();
  const data = useQuery(publicDecisionsQuery);
  const years = [...new Set((data.data?.catalog ?? []).map((c) => c.year))].sort((a, b) => b - a);
  const year = Number(params.get('year') ?? years[0] ?? 0);
  const catalog = (data.data?.catalog ?? []).filter((c) => c.year === year);
  const open = (data.data?.drafts ?? []).filter((d) => d.open);
  const closed = (data.data?.drafts ?? []).filter((d) => d.closed).slice(0, 20);
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 政务公开 &gt; 重大行政决策</div>
      {data.isError || data.isLoading ? (
        <LoadStateBox query={data} />
      ) : (
        <>
          <section className="fz-public-box" style={{ marginBottom: 16 }} data-testid="open-drafts">
            <h2>决策草案公开征求意见</h2>
            {open.length === 0 ? <Empty description="目前没有正在征求意见的决策草案" /> : open.map((d) => <DraftItem key={d.id} d={d} />)}
          </section>
          <section className="fz-public-box" style={{ marginBottom: 16 }} data-testid="catalog">
            <h2 style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
              <span>重大行政决策事项目录</span>
              <Select aria-label="目录年度" size="small" style={{ width: 120, fontWeight: 400 }} value={year || null} onChange={(v: number) => setParams({ year: String(v) }, { replace: true })} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
            </h2>
            {catalog.length === 0 ? (
              <Empty description="该年度目录尚未公布" />
            ) : (
              <table className="fz-pd-table">
                <thead>
                  <tr>
                    <th>序号</th>
                    <th>决策事项</th>
                    <th>决策机关</th>
                    <th>承办单位</th>
                    <th>计划完成时间</th>
                  </tr>
                </thead>
                <tbody>
                  {catalog.map((c, i) => (
                    <tr key={c.id}>
                      <td data-label="序号">{i + 1}</td>
                      <td data-label="决策事项">{c.title}</td>
                      <td data-label="决策机关">{c.orgName}</td>
                      <td data-label="承办单位">{c.proposingUnit}</td>
                      <td data-label="计划完成时间">{c.plannedTime ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="fz-public-box" data-testid="closed-drafts">
            <h2>意见征集结束及采纳情况</h2>
            {closed.length === 0 ? <Empty description="暂无" /> : closed.map((d) => <DraftItem key={d.id} d={d} />)}
          </section>
        </>
      )}
    </PublicLayout>
  );
}

export function DraftPeriod({ d }: { d: PublicDraft }) {
  return (
    <>
      征求意见期限：{formatDate(d.commentFrom)} 至 {formatDate(d.commentTo)}
      {d.periodDays ? `（共${d.periodDays}日）` : ''}
    </>
  );
}

function DraftItem({ d }: { d: PublicDraft }) {
  return (
    <div className="fz-pd-draft">
      <h3>
        <Link to={`/public/decisions/${d.id}`}>{d.title}</Link>
        {d.open ? <Tag color="red" style={{ marginInlineStart: 8 }}>征求意见中</Tag> : d.decidedOn ? <Tag style={{ marginInlineStart: 8 }}>已决策</Tag> : <Tag style={{ marginInlineStart: 8 }}>已截止</Tag>}
      </h3>
      <div className="fz-pd-meta">
        {d.orgName} · 承办单位：{d.proposingUnit}
        <br />
        <DraftPeriod d={d} />
      </div>
      {d.shortenedReason ? <div className="fz-pd-reason">征求意见期限少于30日的理由：{d.shortenedReason}</div> : null}
    </div>
  );
}
