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
import { HOTLINE_ANSWER_SHORT_DAYS } from './hotline.ledger.ts';
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
    const body = { note: '需协调供电所', extension_reason: '需协调供电所更换线路', extension_approver: '张建国', noticeAttachmentId: notice.id };
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
