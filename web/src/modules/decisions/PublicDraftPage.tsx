import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Form, Input, Result, Skeleton, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorText, isApiError } from '../../platform/api.ts';
import { formatDate } from '../../platform/format.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';
import { fieldMessage } from '../../platform/field-errors.ts';
import { applyServerErrors } from '../../platform/use-api-form.ts';
import { PublicLayout } from '../../public/PublicLayout.tsx';
import { HANDLING_COLORS, type Challenge, type PublicAnswers, type PublicDraft } from './decisions-api.ts';
import { DraftPeriod, LoadStateBox, publicDecisionsQuery } from './PublicDecisionsPage.tsx';
import './public-decisions.css';

/** one draft decision on the public site: its text and period, a comment form without an account, and the published answers */
export function PublicDraftPage() {
  const id = Number(useParams()['id']);
  const data = useQuery(publicDecisionsQuery);
  const draft = data.data?.drafts.find((d) => d.id === id);
  const answers = useQuery({ queryKey: ['public', 'decisions', id, 'answers'], queryFn: ({ signal }) => api.get<PublicAnswers>(`/api/public/decisions/${id}/comments`, undefined, signal), enabled: Number.isInteger(id) && id > 0 });
  return (
    <PublicLayout>
      <div className="fz-public-crumb">
        当前位置：首页 &gt; 政务公开 &gt; <Link to="/public/decisions">重大行政决策</Link> &gt; 决策草案
      </div>
      {data.isError || data.isLoading ? (
        <LoadStateBox query={data} />
      ) : !draft ? (
        <section className="fz-public-box">
          <Result status="404" title="未找到该决策草案" subTitle="该草案不存在或未公开征求意见" extra={<Link to="/public/decisions">返回重大行政决策</Link>} />
        </section>
      ) : (
        <>
          <DraftBox
            draft={draft}
            title={draft.title}
            publishedAs="公布决策"
            postUrl={`/api/public/decisions/${draft.id}/comments`}
            meta={
              <>
                {draft.orgName} · 承办单位：{draft.proposingUnit}
                <br />
                <DraftPeriod d={draft} />
              </>
            }
          >
            {draft.shortenedReason ? <div className="fz-pd-reason">征求意见期限少于30日的理由：{draft.shortenedReason}</div> : null}
          </DraftBox>
          <section className="fz-public-box" data-testid="public-answers">
            <h2>意见采纳情况</h2>
            {answers.isError ? <LoadFailed error={answers.error} onRetry={() => void answers.refetch()} /> : !answers.data ? <Skeleton active /> : <AnswerList answers={answers.data} open={draft.open} dated />}
          </section>
        </>
      )}
    </PublicLayout>
  );
}

type DraftState = Pick<PublicDraft, 'id' | 'commentTo' | 'open' | 'closed' | 'docNo' | 'publishedOn' | 'summary'>;

/** a draft on the public site: its heading and period, the comment form while the period runs (or that it has ended) */
export function DraftBox({ draft, title, meta, publishedAs, postUrl, children }: { draft: DraftState; title: string; meta: ReactNode; publishedAs: string; postUrl: string; children?: ReactNode }) {
  return (
    <>
      <section className="fz-public-box" style={{ marginBottom: 16 }}>
        <h2>
          {title}
          {draft.open ? <Tag color="red" style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>征求意见中</Tag> : draft.closed ? <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }} data-testid="draft-closed">已截止</Tag> : null}
        </h2>
        <div className="fz-pd-meta">
          {meta}
          {draft.docNo ? (
            <>
              <br />
              已于{formatDate(draft.publishedOn)}{publishedAs}（{draft.docNo}）
            </>
          ) : null}
        </div>
        {children}
        {draft.summary ? <div className="fz-pd-summary">{draft.summary}</div> : null}
      </section>
      {draft.open ? <CommentForm draft={draft} postUrl={postUrl} /> : draft.closed ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`征求意见已于${formatDate(draft.commentTo)}截止，不再接受意见`} /> : null}
    </>
  );
}

/** the comments whose handling is published, with the tally; `dated` adds the date each was answered */
export function AnswerList({ answers, open, dated = false }: { answers: Omit<PublicAnswers, 'decision'>; open: boolean; dated?: boolean }) {
  if (answers.items.length === 0) return <Empty description={open ? '意见处理情况将在研究后在此公开' : '暂无公开的意见处理情况'} />;
  return (
    <>
      <p className="fz-pd-meta">
        已公开处理情况{answers.summary.published}条，其中采纳{answers.summary.adopted}条、部分采纳{answers.summary.partlyAdopted}条、未采纳{answers.summary.notAdopted}条。
      </p>
      {answers.items.map((a) => (
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
              {dated && a.answeredOn ? <span className="fz-pd-meta">（{formatDate(a.answeredOn)}）</span> : null}
            </div>
          ) : null}
        </div>
      ))}
    </>
  );
}

interface CommentValues {
  content: string;
  name?: string;
  contact?: string;
  challengeAnswer?: string;
  website?: string;
}

/** the public comment form without an account, posting to the draft's own comment route */
export function CommentForm({ draft, postUrl }: { draft: Pick<PublicDraft, 'id' | 'commentTo'>; postUrl: string }) {
  const [form] = Form.useForm<CommentValues>();
  const queryClient = useQueryClient();
  const challenge = useQuery({ queryKey: ['public', 'decisions', 'challenge', draft.id], queryFn: ({ signal }) => api.get<Challenge>('/api/public/decisions/challenge', undefined, signal), staleTime: 5 * 60_000, refetchOnWindowFocus: false });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (v: CommentValues): Promise<void> => {
    if (!challenge.data) {
      setProblem('验证题尚未加载，请点击“换一题”后重试');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const res = await api.post<{ message: string }>(postUrl, {
        content: v.content,
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
        challengeToken: challenge.data.token,
        challengeAnswer: v.challengeAnswer,
        ...(v.website ? { website: v.website } : {}),
      });
      setDone(res.message);
      form.resetFields();
      void challenge.refetch();
    } catch (e) {
      applyServerErrors(form, e);
      setProblem(isApiError(e) && e.fieldErrors.length ? `提交未成功：${e.fieldErrors.map((f) => `${f.label ?? ''}${f.label ? '：' : ''}${fieldMessage(f)}`).join('；')}` : errorText(e));
      // a question answered wrongly, used or expired is replaced (its answer cleared, the reason kept); everything else typed stays
      const wrong = isApiError(e) ? e.fieldErrors.find((f) => f.path === 'challengeAnswer' || f.path === 'challengeToken') : undefined;
      if (wrong) {
        await queryClient.invalidateQueries({ queryKey: ['public', 'decisions', 'challenge', draft.id] });
        form.setFields([{ name: 'challengeAnswer', value: '', errors: [`${fieldMessage(wrong)}，请回答新的题目`] }]);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fz-public-box" style={{ marginBottom: 16 }} data-testid="comment-form">
      <h2>提出意见</h2>
      {done ? (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message={done} closable={{ onClose: () => setDone(null) }} data-testid="comment-done" />
      ) : null}
      <p className="fz-pd-meta" style={{ marginTop: 0 }}>
        无需注册登录。意见截止日期为{formatDate(draft.commentTo)}。您的姓名和联系方式仅供承办单位联系核实，不会公开。
      </p>
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problem} data-testid="comment-problem" /> : null}
      <Form<CommentValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 720 }}>
        <Form.Item
          name="content"
          label="意见内容"
          rules={[
            { required: true, whitespace: true, message: '请填写意见内容' },
            { min: 5, message: '意见内容至少5个字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} maxLength={5000} showCount placeholder="请针对征求意见稿内容提出具体意见和理由" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="name" label="姓名（选填）" style={{ flex: '1 1 200px' }}>
            <Input maxLength={40} autoComplete="name" />
          </Form.Item>
          <Form.Item name="contact" label="联系方式（选填）" style={{ flex: '1 1 200px' }}>
            <Input maxLength={60} autoComplete="tel" />
          </Form.Item>
        </div>
        <div className="fz-pd-honey" aria-hidden>
          <Form.Item name="website" label="网址">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item
          name="challengeAnswer"
          label={
            <span>
              验证：<span data-testid="challenge-question">{challenge.data ? challenge.data.question.replace('?', '？').replace(/\s*=\s*/, ' = ') : '加载中…'}</span>
            </span>
          }
          rules={[
            { required: true, message: '请填写计算结果' },
            { pattern: /^\d+$/, message: '请填写数字' },
          ]}
          extra={
            <Button type="link" size="small" icon={<ReloadOutlined />} style={{ paddingInline: 0 }} onClick={() => void challenge.refetch()}>
              换一题
            </Button>
          }
        >
          <Input inputMode="numeric" style={{ width: 140 }} maxLength={3} />
        </Form.Item>
        {challenge.isError ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`验证题加载失败：${errorText(challenge.error)}`} /> : null}
        <Button type="primary" htmlType="submit" loading={busy || challenge.isFetching} danger>
          提交意见
        </Button>
      </Form>
    </section>
  );
}
