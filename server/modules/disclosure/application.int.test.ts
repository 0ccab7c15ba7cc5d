import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { succeeding, uploadPdf } from '../../test/workflow-client.ts';
import { createRecord, refusal } from '../../test/ledger-client.ts';

// 政府信息公开条例 arts. 30–34 on live records: receipt per channel, 补正, consultation and extension, on working days
let t: TestApp;
let clerk: string;
let leader: string;
const base = '/api/ledgers/disclosure.application';
const applicant = { orgCode: '999001001000-01', applicant_kind: '自然人', applicant_name: '测试申请人', subject: '申请公开测试信息', content: '请公开某项目的批复文件' };

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  leader = await t.login('leader');
});
afterAll(async () => t.close());

async function apply(values: Record<string, unknown>): Promise<number> {
  const res = await createRecord(t, clerk, 'disclosure.application', { ...applicant, ...values });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}
const timeline = async (id: number): Promise<Timeline> => json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
const record = async (id: number): Promise<Record<string, unknown>> => json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `${base}/${id}` })).values;
const answerClock = async (id: number) => (await timeline(id)).clocks.find((c) => c.id === 'answer');
async function step(cookie: string, id: number, name: string, payload: Record<string, unknown>) {
  return t.request(cookie, { method: 'POST', url: `${base}/${id}/transitions/${name}`, payload: { ...payload, version: (await timeline(id)).version } });
}
const ok = succeeding(step);
function upload(cookie: string, id: number, kind: string) {
  return uploadPdf(t, cookie, `${base}/${id}/attachments`, kind, { name: 'approval.pdf', content: '%PDF-1.4\n% approval\n' });
}
/** the text of a letter's DOCX: word/document.xml with its runs joined */
async function letterText(cookie: string, url: string, method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; text: string; number: string }> {
  const res = await t.request(cookie, { method, url, ...(method === 'POST' ? { payload: {} } : {}) });
  if (res.statusCode !== 200) return { status: res.statusCode, text: res.body, number: '' };
  const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
  return { status: 200, text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''), number: decodeURIComponent(String(res.headers['x-doc-number'])) };
}
const notice = (id: number, kind: string) => letterText(clerk, `/api/disclosure/applications/${id}/notices/${kind}`);
const supplement = { supplement_items: '请说明所申请信息的名称、文号或者形成时间', supplement_due_on: '2025-10-20' };

describe('the day of receipt follows the channel (政府信息公开条例 art. 31)', () => {
  it('is the day confirmed with the applicant for an ordinary letter, not the day it was written or the day of entry', async () => {
    const id = await apply({ channel: '平常信函', submitted_on: '2025-09-22', confirmed_on: '2025-09-28' });
    expect((await record(id))['received_on']).toBe('2025-09-28');
    // the application number's year is the year of receipt, worked out before the number is given
    expect(String((await record(id))['app_no'])).toContain('〔2025〕');
    // 2025-09-28 (a make-up working day) → 20 working days, National Day not counted
    expect(await answerClock(id)).toMatchObject({ status: 'running', due: '2025-10-31' });
  });

  it('is the day signed for by post, and a corrected signing day moves the clock', async () => {
    const id = await apply({ channel: '邮寄（需签收）', submitted_on: '2025-09-25', signed_on: '2025-09-28' });
    expect(await answerClock(id)).toMatchObject({ due: '2025-10-31' });
    const edit = await t.request(clerk, { method: 'PUT', url: `${base}/${id}`, payload: { signed_on: '2025-09-30', version: (await timeline(id)).version } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await record(id))['received_on']).toBe('2025-09-30');
    const cal = await loadCalendar(t.platform.db);
    expect(await answerClock(id)).toMatchObject({ due: addWorkingDays('2025-09-30', 20, cal).due });
  });

  it('refuses a missing channel date, a date of another channel, and a typed receipt date', async () => {
    const missing = await createRecord(t, clerk, 'disclosure.application', { ...applicant, channel: '当面提交' });
    expect(refusal(missing)).toContainEqual(expect.objectContaining({ path: 'submitted_on', message: expect.stringContaining('当面提交的须填写提交日期') as unknown }));
    const foreign = await createRecord(t, clerk, 'disclosure.application', { ...applicant, channel: '邮寄（需签收）', signed_on: '2025-09-28', confirmed_on: '2025-09-29' });
    expect(refusal(foreign)).toContainEqual(expect.objectContaining({ path: 'confirmed_on' }));
    const typed = await createRecord(t, clerk, 'disclosure.application', { ...applicant, channel: '互联网', confirmed_on: '2025-09-28', received_on: '2025-09-01' });
    expect(typed.statusCode).toBe(403);
    expect(typed.body).toContain('收到申请日期');
  });
});

describe('补正 (政府信息公开条例 art. 30)', () => {
  it('is dated by the recorded notice day, pauses the clock, and restarts it in full on the completed application', async () => {
    const id = await apply({ channel: '当面提交', submitted_on: '2025-09-28' });
    // no date in the body: the step is the day the notice went out, not the day the form was sent
    const asked = await ok(clerk, id, 'request_supplement', { supplement_requested_on: '2025-09-30', ...supplement });
    expect(asked.events.at(-1)).toMatchObject({ transition: 'request_supplement', onDate: '2025-09-30' });
    expect((await record(id))['supplement_notice_no']).toMatch(/^城关政信补〔2025〕\d+号$/);
    const letter = await notice(id, 'supplement');
    expect(letter.status).toBe(200);
    expect(letter.number).toBe((await record(id))['supplement_notice_no']);
    for (const s of ['政府信息公开申请补正告知书', letter.number, '测试申请人：', '2025年9月28日收到您提出的政府信息公开申请', '请说明所申请信息的名称、文号或者形成时间', '请您于2025年10月20日前', '视为放弃申请', '城关镇人民政府', '2025年9月30日']) expect(letter.text).toContain(s);
    expect((await notice(id, 'extension')).status).toBe(422);
    expect(await answerClock(id)).toMatchObject({ status: 'paused', due: null });
    await ok(clerk, id, 'supplement_received', { supplement_received_on: '2025-10-14' });
    expect(await answerClock(id)).toMatchObject({ status: 'running', due: '2025-11-11' });
    // one notice only
    const again = await step(clerk, id, 'request_supplement', { supplement_requested_on: '2025-10-15', ...supplement, supplement_due_on: '2025-10-30' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('补正应一次性告知');
  });

  it('refuses a body date that contradicts the recorded day, a 补正 after the 7th working day, and a period that gives no time', async () => {
    const id = await apply({ channel: '当面提交', submitted_on: '2025-09-28' });
    const contradicting = await step(clerk, id, 'request_supplement', { date: '2025-10-09', supplement_requested_on: '2025-09-30', ...supplement });
    expect(refusal(contradicting)).toContainEqual(expect.objectContaining({ path: 'date', message: expect.stringContaining('以“告知补正日期”为准（2025-09-30）') as unknown }));
    const late = await step(clerk, id, 'request_supplement', { supplement_requested_on: '2025-10-15', ...supplement, supplement_due_on: '2025-10-30' });
    expect(refusal(late)).toContainEqual(expect.objectContaining({ path: 'supplement_requested_on', message: expect.stringContaining('最迟2025-10-14') as unknown }));
    const noTime = await step(clerk, id, 'request_supplement', { supplement_requested_on: '2025-10-14', ...supplement, supplement_due_on: '2025-10-14' });
    expect(refusal(noTime)).toContainEqual(expect.objectContaining({ path: 'supplement_due_on' }));
    const noItems = await step(clerk, id, 'request_supplement', { supplement_requested_on: '2025-10-14', supplement_due_on: '2025-10-24' });
    expect(noItems.statusCode).toBe(422);
    expect(noItems.body).toContain('需要补正的事项');
    await ok(clerk, id, 'request_supplement', { supplement_requested_on: '2025-10-14', ...supplement, supplement_due_on: '2025-10-24' });
  });

  it('closes an application as abandoned only after the period has run, as 其他处理 in the annual report', async () => {
    const id = await apply({ channel: '互联网', confirmed_on: '2025-09-28' });
    await ok(clerk, id, 'request_supplement', { supplement_requested_on: '2025-09-30', ...supplement });
    // the period's last day is still the applicant's
    const early = await step(clerk, id, 'supplement_lapsed', { lapsed_on: '2025-10-20' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('2025年10月21日起方可逾期不补正');
    const closed = await ok(clerk, id, 'supplement_lapsed', { lapsed_on: '2025-10-21' });
    expect(closed.state).toBe('lapsed');
    expect(await record(id)).toMatchObject({ outcome: '其他处理', outcome_reason: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', answered_on: '2025-10-21' });
    expect(await answerClock(id)).toMatchObject({ status: 'stopped' });
    // a closed application takes no late 补正
    expect((await step(clerk, id, 'supplement_received', { supplement_received_on: '2025-10-22' })).statusCode).toBe(409);
  });
});

describe('consultation and extension (政府信息公开条例 arts. 32–34)', () => {
  it('leaves the consultation out of the answer period, waits 15 working days for silence, and adds 20 working days once', async () => {
    const cal = await loadCalendar(t.platform.db);
    const id = await apply({ channel: '当面提交', submitted_on: '2025-09-28' });
    await ok(clerk, id, 'consult', { consult_party: '共同制作机关', consult_with: '演示县自然资源局', consult_sent_on: '2025-09-30' });
    expect((await record(id))['consult_notice_no']).toMatch(/^城关政信征〔2025〕\d+号$/);
    const consultLetter = await notice(id, 'consult');
    for (const s of ['政府信息公开征求意见书', '演示县自然资源局：', '由你单位与本机关共同制作', '第三十四条', '15个工作日内', '视为同意公开']) expect(consultLetter.text).toContain(s);
    // the third party never learns who asked
    expect(consultLetter.text).not.toContain('测试申请人');
    expect(await answerClock(id)).toMatchObject({ status: 'paused', due: null });
    // 15 working days from 9/30: 10/9 … 10/28 (10/11 a make-up Saturday); silence is recorded from 10/29
    const early = await step(clerk, id, 'consulted', { consult_replied_on: '2025-10-28', consult_opinion: '逾期未提出意见' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('2025年10月29日起方可收到意见');
    // an answer disclosing the information is refused while the period runs
    const answer = await step(clerk, id, 'answer', { outcome: '予以公开', answered_on: '2025-10-28' });
    expect(answer.statusCode).toBe(422);
    await ok(clerk, id, 'consulted', { consult_replied_on: '2025-10-29', consult_opinion: '逾期未提出意见' });
    // 9/29 and 9/30 used; 10/9–10/29 (16 working days) not counted
    const resumed = addWorkingDays('2025-10-31', 16, cal).due;
    expect(resumed).toBe('2025-11-24');
    expect(await answerClock(id)).toMatchObject({ status: 'running', due: resumed });
    // the extension needs the head's approval on file and adds 20 working days
    const approval = json<{ id: number }>(await upload(clerk, id, '延期答复审批表'));
    const byClerk = await step(clerk, id, 'extend', { extension_approved_on: '2025-11-20', extension_reason: '涉及多个年度档案，需调档核查', note: '涉及多个年度档案', noticeAttachmentId: approval.id });
    expect(byClerk.statusCode).toBe(403);
    await ok(leader, id, 'extend', { extension_approved_on: '2025-11-20', extension_reason: '涉及多个年度档案，需调档核查', note: '涉及多个年度档案', noticeAttachmentId: approval.id });
    expect((await record(id))['extension_notice_no']).toMatch(/^城关政信延〔2025〕\d+号$/);
    const extension = await notice(id, 'extension');
    for (const s of ['政府信息公开申请延期答复告知书', '因涉及多个年度档案，需调档核查，本机关不能在规定期限内作出答复', '第三十三条第二款', '延长20个工作日', '本机关将于2025年12月22日前作出答复', '2025年11月20日']) expect(extension.text).toContain(s);
    expect(await answerClock(id)).toMatchObject({ due: addWorkingDays(resumed, 20, cal).due, extended: true });
    expect(addWorkingDays(resumed, 20, cal).due).toBe('2025-12-22');
    const answered = await ok(clerk, id, 'answer', { outcome: '予以公开', answered_on: '2025-12-22' });
    expect(answered.state).toBe('answered');
    expect(await answerClock(id)).toMatchObject({ status: 'stopped', overdue: false });
    const reply = await letterText(clerk, `/api/disclosure/applications/${id}/reply-letter`, 'POST');
    for (const s of ['政府信息公开申请答复书', reply.number, '就该信息书面征求了共同制作机关的意见', '答复期限延长20个工作日', '第三十六条第（二）项', '本机关予以公开', '六十日内', '2025年12月22日']) expect(reply.text).toContain(s);
  });
});

describe('答复书 of every kind', () => {
  const kinds: Array<[string, string | null, string[]]> = [
    ['部分公开', null, ['能够作区分处理', '第三十七条']],
    ['不予公开', '保护第三方合法权益', ['保护第三方合法权益', '第十五条、第三十二条、第三十六条第（三）项', '本机关不予公开']],
    ['无法提供', '本机关不掌握相关政府信息', ['本机关不掌握相关政府信息', '第三十六条第（四）项', '本机关无法提供']],
    ['不予处理', '信访举报投诉类申请', ['“信访举报投诉类申请”的情形', '第三十九条第一款', '本机关不予处理']],
  ];
  it.each(kinds)('%s cites its own article, numbered in sequence', async (outcome, reason, phrases) => {
    const id = await apply({ channel: '当面提交', submitted_on: '2025-11-03', subject: `申请公开${outcome}测试信息` });
    await ok(clerk, id, 'answer', { outcome, ...(reason ? { outcome_reason: reason } : {}), answered_on: '2025-11-10' });
    const reply = await letterText(clerk, `/api/disclosure/applications/${id}/reply-letter`, 'POST');
    expect(reply.status).toBe(200);
    expect(reply.number).toMatch(/^城关政信答〔2025〕\d+号$/);
    for (const s of ['政府信息公开申请答复书', '测试申请人：', '2025年11月3日收到您提出的政府信息公开申请', ...phrases, '行政复议', '2025年11月10日']) expect(reply.text).toContain(s);
  });
});

describe('信息处理费 (政府信息公开条例 art. 42; 国办函〔2020〕109号)', () => {
  it('is computed from the national schedule, and the time from notice to payment is not counted', async () => {
    const cal = await loadCalendar(t.platform.db);
    const id = await apply({ channel: '当面提交', submitted_on: '2025-09-28' });
    const free = await step(clerk, id, 'fee_notice', { fee_basis: '按件计收', fee_notice_on: '2025-09-30' });
    expect(free.statusCode).toBe(422);
    expect(free.body).toContain('信息处理费为0元');
    await ok(clerk, id, 'fee_notice', { fee_basis: '按量计收', fee_pages: 40, fee_notice_on: '2025-09-30' });
    expect(Number((await record(id))['fee_amount'])).toBe(100);
    expect(await answerClock(id)).toMatchObject({ status: 'paused', due: null });
    // 20 working days from 9/30 end on 11/4: a payment after that is too late
    expect(addWorkingDays('2025-09-30', 20, cal).due).toBe('2025-11-04');
    const late = await step(clerk, id, 'fee_paid', { fee_paid_on: '2025-11-05' });
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('2025年11月4日');
    await ok(clerk, id, 'fee_paid', { fee_paid_on: '2025-10-20' });
    // 9/29 and 9/30 used; 10/9–10/20 (9 working days) not counted
    expect(await answerClock(id)).toMatchObject({ status: 'running', due: addWorkingDays('2025-10-31', 9, cal).due });
  });

  it('counts the applicant\'s applications of the month at the fee notice, follows additions and withdrawals, refuses a typed count', async () => {
    const phone = '13912340024';
    const same = { phone, applicant_id: '110101199003074573' };
    const feeCount = async (id: number) => json<{ stored: number | null; count: number; matchedBy: string[]; requests: Array<{ id: number }> }>(await t.request(clerk, { method: 'GET', url: `/api/disclosure/applications/${id}/fee-count` }));
    const earlier: number[] = [];
    for (let d = 1; d <= 9; d++) earlier.push(await apply({ channel: '当面提交', submitted_on: `2025-09-0${d}`, ...same }));
    // not counted: last month, another applicant, a later application of the month
    await apply({ channel: '当面提交', submitted_on: '2025-08-29', ...same });
    await apply({ channel: '当面提交', submitted_on: '2025-09-05', phone: '13912340025' });
    const id = await apply({ channel: '当面提交', submitted_on: '2025-09-20', ...same });
    await apply({ channel: '当面提交', submitted_on: '2025-09-25', ...same });
    // matched on the blind index: the phone alone (the ID number left out) is the same applicant
    earlier.push(await apply({ channel: '当面提交', submitted_on: '2025-09-12', phone }));
    const now = await feeCount(id);
    expect(now).toMatchObject({ stored: null, count: 11, matchedBy: ['身份证件号码', '联系电话'] });
    expect(now.requests.map((r) => r.id)).toEqual([...earlier.slice(0, 9), earlier[9], id]);
    // a withdrawn application is not counted: the 10th of the month is free, so no fee notice
    const w = await t.request(leader, { method: 'POST', url: `${base}/${earlier[0]}/withdraw`, payload: { reason: '登记重复' } });
    expect(w.statusCode, w.body).toBe(200);
    expect((await feeCount(id)).count).toBe(10);
    const free = await step(clerk, id, 'fee_notice', { fee_basis: '按件计收', fee_notice_on: '2025-09-30' });
    expect(free.statusCode).toBe(422);
    expect(free.body).toContain('信息处理费为0元');
    // a typed count is refused, naming the field
    const typed = await step(clerk, id, 'fee_notice', { fee_basis: '按件计收', fee_count: 30, fee_notice_on: '2025-09-30' });
    expect(typed.statusCode).toBe(400);
    expect(refusal(typed)).toContainEqual(expect.objectContaining({ path: 'fee_count', message: expect.stringContaining('不能手工填写') as unknown }));
    // another application earlier in the month makes this one the 11th: 100元
    await apply({ channel: '当面提交', submitted_on: '2025-09-15', ...same });
    expect((await feeCount(id)).count).toBe(11);
    await ok(clerk, id, 'fee_notice', { fee_basis: '按件计收', fee_notice_on: '2025-09-30' });
    const v = await record(id);
    expect(v['fee_count']).toBe(11);
    expect(Number(v['fee_amount'])).toBe(100);
    expect((await feeCount(id)).stored).toBe(11);
    const edit = await t.request(clerk, { method: 'PUT', url: `${base}/${id}`, payload: { fee_count: 5, version: (await timeline(id)).version } });
    expect(edit.statusCode).toBe(400);
    expect(refusal(edit).map((e) => e.path)).toContain('fee_count');
  });

  it('closes an unpaid application as abandoned only after the 20 working days', async () => {
    const id = await apply({ channel: '当面提交', submitted_on: '2025-09-28' });
    await ok(clerk, id, 'fee_notice', { fee_basis: '按量计收', fee_pages: 120, fee_notice_on: '2025-09-30' });
    expect(Number((await record(id))['fee_amount'])).toBe(1100);
    const early = await step(clerk, id, 'fee_lapsed', { fee_lapsed_on: '2025-11-04' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('2025年11月5日起方可逾期未缴费');
    const closed = await ok(clerk, id, 'fee_lapsed', { fee_lapsed_on: '2025-11-05' });
    expect(closed.state).toBe('lapsed');
    expect(await record(id)).toMatchObject({ outcome: '其他处理', outcome_reason: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', answered_on: '2025-11-05' });
  });
});

describe('the step letters route', () => {
  it('answers 404 for an unknown letter kind and 422 before the step gave a number', async () => {
    const id = await apply({ channel: '当面提交', submitted_on: '2025-11-03' });
    expect((await t.request(clerk, { method: 'GET', url: `/api/disclosure/applications/${id}/notices/other` })).statusCode).toBe(404);
    const none = await notice(id, 'consult');
    expect(none.status).toBe(422);
    expect(none.text).toContain('办理“征求意见”后方可生成');
  });
});
