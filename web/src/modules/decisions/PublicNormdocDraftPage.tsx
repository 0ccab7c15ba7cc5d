import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Result, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { HANDLING_COLORS, type PublicNormdocDraft, type PublicNormdocDraftPage as DraftData } from './decisions-api.ts';
import { LoadStateBox } from './PublicDecisionsPage.tsx';
import { CommentForm } from './PublicDraftPage.tsx';
import './public-decisions.css';

export const normdocPeriodText = (d: PublicNormdocDraft): string =>
  `征求意见期限：${formatDate(d.commentFrom)} 至 ${formatDate(d.commentTo)}${d.affectsBusiness ? `（共${d.periodDays ?? 0}日，涉及市场主体生产经营活动，不少于30日）` : `（共${d.workingDays ?? 0}个工作日）`}`;

/** a normative document draft put out for comment: its points and period, the comment form until it ends, the answers */
export function PublicNormdocDraftPage() {
  const id = Number(useParams()['id']);
  const data = useQuery({ queryKey: ['public', 'normdocs', 'draft', id], queryFn: ({ signal }) => api.get<DraftData>(`/api/public/normdocs/drafts/${id}`, undefined, signal), enabled: Number.isInteger(id) && id > 0, retry: false });
  const missing = data.isError && isApiError(data.error) && data.error.status === 404;
  const draft = data.data?.draft;
  return (
    <PublicLayout>
      <div className="fz-public-crumb">
        当前位置：首页 &gt; 政务公开 &gt; <Link to="/public/normdocs">行政规范性文件</Link> &gt; 征求意见稿
      </div>
      {missing ? (
        <section className="fz-public-box">
          <Result status="404" title="未找到该征求意见稿" subTitle="该文件不存在或未公开征求意见" extra={<Link to="/public/normdocs">返回行政规范性文件</Link>} />
        </section>
      ) : !draft || !data.data ? (
        <LoadStateBox query={data} />
      ) : (
        <>
          <section className="fz-public-box" style={{ marginBottom: 16 }}>
            <h2>
              {draft.title}（征求意见稿）
              {draft.open ? <Tag color="red" style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>征求意见中</Tag> : draft.closed ? <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }} data-testid="draft-closed">已截止</Tag> : null}
            </h2>
            <div className="fz-pd-meta">
              {draft.orgName} · 起草单位：{draft.draftingUnit}
              <br />
              {normdocPeriodText(draft)}
              {draft.docNo ? (
                <>
                  <br />
                  已于{formatDate(draft.publishedOn)}公布（{draft.docNo}）
                </>
              ) : null}
            </div>
            {draft.summary ? <div className="fz-pd-summary">{draft.summary}</div> : null}
          </section>
          {draft.open ? <CommentForm draft={draft} postUrl={`/api/public/normdocs/${draft.id}/comments`} /> : draft.closed ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`征求意见已于${formatDate(draft.commentTo)}截止，不再接受意见`} /> : null}
          <section className="fz-public-box" data-testid="public-answers">
            <h2>意见采纳情况</h2>
            {data.data.items.length === 0 ? (
              <Empty description={draft.open ? '意见处理情况将在研究后在此公开' : '暂无公开的意见处理情况'} />
            ) : (
              <>
                <p className="fz-pd-meta">
                  已公开处理情况{data.data.summary.published}条，其中采纳{data.data.summary.adopted}条、部分采纳{data.data.summary.partlyAdopted}条、未采纳{data.data.summary.notAdopted}条。
                </p>
                {data.data.items.map((a) => (
                  <div key={a.id} className="fz-pd-answer">
                    <div className="fz-pd-meta">
                      {formatDate(a.submittedOn)} · {a.channel}
                      {a.handling ? <Tag color={HANDLING_COLORS[a.handling] ?? 'default'} style={{ marginInlineStart: 8 }}>{a.handling}</Tag> : null}
                    </div>
                    <div className="fz-pd-answer-q">{a.content}</div>
                    {a.answer ? (
                      <div className="fz-pd-answer-a">
                        <strong>处理说明：</strong>
                        {a.answer}
                      </div>
                    ) : null}
                  </div>
                ))}
              </>
            )}
          </section>
        </>
      )}
    </PublicLayout>
  );
}
