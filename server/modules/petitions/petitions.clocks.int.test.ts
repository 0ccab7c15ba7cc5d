import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminModule } from '../../platform/admin.module.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { clockOf, fixedClock, succeeding, transitionStep, uploadPdf } from '../../test/workflow-client.ts';
import { reconsiderationModule } from '../reconsideration/reconsideration.module.ts';
import { petitionsModule } from './petitions.module.ts';

// 信访工作条例 (2022) and 行政复议法 (2023) clocks, counted by hand on the 2026 calendar: 中秋 9/25–27, 国庆 10/1–7,
// make-up working days Sun 9/20 and Sat 10/10; 春节 2/15–23
let t: TestApp;
let clerk: string;
let leader: string;
let seq = 0;
const base = '/api/ledgers/petitions.case';

fixedClock('2026-11-20T02:00:00Z');

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, petitionsModule, reconsiderationModule, calendarModule, workflowModule] });
  clerk = await t.login('clerk');
  leader = await t.login('leader');
});

afterAll(async () => t.close());

async function petition(patch: Record<string, unknown>): Promise<number> {
  const payload = { channel: '来信', category: '民政', matter_class: '申诉求决', summary: '低保申请未获答复', party_kind: '个人', people_count: 1, petitioner_name: '张三', progress: '待受理', ...patch };
  const res = await t.request(clerk, { method: 'POST', url: base, payload });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}

const step = transitionStep(() => t, base);
const ok = succeeding(step);
function upload(cookie: string, url: string, kind: string) {
  return uploadPdf(t, cookie, url, kind, { name: 'notice.pdf', content: '%PDF-1.4\n% notice\n' });
}

describe('信访 on the 2022 条例’s clocks', () => {
  it('registers and notifies within 15 days: received on the make-up Sunday 9/20, 9/20 + 15 = 10/5 (国庆) → 10/8', async () => {
    const id = await petition({ received_on: '2026-09-20' });
    const tl = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
    expect(clockOf(tl, 'accept')).toMatchObject({ due: '2026-10-08' });
    expect(clockOf(tl, 'accept')?.explanation[0]).toContain('登记告知期限');
    const diverted = await ok(clerk, id, 'notify', { acceptance: '导入相应程序', diverted_to: '仲裁', accepted_on: '2026-10-08', handling_result: '属劳动争议，告知申请劳动仲裁', reply_method: '书面答复（处理意见书）', date: '2026-10-08' });
    expect(diverted.state).toBe('answered');
    expect(clockOf(diverted, 'accept')).toMatchObject({ status: 'stopped', overdue: false });
    // a diverted matter has no 60-day handling clock
    expect(clockOf(diverted, 'handle')?.status).toBe('pending');
  });

  it('runs the 60-day limit only for 申诉求决 matters, and refuses an extension after it ran out, naming the day', async () => {
    const suggestion = await petition({ received_on: '2026-08-03', matter_class: '建议意见' });
    const s = await ok(clerk, suggestion, 'accept', { acceptance: '受理', accepted_on: '2026-08-06', handling_unit: '社会事务办', date: '2026-08-06' });
    expect(clockOf(s, 'handle')?.status).toBe('pending');
    const refused = await step(leader, suggestion, 'extend', { note: '情况复杂', extension_approved: true, extension_approved_on: '2026-09-01', extension_reason: '情况复杂', date: '2026-09-01' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('只有申诉求决类事项才有60日办理期限');

    // accepted 8/6: 8/6 + 60 = 10/5, inside 国庆 → Thu 10/8
    const claim = await petition({ received_on: '2026-08-03' });
    const tl = await ok(clerk, claim, 'accept', { acceptance: '受理', accepted_on: '2026-08-06', handling_unit: '社会事务办', date: '2026-08-06' });
    expect(clockOf(tl, 'handle')).toMatchObject({ status: 'running', due: '2026-10-08' });
    const notice = json<{ id: number }>(await upload(await t.login('reviewer'), `${base}/${claim}/attachments`, '延期告知书'));
    const late = await step(leader, claim, 'extend', { note: '涉及多部门', extension_approved: true, extension_approved_on: '2026-10-09', extension_reason: '涉及多部门协调', noticeAttachmentId: notice.id, date: '2026-10-09' });
    expect(late.statusCode, late.body).toBe(422);
    expect(json<{ code: string; detail: string }>(late)).toMatchObject({ code: 'clock_extension_expired', detail: '不能延长申诉求决类事项办理期限：“申诉求决类事项办理期限”已于2026年10月8日届满，届满后不能再延长（延长须在期限届满前批准）' });
    // nothing half-saved
    const row = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `${base}/${claim}` }));
    expect(row.values['extension_approved_on'] ?? null).toBeNull();
    // on the due day itself it is granted: 8/6 + 90 = 11/4
    const extended = await ok(leader, claim, 'extend', { note: '涉及多部门', extension_approved: true, extension_approved_on: '2026-10-08', extension_reason: '涉及多部门协调', noticeAttachmentId: notice.id, date: '2026-10-08' });
    expect(clockOf(extended, 'handle')).toMatchObject({ due: '2026-11-04', extended: true });
  });

  it('takes a 复查 request on the 30th day (moved past 春节) and refuses one a day later, naming the last day', async () => {
    const id = await petition({ received_on: '2026-01-05' });
    await ok(clerk, id, 'accept', { acceptance: '受理', accepted_on: '2026-01-06', handling_unit: '社会事务办', date: '2026-01-06' });
    await ok(clerk, id, 'reply', { result_kind: '不予支持', handling_result: '不符合低保条件', reply_on: '2026-01-16', reply_method: '书面答复（处理意见书）', date: '2026-01-16' });
    // 1/16 + 30 = 2/15, 春节 2/15–23 → Tue 2/24
    const late = await step(clerk, id, 'request_review', { review_requested_on: '2026-02-25', date: '2026-02-25' });
    expect(late.statusCode, late.body).toBe(422);
    expect(json<{ detail: string }>(late).detail).toBe('不能办理“申请复查”：信访人可自收到书面答复之日起30个自然日内请求复查（信访工作条例第三十五条），最后一日为2026年2月24日，已逾期，不能申请复查');
    // the 314-days-late request testers got accepted, entered today
    const veryLate = await step(clerk, id, 'request_review', { review_requested_on: '2026-11-20', date: '2026-11-20' });
    expect(veryLate.statusCode).toBe(422);
    expect(json<{ detail: string }>(veryLate).detail).toContain('最后一日为2026年2月24日');
    const inTime = await ok(clerk, id, 'request_review', { review_requested_on: '2026-02-24', date: '2026-02-26' });
    expect(inTime.state).toBe('reviewing');
  });

  it('pauses the 复核 clock for the hearing, and the 复核 opinion ends the matter', async () => {
    const id = await petition({ received_on: '2026-03-02' });
    await ok(clerk, id, 'accept', { acceptance: '受理', accepted_on: '2026-03-03', handling_unit: '社会事务办', date: '2026-03-03' });
    await ok(clerk, id, 'reply', { result_kind: '不予支持', handling_result: '不符合条件', reply_on: '2026-04-01', reply_method: '书面答复（处理意见书）', date: '2026-04-01' });
    await ok(clerk, id, 'request_review', { review_requested_on: '2026-04-20', date: '2026-04-20' });
    await ok(clerk, id, 'review_reply', { review_reply_on: '2026-05-15', review_result: '维持', date: '2026-05-15' });
    // 5/15 + 30 = 6/14 (Sun) → Mon 6/15 is the last day for 复核
    const late = await step(clerk, id, 'request_rereview', { rereview_requested_on: '2026-06-16', date: '2026-06-16' });
    expect(json<{ detail: string }>(late).detail).toContain('最后一日为2026年6月15日');
    const asked = await ok(clerk, id, 'request_rereview', { rereview_requested_on: '2026-06-01', date: '2026-06-01' });
    // 6/1 + 30 = 7/1 (Wed)
    expect(clockOf(asked, 'rereview')).toMatchObject({ due: '2026-07-01' });
    await ok(clerk, id, 'rereview_hearing', { rereview_hearing_on: '2026-06-10', date: '2026-06-10' });
    const resumed = await ok(clerk, id, 'rereview_hearing_end', { rereview_hearing_end_on: '2026-06-15', date: '2026-06-15' });
    // 6/2–6/10 used 9 days; 21 left from 6/16 → Mon 7/6
    expect(clockOf(resumed, 'rereview')).toMatchObject({ status: 'running', due: '2026-07-06' });
    const done = await ok(clerk, id, 'rereview_reply', { rereview_reply_on: '2026-07-03', rereview_result: '维持', date: '2026-07-03' });
    expect(done.state).toBe('concluded');
    expect(clockOf(done, 'rereview')).toMatchObject({ status: 'stopped', overdue: false });
    expect(done.transitions.map((x) => x.name)).not.toContain('request_review');
    const row = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `${base}/${id}` }));
    expect(row.values['progress']).toBe('已办结');
  });

  it('objects to a matter sent down within 5 working days: from Mon 9/28 the last day is the make-up Saturday 10/10', async () => {
    const id = await petition({ channel: '上级交办', referred_by: '县信访局', received_on: '2026-09-28' });
    const late = await step(clerk, id, 'object', { objected_on: '2026-10-12', objection_reason: '属县直部门职权', date: '2026-10-12' });
    expect(json<{ detail: string }>(late).detail).toBe('不能办理“提出异议（退回转送、交办机关）”：转送、交办的事项不属于本机关职权范围的，应自收到之日起5个工作日内提出异议（信访工作条例第二十三条），最后一日为2026年10月10日，已逾期，不能提出异议（退回转送、交办机关）');
    const returned = await ok(clerk, id, 'object', { objected_on: '2026-10-10', objection_reason: '属县直部门职权', date: '2026-10-12' });
    expect(returned.state).toBe('returned');
    const letter = await petition({ received_on: '2026-09-28' });
    expect((await step(clerk, letter, 'object', { objected_on: '2026-09-29', objection_reason: '非本机关职权', date: '2026-09-29' })).body).toContain('只有上级转送、交办的事项才能提出异议');
  });
});

describe('the respondent’s answer in 行政复议 and 行政诉讼', () => {
  const create = async (patch: Record<string, unknown>): Promise<Timeline> => {
    const payload = { kind: '行政复议', case_no: `演府复〔2026〕时${++seq}号`, filed_on: '2026-09-25', received_on: '2026-09-28', organ: '演示县人民政府', procedure: '普通程序', stage: '审理', applicant_type: '自然人', applicant_person: '李四', applicant_count: 1, respondent: '城关镇人民政府', act_category: '行政处罚', act: '罚款决定', ...patch };
    const res = await t.request(clerk, { method: 'POST', url: '/api/ledgers/reconsideration.case', payload });
    expect(res.statusCode, res.body).toBe(200);
    return json<Timeline>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/reconsideration.case/${json<{ id: number }>(res).id}/timeline` }));
  };
  const answerClocks = (tl: Timeline) => tl.clocks.filter((c) => c.status !== 'pending' && c.id !== 'decide' && c.id !== 'decide_simplified').map((c) => [c.id, c.due]);

  it('gives the simplified procedure 5 working days: from Mon 9/28, 9/29, 9/30, 10/8, 10/9 and the make-up Sat 10/10', async () => {
    expect(answerClocks(await create({ procedure: '简易程序' }))).toEqual([['answer_simplified', '2026-10-10']]);
  });

  it('gives the ordinary procedure 10 working days: … 10/10, 10/12–10/16 → Fri 10/16', async () => {
    expect(answerClocks(await create({}))).toEqual([['answer', '2026-10-16']]);
  });

  it('refuses to record the organ’s extension after the decision period ran out: 9/1 + 60 = 10/31 (Sat) → 11/2', async () => {
    const tl = await create({ filed_on: '2026-09-01', received_on: '2026-09-03' });
    const url = `/api/ledgers/reconsideration.case/${tl.recordId}`;
    expect(tl.clocks.find((c) => c.id === 'decide')).toMatchObject({ due: '2026-11-02' });
    const notice = json<{ id: number }>(await upload(await t.login('reviewer'), `${url}/attachments`, '延期审理通知书'));
    const late = await t.request(leader, { method: 'POST', url: `${url}/clocks/decide/extend`, payload: { reason: '复议机关决定延长审理期限', noticeAttachmentId: notice.id, date: '2026-11-03' } });
    expect(late.statusCode, late.body).toBe(422);
    expect(json<{ detail: string }>(late).detail).toContain('“复议决定期限”已于2026年11月2日届满，届满后不能再延长');
    const inTime = await t.request(leader, { method: 'POST', url: `${url}/clocks/decide/extend`, payload: { reason: '复议机关决定延长审理期限', noticeAttachmentId: notice.id, date: '2026-11-02' } });
    expect(inTime.statusCode, inTime.body).toBe(200);
  });

  it('gives a court defence 15 days: 9/28 + 15 = 10/13', async () => {
    const tl = await create({ kind: '行政诉讼', case_no: '（2026）演0101行初时1号', organ: '演示县人民法院', procedure: null, stage: '一审', after_reconsideration: false });
    expect(answerClocks(tl)).toEqual([['defence', '2026-10-13']]);
  });
});

describe('12345 tickets on the city’s limits (国办发〔2020〕53号 practice), beside the 信访 clocks', () => {
  const hotline = '/api/ledgers/petitions.hotline';
  const ticket = async (patch: Record<string, unknown>): Promise<Timeline> => {
    const payload = { ticket_no: `GD2026CLK${String(++seq).padStart(4, '0')}`, request_kind: '投诉', summary: '夜间施工噪音', content: '来电反映工地夜间施工噪音扰民。', ...patch };
    const res = await t.request(clerk, { method: 'POST', url: hotline, payload });
    expect(res.statusCode, res.body).toBe(200);
    return json<Timeline>(await t.request(clerk, { method: 'GET', url: `${hotline}/${json<{ id: number }>(res).id}/timeline` }));
  };

  it('an ordinary 投诉 from Fri 9/18: sign on the make-up Sunday 9/20; answer in 15 working days, past 中秋 and 国庆, by Thu 10/15', async () => {
    const tl = await ticket({ received_on: '2026-09-18' });
    expect(clockOf(tl, 'sign')).toMatchObject({ due: '2026-09-20', unit: 'working' });
    // 9/20 (Sun 班) 1, 9/21–24 5, 9/28–30 8, 10/8–9 10, 10/10 (Sat 班) 11, 10/12–15 15
    expect(clockOf(tl, 'answer_long')).toMatchObject({ due: '2026-10-15' });
    expect(clockOf(tl, 'sign_urgent')?.status).toBe('pending');
  });

  it('an urgent ticket dispatched Thu 11/19 23:30: sign by 11/20 00:30 — at 10:00 ten started hours late — and answer by 11/20 23:30', async () => {
    const tl = await ticket({ received_on: '2026-11-19', received_time: '23:30', urgency: '紧急' });
    expect(clockOf(tl, 'sign_urgent')).toMatchObject({ unit: 'hours', due: '2026-11-20', dueAt: '2026-11-19T16:30:00.000Z', overdue: true, daysLeft: -10 });
    expect(clockOf(tl, 'answer_urgent')).toMatchObject({ due: '2026-11-20', dueAt: '2026-11-20T15:30:00.000Z', overdue: false, daysLeft: 13 });
    expect(clockOf(tl, 'sign')?.status).toBe('pending');
  });
});
