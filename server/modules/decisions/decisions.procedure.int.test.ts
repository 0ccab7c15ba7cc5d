import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import { setSetting } from '../../platform/settings.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord } from '../../test/ledger-client.ts';
import { daysFrom, today } from '../../test/dates.ts';
import { decisionsModule } from './decisions.module.ts';
import { LEGALITY_REVIEW_DAYS_SETTING } from './decisions.workflow.ts';

// 重大行政决策程序暂行条例: the legality review's own period (art. 26), skipped procedures with their reason,
// the catalogue published after the Party committee agrees (art. 3), the public draft closed when its period ends
let t: TestApp;
let clerk: string;
let legal: string;
const TOWN = '999001001000';
const L = 'decisions.decision';

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, calendarModule, workflowModule, decisionsModule], demo: false });
  await seedDemo(t.platform);
  [clerk, legal] = await Promise.all([t.login('clerk'), t.login('legal')]);
});
afterAll(async () => t.close());

const go = (cookie: string, id: number, name: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${L}/${id}/transitions/${name}`, payload });
const detail = (res: Parameters<typeof json>[0]): string => json<{ detail: string }>(res).detail;
const newDecision = async (title: string): Promise<number> => {
  const res = await createRecord(t, clerk, L, { orgCode: TOWN, title, proposing_unit: '规划建设办', started_on: daysFrom(-60) });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
};
const review = (id: number, date: string) => go(legal, id, 'legality_review', { lr_date: date, lr_evidence: '合法性审查意见书：合法', lr_conclusion: '合法', date });

describe('the legality review of a major decision (条例 art. 26)', () => {
  it('cannot be given before the draft was sent to it', async () => {
    const id = await newDecision('未送审的决策草案');
    const res = await review(id, today);
    expect(res.statusCode, res.body).toBe(422);
    expect(detail(res)).toContain('送交合法性审查日期');
  });

  it('cannot conclude before 7 working days after submission, naming the article and the day', async () => {
    const id = await newDecision('送审后立即审查的决策草案');
    const sent = await go(clerk, id, 'submit_legality', { lr_submitted_on: daysFrom(-2), date: daysFrom(-2) });
    expect(sent.statusCode, sent.body).toBe(200);
    const res = await review(id, today);
    expect(res.statusCode, res.body).toBe(422);
    expect(detail(res)).toContain('一般不少于7个工作日');
    expect(detail(res)).toContain('重大行政决策程序暂行条例第二十六条');
    // a backdated review date is refused too: it may not precede the submission
    const back = await review(id, daysFrom(-3));
    expect(back.statusCode).toBeGreaterThanOrEqual(400);
    expect(back.statusCode).toBeLessThan(500);
  });

  it('is in the legal reviewer’s 待办 once submitted, not the clerk’s, and concludes after the period', async () => {
    const id = await newDecision('送审满7个工作日的决策草案');
    expect((await go(clerk, id, 'submit_legality', { lr_submitted_on: daysFrom(-20), date: daysFrom(-20) })).statusCode).toBe(200);
    const queue = async (cookie: string) => json<{ items: Array<{ ledger: string; recordId: number; step: string }> }>(await t.request(cookie, { method: 'GET', url: `/api/todos?pageSize=200&ledger=${L}` })).items.filter((i) => i.recordId === id).map((i) => i.step);
    expect(await queue(legal)).toContain('legality_review');
    expect(await queue(clerk)).not.toContain('legality_review');
    const ok = await review(id, today);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('follows the local setting for the review period', async () => {
    const id = await newDecision('按本地审查期限的决策草案');
    expect((await go(clerk, id, 'submit_legality', { lr_submitted_on: daysFrom(-12), date: daysFrom(-12) })).statusCode).toBe(200);
    await setSetting(t.platform.db, LEGALITY_REVIEW_DAYS_SETTING, 10);
    try {
      const res = await review(id, today);
      expect(res.statusCode, res.body).toBe(422);
      expect(detail(res)).toContain('一般不少于10个工作日');
    } finally {
      await setSetting(t.platform.db, LEGALITY_REVIEW_DAYS_SETTING, 7);
    }
    expect((await review(id, today)).statusCode).toBe(200);
  });
});

describe('conditional procedures', () => {
  it('refuse a skipped 公众参与/专家论证/风险评估 without its reason, and show the reason in the checklist', async () => {
    const id = await newDecision('不适用程序须说明理由的决策');
    const bare = await go(clerk, id, 'record_procedures', { er_result: '依法不适用' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('专家论证不适用理由');
    expect((await go(clerk, id, 'record_procedures', { er_result: '依法不适用', er_skip_reason: '不涉及专业性、技术性较强的问题' })).statusCode).toBe(200);
    const list = json<{ procedures: Array<{ key: string; status: string; text: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/decisions/${id}/checklist` }));
    expect(list.procedures.find((p) => p.key === 'er')).toMatchObject({ status: 'skipped', text: '不涉及专业性、技术性较强的问题' });
    // the unconditional ones cannot be skipped
    expect(list.procedures.find((p) => p.key === 'lr')?.status).toBe('missing');
  });
});

describe('the decision catalogue (条例 art. 3)', () => {
  const C = 'decisions.catalog_item';
  const base = { orgCode: TOWN, year: Number(today.slice(0, 4)), title: '集镇污水管网建设', proposing_unit: '规划建设办', listed_on: daysFrom(-30), catalog_status: '已公布', approved_on: daysFrom(-25), published_on: daysFrom(-10) };
  it('is not published without the Party committee’s agreement, named with its date and record', async () => {
    const res = await createRecord(t, clerk, C, base);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('党委同意日期');
    expect(res.body).toContain('党委同意依据');
    const early = await createRecord(t, clerk, C, { ...base, party_approved_on: daysFrom(-5), party_approval: '镇党委会议纪要〔2026〕5号' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('公布日期不能早于党委同意日期');
    const ok = await createRecord(t, clerk, C, { ...base, party_approved_on: daysFrom(-15), party_approval: '镇党委会议纪要〔2026〕5号' });
    expect(ok.statusCode, ok.body).toBe(200);
  });
  it('may be 审定 before the Party committee agrees (not yet published)', async () => {
    const res = await createRecord(t, clerk, C, { ...base, title: '农村公路养护', catalog_status: '已审定', published_on: undefined });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('the public draft page after its period', () => {
  it('is marked closed and refuses a comment, saying so', async () => {
    const res = await createRecord(t, clerk, L, { orgCode: TOWN, title: '已截止征求意见的草案', proposing_unit: '党政办公室', started_on: daysFrom(-90), draft_published: true, comment_from: daysFrom(-70), comment_to: daysFrom(-35), summary: '草案要点' });
    expect(res.statusCode, res.body).toBe(200);
    const id = json<{ id: number }>(res).id;
    const pub = json<{ drafts: Array<{ id: number; open: boolean; closed: boolean }> }>(await t.request(null, { method: 'GET', url: `/api/public/decisions?org=${TOWN}` }));
    expect(pub.drafts.find((d) => d.id === id)).toMatchObject({ open: false, closed: true });
    const ch = json<{ token: string; question: string }>(await t.request(null, { method: 'GET', url: '/api/public/decisions/challenge' }));
    await new Promise((r) => setTimeout(r, 2100));
    const answer = ch.question.split(/[+=]/).slice(0, 2).reduce((s, x) => s + Number(x.trim()), 0);
    const post = await t.request(null, { method: 'POST', url: `/api/public/decisions/${id}/comments`, payload: { content: '截止后的意见内容', challengeToken: ch.token, challengeAnswer: answer } });
    expect(post.statusCode).toBe(409);
    expect(detail(post)).toContain('截止，不再接受意见');
  });
});
