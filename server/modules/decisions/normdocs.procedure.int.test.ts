import { sql } from 'kysely';
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
import { filingDue } from './decisions.rules.ts';
import { COMMENT_WORKING_DAYS_SETTING, FILING_DAYS_SETTING } from './normdocs.workflow.ts';

// 行政规范性文件 (国办发〔2018〕37号): the legal reviewer's conclusion, a public comment period that cannot be cut short,
// and the county government's 备案审查 of what towns filed
let t: TestApp;
let clerk: string;
let reviewer: string;
let legal: string;
let county: string;
let supervisor: string;
const TOWN = '999001001000';
const COUNTY = '999001000000';
const L = 'normdocs.document';

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, calendarModule, workflowModule, decisionsModule], demo: false });
  await seedDemo(t.platform);
  [clerk, reviewer, legal, county, supervisor] = await Promise.all([t.login('clerk'), t.login('reviewer'), t.login('legal'), t.login('county'), t.login('supervisor')]);
});
afterAll(async () => t.close());

const go = (cookie: string, id: number, name: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${L}/${id}/transitions/${name}`, payload });
const detail = (res: Parameters<typeof json>[0]): string => json<{ detail: string }>(res).detail;
const state = async (id: number): Promise<string> => json<{ state: string }>(await t.request(county, { method: 'GET', url: `/api/ledgers/${L}/${id}` })).state;
const newDoc = async (title: string, orgCode = TOWN): Promise<number> => {
  const res = await createRecord(t, orgCode === TOWN ? clerk : county, L, { orgCode, title, drafting_unit: '党政办公室', draft_on: daysFrom(-120) });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
};
const queue = async (cookie: string, id: number): Promise<string[]> =>
  json<{ items: Array<{ ledger: string; recordId: number; step: string }> }>(await t.request(cookie, { method: 'GET', url: `/api/todos?pageSize=200&ledger=${L}` })).items.filter((i) => i.recordId === id).map((i) => i.step);
async function challenge(): Promise<{ challengeToken: string; challengeAnswer: number }> {
  const ch = json<{ token: string; question: string }>(await t.request(null, { method: 'GET', url: '/api/public/decisions/challenge' }));
  await new Promise((r) => setTimeout(r, 2100));
  return { challengeToken: ch.token, challengeAnswer: ch.question.split(/[+=]/).slice(0, 2).reduce((s, x) => s + Number(x.trim()), 0) };
}

/** a town document taken through its steps to 报送备案 (dates in the past) */
async function filed(title: string, orgCode = TOWN, filedTo: string[] = ['上一级人民政府']): Promise<number> {
  const id = await newDoc(title, orgCode);
  const who = orgCode === TOWN ? clerk : county;
  expect((await go(who, id, 'open_comment', { comment_from: daysFrom(-100), comment_to: daysFrom(-80), date: daysFrom(-100) })).statusCode).toBe(200);
  expect((await go(orgCode === TOWN ? legal : county, id, 'legality_review', { legality_review_on: daysFrom(-70), legality_conclusion: '合法', legality_opinion: '合法', date: daysFrom(-70) })).statusCode).toBe(200);
  expect((await go(who, id, 'deliberate', { deliberation_on: daysFrom(-60), deliberation_meeting: '镇政府常务会议', date: daysFrom(-60) })).statusCode).toBe(200);
  expect((await go(who, id, 'publish', { publish_on: daysFrom(-50), valid_until: daysFrom(1000), effect: '现行有效', date: daysFrom(-50) })).statusCode).toBe(200);
  const f = await go(who, id, 'file', { filed_on: daysFrom(-40), filed_to: filedTo, date: daysFrom(-40) });
  expect(f.statusCode, f.body).toBe(200);
  return id;
}

describe('the legality review of a normative document', () => {
  it('is the legal reviewer’s: a general reviewer cannot record it; 不合法 blocks the deliberation', async () => {
    const id = await newDoc('合法性审核归属测试文件');
    expect((await go(clerk, id, 'open_comment', { comment_from: daysFrom(-40), comment_to: daysFrom(-20), date: daysFrom(-40) })).statusCode).toBe(200);
    const byReviewer = await go(reviewer, id, 'legality_review', { legality_review_on: daysFrom(-10), legality_conclusion: '合法', legality_opinion: '合法', date: daysFrom(-10) });
    expect(byReviewer.statusCode).toBe(403);
    expect((await go(legal, id, 'legality_review', { legality_review_on: daysFrom(-10), legality_conclusion: '不合法', legality_opinion: '增设了行政许可', date: daysFrom(-10) })).statusCode).toBe(200);
    const blocked = await go(clerk, id, 'deliberate', { deliberation_on: daysFrom(-5), deliberation_meeting: '镇政府常务会议', date: daysFrom(-5) });
    expect(blocked.statusCode).toBe(422);
    expect(detail(blocked)).toContain('不合法');
  });
});

describe('the public comment period of a draft', () => {
  it('is at least 7 working days, 30 days for a document closely affecting businesses, per the settings', async () => {
    const id = await newDoc('征求意见期限测试文件');
    const short = await go(clerk, id, 'open_comment', { comment_from: daysFrom(-30), comment_to: daysFrom(-28), date: daysFrom(-30) });
    expect(short.statusCode).toBe(422);
    expect(detail(short)).toContain('一般不少于7个工作日');
    const business = await go(clerk, id, 'open_comment', { affects_business: true, comment_from: daysFrom(-60), comment_to: daysFrom(-45), date: daysFrom(-60) });
    expect(business.statusCode).toBe(422);
    expect(detail(business)).toContain('不少于30日');
    await setSetting(t.platform.db, COMMENT_WORKING_DAYS_SETTING, 15);
    try {
      const local = await go(clerk, id, 'open_comment', { comment_from: daysFrom(-30), comment_to: daysFrom(-17), date: daysFrom(-30) });
      expect(local.statusCode).toBe(422);
      expect(detail(local)).toContain('一般不少于15个工作日');
    } finally {
      await setSetting(t.platform.db, COMMENT_WORKING_DAYS_SETTING, 7);
    }
    expect((await go(clerk, id, 'open_comment', { comment_from: daysFrom(-30), comment_to: daysFrom(-17), date: daysFrom(-30) })).statusCode).toBe(200);
  });

  it('is open on the public site, takes a comment, and cannot be cut short: no review before it ends and every comment answered', async () => {
    const id = await newDoc('公开征求意见测试文件');
    expect((await go(clerk, id, 'open_comment', { comment_from: daysFrom(-2), comment_to: daysFrom(20), draft_summary: '本办法共十条。', date: daysFrom(-2) })).statusCode).toBe(200);
    const list = json<{ drafts: Array<{ id: number; open: boolean; closed: boolean; summary: string | null }> }>(await t.request(null, { method: 'GET', url: `/api/public/normdocs/drafts?org=${TOWN}` }));
    expect(list.drafts.find((d) => d.id === id)).toMatchObject({ open: true, closed: false, summary: '本办法共十条。' });
    const post = await t.request(null, { method: 'POST', url: `/api/public/normdocs/${id}/comments`, payload: { content: '建议明确补贴发放时限，联系电话13800138000。', ...(await challenge()) } });
    expect(post.statusCode, post.body).toBe(200);
    const commentId = json<{ id: number }>(post).id;

    const early = await go(legal, id, 'legality_review', { legality_review_on: today, legality_conclusion: '合法', legality_opinion: '合法', date: today });
    expect(early.statusCode).toBe(422);
    const [y, m, d] = daysFrom(20).split('-').map(Number);
    expect(detail(early)).toContain(`公开征求意见期限至${y}年${m}月${d}日届满`);
    expect(detail(early)).toContain('尚有1条公众意见未填写采纳情况');

    // the drafting office answers; the public page shows the answer with the phone number masked
    const cur = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/normdocs.comment/${commentId}` }));
    const ans = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/normdocs.comment/${commentId}`, payload: { handling: '采纳', answer: '已增加发放时限条款', answered_on: today, answer_published: true, version: cur.version } });
    expect(ans.statusCode, ans.body).toBe(200);
    const page = json<{ items: Array<{ content: string; answer: string }> }>(await t.request(null, { method: 'GET', url: `/api/public/normdocs/drafts/${id}` }));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.content).not.toContain('13800138000');
    const still = await go(legal, id, 'legality_review', { legality_review_on: today, legality_conclusion: '合法', legality_opinion: '合法', date: today });
    expect(still.statusCode).toBe(422);
    expect(detail(still)).not.toContain('尚有');
  });

  it('refuses a comment once the period has ended, saying it is closed', async () => {
    const id = await newDoc('已截止征求意见的文件');
    expect((await go(clerk, id, 'open_comment', { comment_from: daysFrom(-40), comment_to: daysFrom(-20), date: daysFrom(-40) })).statusCode).toBe(200);
    const pub = json<{ draft: { closed: boolean; open: boolean } }>(await t.request(null, { method: 'GET', url: `/api/public/normdocs/drafts/${id}` }));
    expect(pub.draft).toMatchObject({ open: false, closed: true });
    const post = await t.request(null, { method: 'POST', url: `/api/public/normdocs/${id}/comments`, payload: { content: '截止后提交的意见', ...(await challenge()) } });
    expect(post.statusCode).toBe(409);
    expect(detail(post)).toContain('截止，不再接受意见');
  });
});

describe('备案审查 by the county government', () => {
  it('is received and reviewed by the county, asks the town for a correction, and passes once corrected', async () => {
    const id = await filed('备案审查测试文件');
    expect(await state(id)).toBe('filed');
    expect(await queue(county, id)).toContain('filing_receive');
    expect(await queue(clerk, id)).not.toContain('filing_receive');
    // the town cannot receive or review its own filing
    expect((await go(clerk, id, 'filing_receive', { filing_received_on: daysFrom(-38), date: daysFrom(-38) })).statusCode).toBe(403);
    expect((await go(county, id, 'filing_receive', { filing_received_on: daysFrom(-38), date: daysFrom(-38) })).statusCode).toBe(200);
    expect(await state(id)).toBe('filing_received');
    expect(await queue(supervisor, id)).toContain('filing_review');

    const noDue = await go(supervisor, id, 'filing_review', { filing_review_on: daysFrom(-30), filing_conclusion: '要求纠正', filing_opinion: '第五条增设了证明事项', date: daysFrom(-30) });
    expect(noDue.statusCode).toBe(422);
    expect(detail(noDue)).toContain('纠正期限');
    const asked = await go(supervisor, id, 'filing_review', { filing_review_on: daysFrom(-30), filing_conclusion: '要求纠正', filing_opinion: '第五条增设了证明事项', correction_due_on: daysFrom(-10), date: daysFrom(-30) });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(await state(id)).toBe('correction_requested');
    expect(await queue(clerk, id)).toContain('report_correction');
    // the conclusion is the county's: the town cannot edit it away
    const cur = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}` }));
    const forged = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${L}/${id}`, payload: { filing_conclusion: '合法', version: cur.version } });
    expect(forged.statusCode).toBeGreaterThanOrEqual(403);
    expect(forged.statusCode).toBeLessThan(500);

    const reported = await go(clerk, id, 'report_correction', { corrected_on: daysFrom(-15), correction_report: '已删除第五条证明事项，重新公布', date: daysFrom(-15) });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(await state(id)).toBe('filing_received');
    expect(await queue(county, id)).toContain('filing_review');
    const passed = await go(county, id, 'filing_review', { filing_review_on: daysFrom(-5), filing_conclusion: '合法', filing_opinion: '已纠正，予以备案', date: daysFrom(-5) });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(await state(id)).toBe('filing_passed');

    // every step audited with its actor
    const audited = await sql<{ action: string; actor_name: string }>`select action, actor_name from audit_log where entity = ${L} and entity_id = ${String(id)} order by id`.execute(t.platform.db);
    const steps = audited.rows.map((r) => `${r.actor_name}:${r.action}`).join(' ');
    expect(steps).toContain('county:transition');
    expect(steps).toContain('supervisor:transition');
    expect(steps).toContain('clerk:transition');
  });

  it('does not take the county’s own documents, filed with its standing committee', async () => {
    const id = await filed('县政府自身文件', COUNTY, ['上一级人民政府', '本级人大常委会']);
    expect(await queue(county, id)).not.toContain('filing_receive');
    const res = await go(county, id, 'filing_receive', { filing_received_on: daysFrom(-38), date: daysFrom(-38) });
    expect(res.statusCode).toBe(422);
    expect(detail(res)).toContain('只审查报送县（区）人民政府备案的乡镇文件');
  });

  it('lists the adopted document on the public site with its number and validity', async () => {
    const id = await filed('统一公布测试文件');
    const pub = json<{ items: Array<{ id: number; docNo: string | null; validUntil: string | null; effect: string }> }>(await t.request(null, { method: 'GET', url: `/api/public/normdocs?org=${TOWN}` }));
    const item = pub.items.find((i) => i.id === id);
    expect(item?.docNo).toMatch(/规〔\d{4}〕\d+号$/);
    expect(item).toMatchObject({ validUntil: daysFrom(1000), effect: '现行有效' });
  });
});

describe('the filing period (报备期限) setting', () => {
  it('saved by another server (straight into the database) holds on the next publish here, without a restart or a home page', async () => {
    const id = await newDoc('另一服务器修改报备期限后公布的文件');
    expect((await go(clerk, id, 'open_comment', { comment_from: daysFrom(-100), comment_to: daysFrom(-80), date: daysFrom(-100) })).statusCode).toBe(200);
    expect((await go(legal, id, 'legality_review', { legality_review_on: daysFrom(-70), legality_conclusion: '合法', legality_opinion: '合法', date: daysFrom(-70) })).statusCode).toBe(200);
    expect((await go(clerk, id, 'deliberate', { deliberation_on: daysFrom(-60), deliberation_meeting: '镇政府常务会议', date: daysFrom(-60) })).statusCode).toBe(200);
    // this process read 30 days at start; another server's administrator saves 20 (decision 0044)
    await setSetting(t.platform.db, FILING_DAYS_SETTING, 20);
    try {
      const pub = await go(clerk, id, 'publish', { publish_on: daysFrom(-50), valid_until: daysFrom(1000), effect: '现行有效', date: daysFrom(-50) });
      expect(pub.statusCode, pub.body).toBe(200);
      const values = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}` })).values;
      expect(values['filing_due_on']).toBe(filingDue(daysFrom(-50), 20));
      expect(values['filing_due_on']).not.toBe(filingDue(daysFrom(-50), 30));
    } finally {
      await sql`delete from setting where key = ${FILING_DAYS_SETTING}`.execute(t.platform.db);
    }
  });
});
