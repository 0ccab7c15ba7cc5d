import { useQuery } from '@tanstack/react-query';
import { Empty, Select, Skeleton, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../platform/api.ts';
import { formatDate } from '../platform/format.ts';
import { LoadFailed } from '../platform/LoadFailed.tsx';
import type { PublicReportSummary } from './public-api.ts';
import { PublicLayout } from './PublicLayout.tsx';

/** 法治政府建设年度报告: every published report of the county and its towns */
export function PublicReportsPage() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const all = useQuery({ queryKey: ['public', 'reports'], queryFn: ({ signal }) => api.get<{ items: PublicReportSummary[] }>('/api/public/reports', undefined, signal) });
  const items = (all.data?.items ?? []).filter((r) => !year || String(r.year) === year);
  const years = [...new Set((all.data?.items ?? []).map((r) => r.year))].sort((a, b) => b - a);
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设年度报告</div>
      <section className="fz-public-box">
        <h2 style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          <span>法治政府建设年度报告</span>
          <Select
            aria-label="年度"
            size="small"
            style={{ width: 120, fontWeight: 400 }}
            value={year}
            onChange={(v: string) => setParams(v ? { year: v } : {}, { replace: true })}
            options={[{ value: '', label: '全部年度' }, ...years.map((y) => ({ value: String(y), label: `${y}年度` }))]}
          />
        </h2>
        {all.isError ? (
          <LoadFailed error={all.error} onRetry={() => void all.refetch()} />
        ) : all.isLoading ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description="暂无已公开的报告" />
        ) : (
          <ul className="fz-public-list" data-testid="public-report-list">
            {items.map((r) => (
              <li key={r.id}>
                <span>
                  <Link to={`/public/reports/${r.id}`}>{r.title}</Link>
                  {r.edition > 1 ? <Tag color="orange" style={{ marginInlineStart: 8 }}>更正版</Tag> : null}
                  {r.current ? null : <Tag style={{ marginInlineStart: 8 }}>已被更正</Tag>}
                </span>
                <span className="fz-public-date">{formatDate(r.publishedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PublicLayout>
  );
}
