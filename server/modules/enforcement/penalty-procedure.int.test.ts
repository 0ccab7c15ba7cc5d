import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber, makeUscc } from '../../../common/validators.ts';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import { chineseDay } from '../../platform/workflow/workflow.engine.ts';
import { daysAgo } from '../../test/dates.ts';
import { setSetting } from '../../platform/settings.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { uploadPdf } from '../../test/workflow-client.ts';
import { createRecord, listLedger, listTotal, moduleIndicators } from '../../test/ledger-client.ts';
import { modules } from '../index.ts';
import { backfillTopPenalty } from './enforcement.backfill.ts';

/**
 * The penalty procedure of the 行政处罚法 (2021) as the law reads: its periods in working days (art. 85) tried one
 * day early and on the day, the documents at the step they are issued, the 不予处罚 grounds of art. 33 with the
 * 首违不罚 check, the 当场处罚 path (arts. 51–52), the 集体讨论 of major cases (art. 57) and two officers (art. 42).
 */
const CASES = 'enforcement.case';
const TOWN = '999001001000';
let t: TestApp;
let clerk: string;
let leader: string;
let legal: string;
let matter = 0;
let cal: Awaited<ReturnType<typeof loadCalendar>>;
/** two officers of the town's 执法检查人员名录库 */
let officers: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ modules });
  clerk = await t.login('clerk');
  leader = await t.login('leader');
  legal = await t.login('legal');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the calendar repository takes any Kysely
  cal = await loadCalendar(t.platform.db as any);
  const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0];
  matter = Number(b?.values['matter']);
  const [a, c] = (await listLedger(t, clerk, 'enforcement.inspector', `org=${TOWN}&f.in_pool=true&pageSize=2`)).items;
  officers = { officer1_name: String(a?.values['name']), officer1_cert: String(a?.values['cert_no']), officer2_name: String(c?.values['name']), officer2_cert: String(c?.values['cert_no']) };
}, 600_000);
afterAll(async () => t.close());

const go = (cookie: string, id: number, transition: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${CASES}/${id}/transitions/${transition}`, payload });
const decide = (id: number, payload: Record<string, unknown>) => t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${id}/decide`, payload });
const detail = (res: { body: string }): string => json<{ detail: string }>(res as never).detail;
const plus = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** the last day of n working days counted from a date (the start day not counted) */
const lastWorkingDay = (from: string, n: number): string => addWorkingDays(from, n, cal).due;

let seq = 0;
/** a penalty case against a person, registered, filed, investigated (a 警告 proposed) and notified on the given day */
async function notifiedCase(notifiedOn: string, extra: Record<string, unknown> = {}, proposal: Record<string, unknown> = { proposed_kinds: ['警告'] }): Promise<number> {
  seq += 1;
  const res = await createRecord(t, clerk, CASES, {
    orgCode: `${TOWN}-03`,
    case_type: '行政处罚',
    domain: '城管',
    matter,
    source: '日常巡查',
    registered_on: plus(notifiedOn, -3),
    summary: '占道经营案',
    party_kind: '个人',
    party_name: `测试当事人${seq}`,
    party_id_number: makeIdNumber('999001', '1984-03-02', seq % 9),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  const id = json<{ id: number }>(res).id;
  const filed = await go(leader, id, 'file', { filed_on: plus(notifiedOn, -2), ...officers, date: plus(notifiedOn, -2) });
  expect(filed.statusCode, filed.body).toBe(200);
  const concluded = await go(clerk, id, 'conclude_investigation', { investigated_on: plus(notifiedOn, -1), facts: '当事人在东街占道经营', ...proposal, date: plus(notifiedOn, -1) });
  expect(concluded.statusCode, concluded.body).toBe(200);
  const notified = await go(clerk, id, 'notify', { notified_on: notifiedOn, hearing_right_notified: true, date: notifiedOn });
  expect(notified.statusCode, notified.body).toBe(200);
  return id;
}

describe('periods in working days (行政处罚法 art. 85) tried one day early and on the day', () => {
  it('the decision waits for the 5-working-day hearing-request window after the notice (arts. 64, 85)', async () => {
    const notifiedOn = daysAgo(30);
    const id = await notifiedCase(notifiedOn);
    const last = lastWorkingDay(notifiedOn, 5);
    const first = plus(last, 1);
    const payload = { decision_result: '给予警告', penalty_kinds: ['警告'] };
    const early = await decide(id, { ...payload, decided_on: last });
    expect(early.statusCode, early.body).toBe(422);
    // the refusal names the period, the day from which the decision may be made and the field dated too early
    expect(detail(early)).toContain(`当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条），${chineseDay(first)}起方可作出处罚决定`);
    expect(detail(early)).toContain(`决定日期：${chineseDay(last)}`);
    const onTheDay = await decide(id, { ...payload, decided_on: first });
    expect(onTheDay.statusCode, onTheDay.body).toBe(200);
  });

  it('a hearing request is taken within 5 working days of the notice, not a day later (arts. 64(1), 85)', async () => {
    const notifiedOn = daysAgo(40);
    const id = await notifiedCase(notifiedOn);
    const last = lastWorkingDay(notifiedOn, 5);
    const late = await go(clerk, id, 'hearing', { hearing_requested_on: plus(last, 1) });
    expect(late.statusCode, late.body).toBe(422);
    expect(detail(late)).toContain(`当事人要求听证的，应当在告知后5个工作日内提出，最后一日为${chineseDay(last)}`);
    const inTime = await go(clerk, id, 'hearing', { hearing_requested_on: last });
    expect(inTime.statusCode, inTime.body).toBe(200);
  });

  it('the hearing is held at least 7 working days after its notice (arts. 64(2), 85)', async () => {
    const notifiedOn = daysAgo(40);
    const id = await notifiedCase(notifiedOn);
    const noticeOn = plus(notifiedOn, 1);
    const last = lastWorkingDay(noticeOn, 7);
    const first = plus(last, 1);
    const early = await go(clerk, id, 'hearing', { hearing_requested_on: notifiedOn, hearing_notice_on: noticeOn, hearing_on: last });
    expect(early.statusCode, early.body).toBe(422);
    expect(detail(early)).toContain(`${chineseDay(first)}起方可记录听证`);
    expect(detail(early)).toContain(`听证日期：${chineseDay(last)}`);
    const onTheDay = await go(clerk, id, 'hearing', { hearing_requested_on: notifiedOn, hearing_notice_on: noticeOn, hearing_on: first });
    expect(onTheDay.statusCode, onTheDay.body).toBe(200);
  });

  it('a decision not handed over is served within 7 working days (art. 61): its clock runs from the decision', async () => {
    const notifiedOn = daysAgo(20);
    const id = await notifiedCase(notifiedOn);
    expect((await go(clerk, id, 'waive', { rights_waived_on: notifiedOn })).statusCode).toBe(200);
    const decided = await decide(id, { decided_on: plus(notifiedOn, 1), decision_result: '给予警告', penalty_kinds: ['警告'] });
    expect(decided.statusCode, decided.body).toBe(200);
    const tl = json<{ clocks: Array<{ id: string; due: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}/timeline` }));
    expect(tl.clocks.find((c) => c.id === 'serve')?.due).toBe(lastWorkingDay(plus(notifiedOn, 1), 7));
  });
});

type Clock = { id: string; status: string; due: string | null; overdue?: boolean; extended?: boolean; totalDays?: number; explanation?: string[] };
const clocks = async (id: number): Promise<Clock[]> => json<{ clocks: Clock[] }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}/timeline` })).clocks;
const clock = async (id: number, clockId: string): Promise<Clock | undefined> => (await clocks(id)).find((c) => c.id === clockId);

describe('the other working-day periods of the law: 先行登记保存 (art. 56) and fines collected on the spot (arts. 68–71)', () => {
  it('evidence kept with the head’s approval is dealt with within 7 working days: due on the 7th, a day later overdue', async () => {
    const notifiedOn = daysAgo(45);
    const inTime = await notifiedCase(notifiedOn);
    const late = await notifiedCase(notifiedOn);
    // before 立案 nothing is kept; the approver and the items are named
    const bare = await go(clerk, inTime, 'preserve_evidence', { preserved_on: notifiedOn, date: notifiedOn });
    expect(bare.statusCode, bare.body).toBe(422);
    expect(detail(bare)).toContain('批准先行登记保存的负责人');
    for (const id of [inTime, late]) {
      const kept = await go(clerk, id, 'preserve_evidence', { preserved_on: notifiedOn, preservation_approver: '李局长', preserved_items: '占道经营使用的遮阳棚一顶、货架两个', date: notifiedOn });
      expect(kept.statusCode, kept.body).toBe(200);
    }
    const last = lastWorkingDay(notifiedOn, 7);
    expect(await clock(inTime, 'preservation')).toMatchObject({ due: last });
    const before = await go(clerk, inTime, 'decide_preservation', { preservation_decided_on: plus(notifiedOn, -1), preservation_outcome: '解除先行登记保存' });
    expect(before.statusCode, before.body).toBe(400);
    expect(detail(before)).toContain('不能早于上一办理步骤的日期');
    expect((await go(clerk, inTime, 'decide_preservation', { preservation_decided_on: last, preservation_outcome: '解除先行登记保存' })).statusCode).toBe(200);
    expect(await clock(inTime, 'preservation')).toMatchObject({ status: 'stopped', overdue: false });
    // a late decision is still recorded (the goods must be dealt with), and shows the period overrun
    expect((await go(clerk, late, 'decide_preservation', { preservation_decided_on: plus(last, 1), preservation_outcome: '解除先行登记保存' })).statusCode).toBe(200);
    expect(await clock(late, 'preservation')).toMatchObject({ status: 'stopped', overdue: true });
  });

  it('a fine collected on the spot only as arts. 68–69 allow, against a receipt; to the organ within 2 working days, to the bank within 2 more', async () => {
    const decidedOn = daysAgo(40);
    const spotCase = async (amount: number): Promise<number> => {
      const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政处罚', procedure: '简易程序', domain: '城管', matter, source: '日常巡查', registered_on: decidedOn, summary: '店外占道堆放经营', party_kind: '个人', party_name: `收缴当事人${amount}`, party_id_number: makeIdNumber('999001', '1988-08-08', amount % 9) });
      expect(res.statusCode, res.body).toBe(200);
      const id = json<{ id: number }>(res).id;
      const spot = await go(clerk, id, 'decide_on_spot', { decided_on: decidedOn, served_on: decidedOn, service_method: '当场交付', spot_place: '城关镇东街18号门前', facts: '当事人在店外人行道堆放货物经营', penalty_kinds: ['罚款'], amount, decision_result: `处罚款${amount}元`, ...officers, date: decidedOn });
      expect(spot.statusCode, spot.body).toBe(200);
      return id;
    };
    const collect = (id: number, extra: Record<string, unknown>) => go(clerk, id, 'collect_on_spot', { spot_collected_on: decidedOn, spot_collection_ground: '依法给予一百元以下罚款', spot_receipt_no: '赣财罚字0012345', date: decidedOn, ...extra });
    const over = await spotCase(150);
    const refused = await collect(over, {});
    expect(refused.statusCode, refused.body).toBe(422);
    expect(detail(refused)).toContain('罚款超过100元，不能依照行政处罚法第六十八条第一项当场收缴');
    const noReceipt = await collect(over, { spot_collection_ground: '不当场收缴事后难以执行', spot_receipt_no: '' });
    expect(noReceipt.statusCode, noReceipt.body).toBe(422);
    expect(detail(noReceipt)).toContain('罚没款专用票据号码');
    expect((await collect(over, { spot_collection_ground: '不当场收缴事后难以执行' })).statusCode).toBe(200);

    const small = await spotCase(100);
    // a rare step is offered only where it applies: no hand-in before a collection, no second collection
    const offered = async (id: number): Promise<string[]> => json<{ transitions: Array<{ name: string }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}/timeline` })).transitions.map((x) => x.name);
    expect(await offered(small)).toContain('collect_on_spot');
    expect(await offered(small)).not.toContain('hand_in_fine');
    expect((await collect(small, {})).statusCode).toBe(200);
    expect(await offered(small)).toContain('hand_in_fine');
    expect(await offered(small)).not.toContain('collect_on_spot');
    expect(await offered(small)).not.toContain('bank_fine');
    const handLast = lastWorkingDay(decidedOn, 2);
    expect(await clock(small, 'spot_hand_in')).toMatchObject({ due: handLast });
    expect(await clock(over, 'spot_hand_in')).toMatchObject({ due: handLast });
    // handed in on the 2nd working day: in time; a day later: recorded and overdue
    expect((await go(clerk, small, 'hand_in_fine', { fine_handed_in_on: handLast, date: handLast })).statusCode).toBe(200);
    expect(await clock(small, 'spot_hand_in')).toMatchObject({ status: 'stopped', overdue: false });
    expect((await go(clerk, over, 'hand_in_fine', { fine_handed_in_on: plus(handLast, 1), date: plus(handLast, 1) })).statusCode).toBe(200);
    expect(await clock(over, 'spot_hand_in')).toMatchObject({ status: 'stopped', overdue: true });
    // the organ pays it into the bank within 2 working days of receiving it
    const bankLast = lastWorkingDay(handLast, 2);
    expect(await clock(small, 'spot_bank')).toMatchObject({ status: 'running', due: bankLast });
    const early = await go(clerk, small, 'bank_fine', { fine_banked_on: plus(handLast, -1) });
    expect(early.statusCode, early.body).toBe(400);
    expect(detail(early)).toContain('不能早于上一办理步骤的日期');
    expect((await go(clerk, small, 'bank_fine', { fine_banked_on: bankLast, date: bankLast })).statusCode).toBe(200);
    expect(await clock(small, 'spot_bank')).toMatchObject({ status: 'stopped', overdue: false });
  });
});

describe('the 90-day decision period paused and extended where the department’s rule allows (art. 60: 从其规定)', () => {
  it('the head pauses it for an appraisal and resumes it, naming the rule; the days between are not counted', async () => {
    const notifiedOn = daysAgo(30);
    const id = await notifiedCase(notifiedOn);
    const before = await clock(id, 'decide');
    expect(before?.status).toBe('running');
    const pause = { period_paused_on: plus(notifiedOn, 1), period_pause_reason: '检测、检验、检疫、鉴定', period_rule: '市场监督管理行政处罚程序规定第六十四条', note: '委托检验机构对涉案商品进行检验', date: plus(notifiedOn, 1) };
    const byClerk = await go(clerk, id, 'pause_period', pause);
    expect(byClerk.statusCode).toBe(403);
    const noRule = await go(leader, id, 'pause_period', { ...pause, period_rule: '' });
    expect(noRule.statusCode).toBe(422);
    expect(detail(noRule)).toContain('中止计算（延长）期限的依据');
    expect((await go(leader, id, 'pause_period', pause)).statusCode).toBe(200);
    expect((await clock(id, 'decide'))?.status).toBe('paused');
    const resumedOn = plus(notifiedOn, 11);
    expect((await go(leader, id, 'resume_period', { period_resumed_on: resumedOn, date: resumedOn })).statusCode).toBe(200);
    const after = await clock(id, 'decide');
    expect(after?.status).toBe('running');
    expect(String(after?.due) >= plus(String(before?.due), 10)).toBe(true);
    expect((after?.explanation ?? []).join('')).toContain('不计入');
  });

  it('the head extends it once by 30 days with the signed approval form on file; a clerk cannot', async () => {
    const notifiedOn = daysAgo(25);
    const id = await notifiedCase(notifiedOn);
    const before = await clock(id, 'decide');
    const extend = { period_extended_on: plus(notifiedOn, 1), period_rule: '市场监督管理行政处罚程序规定第六十四条', note: '案情复杂，需对多个门店的进货记录逐一核查', date: plus(notifiedOn, 1) };
    expect((await go(clerk, id, 'extend_period', extend)).statusCode).toBe(403);
    const noForm = await go(leader, id, 'extend_period', extend);
    expect(noForm.statusCode).toBe(400);
    expect(detail(noForm)).toContain('延长办案期限审批表');
    const up = await uploadPdf(t, clerk, `/api/ledgers/${CASES}/${id}/attachments`, '延长办案期限审批表', { name: 'approval.pdf', content: '%PDF-1.4\n% approval\n' });
    expect(up.statusCode, up.body).toBe(200);
    const ok = await go(leader, id, 'extend_period', { ...extend, noticeAttachmentId: json<{ id: number }>(up).id });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await clock(id, 'decide');
    expect(after).toMatchObject({ extended: true, totalDays: 120 });
    expect(String(after?.due) >= plus(String(before?.due), 30)).toBe(true);
    const again = await go(leader, id, 'extend_period', { ...extend, noticeAttachmentId: json<{ id: number }>(up).id });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
  });
});

/** a document's text as Word shows it */
async function documentText(id: number, kind: string): Promise<string> {
  const made = await t.request(clerk, { method: 'POST', url: `/api/enforcement/cases/${id}/documents/${kind}` });
  expect(made.statusCode, made.body).toBe(200);
  const res = await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents/${kind}` });
  expect(res.statusCode).toBe(200);
  const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}
const recordOf = async (id: number) => json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}` })).values;

describe('documents read right at their step; 不予处罚 on the grounds of art. 33 with the 首违不罚 check', () => {
  const party = { party_name: '赵春生', party_id_number: makeIdNumber('999001', '1979-11-23', 5) };
  let first = 0;

  it('the 告知书 states the proposed penalty, its kinds and amount', async () => {
    const id = await notifiedCase(daysAgo(12), {}, { proposed_kinds: ['警告', '罚款'], proposed_amount: 500 });
    const text = await documentText(id, 'notice');
    expect(text).toContain('本机关拟对你（单位）作出如下行政处罚：警告，罚款500.00元。');
    expect(text).not.toContain('——');
  });

  it('a 不予处罚 decision names its art. 33 ground, yields the 不予行政处罚决定书 and records the 首违 look-up', async () => {
    first = await notifiedCase(daysAgo(12), party, { proposed_kinds: ['不予处罚'] });
    expect((await go(clerk, first, 'waive', { rights_waived_on: daysAgo(12) })).statusCode).toBe(200);
    const payload = { decided_on: daysAgo(11), decision_result: '初次违法、危害后果轻微并已当场改正，不予行政处罚', penalty_kinds: ['不予处罚'] };
    const ungrounded = await decide(first, payload);
    expect(ungrounded.statusCode, ungrounded.body).toBe(422);
    expect(detail(ungrounded)).toContain('须选择不予处罚的依据（行政处罚法第三十三条）');
    const mixed = await decide(first, { ...payload, penalty_kinds: ['不予处罚', '罚款'], amount: 100, exemption_ground: '初次违法且危害后果轻微并及时改正' });
    expect(mixed.statusCode, mixed.body).toBe(422);
    const ok = await decide(first, { ...payload, exemption_ground: '初次违法且危害后果轻微并及时改正', prior_violations: 0, prior_violation_check: '我说没有' });
    expect(ok.statusCode, ok.body).toBe(200);
    const v = await recordOf(first);
    expect(v['prior_violations']).toBe(0);
    expect(String(v['prior_violation_check'])).toContain('已按身份证号码、名称核查本单位执法案件记录：未发现当事人此前同一执法事项的违法行为');
    expect(v['first_violation_exempt']).toBe(true);
    const docs = json<{ items: Array<{ kind: string; docNo: string | null; unavailable: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${first}/documents` })).items;
    expect(docs.find((d) => d.kind === 'decision')?.unavailable).toContain('不予行政处罚决定书');
    expect(docs.find((d) => d.kind === 'exemption')?.docNo).toMatch(/^城关镇不罚字〔\d{4}〕第\d+号$/);
    expect((await t.request(clerk, { method: 'POST', url: `/api/enforcement/cases/${first}/documents/decision` })).statusCode).toBe(409);
    const text = await documentText(first, 'exemption');
    expect(text).toContain('不予行政处罚决定书');
    expect(text).toContain('《中华人民共和国行政处罚法》第三十三条第一款“初次违法且危害后果轻微并及时改正的，可以不予行政处罚。”');
    expect(text).toContain('未发现当事人此前同一执法事项的违法行为');
    expect(text).not.toContain('缴纳罚款');
    const audit = await t.request(await t.login('auditor'), { method: 'GET', url: `/api/audit?entity=${CASES}&entityId=${first}` });
    expect(audit.body).toContain('prior_violation_check');
  });

  it('refuses 初次违法 when the party has an earlier violation of the same matter, naming it; a binding ground still applies', async () => {
    const id = await notifiedCase(daysAgo(10), party, { proposed_kinds: ['不予处罚'] });
    const firstNo = String((await recordOf(first))['case_no']);
    const preview = json<{ count: number; items: Array<{ caseNo: string }>; summary: string }>(await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/prior-violations` }));
    expect(preview.count).toBe(1);
    expect(preview.items[0]?.caseNo).toBe(firstNo);
    expect((await go(clerk, id, 'waive', { rights_waived_on: daysAgo(10) })).statusCode).toBe(200);
    const payload = { decided_on: daysAgo(9), decision_result: '不予行政处罚', penalty_kinds: ['不予处罚'] };
    const refused = await decide(id, { ...payload, exemption_ground: '初次违法且危害后果轻微并及时改正' });
    expect(refused.statusCode, refused.body).toBe(400);
    const errors = json<{ errors: Array<{ path: string; message: string }> }>(refused).errors;
    expect(errors[0]?.path).toBe('exemption_ground');
    expect(errors[0]?.message).toContain(firstNo);
    expect((await recordOf(id))['decided_on']).toBeNull();
    const binding = await decide(id, { ...payload, exemption_ground: '当事人有证据足以证明没有主观过错' });
    expect(binding.statusCode, binding.body).toBe(200);
    const v = await recordOf(id);
    expect(v['prior_violations']).toBe(1);
    expect(String(v['prior_violation_check'])).toContain(firstNo);
  });
});

describe('当场处罚 (简易程序, arts. 51–52): its own short path, limits as settings, the 当场行政处罚决定书 and its 备案', () => {
  const spotCase = async (party: Record<string, unknown>): Promise<number> => {
    const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政处罚', procedure: '简易程序', domain: '城管', matter, source: '日常巡查', registered_on: daysAgo(2), summary: '店外占道堆放经营', ...party });
    expect(res.statusCode, res.body).toBe(200);
    return json<{ id: number }>(res).id;
  };
  const spot = (id: number, amount: number, extra: Record<string, unknown> = {}) =>
    go(clerk, id, 'decide_on_spot', { decided_on: daysAgo(2), served_on: daysAgo(2), service_method: '当场交付', spot_place: '城关镇东街18号门前', facts: '当事人在店外人行道堆放货物经营，经指出后当场清理', penalty_kinds: ['警告', '罚款'], amount, decision_result: `给予警告，并处罚款${amount}元`, ...officers, date: daysAgo(2), ...extra });

  it('refuses a fine above 200 元 for a person on the spot, and 立案 for such a case; decides 200 元 with the document handed over', async () => {
    const id = await spotCase({ party_kind: '个人', party_name: '钱小东', party_id_number: makeIdNumber('999001', '1990-06-01', 4) });
    const filed = await go(leader, id, 'file', { filed_on: daysAgo(2), ...officers });
    expect(filed.statusCode).toBe(422);
    expect(detail(filed)).toContain('简易程序（当场处罚）案件不需立案');
    const over = await spot(id, 201);
    expect(over.statusCode, over.body).toBe(422);
    expect(detail(over)).toContain('当场处罚只能给予警告或者罚款，且不超过当场处罚的限额（行政处罚法第五十一条）');
    const notHanded = await spot(id, 200, { served_on: daysAgo(1) });
    expect(notHanded.statusCode, notHanded.body).toBe(422);
    const ok = await spot(id, 200);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<{ state: string }>(ok).state).toBe('served');
    const docs = json<{ items: Array<{ kind: string; unavailable: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/enforcement/cases/${id}/documents` })).items;
    expect(docs.find((d) => d.kind === 'decision')?.unavailable).toContain('当场行政处罚决定书');
    const text = await documentText(id, 'summary');
    expect(text).toContain('当场行政处罚决定书');
    expect(text).toContain('罚款数额：200.00元');
    expect(text).toContain('城关镇东街18号门前');
    expect(text).toContain(`${officers['officer1_name']}（执法证号：${officers['officer1_cert']}）`);
    // art. 52(3): the 备案 is a clock (3 working days, a setting) and a to-do until recorded
    const tl = json<{ clocks: Array<{ id: string; due: string | null }>; transitions: Array<{ name: string }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${id}/timeline` }));
    expect(tl.clocks.find((c) => c.id === 'summary_filing')?.due).toBe(lastWorkingDay(daysAgo(2), 3));
    const todos = json<{ items: Array<{ recordId: number; step: string }> }>(await t.request(clerk, { method: 'GET', url: `/api/todos?ledger=${CASES}&step=file_summary&pageSize=100` })).items;
    expect(todos.some((x) => x.recordId === id && x.step === 'file_summary')).toBe(true);
    const filedSummary = await go(clerk, id, 'file_summary', { summary_filed_on: daysAgo(1), date: daysAgo(1) });
    expect(filedSummary.statusCode, filedSummary.body).toBe(200);
  });

  it('allows 3000 元 for an organisation and not a yuan more; a lower local limit set by the province applies', async () => {
    const id = await spotCase({ party_kind: '单位', party_name: '城关镇东街惠民超市', party_uscc: makeUscc('999001', 301) });
    expect((await spot(id, 3001)).statusCode).toBe(422);
    await setSetting(t.platform.db, 'enforcement.summary.amount_org', 2000);
    try {
      expect((await spot(id, 2500)).statusCode).toBe(422);
    } finally {
      await setSetting(t.platform.db, 'enforcement.summary.amount_org', 3000);
    }
    const ok = await spot(id, 3000);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('集体讨论 of a major case (art. 57(2)) gates its decision', () => {
  it('refuses the decision until the heads’ discussion is recorded with two participants and a positive conclusion', async () => {
    const notifiedOn = daysAgo(30);
    const id = await notifiedCase(notifiedOn, {}, { proposed_kinds: ['责令停产停业'] });
    expect((await recordOf(id))['major']).toBe(true);
    const review = await go(legal, id, 'legality_review', { review_on: plus(notifiedOn, 1), review_opinion: '事实清楚，程序合法', review_conclusion: '同意', date: plus(notifiedOn, 1) });
    expect(review.statusCode, review.body).toBe(200);
    const todos = json<{ items: Array<{ recordId: number; step: string }> }>(await t.request(leader, { method: 'GET', url: `/api/todos?ledger=${CASES}&step=deliberate&pageSize=100` })).items;
    expect(todos.some((x) => x.recordId === id && x.step === 'deliberate')).toBe(true);
    const payload = { decided_on: plus(notifiedOn, 20), decision_result: '责令停产停业一个月', penalty_kinds: ['责令停产停业'] };
    const undiscussed = await decide(id, payload);
    expect(undiscussed.statusCode, undiscussed.body).toBe(422);
    expect(detail(undiscussed)).toContain('行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）');
    const alone = await go(leader, id, 'deliberate', { deliberated_on: plus(notifiedOn, 2), deliberation_participants: '张镇长', deliberation_conclusion: '同意拟处理意见', date: plus(notifiedOn, 2) });
    expect(alone.statusCode, alone.body).toBe(422);
    expect(detail(alone)).toContain('至少两人');
    expect((await go(clerk, id, 'deliberate', { deliberated_on: plus(notifiedOn, 2), deliberation_participants: '张镇长、王副镇长', deliberation_conclusion: '同意拟处理意见' })).statusCode).toBe(403);
    const against = await go(leader, id, 'deliberate', { deliberated_on: plus(notifiedOn, 2), deliberation_participants: '张镇长、王副镇长、李副镇长', deliberation_conclusion: '不同意拟处理意见', date: plus(notifiedOn, 2) });
    expect(against.statusCode, against.body).toBe(200);
    const blocked = await decide(id, payload);
    expect(blocked.statusCode, blocked.body).toBe(422);
    expect(detail(blocked)).toContain('集体讨论结论');
    const agreed = await go(leader, id, 'deliberate', { deliberated_on: plus(notifiedOn, 3), deliberation_participants: '张镇长、王副镇长、李副镇长', deliberation_conclusion: '同意拟处理意见', deliberation_minutes: '经讨论，同意责令停产停业一个月', date: plus(notifiedOn, 3) });
    expect(agreed.statusCode, agreed.body).toBe(200);
    const decided = await decide(id, payload);
    expect(decided.statusCode, decided.body).toBe(200);
  });
});

describe('two officers with certificate numbers (art. 42), checked against the registry', () => {
  it('refuses 调查终结 without two officers, and 立案 with two that are the same, not in the registry or under another name', async () => {
    const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', matter, source: '投诉举报', registered_on: daysAgo(3), summary: '擅自搭建遮阳棚', party_kind: '个人', party_name: '孙国庆', party_id_number: makeIdNumber('999001', '1975-01-09', 2) });
    const id = json<{ id: number }>(res).id;
    const file = (extra: Record<string, unknown>) => go(leader, id, 'file', { filed_on: daysAgo(2), ...extra });
    const half = await file({ officer1_name: officers['officer1_name'], officer1_cert: officers['officer1_cert'] });
    expect(half.statusCode).toBe(422);
    expect(detail(half)).toContain('执法人员不得少于两人（行政处罚法第四十二条）');
    const same = await file({ ...officers, officer2_name: officers['officer1_name'], officer2_cert: officers['officer1_cert'] });
    expect(same.statusCode).toBe(422);
    const unknown = await file({ ...officers, officer2_cert: '城关执9999' });
    expect(unknown.statusCode).toBe(422);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(unknown).errors.find((e) => e.path === 'officer2_cert')?.message).toContain('“城关执9999”不在本单位执法检查人员名录库中');
    const misnamed = await file({ ...officers, officer1_name: '冒名顶替' });
    expect(misnamed.statusCode).toBe(422);
    expect(detail(misnamed)).toContain(`登记的执法人员是${officers['officer1_name']}`);
    // filed before the officers were known: the investigation cannot end without them
    const filed = await file({});
    expect(filed.statusCode, filed.body).toBe(200);
    const conclude = (extra: Record<string, unknown>) => go(clerk, id, 'conclude_investigation', { investigated_on: daysAgo(1), facts: '当事人擅自在人行道搭建遮阳棚', proposed_kinds: ['警告'], ...extra });
    const none = await conclude({});
    expect(none.statusCode).toBe(422);
    expect(detail(none)).toContain('执法人员不得少于两人（行政处罚法第四十二条）');
    const unknown2 = await conclude({ ...officers, officer1_cert: '城关执9998' });
    expect(unknown2.statusCode).toBe(422);
    const ok = await conclude(officers);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('顶格处罚 recorded by the system with the decision, filtered in the list and counted for the supervisor', () => {
  /** a benchmark with a real range whose top stays below the 较大数额 for a person (no hearing, no 重大) */
  let bench = { id: 0, matter: 0, min: 0, max: 0 };
  let atTop = 0;
  let below = 0;

  beforeAll(async () => {
    const items = (await listLedger(t, clerk, 'enforcement.benchmark', 'pageSize=100&sort=max_amount&order=asc')).items;
    const b = items.find((x) => Number(x.values['max_amount']) > Number(x.values['min_amount']) && Number(x.values['min_amount']) > 0 && Number(x.values['max_amount']) < 10_000);
    expect(b).toBeDefined();
    bench = { id: Number(b?.id), matter: Number(b?.values['matter']), min: Number(b?.values['min_amount']), max: Number(b?.values['max_amount']) };
  });

  const fined = async (amount: number, typed?: boolean): Promise<number> => {
    const id = await notifiedCase(daysAgo(12), { matter: bench.matter }, { proposed_kinds: ['警告', '罚款'], proposed_amount: amount });
    expect((await go(clerk, id, 'waive', { rights_waived_on: daysAgo(12) })).statusCode).toBe(200);
    const payload = { benchmark: bench.id, decided_on: daysAgo(11), decision_result: `给予警告，并处罚款${amount}元`, penalty_kinds: ['警告', '罚款'], amount };
    if (typed !== undefined) {
      // the decision step cannot type it either: it is the system's finding
      const refused = await decide(id, { ...payload, top_penalty: typed });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(detail(refused)).toContain('顶格处罚');
      expect((await recordOf(id))['decided_on']).toBeNull();
    }
    const res = await decide(id, payload);
    expect(res.statusCode, res.body).toBe(200);
    return id;
  };

  it('marks a fine at the top of the applied benchmark as 顶格 and one below it as not, whatever the request says', async () => {
    const before = await notifiedCase(daysAgo(12), { matter: bench.matter });
    expect((await recordOf(before))['top_penalty']).toBeNull();
    atTop = await fined(bench.max);
    expect((await recordOf(atTop))['top_penalty']).toBe(true);
    below = await fined(bench.min, true);
    expect((await recordOf(below))['top_penalty']).toBe(false);
    const meta = json<{ fields: Array<{ name: string; derived?: string | null }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/meta` }));
    expect(meta.fields.find((f) => f.name === 'top_penalty')?.derived).toContain('裁量基准的上限');
  });

  it('refuses a plain edit of 顶格处罚, naming the field, audits the refusal and changes nothing', async () => {
    const cur = json<{ version: number }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${CASES}/${atTop}` }));
    const res = await t.request(clerk, { method: 'PUT', url: `/api/ledgers/${CASES}/${atTop}`, payload: { top_penalty: false, version: cur.version } });
    expect(res.statusCode, res.body).toBe(403);
    expect(detail(res)).toContain('“顶格处罚”');
    expect((await recordOf(atTop))['top_penalty']).toBe(true);
    const audit = await t.request(await t.login('auditor'), { method: 'GET', url: `/api/audit?entity=${CASES}&entityId=${atTop}` });
    expect(audit.body).toContain('refused_owned_field');
    expect(audit.body).toContain('top_penalty');
  });

  it('filters the list by 顶格处罚, and the supervisor’s indicator and its share equal the lists their links open', async () => {
    const yes = (await listLedger(t, clerk, CASES, `org=${TOWN}&f.top_penalty=是&pageSize=100`)).items.map((i) => i.id);
    expect(yes).toContain(atTop);
    expect(yes).not.toContain(below);
    const no = (await listLedger(t, clerk, CASES, `org=${TOWN}&f.top_penalty=否&pageSize=100`)).items.map((i) => i.id);
    expect(no).toContain(below);
    const county = await t.login('county');
    const values = await moduleIndicators(t, county, 'enforcement', TOWN, Number(daysAgo(11).slice(0, 4)));
    const top = values.find((v) => v.id === 'enforcement.top_penalties');
    const all = values.find((v) => v.id === 'enforcement.fined_decisions');
    const share = values.find((v) => v.id === 'enforcement.top_penalty_share');
    expect(top?.value).toBeGreaterThanOrEqual(1);
    expect(await listTotal(t, county, String(top?.link))).toBe(top?.value);
    expect(await listTotal(t, county, String(all?.link))).toBe(all?.value);
    const linked = (await listLedger(t, county, CASES, `${String(top?.link).split('?')[1]}&pageSize=100`)).items.map((i) => i.id);
    expect(linked).toContain(atTop);
    expect(linked).not.toContain(below);
    expect(share?.value).toBeCloseTo((100 * Number(top?.value)) / Number(all?.value), 0);
  });

  it('fills 顶格处罚 of decisions recorded before the field existed from their own fine and range, audited, and nothing else', async () => {
    const db = t.platform.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const noRange = await fined(bench.min);
    // as the table held them before the field existed: no finding; one decided without a recorded range
    await db.updateTable('enforcement_case').set({ top_penalty: null }).where('id', 'in', [atTop, below, noRange]).execute();
    await db.updateTable('enforcement_case').set({ benchmark: null, benchmark_min: null, benchmark_max: null }).where('id', '=', noRange).execute();
    const undecided = await notifiedCase(daysAgo(12), { matter: bench.matter });
    expect(await backfillTopPenalty(t.platform.db)).toBeGreaterThanOrEqual(3);
    expect((await recordOf(atTop))['top_penalty']).toBe(true);
    expect((await recordOf(below))['top_penalty']).toBe(false);
    // a fine with no recorded range is not 顶格 within a benchmark; the benchmark is not looked up today
    expect((await recordOf(noRange))['top_penalty']).toBe(false);
    expect((await recordOf(undecided))['top_penalty']).toBeNull();
    const audit = await t.request(await t.login('auditor'), { method: 'GET', url: `/api/audit?entity=${CASES}&entityId=${atTop}` });
    expect(audit.body).toContain('top_penalty_backfill');
    expect(audit.body).toContain(String(bench.max));
    // run at every start: nothing left to fill
    expect(await backfillTopPenalty(t.platform.db)).toBe(0);
  });
});
