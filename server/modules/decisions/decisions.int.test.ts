import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed.ts';
import { adminModule } from '../../platform/admin.module.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, homeItems, listLedger, moduleIndicators } from '../../test/ledger-client.ts';
import { decisionsModule } from './decisions.module.ts';
import { daysFrom, today } from '../../test/dates.ts';

let t: TestApp;
let clerk: string;
let reviewer: string;
let legal: string;
let county: string;
const TOWN = '999001001000';
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  // the shared demo template is built from the registered modules, which do not include this one yet: seed here
  t = await startTestApp({ modules: [adminModule, calendarModule, workflowModule, decisionsModule], demo: false });
  await seedDemo(t.platform);
  [clerk, reviewer, legal, county] = await Promise.all([t.login('clerk'), t.login('reviewer'), t.login('legal'), t.login('county')]);
});
afterAll(async () => t.close());

const transition = (cookie: string, ledger: string, id: number, name: string, payload: Record<string, unknown> = {}) =>
  t.request(cookie, { method: 'POST', url: `/api/ledgers/${ledger}/${id}/transitions/${name}`, payload });
/** a town document published in 2021 through its steps, its 文号 given by the system */
async function publishedIn2021(title: string, validUntil: string): Promise<number> {
  const L = 'normdocs.document';
  const id = json<{ id: number }>(await createRecord(t, clerk, L, { orgCode: TOWN, title, drafting_unit: '党政办公室', draft_on: '2021-01-04' })).id;
  expect((await transition(clerk, L, id, 'open_comment', { comment_from: '2021-01-05', comment_to: '2021-01-20', date: '2021-01-05' })).statusCode).toBe(200);
  expect((await transition(legal, L, id, 'legality_review', { legality_review_on: '2021-01-22', legality_conclusion: '合法', legality_opinion: '合法', date: '2021-01-22' })).statusCode).toBe(200);
  expect((await transition(clerk, L, id, 'deliberate', { deliberation_on: '2021-01-25', deliberation_meeting: '镇政府常务会议', date: '2021-01-25' })).statusCode).toBe(200);
  const pub = await transition(clerk, L, id, 'publish', { publish_on: '2021-02-01', valid_until: validUntil, effect: '现行有效', date: '2021-02-01' });
  expect(pub.statusCode, pub.body).toBe(200);
  return id;
}

const edit = async (cookie: string, ledger: string, id: number, values: Record<string, unknown>) => {
  const cur = json<{ version: number }>(await t.request(cookie, { method: 'GET', url: `/api/ledgers/${ledger}/${id}` }));
  return t.request(cookie, { method: 'PUT', url: `/api/ledgers/${ledger}/${id}`, payload: { ...values, version: cur.version } });
};

describe('demo data', () => {
  it('gives every town a catalog of decisions, all decided with the five procedures', async () => {
    for (const y of [year - 1, year]) {
      const items = await listLedger(t, county, 'decisions.catalog_item', `org=${TOWN}&f.year=${y}&pageSize=1`);
      expect(items.total, String(y)).toBeGreaterThanOrEqual(3);
      expect(items.total).toBeLessThanOrEqual(8);
    }
    const ind = await moduleIndicators(t, county, 'decisions', '999001000000', year - 1);
    const docs = await moduleIndicators(t, county, 'normdocs', '999001000000', year - 1);
    const v = (id: string) => [...ind, ...docs].find((i) => i.id === id)?.value;
    expect(v('decisions.made')).toBeGreaterThan(10);
    expect(v('decisions.all_procedures_rate')).toBe(100);
    expect(v('decisions.collective_rate')).toBe(100);
    expect(v('normdocs.in_force')).toBeGreaterThan(120);
    expect(v('normdocs.cleanup_repealed')).toBeGreaterThan(10);
    expect(v('normdocs.filing_timely_rate')).toBeLessThan(100);
    expect(v('normdocs.filing_timely_rate')).toBeGreaterThan(80);
  });
});

describe('a major decision', () => {
  let id: number;
  it('is refused as made while a procedure is missing, naming it', async () => {
    const res = await createRecord(t, clerk, 'decisions.decision', {
      orgCode: TOWN, title: '集镇停车场建设项目', proposing_unit: '规划建设办', started_on: daysFrom(-60),
      pp_result: '已完成', pp_date: daysFrom(-20), pp_evidence: '网站公开征求意见30日',
      er_result: '依法不适用', er_skip_reason: '不涉及专业技术问题',
      cd_date: daysFrom(-5), cd_meeting: '党委会议', participants: '甲、乙、丙', speaking_order: '甲、丙、乙', principal_leader: '丙', cd_evidence: '会议同意',
    });
    expect(res.statusCode, res.body).toBe(200);
    id = json<{ id: number }>(res).id;
    // the legality review is the legal reviewer's own step (decision 0011)
    expect((await transition(clerk, 'decisions.decision', id, 'submit_legality', { lr_submitted_on: daysFrom(-30), date: daysFrom(-30) })).statusCode).toBe(200);
    const lr = await transition(legal, 'decisions.decision', id, 'legality_review', { lr_date: daysFrom(-10), lr_evidence: '合法性审查意见：合法', lr_conclusion: '合法', date: daysFrom(-10) });
    expect(lr.statusCode, lr.body).toBe(200);
    const refused = await transition(reviewer, 'decisions.decision', id, 'decide', { decided_on: daysFrom(-5), decision_result: '通过', date: daysFrom(-5) });
    expect(refused.statusCode).toBe(422);
    const problem = json<{ code: string; detail: string }>(refused);
    expect(problem.code).toBe('gate_refused');
    expect(problem.detail).toContain('风险评估');
    expect(problem.detail).not.toContain('公众参与');
    // an edit cannot record the decision date either: it belongs to the decision step
    expect((await edit(clerk, 'decisions.decision', id, { decided_on: daysFrom(-5) })).statusCode).toBe(403);
  });
  it('is made once the missing procedure is recorded, with a warning when the leader did not speak last', async () => {
    const rec = await transition(clerk, 'decisions.decision', id, 'record_procedures', { ra_result: '依法不适用', ra_skip_reason: '不涉及社会稳定风险', date: daysFrom(-6) });
    expect(rec.statusCode, rec.body).toBe(200);
    const ok = await transition(reviewer, 'decisions.decision', id, 'decide', { decided_on: daysFrom(-5), decision_result: '通过', date: daysFrom(-5) });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = json<{ state: string; values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/decisions.decision/${id}` }));
    expect(detail.state).toBe('decided');
    expect(detail.values['leader_last']).toBe(false);
    expect(detail.values['leader_last_note']).toBe('主要负责人丙未末位表态（最后发言：乙）');
  });
  it('waits for the public comment period and for every comment to be answered (条例 arts. 15, 18)', async () => {
    const res = await createRecord(t, clerk, 'decisions.decision', {
      orgCode: TOWN, title: '农贸市场改造项目', proposing_unit: '规划建设办', started_on: daysFrom(-20),
      draft_published: true, comment_from: daysFrom(0), comment_to: daysFrom(30), summary: '改造方案',
      pp_result: '已完成', pp_date: daysFrom(0), pp_evidence: '网站公开征求意见',
      er_result: '依法不适用', er_skip_reason: '不涉及专业技术问题', ra_result: '依法不适用', ra_skip_reason: '不涉及社会稳定风险',
      cd_date: daysFrom(0), cd_meeting: '党委会议', participants: '甲、乙、丙', speaking_order: '甲、乙、丙', principal_leader: '丙', cd_evidence: '会议同意',
    });
    expect(res.statusCode, res.body).toBe(200);
    const other = json<{ id: number }>(res).id;
    expect((await transition(clerk, 'decisions.decision', other, 'submit_legality', { lr_submitted_on: daysFrom(-25), date: daysFrom(-25) })).statusCode).toBe(200);
    expect((await transition(legal, 'decisions.decision', other, 'legality_review', { lr_date: daysFrom(0), lr_evidence: '合法性审查意见：合法', lr_conclusion: '合法' })).statusCode).toBe(200);
    expect((await createRecord(t, clerk, 'decisions.comment', { orgCode: TOWN, decision: other, summary: '建议保留早市', content: '建议保留早市。', channel: '网站', submitted_on: daysFrom(0) })).statusCode).toBe(200);
    const refused = await transition(reviewer, 'decisions.decision', other, 'decide', { decided_on: daysFrom(0), decision_result: '通过' });
    expect(refused.statusCode, refused.body).toBe(422);
    const detail = json<{ detail: string }>(refused).detail;
    expect(detail).toContain('尚有1条公众意见未填写采纳情况');
    const [y, m, d] = daysFrom(30).split('-').map(Number);
    expect(detail).toContain(`公开征求意见期限至${y}年${m}月${d}日届满（重大行政决策程序暂行条例第十五条）`);
    expect(detail).toContain('公开征求意见的期限一般不少于30个自然日');
  });
  it('downloads as one archive with a DOCX summary and the comments', async () => {
    const boundary = '----fazhi';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = await t.request(clerk, {
      method: 'POST',
      url: `/api/ledgers/decisions.decision/${id}/attachments`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n会议纪要\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="minutes.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const res = await t.request(clerk, { method: 'GET', url: `/api/decisions/${id}/archive` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files);
    expect(names).toContain('集镇停车场建设项目决策档案.docx');
    expect(names).toContain('公众意见及处理情况.csv');
    expect(await zip.file('附件/会议纪要-minutes.pdf')?.async('nodebuffer')).toEqual(pdf);
    expect((await t.request(await t.login('clerk2'), { method: 'GET', url: `/api/decisions/${id}/archive` })).statusCode).toBe(404);
  });
});

describe('public comment', () => {
  let draftId: number;
  it('lists the draft open for comment, with its period and the reason for shortening it', async () => {
    const res = await createRecord(t, clerk, 'decisions.decision', {
      orgCode: TOWN, title: '农村道路养护办法', proposing_unit: '规划建设办', started_on: daysFrom(-20), summary: '草案要点……',
      draft_published: true, comment_from: daysFrom(-2), comment_to: daysFrom(15), comment_short_reason: '汛期临近，须尽快实施',
    });
    expect(res.statusCode, res.body).toBe(200);
    draftId = json<{ id: number }>(res).id;
    const pub = json<{ drafts: Array<Record<string, unknown>>; catalog: unknown[] }>(await t.request(null, { method: 'GET', url: '/api/public/decisions' }));
    expect(pub.catalog.length).toBeGreaterThan(0);
    expect(pub.drafts.find((d) => d['id'] === draftId)).toMatchObject({ open: true, periodDays: 18, shortenedReason: '汛期临近，须尽快实施' });
  });
  it('takes a comment without an account, shows it to the drafting unit, and publishes the answer', async () => {
    const ch = json<{ token: string; question: string }>(await t.request(null, { method: 'GET', url: '/api/public/decisions/challenge' }));
    const answer = ch.question.split(/[+=]/).slice(0, 2).reduce((s, x) => s + Number(x.trim()), 0);
    const body = { content: '建议增加村民代表参与养护监督的条款', name: '王五', contact: '13800000000', challengeToken: ch.token, challengeAnswer: answer };
    expect((await t.request(null, { method: 'POST', url: `/api/public/decisions/${draftId}/comments`, payload: { ...body, website: 'http://spam' } })).statusCode).toBe(400);
    await new Promise((r) => setTimeout(r, 2100));
    const posted = await t.request(null, { method: 'POST', url: `/api/public/decisions/${draftId}/comments`, payload: body });
    expect(posted.statusCode, posted.body).toBe(200);
    const commentId = json<{ id: number }>(posted).id;
    const replay = await t.request(null, { method: 'POST', url: `/api/public/decisions/${draftId}/comments`, payload: body });
    expect(replay.statusCode).toBe(400);

    const mine = await listLedger(t, clerk, 'decisions.comment', `f.decision=${draftId}`);
    expect(mine.items.map((i) => i.id)).toEqual([commentId]);
    expect(json<{ items: unknown[] }>(await t.request(null, { method: 'GET', url: `/api/public/decisions/${draftId}/comments` })).items).toEqual([]);

    const answered = await edit(clerk, 'decisions.comment', commentId, { handling: '采纳', answer: '已增加村民代表监督条款', answered_on: today, answer_published: true });
    expect(answered.statusCode, answered.body).toBe(200);
    const pub = json<{ items: Array<Record<string, unknown>> }>(await t.request(null, { method: 'GET', url: `/api/public/decisions/${draftId}/comments` }));
    expect(pub.items).toMatchObject([{ id: commentId, handling: '采纳', answer: '已增加村民代表监督条款' }]);
    expect(JSON.stringify(pub)).not.toContain('王五');
  });
  it('refuses a comment outside the period', async () => {
    const res = await createRecord(t, clerk, 'decisions.decision', { orgCode: TOWN, title: '已截止的草案', proposing_unit: '党政办公室', started_on: daysFrom(-90), draft_published: true, comment_from: daysFrom(-70), comment_to: daysFrom(-35) });
    const closedId = json<{ id: number }>(res).id;
    const ch = json<{ token: string; question: string }>(await t.request(null, { method: 'GET', url: '/api/public/decisions/challenge' }));
    await new Promise((r) => setTimeout(r, 2100));
    const answer = ch.question.split(/[+=]/).slice(0, 2).reduce((s, x) => s + Number(x.trim()), 0);
    const post = await t.request(null, { method: 'POST', url: `/api/public/decisions/${closedId}/comments`, payload: { content: '迟到的意见内容', challengeToken: ch.token, challengeAnswer: answer } });
    expect(post.statusCode).toBe(409);
  });
});

describe('a normative document', () => {
  it('shows its filing due date once published and counts a late filing against 报备及时率', async () => {
    const L = 'normdocs.document';
    const before = await moduleIndicators(t, clerk, 'normdocs', TOWN, 2026);
    const timelyBefore = before.find((i) => i.id === 'normdocs.filed_on_time')?.value ?? 0;
    const issuedBefore = before.find((i) => i.id === 'normdocs.issued')?.value ?? 0;
    const res = await createRecord(t, clerk, L, { orgCode: TOWN, title: '城关镇门前三包管理办法', drafting_unit: '党政办公室', draft_on: '2026-01-05' });
    expect(res.statusCode, res.body).toBe(200);
    const id = json<{ id: number }>(res).id;
    const short = await transition(clerk, L, id, 'open_comment', { comment_from: '2026-01-12', comment_to: '2026-01-15', date: '2026-01-12' });
    expect(short.statusCode).toBe(422);
    expect(json<{ detail: string }>(short).detail).toContain('7个工作日');
    expect((await transition(clerk, L, id, 'open_comment', { comment_from: '2026-01-12', comment_to: '2026-01-30', date: '2026-01-12' })).statusCode).toBe(200);
    expect((await transition(legal, L, id, 'legality_review', { legality_review_on: '2026-02-03', legality_conclusion: '合法', legality_opinion: '合法', date: '2026-02-03' })).statusCode).toBe(200);
    expect((await transition(clerk, L, id, 'deliberate', { deliberation_on: '2026-02-05', deliberation_meeting: '镇政府常务会议', date: '2026-02-05' })).statusCode).toBe(200);
    const pub = await transition(clerk, L, id, 'publish', { publish_on: '2026-03-02', valid_until: '2031-03-01', effect: '现行有效', date: '2026-03-02' });
    expect(pub.statusCode, pub.body).toBe(200);
    const tl = json<{ clocks: Array<{ id: string; due: string | null }> }>(pub);
    expect(tl.clocks.find((c) => c.id === 'filing')?.due).toBe('2026-04-01');
    const detail = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}` }));
    expect(detail.values['filing_due_on']).toBe('2026-04-01');
    const filed = await transition(clerk, L, id, 'file', { filed_on: '2026-04-03', filed_to: ['上一级人民政府', '本级人大常委会'], date: '2026-04-03' });
    expect(filed.statusCode, filed.body).toBe(200);
    const after = await moduleIndicators(t, clerk, 'normdocs', TOWN, 2026);
    expect(after.find((i) => i.id === 'normdocs.issued')?.value).toBe(issuedBefore + 1);
    expect(after.find((i) => i.id === 'normdocs.filed_on_time')?.value).toBe(timelyBefore);
  });
  it('reminds of documents whose validity ends within 90 days', async () => {
    await publishedIn2021('即将到期的办法', daysFrom(30));
    const item = (await homeItems(t, clerk)).find((i) => i.key === 'normdocs.expiring');
    expect(item?.count).toBeGreaterThanOrEqual(1);
    const list = await listLedger(t, clerk, 'normdocs.document', `${item?.link.split('?')[1] ?? ''}&pageSize=1`);
    expect(list.total).toBe(item?.count);
  });
});

describe('the decision checklist', () => {
  it('shows each procedure as done, skipped or missing, and the 末位表态 warning', async () => {
    const res = await createRecord(t, clerk, 'decisions.decision', {
      orgCode: TOWN, title: '农贸市场提升改造', proposing_unit: '经济发展办', started_on: daysFrom(-40),
      pp_result: '依法不适用', pp_skip_reason: '涉及国家秘密',
      cd_date: daysFrom(-3), cd_meeting: '党委会议', participants: '甲、乙、丙', speaking_order: '丙、甲、乙', principal_leader: '丙', cd_evidence: '同意',
    });
    const id = json<{ id: number }>(res).id;
    expect((await transition(clerk, 'decisions.decision', id, 'submit_legality', { lr_submitted_on: daysFrom(-30), date: daysFrom(-30) })).statusCode).toBe(200);
    expect((await transition(legal, 'decisions.decision', id, 'legality_review', { lr_date: daysFrom(-10), lr_evidence: '合法', lr_conclusion: '合法', date: daysFrom(-10) })).statusCode).toBe(200);
    const list = json<{ ready: boolean; procedures: Array<{ key: string; status: string; missing: string | null; text: string | null }>; meeting: { warning: string | null; speakers: string[] } }>(await t.request(clerk, { method: 'GET', url: `/api/decisions/${id}/checklist` }));
    expect(list.ready).toBe(false);
    expect(list.procedures.map((p) => [p.key, p.status])).toEqual([['pp', 'skipped'], ['er', 'missing'], ['ra', 'missing'], ['lr', 'done'], ['cd', 'done']]);
    expect(list.procedures[0]?.text).toBe('涉及国家秘密');
    expect(list.procedures[1]?.missing).toContain('专家论证');
    expect(list.meeting).toEqual({ speakers: ['丙', '甲', '乙'], principalLeader: '丙', warning: '主要负责人丙未末位表态（最后发言：乙）' });
    expect((await t.request(await t.login('clerk2'), { method: 'GET', url: `/api/decisions/${id}/checklist` })).statusCode).toBe(404);
  });
});

describe('normative document numbering, cleanup and reminders', () => {
  const L = 'normdocs.document';
  const deliberated = async (title: string): Promise<number> => {
    const id = json<{ id: number }>(await createRecord(t, clerk, L, { orgCode: TOWN, title, drafting_unit: '党政办公室', draft_on: '2026-05-04' })).id;
    expect((await transition(clerk, L, id, 'open_comment', { comment_from: '2026-05-06', comment_to: '2026-05-20', date: '2026-05-06' })).statusCode).toBe(200);
    expect((await transition(legal, L, id, 'legality_review', { legality_review_on: '2026-05-25', legality_conclusion: '合法', legality_opinion: '合法', date: '2026-05-25' })).statusCode).toBe(200);
    expect((await transition(clerk, L, id, 'deliberate', { deliberation_on: '2026-05-28', deliberation_meeting: '镇政府常务会议', date: '2026-05-28' })).statusCode).toBe(200);
    return id;
  };
  const publish = (id: number, body: Record<string, unknown> = {}) => t.request(clerk, { method: 'POST', url: `/api/normdocs/${id}/publish`, payload: { publish_on: '2026-06-01', valid_until: '2031-05-31', date: '2026-06-01', ...body } });
  let first: number;
  // two publishes race for the first numbers: which one gets 1号 depends on the database's timing
  let firstNo: string;
  let seq: number;

  it('numbers documents in sequence per organisation and year when they are published, even concurrently', async () => {
    first = await deliberated('城关镇沿街店铺招牌设置管理办法');
    const second = await deliberated('城关镇农村建房管理办法');
    const preview = json<{ docNo: string }>(await t.request(clerk, { method: 'GET', url: `/api/normdocs/${first}/next-number?year=2026` }));
    // the series continues the year's numbers (a document published earlier in this file took the first)
    expect(preview.docNo).toMatch(/^城关政规〔2026〕\d+号$/);
    seq = Number(/〔2026〕(\d+)号/.exec(preview.docNo)?.[1]);
    const [a, b] = await Promise.all([publish(first), publish(second)]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    const nos = await Promise.all([first, second].map(async (id) => json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${id}` })).values));
    expect(nos.map((v) => v['doc_no']).sort()).toEqual([`城关政规〔2026〕${seq}号`, `城关政规〔2026〕${seq + 1}号`].sort());
    firstNo = String(nos[0]?.['doc_no']);
    expect(nos.every((v) => v['filing_due_on'] === '2026-07-01' && v['effect'] === '现行有效')).toBe(true);
    expect(json<{ state: string }>(a).state).toBe('published');
  });

  it('refuses a number typed in by hand, naming 文号, and gives back the number of a refused publication', async () => {
    const manual = await deliberated('城关镇集贸市场管理规定');
    const typed = await publish(manual, { doc_no: '城关政规〔2026〕9号' });
    expect(typed.statusCode).toBe(403);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(typed).errors[0]).toMatchObject({ path: 'doc_no', message: expect.stringContaining('自动编号') });
    expect((await publish(manual)).statusCode).toBe(200);
    expect(json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${manual}` })).values['doc_no']).toBe(`城关政规〔2026〕${seq + 2}号`);
    const refused = await deliberated('城关镇殡葬管理规定');
    const bad = await publish(refused, { publish_on: '2026-06-01', valid_until: '2026-05-01' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(bad).errors[0]).toMatchObject({ path: 'valid_until' });
    const notYet = json<{ id: number }>(await createRecord(t, clerk, L, { orgCode: TOWN, title: '尚在起草的办法', drafting_unit: '党政办公室', draft_on: '2026-05-04' })).id;
    const early = await publish(notYet);
    expect(early.statusCode).toBe(409);
    expect(json<{ detail: string }>(early).detail).toContain('集体审议');
    expect((await publish(refused)).statusCode).toBe(200);
    const v = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${refused}` })).values;
    expect(v['doc_no']).toBe(`城关政规〔2026〕${seq + 3}号`);
    expect((await t.request(await t.login('supervisor'), { method: 'POST', url: `/api/normdocs/${refused}/publish`, payload: { publish_on: '2026-06-01', valid_until: '2031-05-31' } })).statusCode).toBe(403);
  });

  it('lists published documents on the public site with number, dates and status', async () => {
    const pub = json<{ items: Array<Record<string, unknown>> }>(await t.request(null, { method: 'GET', url: `/api/public/normdocs?org=${TOWN}&q=${encodeURIComponent('招牌')}` }));
    expect(pub.items).toEqual([expect.objectContaining({ id: first, docNo: firstNo, publishOn: '2026-06-01', validUntil: '2031-05-31', effect: '现行有效', orgName: expect.any(String) })]);
    const all = json<{ items: Array<Record<string, unknown>> }>(await t.request(null, { method: 'GET', url: '/api/public/normdocs' }));
    expect(all.items.every((i) => i['publishOn'])).toBe(true);
  });

  it('marks every document in force in a cleanup, repeals those marked 废止, and counts the results', async () => {
    const year = 2026;
    const before = json<{ counts: { total: number; pending: number; kept: number; repealed: number } }>(await t.request(clerk, { method: 'GET', url: `/api/normdocs/cleanup/campaign?year=${year}` }));
    const docs = json<{ items: Array<{ id: number; cleanup: unknown; docNo: string }> }>(await t.request(clerk, { method: 'GET', url: `/api/normdocs/cleanup/campaign?year=${year}` })).items;
    expect(docs.find((d) => d.id === first)?.cleanup).toBeNull();
    const mark = (document: number, result: string, reason = '符合上位法，继续执行') => t.request(clerk, { method: 'POST', url: '/api/normdocs/cleanup/campaign', payload: { year, document, result, reason, reviewed_on: today } });
    const kept = docs.find((d) => d.id !== first)?.id ?? 0;
    expect((await mark(kept, '继续有效')).statusCode).toBe(200);
    const repeal = await mark(first, '废止', '调整对象已消失');
    expect(repeal.statusCode, repeal.body).toBe(200);
    expect(json<{ repealed: boolean }>(repeal).repealed).toBe(true);
    const again = await mark(first, '继续有效');
    expect(again.statusCode).toBe(409);
    expect(json<{ detail: string }>(again).detail).toContain('已标记为“废止”');
    const noReason = await t.request(clerk, { method: 'POST', url: '/api/normdocs/cleanup/campaign', payload: { year, document: kept, result: '修改', reviewed_on: today } });
    expect(noReason.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(noReason).errors).toEqual([expect.objectContaining({ path: 'reason', message: expect.stringContaining('理由') })]);
    const after = json<{ counts: { total: number; pending: number; kept: number; repealed: number }; summary: string; items: Array<{ id: number; effect: string }> }>(await t.request(clerk, { method: 'GET', url: `/api/normdocs/cleanup/campaign?year=${year}` }));
    expect(after.counts).toMatchObject({ total: before.counts.total, kept: before.counts.kept + 1, repealed: before.counts.repealed + 1, pending: before.counts.pending - 2 });
    expect(after.items.find((i) => i.id === first)?.effect).toBe('已废止');
    expect(after.summary).toContain(`继续有效${after.counts.kept}件`);
    expect(after.summary).toContain(`废止${after.counts.repealed}件`);
    const doc = json<{ state: string; values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${L}/${first}` }));
    expect(doc.state).toBe('ended');
    expect(doc.values['effect_changed_on']).toBe(today);
  });

  it('puts one expiry reminder per document in the inbox of those who keep it', async () => {
    const { scanExpiringDocuments } = await import('./normdocs.service.ts');
    const id = await publishedIn2021('有效期将届满的规定', daysFrom(40));
    const first = await scanExpiringDocuments(t.platform, today);
    expect(first.notified).toBeGreaterThan(0);
    expect((await scanExpiringDocuments(t.platform, today)).notified).toBe(0);
    const inbox = json<{ items: Array<{ recordId: number; title: string; body: string; due: string; link: string }> }>(await t.request(clerk, { method: 'GET', url: '/api/notifications?pageSize=100' }));
    const mine = inbox.items.filter((n) => n.recordId === id && n.title.startsWith('【有效期将届满】'));
    expect(mine, JSON.stringify(mine)).toHaveLength(1);
    expect(mine[0]).toMatchObject({ due: daysFrom(40), link: `/ledgers/${L}/${id}` });
    expect(mine[0]?.title).toContain('有效期将届满');
    expect(mine[0]?.body).toContain('还有40日');
  });
});
