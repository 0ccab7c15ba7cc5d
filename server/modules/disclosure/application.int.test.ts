import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
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
async function ok(cookie: string, id: number, name: string, payload: Record<string, unknown>): Promise<Timeline> {
  const res = await step(cookie, id, name, payload);
  expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  return json<Timeline>(res);
}
function upload(cookie: string, id: number, kind: string) {
  const boundary = 'fazhi-disclosure-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="approval.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% approval\n\r\n--${boundary}--\r\n`),
  ]);
  return t.request(cookie, { method: 'POST', url: `${base}/${id}/attachments`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
const supplement = { supplement_items: '请说明所申请信息的名称、文号或者形成时间', supplement_due_on: '2025-10-20' };

describe('the day of receipt follows the channel (政府信息公开条例 art. 31)', () => {
  it('is the day confirmed with the applicant for an ordinary letter, not the day it was written or the day of entry', async () => {
    const id = await apply({ channel: '平常信函', submitted_on: '2025-09-22', confirmed_on: '2025-09-28' });
    expect((await record(id))['received_on']).toBe('2025-09-28');
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
    expect(await answerClock(id)).toMatchObject({ due: addWorkingDays(resumed, 20, cal).due, extended: true });
    expect(addWorkingDays(resumed, 20, cal).due).toBe('2025-12-22');
    const answered = await ok(clerk, id, 'answer', { outcome: '予以公开', answered_on: '2025-12-22' });
    expect(answered.state).toBe('answered');
    expect(await answerClock(id)).toMatchObject({ status: 'stopped', overdue: false });
  });
});
