import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { type PublicNormdocDraft, type PublicNormdocDraftPage as DraftData } from './decisions-api.ts';
import { LoadStateBox } from './PublicDecisionsPage.tsx';
import { AnswerList, DraftBox } from './PublicDraftPage.tsx';
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
          <DraftBox
            draft={draft}
            title={`${draft.title}（征求意见稿）`}
            publishedAs="公布"
            postUrl={`/api/public/normdocs/${draft.id}/comments`}
            meta={
              <>
                {draft.orgName} · 起草单位：{draft.draftingUnit}
                <br />
                {normdocPeriodText(draft)}
              </>
            }
          />
          <section className="fz-public-box" data-testid="public-answers">
            <h2>意见采纳情况</h2>
            <AnswerList answers={data.data} open={draft.open} />
          </section>
        </>
      )}
    </PublicLayout>
  );
}
