import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Input, Pagination, Skeleton, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import type { PublicDisclosureReportSummary, PublicItemList } from './disclosure-api.ts';
import './disclosure.css';

const PAGE_SIZE = 15;

/** 政府信息公开: proactively published information by category, full-text search, and the annual disclosure reports */
export function PublicDisclosurePage() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? '';
  const town = params.get('town') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page')) || 1;
  const items = useQuery({
    queryKey: ['public', 'disclosure', 'items', category, town, q, page],
    queryFn: ({ signal }) => api.get<PublicItemList>('/api/public/disclosure/items', { category: category || undefined, townCategory: town || undefined, q: q || undefined, page, pageSize: PAGE_SIZE }, signal),
    // the category buttons stay in place while the next category loads
    placeholderData: keepPreviousData,
  });
  const reports = useQuery({ queryKey: ['public', 'disclosure', 'reports'], queryFn: ({ signal }) => api.get<{ items: PublicDisclosureReportSummary[] }>('/api/public/disclosure/reports', undefined, signal) });
  const go = (next: Record<string, string | null>): void => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  const all = (items.data?.categories ?? []).reduce((n, c) => n + c.count, 0);
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 政府信息公开{category || town ? ` > ${category || town}` : ''}</div>
      <section className="fz-public-box" style={{ marginBottom: 16 }}>
        <h2>主动公开政府信息</h2>
        <Input.Search
          aria-label="全文检索"
          placeholder="输入标题、文号或正文中的词语检索"
          allowClear
          enterButton="检索"
          defaultValue={q}
          key={q}
          onSearch={(v) => go({ q: v.trim() || null, page: null })}
          style={{ marginBottom: 12, maxWidth: 520 }}
        />
        <div className="fz-public-cats" role="group" aria-label="公开类别" data-testid="public-categories">
          <button type="button" className={category || town ? '' : 'active'} onClick={() => go({ category: null, town: null, page: null })}>
            全部（{all}）
          </button>
          {(items.data?.categories ?? []).map((c) => (
            <button type="button" key={c.category} className={category === c.category ? 'active' : ''} onClick={() => go({ category: c.category, town: null, page: null })}>
              {c.category}（{c.count}）
            </button>
          ))}
        </div>
        {items.data?.townCategories.length ? (
          <div className="fz-public-town-cats">
            <div className="fz-public-town-title">乡镇主动公开事项（《政府信息公开条例》第二十一条及本县确定的事项）</div>
            <div className="fz-public-cats" role="group" aria-label="乡镇主动公开事项" data-testid="public-town-categories">
              {items.data.townCategories.map((c) => (
                <button type="button" key={c.category} className={town === c.category ? 'active' : ''} onClick={() => go({ town: c.category, category: null, page: null })}>
                  {c.category}（{c.count}）
                </button>
              ))}
            </div>
          </div>
        ) : null}
        {items.isError ? (
          <LoadFailed error={items.error} onRetry={() => void items.refetch()} />
        ) : items.isLoading ? (
          <Skeleton active />
        ) : !items.data?.items.length ? (
          <Empty description={q ? `没有找到包含“${q}”的公开信息` : '暂无公开信息'} />
        ) : (
          <>
            <div style={{ color: '#6b7280', fontSize: 13 }}>
              {q ? `检索“${q}”` : category || town || '全部类别'}，共 {items.data.total} 条
            </div>
            <ul className="fz-public-list" data-testid="public-item-list">
              {items.data.items.map((it) => (
                <li key={it.id}>
                  <span>
                    <Tag color="red" variant="outlined" style={{ marginInlineEnd: 8 }} data-kind="category">
                      {it.category}
                    </Tag>
                    {it.townCategory ? (
                      <Tag color="green" variant="outlined" style={{ marginInlineEnd: 8 }} data-kind="town-category">
                        {it.townCategory}
                      </Tag>
                    ) : null}
                    <Link to={`/public/disclosure/items/${it.id}`}>{it.title}</Link>
                    <span style={{ color: '#9ca3af', fontSize: 13, marginInlineStart: 8 }}>{it.orgName}</span>
                  </span>
                  <span className="fz-public-date">
                    {formatDate(it.publishedOn)}
                    {it.correctedOn ? `（于${formatDate(it.correctedOn)}更正）` : ''}
                  </span>
                </li>
              ))}
            </ul>
            {items.data.total > PAGE_SIZE ? <Pagination style={{ marginTop: 12 }} simple current={page} pageSize={PAGE_SIZE} total={items.data.total} onChange={(p) => go({ page: p > 1 ? String(p) : null })} /> : null}
          </>
        )}
      </section>
      <section className="fz-public-box">
        <h2>政府信息公开工作年度报告</h2>
        {reports.isError ? (
          <LoadFailed error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.isLoading ? (
          <Skeleton active />
        ) : !reports.data?.items.length ? (
          <Empty description="暂无已公开的年度报告" />
        ) : (
          <ul className="fz-public-list" data-testid="public-disclosure-reports">
            {reports.data.items.map((r) => (
              <li key={r.id}>
                <Link to={`/public/disclosure/reports/${r.id}`}>{r.title}</Link>
                <span className="fz-public-date">{formatDate(r.publishedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PublicLayout>
  );
}
