import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import type { StatsRow, StatsTable } from '../../../common/enforcement-stats.types.ts';
import { api } from '../platform/api.ts';
import { formatDate } from '../platform/format.ts';
import { LoadFailed } from '../platform/LoadFailed.tsx';
import { PublicLayout } from './PublicLayout.tsx';

interface PublicStatsSummary {
  id: number;
  orgName: string;
  year: number;
  current: boolean;
  title: string;
  publishedAt: string;
}

/** 行政执法统计年报: every published statistics report of the county and its towns */
export function PublicEnforcementStatsPage() {
  const all = useQuery({ queryKey: ['public', 'enforcement-stats'], queryFn: ({ signal }) => api.get<{ items: PublicStatsSummary[] }>('/api/public/enforcement-stats', undefined, signal) });
  const items = all.data?.items ?? [];
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 政务公开 &gt; 行政执法统计年报</div>
      <section className="fz-public-box">
        <h2>行政执法统计年报</h2>
        {all.isError ? (
          <LoadFailed error={all.error} onRetry={() => void all.refetch()} />
        ) : all.isLoading ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description="暂无已公开的统计年报" />
        ) : (
          <ul className="fz-public-list" data-testid="public-stats-list">
            {items.map((r) => (
              <li key={r.id}>
                <span>
                  <Link to={`/public/enforcement-stats/${r.id}`}>{r.title}</Link>
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

/** one published statistics report: the frozen table, with 本系统未登记 where the system keeps no records */
export function PublicEnforcementStatsReportPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: ['public', 'enforcement-stats', id], queryFn: ({ signal }) => api.get<PublicStatsSummary & { table: StatsTable }>(`/api/public/enforcement-stats/${id ?? ''}`, undefined, signal) });
  const r = q.data;
  return (
    <PublicLayout>
      <div className="fz-public-crumb">
        当前位置：首页 &gt; 政务公开 &gt; <Link to="/public/enforcement-stats">行政执法统计年报</Link>
      </div>
      <section className="fz-public-box">
        {q.isError ? (
          <LoadFailed error={q.error} onRetry={() => void q.refetch()} />
        ) : !r ? (
          <Skeleton active />
        ) : (
          <>
            <h2>{r.title}</h2>
            <p>
              发布日期：{formatDate(r.publishedAt)}　<a href={`/api/public/enforcement-stats/${r.id}/download?format=docx`}>下载 Word</a>　<a href={`/api/public/enforcement-stats/${r.id}/download?format=pdf`}>下载 PDF</a>
            </p>
            <Table<StatsRow>
              size="small"
              bordered
              rowKey="key"
              pagination={false}
              scroll={{ x: 560 }}
              dataSource={r.table.rows}
              columns={[
                { title: '执法行为类型', dataIndex: 'group', width: 96, onCell: (row, i) => ({ rowSpan: r.table.rows.findIndex((x) => x.group === row.group) === i ? r.table.rows.filter((x) => x.group === row.group).length : 0 }) },
                { title: '统计项目', dataIndex: 'label', render: (l: string, row) => <span style={{ paddingLeft: row.indent * 16 }}>{l}</span> },
                { title: '单位', dataIndex: 'unit', width: 56, align: 'center' },
                ...r.table.columns.map((c, ci) => ({ title: c.label, key: c.key, width: 120, align: 'right' as const, render: (_: unknown, row: StatsRow) => { const cell = row.cells[ci]; return !cell || cell.source === 'na' ? '—' : cell.value === null ? '本系统未登记' : cell.value.toLocaleString('zh-CN'); } })),
              ]}
            />
          </>
        )}
      </section>
    </PublicLayout>
  );
}
