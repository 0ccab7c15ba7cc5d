import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import type { PublicReconsiderationDecisionText } from './public-reconsideration-api.ts';

// the date under the seal, written out as on the signed document
const officialDate = (iso: string | null): string => (iso ? `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : '');

/** one published 行政复议决定书, typeset like the official document, personal data already masked by the server */
export function PublicReconsiderationDecisionPage() {
  const { id } = useParams();
  const doc = useQuery({ queryKey: ['public', 'reconsideration', 'decision', id], queryFn: ({ signal }) => api.get<PublicReconsiderationDecisionText>(`/api/public/reconsideration/decisions/${id ?? ''}`, undefined, signal), enabled: !!id });
  const d = doc.data;
  return (
    <PublicLayout>
      <div className="fz-public-crumb">
        当前位置：<Link to="/public/reconsideration">行政复议决定书</Link> &gt; 正文
      </div>
      {doc.isError ? (
        <div className="fz-public-box">
          <LoadFailed error={doc.error} />
        </div>
      ) : !d ? (
        <div className="fz-official">
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      ) : (
        <>
          <div className="fz-public-meta">
            <span>
              发布单位：{d.orgName}　公开日期：{formatDate(d.publishedOn)}
            </span>
          </div>
          <article className="fz-official" data-testid="reconsideration-decision">
            <h1>
              {d.orgName}
              <br />
              行政复议决定书
            </h1>
            <p style={{ textAlign: 'center', textIndent: 0, marginBottom: 24 }}>{d.decisionNo ?? d.caseNo}</p>
            {d.text.split('\n').filter(Boolean).map((line, i) => (
              <p key={i}>{line}</p>
            ))}
            <div className="fz-official-meta">
              <div>{d.orgName}</div>
              <div>{officialDate(d.decidedOn)}</div>
            </div>
          </article>
        </>
      )}
    </PublicLayout>
  );
}
