import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import type { PublicItemDetail } from './disclosure-api.ts';
import './disclosure.css';

/** one proactively published item, as the government website shows it */
export function PublicItemPage() {
  const { id } = useParams();
  const item = useQuery({ queryKey: ['public', 'disclosure', 'item', id], queryFn: ({ signal }) => api.get<PublicItemDetail>(`/api/public/disclosure/items/${Number(id)}`, undefined, signal), retry: false });
  const d = item.data;
  return (
    <PublicLayout>
      <div className="fz-public-crumb">
        当前位置：首页 &gt; <Link to="/public/disclosure">政府信息公开</Link>
        {d ? (
          <>
            {' '}
            &gt; <Link to={`/public/disclosure?category=${encodeURIComponent(d.category)}`}>{d.category}</Link>
          </>
        ) : null}
      </div>
      {item.isError ? (
        <LoadFailed error={item.error} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <article className="fz-official" data-testid="public-item">
          <h1>{d.title}</h1>
          <div className="fz-public-item-meta">
            <div>发布机构：{d.issuingUnit ? `${d.orgName}${d.issuingUnit}` : d.orgName}</div>
            <div>公开类别：{d.category}</div>
            {d.docNo ? <div>文　　号：{d.docNo}</div> : null}
            <div>
              公开日期：{formatDate(d.publishedOn)}
              {d.correctedOn ? `（于${formatDate(d.correctedOn)}更正）` : ''}
            </div>
          </div>
          {d.summary ? <p className="fz-official-sub">{d.summary}</p> : null}
          <div className="fz-public-item-body">{d.content ?? ''}</div>
          {d.url ? (
            <p style={{ textIndent: 0, fontSize: 14, marginTop: 24 }}>
              原文链接：
              <a href={d.url} target="_blank" rel="noopener noreferrer">
                {d.url}
              </a>
            </p>
          ) : null}
        </article>
      )}
    </PublicLayout>
  );
}
