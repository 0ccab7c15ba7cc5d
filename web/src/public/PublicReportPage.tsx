import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../platform/api.ts';
import { formatDate } from '../platform/format.ts';
import { LoadFailed } from '../platform/LoadFailed.tsx';
import { publicDownloadUrl, type PublicReport, type PublicReportSummary } from './public-api.ts';
import { PublicLayout } from './PublicLayout.tsx';

// sub-headings arrive as paragraphs numbered （一）, （二）…
const SUBHEADING = /^（[一二三四五六七八九十]+）/;

/** the current version of a superseded report: same unit and year, still published */
function CurrentVersionLink({ report }: { report: PublicReport }) {
  const list = useQuery({ queryKey: ['public', 'reports', report.year], queryFn: ({ signal }) => api.get<{ items: PublicReportSummary[] }>('/api/public/reports', { year: report.year }, signal) });
  const current = list.data?.items.find((r) => r.current && r.orgName === report.orgName && r.id !== report.id);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ maxWidth: 900, margin: '0 auto 12px' }}
      title="本文已被更正，以下为历史版本"
      description={current ? <span>请以更正后的版本为准：<Link to={`/public/reports/${current.id}`}>{current.title}（{formatDate(current.publishedAt)} 发布）</Link>{current.correctionNote ? `。更正说明：${current.correctionNote}` : ''}</span> : '请以更正后的版本为准。'}
      data-testid="superseded-banner"
    />
  );
}

/** one published report, typeset like the official document */
export function PublicReportPage() {
  const { id } = useParams();
  const report = useQuery({ queryKey: ['public', 'report', id], queryFn: ({ signal }) => api.get<PublicReport>(`/api/public/reports/${id ?? ''}`, undefined, signal), enabled: !!id });
  const r = report.data;
  return (
    <PublicLayout>
      <div className="fz-public-crumb">
        当前位置：<Link to="/public">法治政府建设年度报告</Link> &gt; 正文
      </div>
      {report.isError ? (
        <div className="fz-public-box">
          <LoadFailed error={report.error} />
        </div>
      ) : !r ? (
        <div className="fz-official">
          <Skeleton active paragraph={{ rows: 12 }} />
        </div>
      ) : (
        <>
          {r.current ? null : <CurrentVersionLink report={r} />}
          {r.correctionNote ? <Alert type="info" showIcon style={{ maxWidth: 900, margin: '0 auto 12px' }} title={`更正说明：${r.correctionNote}`} /> : null}
          <div className="fz-public-meta">
            <span>
              发布单位：{r.orgName}　发布日期：{formatDate(r.publishedAt)}
              {r.edition > 1 ? `　更正版（第${r.edition}版）` : ''}
            </span>
            <Space>
              <Button size="small" icon={<DownloadOutlined />} href={publicDownloadUrl(r.id, 'docx')}>
                下载 Word
              </Button>
              <Button size="small" icon={<DownloadOutlined />} href={publicDownloadUrl(r.id, 'pdf')}>
                下载 PDF
              </Button>
            </Space>
          </div>
          <article className="fz-official" data-testid="public-report">
            <h1>{r.title}</h1>
            {r.preamble.map((p, i) => (
              <p key={`p${i}`}>{p}</p>
            ))}
            {r.sections.map((s, i) => (
              <section key={i}>
                <h2>{s.title}</h2>
                {s.paragraphs.map((p, n) => (
                  <p key={n} className={SUBHEADING.test(p) ? 'fz-official-sub' : undefined}>
                    {p}
                  </p>
                ))}
              </section>
            ))}
            <div className="fz-official-meta">
              <div>{r.orgName}</div>
              <div>{formatDate(r.publishedAt)}</div>
            </div>
          </article>
        </>
      )}
    </PublicLayout>
  );
}
