import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminModule } from '../../platform/admin.module.ts';
import { calendarModule } from '../../platform/calendar/calendar.module.ts';
import type { Timeline } from '../../platform/workflow/workflow.service.ts';
import { workflowModule } from '../../platform/workflow/workflow.module.ts';
import { setSetting } from '../../platform/settings.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { clockOf, fixedClock, succeeding, transitionStep, uploadPdf } from '../../test/workflow-client.ts';
import { listLedger } from '../../test/ledger-client.ts';
import { expectPhoneMasked, expectScopedToTown } from '../../test/ledger-conformance.ts';
import { HOTLINE_ANSWER_SHORT_DAYS, HOTLINE_REDISPATCH_RESTART, HOTLINE_SIGN_URGENT_HOURS } from './hotline.ledger.ts';
import type { DeadlineItem } from '../../platform/workflow/deadlines.service.ts';
import type { TodoList } from '../../../common/todo.types.ts';
import { petitionsModule } from './petitions.module.ts';

// 12345 tickets on the city's default limits (working days), counted by hand on the 2026 calendar:
// 国庆 10/1–7 with make-up working Saturday 10/10; November has no holiday
let t: TestApp;
let clerk: string;
let reviewer: string;
let leader: string;
let seq = 0;
const base = '/api/ledgers/petitions.hotline';

fixedClock('2026-11-27T02:00:00Z');

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, petitionsModule, calendarModule, workflowModule] });
  clerk = await t.login('clerk');
  reviewer = await t.login('reviewer');
  leader = await t.login('leader');
});

afterAll(async () => t.close());

async function ticket(patch: Record<string, unknown>): Promise<number> {
  const payload = { ticket_no: `GD2026TEST${String(++seq).padStart(4, '0')}`, request_kind: '求助', summary: '东街社区路灯不亮', content: '来电人王秀英（电话13912345678）反映东街社区路灯已坏半个月。', caller_name: '王秀英', caller_phone: '13912345678', ...patch };
  const res = await t.request(clerk, { method: 'POST', url: base, payload });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}
const step = transitionStep(() => t, base);
const ok = succeeding(step);
function upload(cookie: string, id: number) {
  return uploadPdf(t, cookie, `${base}/${id}/attachments`, '延期申请审批表', { name: 'extension.pdf', content: '%PDF-1.4\n% extension\n' });
}

describe('12345 hotline tickets', () => {
  it('signs within 1 working day: dispatched Mon 11/2, due Tue 11/3; signed on 11/3 is in time, on 11/4 a day late', async () => {
    const onTime = await ticket({ received_on: '2026-11-02' });
    const tl = await ok(clerk, onTime, 'sign', { signed_on: '2026-11-03', handling_unit: '规划建设办', date: '2026-11-03' });
    expect(clockOf(tl, 'sign')).toMatchObject({ due: '2026-11-03', status: 'stopped', overdue: false });
    const late = await ticket({ received_on: '2026-11-02' });
    const lt = await ok(clerk, late, 'sign', { signed_on: '2026-11-04', handling_unit: '规划建设办', date: '2026-11-04' });
    expect(clockOf(lt, 'sign')).toMatchObject({ due: '2026-11-03', status: 'stopped', overdue: true });
  });

  it('answers 咨询/求助 in 5 working days and 投诉 in 15: from Mon 11/2, due 11/9 and 11/23; a reply on 11/10 is a day late', async () => {
    const help = await ticket({ received_on: '2026-11-02' });
    await ok(clerk, help, 'sign', { signed_on: '2026-11-02', handling_unit: '规划建设办', date: '2026-11-02' });
    const replied = await ok(clerk, help, 'reply', { handling_result: '已更换灯具', reply_on: '2026-11-09', date: '2026-11-09' });
    expect(clockOf(replied, 'answer_short')).toMatchObject({ due: '2026-11-09', status: 'stopped', overdue: false });
    expect(clockOf(replied, 'answer_long')?.status).toBe('pending');
    const lateHelp = await ticket({ received_on: '2026-11-02' });
    await ok(clerk, lateHelp, 'sign', { signed_on: '2026-11-02', handling_unit: '规划建设办', date: '2026-11-02' });
    const late = await ok(clerk, lateHelp, 'reply', { handling_result: '已更换灯具', reply_on: '2026-11-10', date: '2026-11-10' });
    expect(clockOf(late, 'answer_short')).toMatchObject({ due: '2026-11-09', overdue: true });
    const complaint = await ticket({ received_on: '2026-11-02', request_kind: '投诉', summary: '烧烤店夜间噪音扰民' });
    const tl = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${complaint}/timeline` }));
    expect(clockOf(tl, 'answer_long')).toMatchObject({ due: '2026-11-23', status: 'running' });
  });

  it('takes the city’s own limit from the settings: 3 working days for 咨询/求助 from Mon 11/2 → Thu 11/5', async () => {
    await setSetting(t.platform.db, HOTLINE_ANSWER_SHORT_DAYS, 3);
    try {
      const id = await ticket({ received_on: '2026-11-02', request_kind: '咨询' });
      const tl = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
      expect(clockOf(tl, 'answer_short')).toMatchObject({ due: '2026-11-05' });
    } finally {
      await setSetting(t.platform.db, HOTLINE_ANSWER_SHORT_DAYS, null);
    }
  });

  it('returns a ticket only with its reason, by the reviewer, before the answer', async () => {
    const id = await ticket({ received_on: '2026-11-16' });
    const noReason = await step(reviewer, id, 'return_ticket', { returned_on: '2026-11-16', date: '2026-11-16' });
    expect(noReason.statusCode, noReason.body).toBe(422);
    expect(json<{ detail: string }>(noReason).detail).toContain('退单原因');
    expect((await step(clerk, id, 'return_ticket', { returned_on: '2026-11-16', return_reason: '属县住建局职责', date: '2026-11-16' })).statusCode).toBe(403);
    const returned = await ok(reviewer, id, 'return_ticket', { returned_on: '2026-11-16', return_reason: '属县住建局职责', date: '2026-11-16' });
    expect(returned.state).toBe('returned');
    expect(clockOf(returned, 'answer_short')?.status).toBe('pending');
    const answered = await ticket({ received_on: '2026-11-16' });
    await ok(clerk, answered, 'sign', { signed_on: '2026-11-16', handling_unit: '规划建设办', date: '2026-11-16' });
    await ok(clerk, answered, 'reply', { handling_result: '已修复', reply_on: '2026-11-18', date: '2026-11-18' });
    const afterReply = await step(reviewer, answered, 'return_ticket', { returned_on: '2026-11-19', return_reason: '属县住建局职责', date: '2026-11-19' });
    expect(afterReply.statusCode).toBe(409);
    expect(json<{ code: string }>(afterReply).code).toBe('transition_not_allowed');
  });

  it('extends once with the leader’s approval before the limit, by 5 working days; after the limit it is refused', async () => {
    // dispatched Mon 10/12: 10/13–16, 10/19 → due Mon 10/19
    const id = await ticket({ received_on: '2026-10-12' });
    await ok(clerk, id, 'sign', { signed_on: '2026-10-12', handling_unit: '规划建设办', date: '2026-10-12' });
    const notice = json<{ id: number }>(await upload(reviewer, id));
    const body = { note: '需协调供电所', extension_reason: '需协调供电所更换线路', noticeAttachmentId: notice.id };
    const late = await step(leader, id, 'extend', { ...body, extension_approved_on: '2026-10-20', date: '2026-10-20' });
    expect(late.statusCode, late.body).toBe(422);
    expect(json<{ code: string; detail: string }>(late)).toMatchObject({ code: 'clock_extension_expired' });
    expect(json<{ detail: string }>(late).detail).toContain('2026年10月19日届满');
    const row = json<{ values: Record<string, unknown> }>(await t.request(clerk, { method: 'GET', url: `${base}/${id}` }));
    expect(row.values['extension_approved_on'] ?? null).toBeNull();
    // on the last day it is granted: 10/20–23, 10/26 → Mon 10/26
    const extended = await ok(leader, id, 'extend', { ...body, extension_approved_on: '2026-10-19', date: '2026-10-19' });
    expect(clockOf(extended, 'answer_short')).toMatchObject({ due: '2026-10-26', extended: true });
    // once only
    const again = await step(leader, id, 'extend', { ...body, extension_approved_on: '2026-10-21', date: '2026-10-21' });
    expect(again.statusCode, again.body).toBe(409);
    expect(json<{ code: string }>(again).code).toBe('clock_extension_used');
  });

  // today is Fri 11/27 10:00 Beijing (fixedClock 02:00Z); urgent limits run on hours from the dispatch time
  it('runs an urgent ticket on hours: dispatched 09:30, sign by 10:30 and answer by 09:30 next day; 08:15 is overdue at 10:00', async () => {
    const fresh = await ticket({ received_on: '2026-11-27', received_time: '09:30', urgency: '紧急' });
    const tl = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${fresh}/timeline` }));
    expect(clockOf(tl, 'sign_urgent')).toMatchObject({ unit: 'hours', due: '2026-11-27', dueAt: '2026-11-27T02:30:00.000Z', totalDays: 1, daysLeft: 0, overdue: false, status: 'running' });
    expect(clockOf(tl, 'answer_urgent')).toMatchObject({ due: '2026-11-28', dueAt: '2026-11-28T01:30:00.000Z', daysLeft: 23 });
    expect(clockOf(tl, 'sign')?.status).toBe('pending');
    expect(clockOf(tl, 'answer_short')?.status).toBe('pending');
    expect(tl.nextDue).toMatchObject({ clock: 'sign_urgent', dueAt: '2026-11-27T02:30:00.000Z' });
    const stale = await ticket({ received_on: '2026-11-27', received_time: '08:15', urgency: '紧急', summary: '燃气管道泄漏气味' });
    const st = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${stale}/timeline` }));
    expect(clockOf(st, 'sign_urgent')).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(clockOf(st, 'sign_urgent')?.explanation).toContain('届满时间：2026-11-27 09:15（北京时间）');
    // 到期事项: the overdue hours clock with its moment, the other not overdue although due today
    const list = json<{ items: DeadlineItem[] }>(await t.request(clerk, { method: 'GET', url: '/api/deadlines?ledger=petitions.hotline&status=overdue&pageSize=200' }));
    const mine = list.items.filter((d) => d.recordId === stale || d.recordId === fresh);
    expect(mine.map((d) => [d.recordId, d.clockId, d.dueAt, d.daysLeft])).toEqual([[stale, 'sign_urgent', '2026-11-27T01:15:00.000Z', -1]]);
    // the city's own limit: 2 hours
    await setSetting(t.platform.db, HOTLINE_SIGN_URGENT_HOURS, 2);
    try {
      const two = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${stale}/timeline` }));
      expect(clockOf(two, 'sign_urgent')).toMatchObject({ dueAt: '2026-11-27T02:15:00.000Z', overdue: false });
    } finally {
      await setSetting(t.platform.db, HOTLINE_SIGN_URGENT_HOURS, null);
    }
  });

  it('an urgent ticket needs its times; signed 16:40 and answered 09:00 next day are in time; no extension', async () => {
    const noTime = await t.request(clerk, { method: 'POST', url: base, payload: { ticket_no: 'GD2026URG0001', request_kind: '求助', urgency: '紧急', summary: '老人走失', content: '来电反映老人走失', received_on: '2026-11-26' } });
    expect(noTime.statusCode, noTime.body).toBe(400);
    expect(noTime.body).toContain('派单时间');
    const badTime = await t.request(clerk, { method: 'POST', url: base, payload: { ticket_no: 'GD2026URG0002', request_kind: '求助', urgency: '紧急', summary: '老人走失', content: '来电反映老人走失', received_on: '2026-11-26', received_time: '9点' } });
    expect(badTime.statusCode, badTime.body).toBe(400);
    expect(badTime.body).toContain('时:分');
    const id = await ticket({ received_on: '2026-11-26', received_time: '16:00', urgency: '紧急' });
    const unsigned = await step(clerk, id, 'sign', { signed_on: '2026-11-26', handling_unit: '规划建设办', date: '2026-11-26' });
    expect(unsigned.statusCode, unsigned.body).toBe(422);
    expect(unsigned.body).toContain('签收时间');
    const signed = await ok(clerk, id, 'sign', { signed_on: '2026-11-26', signed_time: '16:40', handling_unit: '规划建设办', date: '2026-11-26' });
    expect(clockOf(signed, 'sign_urgent')).toMatchObject({ status: 'stopped', overdue: false, dueAt: '2026-11-26T09:00:00.000Z' });
    const notice = json<{ id: number }>(await upload(reviewer, id));
    const ext = await step(leader, id, 'extend', { note: '需协调', extension_approved_on: '2026-11-27', extension_reason: '需协调', noticeAttachmentId: notice.id, date: '2026-11-27' });
    expect(ext.statusCode, ext.body).toBe(422);
    expect(ext.body).toContain('不适用延期');
    const replied = await ok(clerk, id, 'reply', { handling_result: '已找到老人并送回家中', reply_on: '2026-11-27', reply_time: '09:00', date: '2026-11-27' });
    expect(clockOf(replied, 'answer_urgent')).toMatchObject({ status: 'stopped', overdue: false, dueAt: '2026-11-27T08:00:00.000Z' });
  });

  it('dates a step with a date of its own by it: the timeline names the field, a step sent without 办理日期 takes it, another day is refused', async () => {
    const id = await ticket({ received_on: '2026-11-23', summary: '清溪镇集市占道经营' });
    const tl = json<Timeline>(await t.request(clerk, { method: 'GET', url: `${base}/${id}/timeline` }));
    // the step's form asks for its own date in place of a separate 办理日期
    expect(tl.transitions.find((x) => x.name === 'bounce')?.dateField).toBe('bounced_on');
    expect(tl.transitions.find((x) => x.name === 'sign')?.dateField).toBe('signed_on');
    const other = await step(clerk, id, 'bounce', { bounced_on: '2026-11-24', bounce_reason: '问题发生地属清溪镇辖区', date: '2026-11-26' });
    expect(other.statusCode, other.body).toBe(400);
    expect(other.body).toContain('以“退回日期”为准');
    const bounced = await ok(clerk, id, 'bounce', { bounced_on: '2026-11-24', bounce_reason: '问题发生地属清溪镇辖区' });
    expect(bounced.events.find((e) => e.transition === 'bounce')?.onDate).toBe('2026-11-24');
  });

  it('re-dispatch: the unit returns a ticket with its reason, the county hands it to another town, whose clocks start over', async () => {
    const county = await t.login('county');
    const clerk2 = await t.login('clerk2');
    // dispatched Mon 11/23 to 城关镇: sign by Tue 11/24
    const id = await ticket({ received_on: '2026-11-23', summary: '清溪镇集市占道经营' });
    const noReason = await step(clerk, id, 'bounce', { bounced_on: '2026-11-24', date: '2026-11-24' });
    expect(noReason.statusCode, noReason.body).toBe(422);
    expect(noReason.body).toContain('退回理由');
    const bounced = await ok(clerk, id, 'bounce', { bounced_on: '2026-11-24', bounce_time: '09:10', bounce_reason: '问题发生地属清溪镇辖区', date: '2026-11-24' });
    expect(bounced.state).toBe('bounced');
    expect(clockOf(bounced, 'sign')?.status).toBe('paused');
    // only the dispatcher re-dispatches, to another unit within the county
    expect((await step(clerk, id, 'redispatch', { redispatched_on: '2026-11-25', orgCode: '999001002000', date: '2026-11-25' })).statusCode).toBe(403);
    const same = await step(county, id, 'redispatch', { redispatched_on: '2026-11-25', orgCode: '999001001000', date: '2026-11-25' });
    expect(same.statusCode, same.body).toBe(400);
    expect(same.body).toContain('改派至单位');
    const none = await step(county, id, 'redispatch', { redispatched_on: '2026-11-25', date: '2026-11-25' });
    expect(none.statusCode, none.body).toBe(400);
    expect(none.body).toContain('改派至单位');
    const todos = json<TodoList>(await t.request(county, { method: 'GET', url: '/api/todos?ledger=petitions.hotline&pageSize=200' }));
    expect(todos.items.some((i) => i.recordId === id && i.step === 'redispatch')).toBe(true);
    const moved = await ok(county, id, 'redispatch', { redispatched_on: '2026-11-25', redispatched_time: '14:00', redispatch_note: '改派清溪镇办理', orgCode: '999001002000', date: '2026-11-25' });
    expect(moved.state).toBe('received');
    // the new unit's periods start over on 11/25: sign by Thu 11/26; answer 求助 in 5 working days: 11/26, 27, 30, 12/1, 12/2
    expect(clockOf(moved, 'sign')).toMatchObject({ status: 'running', due: '2026-11-26' });
    expect(clockOf(moved, 'answer_short')).toMatchObject({ status: 'running', due: '2026-12-02' });
    // the clocks that do not apply to it (an ordinary 求助: the 投诉 and urgent ones) are not started by the 改派
    for (const c of ['answer_long', 'sign_urgent', 'answer_urgent']) expect(clockOf(moved, c)?.status, c).toBe('pending');
    const entries = moved.events.filter((e) => e.transition === 'bounce' || e.transition === 'redispatch');
    expect(entries.map((e) => [e.transition, e.actorName, e.onDate])).toEqual([
      ['bounce', '张晓燕', '2026-11-24'],
      ['redispatch', '周法明', '2026-11-25'],
    ]);
    expect(entries[0]?.data['captured']).toMatchObject({ bounce_reason: '问题发生地属清溪镇辖区' });
    expect(entries[1]?.data['moved']).toMatchObject({ from: '999001001000', fromName: '城关镇', to: '999001002000', toName: '清溪镇' });
    // the old unit no longer sees it; the new one has it in its list and its 待办
    expect((await t.request(clerk, { method: 'GET', url: `${base}/${id}` })).statusCode).toBe(404);
    expect((await listLedger(t, clerk2, 'petitions.hotline', 'f.redispatched_on.present=1&pageSize=200')).items.map((r) => r.id)).toContain(id);
    const queue = json<TodoList>(await t.request(clerk2, { method: 'GET', url: '/api/todos?ledger=petitions.hotline&pageSize=200' }));
    expect(queue.items.find((i) => i.recordId === id)).toMatchObject({ step: 'sign', orgCode: '999001002000' });
    await ok(clerk2, id, 'sign', { signed_on: '2026-11-26', handling_unit: '综合行政执法队', date: '2026-11-26' });
  });

  it('re-dispatch where the city keeps the first dispatch: the wait is left out, the days used stay used', async () => {
    const county = await t.login('county');
    await setSetting(t.platform.db, HOTLINE_REDISPATCH_RESTART, false);
    try {
      const id = await ticket({ received_on: '2026-11-23', summary: '石桥乡河道垃圾' });
      await ok(clerk, id, 'bounce', { bounced_on: '2026-11-24', bounce_reason: '属石桥乡辖区', date: '2026-11-24' });
      const moved = await ok(county, id, 'redispatch', { redispatched_on: '2026-11-25', orgCode: '999001003000', date: '2026-11-25' });
      // 求助 5 working days from 11/23: 11/24 used before the 退回; resumed 11/25 with 4 left: 11/26, 27, 30, 12/1
      expect(clockOf(moved, 'answer_short')).toMatchObject({ status: 'running', due: '2026-12-01' });
    } finally {
      await setSetting(t.platform.db, HOTLINE_REDISPATCH_RESTART, null);
    }
  });

  it('an unsatisfied caller gets the ticket handled once more, then it closes', async () => {
    const id = await ticket({ received_on: '2026-11-02' });
    await ok(clerk, id, 'sign', { signed_on: '2026-11-02', handling_unit: '规划建设办', date: '2026-11-02' });
    await ok(clerk, id, 'reply', { handling_result: '已报修', reply_on: '2026-11-05', date: '2026-11-05' });
    const visit = await ok(clerk, id, 'visit', { visited_on: '2026-11-06', satisfaction: '不满意', date: '2026-11-06' });
    expect(visit.state).toBe('unsatisfied');
    await ok(clerk, id, 'redo', { redo_on: '2026-11-09', redo_reason: '路灯仍不亮', date: '2026-11-09' });
    await ok(clerk, id, 'redo_reply', { redo_result: '已更换线路，路灯恢复', redo_reply_on: '2026-11-12', date: '2026-11-12' });
    const closed = await ok(clerk, id, 'revisit', { revisited_on: '2026-11-13', final_satisfaction: '不满意', date: '2026-11-13' });
    expect(closed.state).toBe('closed');
    expect(closed.transitions.map((x) => x.name)).not.toContain('redo');
  });

  it('masks the caller and personal data in the content for the supervisor, not for the clerk', async () => {
    const id = await ticket({ received_on: '2026-11-20' });
    const seen = async (user: string) => json<{ values: Record<string, unknown> }>(await t.request(await t.login(user), { method: 'GET', url: `${base}/${id}` })).values;
    const full = await seen('clerk');
    expect(full['caller_name']).toBe('王秀英');
    expect(full['caller_phone']).toBe('13912345678');
    const masked = await seen('supervisor');
    expect(masked['caller_name']).not.toBe('王秀英');
    expect(masked['caller_phone']).not.toBe('13912345678');
    expect(String(masked['content'])).not.toContain('13912345678');
    await expectPhoneMasked(t, 'petitions.hotline', 'caller_phone');
  });

  it('lists only the town’s own tickets, and the demo years read like a town’s', async () => {
    await expectScopedToTown(t, 'petitions.hotline');
    const county = await t.login('county');
    const count = async (query: string): Promise<number> => (await listLedger(t, county, 'petitions.hotline', `pageSize=1&${query}`)).total;
    // today is 11/27: the whole of 2025 and eleven months of 2026 at each office's yearly 12345 volume, far above its
    // letters and visits
    for (const [org, perYear] of [['999001001000', 904], ['999001002000', 512], ['999001003000', 286], ['999001000000-02', 418], ['999001000000-01', 36]] as const) {
      expect(await count(`org=${org}&year=2025`), org).toBeGreaterThan(perYear * 0.9);
      expect(await count(`org=${org}&year=2026`), org).toBeGreaterThan(perYear * 0.8);
    }
    const letters = (await listLedger(t, county, 'petitions.case', 'org=999001001000&year=2025&pageSize=1&f.channel=来信,来访')).total;
    expect(await count('org=999001001000&year=2025')).toBeGreaterThan(letters * 5);
    // last year's tickets are all finished: answered and called back, or returned
    expect(await count('year=2025&state=received,handling,replied,unsatisfied,redoing,redo_replied')).toBe(0);
    expect(await count('year=2025&state=returned')).toBeGreaterThan(0);
    // the newest wait for signing, for an answer, for the call back; some were extended, some answered late and redone
    for (const state of ['received', 'handling', 'replied', 'closed']) expect(await count(`state=${state}`), state).toBeGreaterThan(0);
    expect(await count('f.extension_approved_on.present=1')).toBeGreaterThan(0);
    expect(await count('f.satisfaction=不满意&f.final_satisfaction.present=1')).toBeGreaterThan(0);
    const visited = await count('f.satisfaction=满意,基本满意,不满意');
    expect(await count('f.satisfaction=满意,基本满意')).toBeGreaterThan(visited * 0.9);
    // a few tickets of the last weeks lie unanswered past their limit
    const overdue = await sql<{ n: number }>`select count(*)::int as n from workflow_clock where ledger = 'petitions.hotline' and status = 'running' and overdue`.execute(t.platform.db);
    expect(overdue.rows[0]?.n).toBeGreaterThan(0);
  });
});

describe('12345 投诉、举报 and 有案不立', () => {
  it('answers a 举报 only with what the check found and, where it was true, what became of it', async () => {
    const id = await ticket({ received_on: '2026-11-02', request_kind: '举报', summary: '某加工点无证生产经营' });
    await ok(clerk, id, 'sign', { signed_on: '2026-11-02', handling_unit: '综合行政执法队', date: '2026-11-02' });
    const reply = (extra: Record<string, unknown>) => step(clerk, id, 'reply', { handling_result: '经现场核查，该加工点无营业执照从事食品加工', reply_on: '2026-11-10', date: '2026-11-10', ...extra });
    const refused = async (extra: Record<string, unknown>, words: string): Promise<void> => {
      const res = await reply(extra);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.body).toContain(words);
    };
    await refused({}, '投诉、举报类工单须填写核查结论');
    await refused({ finding: '属实' }, '查证属实的，须填写立案处理');
    await refused({ finding: '属实', case_decision: '已立案' }, '须选择立案的执法案件');
    await refused({ finding: '部分属实', case_decision: '不予立案' }, '须写明理由');
    const tl = await ok(clerk, id, 'reply', { handling_result: '经现场核查，该加工点已停止生产并办理营业执照', reply_on: '2026-11-10', date: '2026-11-10', finding: '属实', case_decision: '不予立案', no_case_reason: '违法行为轻微并及时改正，没有造成危害后果（首违不罚）' });
    expect(tl.state).toBe('replied');
    // a 求助 needs no finding; an untrue 投诉 no 立案处理
    const complaint = await ticket({ received_on: '2026-11-02', request_kind: '投诉', summary: '烧烤店占道经营' });
    await ok(clerk, complaint, 'sign', { signed_on: '2026-11-02', handling_unit: '综合行政执法队', date: '2026-11-02' });
    expect((await ok(clerk, complaint, 'reply', { handling_result: '现场未发现占道经营', reply_on: '2026-11-05', date: '2026-11-05', finding: '不属实' })).state).toBe('replied');
  });
});
