import { useQuery } from '@tanstack/react-query';
import { Empty, Input, Select, Skeleton, Tag } from 'antd';
import { useDeferredValue, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { PublicPagedList } from '../../public/PublicPagedList.tsx';
import { EFFECT_COLORS, type PublicNormdoc, type PublicNormdocDraft } from './decisions-api.ts';
import { normdocPeriodText } from './PublicNormdocDraftPage.tsx';
import './public-decisions.css';

/** 行政规范性文件: every published document with its number, dates, validity and status (规范性文件统一公布) */
export function PublicNormdocsPage() {
  const [params, setParams] = useSearchParams();
  const effect = params.get('effect') ?? '';
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDeferredValue(text.trim());
  const [page, setPage] = useState(1);
  const data = useQuery({
    queryKey: ['public', 'normdocs', effect, q],
    queryFn: ({ signal }) => api.get<{ items: PublicNormdoc[]; inForce: number }>('/api/public/normdocs', { ...(effect ? { effect } : {}), ...(q ? { q } : {}) }, signal),
    placeholderData: (prev) => prev,
  });
  const items = data.data?.items ?? [];
  const drafts = useQuery({ queryKey: ['public', 'normdocs', 'drafts'], queryFn: ({ signal }) => api.get<{ drafts: PublicNormdocDraft[] }>('/api/public/normdocs/drafts', undefined, signal) });
  const open = (drafts.data?.drafts ?? []).filter((d) => d.open);
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 政务公开 &gt; 行政规范性文件</div>
      <section className="fz-public-box" style={{ marginBottom: 16 }} data-testid="normdoc-drafts">
        <h2>征求意见稿</h2>
        {drafts.isError ? (
          <LoadFailed error={drafts.error} onRetry={() => void drafts.refetch()} />
        ) : drafts.isLoading ? (
          <Skeleton active />
        ) : open.length === 0 ? (
          <Empty description="目前没有正在征求意见的规范性文件" />
        ) : (
          open.map((d) => (
            <div key={d.id} className="fz-pd-draft">
              <h3>
                <Link to={`/public/normdocs/drafts/${d.id}`}>{d.title}（征求意见稿）</Link>
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  征求意见中
                </Tag>
              </h3>
              <div className="fz-pd-meta">
                {d.orgName} · 起草单位：{d.draftingUnit}
                <br />
                {normdocPeriodText(d)}
              </div>
            </div>
          ))
        )}
      </section>
      <section className="fz-public-box">
        <h2>行政规范性文件</h2>
        <div className="fz-pd-tools">
          <Input.Search
            aria-label="搜索文件名称或文号"
            placeholder="搜索文件名称或文号"
            allowClear
            style={{ width: 280, maxWidth: '100%' }}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPage(1);
            }}
          />
          <Select
            aria-label="效力状态"
            style={{ width: 140 }}
            value={effect}
            onChange={(v: string) => {
              setParams(v ? { effect: v } : {}, { replace: true });
              setPage(1);
            }}
            options={[{ value: '', label: '全部状态' }, ...['现行有效', '已修改', '已废止', '已失效'].map((x) => ({ value: x, label: x }))]}
          />
        </div>
        <PublicPagedList
          query={data}
          items={items}
          empty="没有符合条件的文件"
          summary={`共${items.length}件${effect ? '' : `，其中现行有效${data.data?.inForce ?? 0}件`}。`}
          summaryClass="fz-pd-meta"
          testId="public-normdocs"
          page={page}
          onPage={setPage}
          renderItem={(d) => (
            <div key={d.id} className="fz-pd-doc">
              <div>
                <div className="fz-pd-doc-title">{d.title}</div>
                <div className="fz-pd-meta">
                  {d.docNo ?? '—'} · {d.orgName}
                </div>
              </div>
              <div className="fz-pd-doc-side">
                {d.effect ? <Tag color={EFFECT_COLORS[d.effect] ?? 'default'}>{d.effect}</Tag> : null}
                <div>公布：{formatDate(d.publishOn)}</div>
                <div>{d.effect === '已废止' || d.effect === '已失效' ? `${d.effect === '已废止' ? '废止' : '失效'}：${formatDate(d.effectChangedOn)}` : `有效期至：${formatDate(d.validUntil)}`}</div>
              </div>
            </div>
          )}
        />
      </section>
    </PublicLayout>
  );
}
