import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { PublicPagedList } from '../../public/PublicPagedList.tsx';
import { DECISION_COLORS, type PublicReconsiderationDecision } from './public-reconsideration-api.ts';
import './public-reconsideration.css';

const KINDS = ['变更', '撤销', '确认违法', '责令履行', '确认无效', '维持', '驳回'];

/** 行政复议决定书公开 (行政复议法 art. 79): the county government's published decisions, newest first */
export function PublicReconsiderationPage() {
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const [page, setPage] = useState(1);
  const data = useQuery({
    queryKey: ['public', 'reconsideration', kind],
    queryFn: ({ signal }) => api.get<{ items: PublicReconsiderationDecision[] }>('/api/public/reconsideration/decisions', kind ? { kind } : undefined, signal),
    placeholderData: (prev) => prev,
  });
  const items = data.data?.items ?? [];
  return (
    <PublicLayout>
      <div className="fz-public-crumb">当前位置：首页 &gt; 政务公开 &gt; 行政复议决定书</div>
      <section className="fz-public-box">
        <h2>行政复议决定书</h2>
        <p className="fz-prc-meta" style={{ marginTop: 0 }}>
          依据《中华人民共和国行政复议法》第七十九条，行政复议机关根据被申请行政复议的行政行为的公开情况，将行政复议决定书向社会公开。公开文本已隐去当事人的个人信息。
        </p>
        <div className="fz-prc-tools">
          <Select
            aria-label="复议决定"
            style={{ width: 160 }}
            value={kind}
            onChange={(v: string) => {
              setParams(v ? { kind: v } : {}, { replace: true });
              setPage(1);
            }}
            options={[{ value: '', label: '全部决定类型' }, ...KINDS.map((k) => ({ value: k, label: k }))]}
          />
        </div>
        <PublicPagedList
          query={data}
          items={items}
          empty="没有公开的行政复议决定书"
          summary={`共${items.length}件。`}
          summaryClass="fz-prc-meta"
          testId="public-reconsideration"
          page={page}
          onPage={setPage}
          renderItem={(d) => (
            <div key={d.id} className="fz-prc-item">
              <div>
                <Link className="fz-prc-title" to={`/public/reconsideration/${d.id}`}>
                  {d.decisionNo ?? d.caseNo} 行政复议决定书
                </Link>
                <div className="fz-prc-meta">
                  被申请人：{d.respondent} · {d.actCategory}
                  <br />
                  {d.act}
                </div>
              </div>
              <div className="fz-prc-side">
                {d.decisionKind ? <Tag color={DECISION_COLORS[d.decisionKind] ?? 'default'}>{d.decisionKind}</Tag> : null}
                <div>决定：{formatDate(d.decidedOn)}</div>
                <div>公开：{formatDate(d.publishedOn)}</div>
              </div>
            </div>
          )}
        />
      </section>
    </PublicLayout>
  );
}
