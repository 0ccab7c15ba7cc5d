import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submissions } from '../../../common/reports.types.ts';
import type { TodoList } from '../../../common/todo.types.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { scanDeadlines } from '../workflow/reminder.service.ts';
import type { AnyDb } from '../workflow/workflow.repository.ts';
import { reminderStage, scanReportReminders } from './report-reminders.ts';

// the yearly reports' reminders, the county's 报送情况 and 催报 (decision 0033), on the demo county
let t: TestApp;
let county: string;
let leader: string;
let clerk: string;
const year = Number(new Date().toISOString().slice(0, 4)) - 1;
const TOWN = '999001001000';

beforeAll(async () => {
  t = await startTestApp();
  county = await t.login('county');
  leader = await t.login('leader');
  clerk = await t.login('clerk');
  // the demo's own scan ran today; these tests replay last year's reporting season from the start
  await (t.platform.db as unknown as AnyDb).deleteFrom('notification').where('ledger', 'like', 'report.%').execute();
});
afterAll(async () => t.close());

const scan = (today: string) => t.platform.db.transaction().execute((tx) => scanReportReminders(tx, t.platform, today, new Date(`${today}T01:00:00Z`)));
type Row = { username: string; clock_id: string; kind: string; ledger: string; resolved_at: unknown };
async function reminders(ledger = 'report.annual'): Promise<Row[]> {
  return (await (t.platform.db as unknown as AnyDb)
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['u.username', 'n.clock_id', 'n.kind', 'n.ledger', 'n.resolved_at'])
    .where('n.ledger', '=', ledger)
    .where('n.record_id', '=', year)
    .orderBy('n.id')
    .execute()) as unknown as Row[];
}
const of = (rows: Row[], username: string): string[] => rows.filter((r) => r.username === username).map((r) => r.clock_id);
const status = async (cookie = county): Promise<Submissions> => json<Submissions>(await t.request(cookie, { method: 'GET', url: `/api/reports/submissions?year=${year}` }));

describe('reminder stages', () => {
  it('reaches the nearest threshold, then overdue', () => {
    expect(reminderStage('2026-03-01', '2026-02-10', [15, 3])).toBeNull();
    expect(reminderStage('2026-03-01', '2026-02-14', [15, 3])).toEqual({ kind: 'due_soon', threshold: 15, left: 15 });
    expect(reminderStage('2026-03-01', '2026-02-26', [15, 3])).toEqual({ kind: 'due_soon', threshold: 3, left: 3 });
    expect(reminderStage('2026-03-01', '2026-03-01', [15, 3])).toEqual({ kind: 'due_soon', threshold: 3, left: 0 });
    expect(reminderStage('2026-03-01', '2026-03-04', [15, 3])).toEqual({ kind: 'overdue', late: 3 });
  });
});

describe('report reminders', () => {
  it('tell the unit\'s leader and clerk and the county N days before, once, and when overdue, on several runs', async () => {
    const due = `${year + 1}-03-01`;
    await scan(`${year + 1}-02-10`);
    expect(await reminders()).toEqual([]);
    await scan(`${year + 1}-02-14`);
    let rows = await reminders();
    expect(of(rows, 'leader')).toEqual([`${TOWN}:d15`]);
    expect(of(rows, 'clerk')).toEqual([`${TOWN}:d15`]);
    // the county hears once of all its units still missing, not once per unit
    expect(of(rows, 'county')).toContain('999001000000:d15');
    expect(rows.filter((r) => r.username === 'county' && r.clock_id === '999001000000:d15')).toHaveLength(1);
    const first = rows.length;
    // again the same day, a few days later, and two scans at once: nothing twice
    await scan(`${year + 1}-02-14`);
    await scan(`${year + 1}-02-20`);
    await Promise.all([scanDeadlines(t.platform, `${year + 1}-02-21`), scanDeadlines(t.platform, `${year + 1}-02-21`)]);
    expect((await reminders()).length).toBe(first);
    await scan(`${year + 1}-02-27`);
    rows = await reminders();
    expect(of(rows, 'leader')).toEqual([`${TOWN}:d15`, `${TOWN}:d3`]);
    await scan(`${year + 1}-03-02`);
    await scan(`${year + 1}-03-09`);
    rows = await reminders();
    expect(of(rows, 'leader')).toEqual([`${TOWN}:d15`, `${TOWN}:d3`, `${TOWN}:overdue`]);
    expect(rows.filter((r) => r.kind === 'overdue' && r.username === 'clerk')).toHaveLength(1);
    // the disclosure report of a town is due on the county's day (01-31 by default)
    const disclosure = await reminders('report.disclosure');
    expect(of(disclosure, 'leader')).toContain(`${TOWN}:overdue`);
    // the bell lists them, with the due day
    const bell = json<{ items: Array<{ kind: string; due: string; title: string; link: string }> }>(await t.request(leader, { method: 'GET', url: '/api/notifications?pageSize=100' }));
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'overdue', due, title: `【已逾期】${year}年法治政府建设年度报告报送` }));
  });

  it('lists every unit below the county with both reports, and the reminders leave when the report is submitted', async () => {
    const before = await status();
    const units = new Set(before.rows.map((r) => r.orgCode));
    expect(units.has(TOWN)).toBe(true);
    for (const u of units) expect(before.rows.filter((r) => r.orgCode === u).map((r) => r.report).sort()).toEqual(['annual', 'disclosure']);
    const town = before.rows.find((r) => r.orgCode === TOWN && r.report === 'annual');
    expect(town).toMatchObject({ status: 'not_started', statusLabel: '未起草', doneOn: null, late: true, due: `${year + 1}-03-01` });
    // the unit's own people do not see the county's page
    expect((await t.request(leader, { method: 'GET', url: `/api/reports/submissions?year=${year}` })).statusCode).toBe(403);
    // 城关镇 drafts and submits: 已报送, late by the days since the due day, and its reminders are gone
    const opened = await t.request(leader, { method: 'POST', url: '/api/reports/annual', payload: { year } });
    expect(opened.statusCode, opened.body).toBe(200);
    const id = json<{ id: number }>(opened).id;
    expect((await status()).rows.find((r) => r.orgCode === TOWN && r.report === 'annual')).toMatchObject({ status: 'draft', statusLabel: '草稿' });
    const draft = json<{ version: number }>(await t.request(leader, { method: 'GET', url: `/api/reports/annual/${id}` }));
    const submitted = await t.request(leader, { method: 'POST', url: `/api/reports/annual/${id}/submit`, payload: { version: draft.version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const after = (await status()).rows.find((r) => r.orgCode === TOWN && r.report === 'annual');
    const today = after ? (await status()).today : '';
    expect(after).toMatchObject({ status: 'submitted', statusLabel: '已报送', doneOn: today, late: true });
    expect(after?.daysLate).toBe(Math.round((Date.parse(today) - Date.parse(`${year + 1}-03-01`)) / 86_400_000));
    const left = (await reminders()).filter((r) => r.clock_id.startsWith(`${TOWN}:`));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => r.resolved_at !== null)).toBe(true);
    const bell = json<{ items: Array<{ title: string }> }>(await t.request(leader, { method: 'GET', url: '/api/notifications?pageSize=100' }));
    expect(bell.items.some((n) => n.title.includes('法治政府建设年度报告报送'))).toBe(false);
    // the disclosure report's reminders stay until it is published
    expect((await reminders('report.disclosure')).filter((r) => r.clock_id.startsWith(`${TOWN}:`)).every((r) => r.resolved_at === null)).toBe(true);
    // a later scan sends nothing for the submitted report
    await scan(`${year + 1}-03-10`);
    expect((await reminders()).filter((r) => r.clock_id.startsWith(`${TOWN}:`) && r.resolved_at === null)).toEqual([]);
  });

  it('lets the county urge a late unit: audited, in the unit\'s bell and 待办, refused for a unit that reported', async () => {
    const clerkTodos = async () => json<TodoList>(await t.request(clerk, { method: 'GET', url: '/api/todos?pageSize=100' })).items.filter((i) => i.ledger === 'report.disclosure');
    const refused = await t.request(clerk, { method: 'POST', url: '/api/reports/submissions/urge', payload: { report: 'disclosure', orgCode: TOWN, year } });
    expect(refused.statusCode).toBe(403);
    const res = await t.request(county, { method: 'POST', url: '/api/reports/submissions/urge', payload: { report: 'disclosure', orgCode: TOWN, year, note: '请于本周内公布' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ notified: number }>(res).notified).toBeGreaterThanOrEqual(2);
    const bell = json<{ items: Array<{ kind: string; body: string }> }>(await t.request(clerk, { method: 'GET', url: '/api/notifications?pageSize=100' }));
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'urge', body: expect.stringContaining('请于本周内公布') as unknown }));
    const todo = await clerkTodos();
    expect(todo).toHaveLength(1);
    expect(todo[0]).toMatchObject({ orgCode: TOWN, stateLabel: '未起草（县级已催报）', stepLabel: '公布政府信息公开工作年度报告' });
    const row = (await status()).rows.find((r) => r.orgCode === TOWN && r.report === 'disclosure');
    expect(row).toMatchObject({ urges: 1 });
    const audited = await t.platform.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity', '=', 'report_urge').execute();
    expect(audited.map((a) => a.action)).toContain('urge');
    // the annual report came already: nothing to urge
    const done = await t.request(county, { method: 'POST', url: '/api/reports/submissions/urge', payload: { report: 'annual', orgCode: TOWN, year } });
    expect(done.statusCode).toBe(409);
    expect(done.body).toContain('无需催报');
    // an unknown unit
    expect((await t.request(county, { method: 'POST', url: '/api/reports/submissions/urge', payload: { report: 'annual', orgCode: '999002001000', year } })).statusCode).toBe(404);
  });

  it('exports the list as a sheet', async () => {
    const res = await t.request(county, { method: 'GET', url: `/api/reports/submissions/export.xlsx?year=${year}` });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('报送情况');
    const lines = (ws?.getSheetValues() ?? []).filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
    expect(lines[0]).toEqual(['单位', '类别', '报告', '期限', '状态', '报送/公布日期', '是否逾期', '逾期天数', '催报次数']);
    expect(lines.length - 1).toBe((await status()).rows.length);
    expect(lines.some((l) => l[0] === '城关镇' && l[4] === '已报送')).toBe(true);
  });
});
