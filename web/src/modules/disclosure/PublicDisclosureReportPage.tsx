import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { EXPORT_FORMATS, publicReportUrl, type DisclosureReport } from './disclosure-api.ts';
import { OfficialTable } from './OfficialTable.tsx';
import './disclosure.css';

/** a published 政府信息公开工作年度报告: the text and the three tables in the official layout, with downloads */
export function PublicDisclosureReportPage() {
  const { id } = useParams();
  const n = Number(id);
  const report = useQuery({ queryKey: ['public', 'disclosure', 'report', n], queryFn: ({ signal }) => api.get<DisclosureReport>(`/api/public/disclosure/reports/${n}`, undefined, signal), retry: false });
  const r = report.data;
  return (
    <PublicLayout>
      <div className="fz-public-crumb">
        当前位置：首页 &gt; <Link to="/public/disclosure">政府信息公开</Link> &gt; 政府信息公开工作年度报告
      </div>
      {report.isError ? (
        <LoadFailed error={report.error} />
      ) : !r ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <div className="fz-public-meta">
            <span>
              {r.org.name} · {r.year}年度
            </span>
            <Space wrap>
              {EXPORT_FORMATS.map((f) => (
                <Button key={f.key} size="small" icon={<DownloadOutlined />} href={publicReportUrl(n, f.key)} {...(f.key === 'html' ? { target: '_blank' } : { download: true })}>
                  {f.key === 'docx' ? '下载 Word' : f.key === 'pdf' ? '下载 PDF' : '打印版'}
                </Button>
              ))}
            </Space>
          </div>
          <article className="fz-official" data-testid="public-disclosure-report">
            <h1>{r.title}</h1>
            <p>本报告依据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求编制，数据统计期限为{r.year}年1月1日至{r.year}年12月31日。</p>
            {r.sections.map((s) => (
              <section key={s.key}>
                <h2>{s.title}</h2>
                {s.paragraphs.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
                {s.table ? <OfficialTable table={s.table} /> : null}
              </section>
            ))}
          </article>
        </>
      )}
    </PublicLayout>
  );
}
