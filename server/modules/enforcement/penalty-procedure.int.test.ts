import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../common/validators.ts';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import { chineseDay } from '../../platform/workflow/workflow.engine.ts';
import { daysAgo, daysFrom, today } from '../../test/dates.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';
import { modules } from '../index.ts';

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

beforeAll(async () => {
  t = await startTestApp({ modules });
  clerk = await t.login('clerk');
  leader = await t.login('leader');
  legal = await t.login('legal');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the calendar repository takes any Kysely
  cal = await loadCalendar(t.platform.db as any);
  const b = (await listLedger(t, clerk, 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0];
  matter = Number(b?.values['matter']);
}, 240_000);
afterAll(async () => t.close());

const go = (cookie: string, id: number, transition: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${CASES}/${id}/transitions/${transition}`, payload });
const decide = (id: number, payload: Record<string, unknown>) => t.request(leader, { method: 'POST', url: `/api/enforcement/cases/${id}/decide`, payload });
const detail = (res: { body: string }): string => json<{ detail: string }>(res as never).detail;
const plus = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** the last day of n working days counted from a date (the start day not counted) */
const lastWorkingDay = (from: string, n: number): string => addWorkingDays(from, n, cal).due;

let seq = 0;
/** a penalty case against a person, registered, filed, investigated (a 警告 proposed) and notified on the given day */
async function notifiedCase(notifiedOn: string, extra: Record<string, unknown> = {}): Promise<number> {
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
  const filed = await go(leader, id, 'file', { filed_on: plus(notifiedOn, -2), filing_approver: '李局长', date: plus(notifiedOn, -2) });
  expect(filed.statusCode, filed.body).toBe(200);
  const concluded = await go(clerk, id, 'conclude_investigation', { investigated_on: plus(notifiedOn, -1), facts: '当事人在东街占道经营', proposed_kinds: ['警告'], date: plus(notifiedOn, -1) });
  expect(concluded.statusCode, concluded.body).toBe(200);
  const notified = await go(clerk, id, 'notify', { notified_on: notifiedOn, date: notifiedOn });
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

export { daysFrom, legal, today };
