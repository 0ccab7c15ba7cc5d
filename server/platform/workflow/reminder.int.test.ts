import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mediationModule } from '../../modules/mediation/mediation.module.ts';
import { runCli } from '../../test/cli.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { calendarModule } from '../calendar/calendar.module.ts';
import { connect } from '../db/connect.ts';
import { scanDeadlines } from './reminder.service.ts';
import { workflowModule } from './workflow.module.ts';
import type { DeadlineItem } from './deadlines.service.ts';
import type { NotificationView } from './notification.service.ts';

const TODAY = '2026-11-20';
const med = '/api/ledgers/mediation.case';
const CHENGGUAN = '999001001000';
const QINGXI = '999001002000';

let t: TestApp;
let clerk: string;
let clerk2: string;
const ids: Record<string, number> = {};

async function newCase(cookie: string, no: string, received: string): Promise<number> {
  const committee = json<{ items: Array<{ id: number }> }>(await t.request(cookie, { method: 'GET', url: '/api/ledgers/mediation.committee?pageSize=1' })).items[0]?.id;
  const mediator = json<{ items: Array<{ id: number }> }>(await t.request(cookie, { method: 'GET', url: `/api/ledgers/mediation.mediator?f.committee_id=${committee}&pageSize=1` })).items[0]?.id;
  const res = await t.request(cookie, {
    method: 'POST',
    url: med,
    payload: { received_on: received, source: '排查', dispute_type: '邻里纠纷', summary: `${no}相邻纠纷`, applicant_name: '甲', respondent_name: '乙', parties_count: 2, committee_id: committee, mediator_id: mediator, outcome: '正在调解', confirmDuplicate: true },
  });
  expect(res.statusCode, res.body).toBe(200);
  const rec = json<{ id: number; values: Record<string, unknown> }>(res);
  // the 案件编号 is the system's (编号规则)
  assigned[rec.id] = String(rec.values['case_no']);
  return rec.id;
}
const assigned: Record<number, string> = {};

interface NotificationRow {
  user: string;
  record_id: number;
  kind: string;
  n: number;
}

/** every notification about the given records: who, which, what kind, and how many times */
async function sent(recordIds: number[]): Promise<Array<{ user: string; record: number; kind: string; n: number }>> {
  const rows = await sql<NotificationRow>`
    select u.username as user, n.record_id, n.kind, count(*)::int as n
    from notification n join app_user u on u.id = n.user_id
    where n.ledger = 'mediation.case' and n.record_id in (${sql.join(recordIds)})
    group by u.username, n.record_id, n.kind order by n.record_id, u.username`.execute(t.platform.db);
  return rows.rows.map((r) => ({ user: r.user, record: Number(r.record_id), kind: r.kind, n: Number(r.n) }));
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-20T02:00:00Z') });
  t = await startTestApp({ modules: [adminModule, mediationModule, calendarModule, workflowModule] });
  clerk = await t.login('clerk');
  clerk2 = await t.login('clerk2');
  // 10/19 + 30 = 11/18: overdue on 11/20; 10/24 + 30 = 11/23 (Mon): one working day left; 11/02 → 12/02: running
  ids['overdue'] = await newCase(clerk, '（2026）城关测调字第1号', '2026-10-19');
  ids['soon'] = await newCase(clerk, '（2026）城关测调字第2号', '2026-10-24');
  ids['running'] = await newCase(clerk, '（2026）城关测调字第3号', '2026-11-02');
  ids['qingxi'] = await newCase(clerk2, '（2026）清溪测调字第1号', '2026-10-19');
});

afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('the reminder scan', () => {
  it('sends each reminder once when two scans run at the same time', async () => {
    const [a, b] = await Promise.all([scanDeadlines(t.platform, TODAY), scanDeadlines(t.platform, TODAY)]);
    const mine = [ids['overdue'], ids['soon'], ids['running'], ids['qingxi']] as number[];
    expect(await sent(mine)).toEqual([
      { user: 'clerk', record: ids['overdue'], kind: 'overdue', n: 1 },
      { user: 'reviewer', record: ids['overdue'], kind: 'overdue', n: 1 },
      { user: 'clerk', record: ids['soon'], kind: 'due_soon', n: 1 },
      { user: 'reviewer', record: ids['soon'], kind: 'due_soon', n: 1 },
      { user: 'clerk2', record: ids['qingxi'], kind: 'overdue', n: 1 },
    ]);
    const total = Number((await sql<{ n: number }>`select count(*)::int as n from notification`.execute(t.platform.db)).rows[0]?.n);
    expect(a.notified + b.notified).toBe(total);
    // one of them did the work; the other skipped or found everything already sent
    expect(Math.min(a.notified, b.notified)).toBe(0);
    const again = await scanDeadlines(t.platform, TODAY);
    expect(again).toMatchObject({ skipped: false, notified: 0 });
  });

  it('shows the user their reminders with an unread count, and marks them read', async () => {
    const list = json<{ items: NotificationView[]; unread: number }>(await t.request(clerk, { method: 'GET', url: '/api/notifications' }));
    const mine = list.items.filter((n) => [ids['overdue'], ids['soon']].includes(n.recordId));
    expect(mine.map((n) => [n.kind, n.title, n.link])).toEqual([
      ['due_soon', `【即将到期】矛盾纠纷调解：${assigned[ids['soon'] ?? 0]} · （2026）城关测调字第2号相邻纠纷`, `/ledgers/mediation.case/${ids['soon']}`],
      ['overdue', `【已超期】矛盾纠纷调解：${assigned[ids['overdue'] ?? 0]} · （2026）城关测调字第1号相邻纠纷`, `/ledgers/mediation.case/${ids['overdue']}`],
    ]);
    expect(mine[1]?.body).toBe('调解期限已于2026-11-18（周三）届满，已超期2个自然日（截至2026-11-20）。请尽快办理，或依法办理延期。');
    expect(mine[0]?.body).toBe('调解期限将于2026-11-23（周一）届满，剩余3个自然日。');
    expect(list.unread).toBe(list.items.length);

    const first = mine[0]?.id ?? 0;
    expect(json(await t.request(clerk, { method: 'POST', url: `/api/notifications/${first}/read` }))).toEqual({ unread: list.unread - 1 });
    // another user's notification is not found
    expect((await t.request(clerk2, { method: 'POST', url: `/api/notifications/${first}/read` })).statusCode).toBe(404);
    expect(json(await t.request(clerk, { method: 'POST', url: '/api/notifications/read-all' }))).toEqual({ marked: list.unread - 1, unread: 0 });
    expect(json<{ unread: number }>(await t.request(clerk, { method: 'GET', url: '/api/notifications?unread=1' }))).toMatchObject({ unread: 0, total: 0, items: [] });

    const other = json<{ items: NotificationView[] }>(await t.request(clerk2, { method: 'GET', url: '/api/notifications' }));
    expect(other.items.map((n) => n.recordId)).toEqual([ids['qingxi']]);
  });
});

describe('到期事项', () => {
  const deadlines = async (cookie: string, query = ''): Promise<{ items: DeadlineItem[]; total: number }> => {
    const res = await t.request(cookie, { method: 'GET', url: `/api/deadlines${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return json(res);
  };

  it('shows a town clerk only the town’s items, never a neighbour’s', async () => {
    const all = await deadlines(clerk);
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    expect(all.items.every((i) => i.orgCode.startsWith(CHENGGUAN))).toBe(true);
    expect(all.items.map((i) => i.recordId)).not.toContain(ids['qingxi']);
    // asking for the neighbour narrows to nothing rather than widening
    expect(await deadlines(clerk, `?org=${QINGXI}`)).toMatchObject({ items: [], total: 0 });
    const theirs = await deadlines(clerk2);
    expect(theirs.items.every((i) => i.orgCode.startsWith(QINGXI))).toBe(true);
  });

  it('filters by status, module, unit and due date, and links each row to its record', async () => {
    const overdue = await deadlines(clerk, '?status=overdue');
    expect(overdue.items.map((i) => i.recordId)).toEqual([ids['overdue']]);
    expect(overdue.items[0]).toMatchObject({ ledger: 'mediation.case', ledgerLabel: '矛盾纠纷调解', module: 'mediation', clockId: 'mediate', clockLabel: '调解期限', due: '2026-11-18', daysLeft: -2, overdue: true, link: `/ledgers/mediation.case/${ids['overdue']}`, orgName: '城关镇' });
    expect((await deadlines(clerk, '?status=due_soon')).items.map((i) => i.recordId)).toEqual([ids['soon']]);
    expect((await deadlines(clerk, '?module=publicity')).total).toBe(0);
    expect((await deadlines(clerk, '?module=mediation&from=2026-11-19&to=2026-11-30')).items.map((i) => i.recordId)).toContain(ids['soon']);
    expect((await deadlines(clerk, '?from=2026-11-19&to=2026-11-30')).items.map((i) => i.recordId)).not.toContain(ids['overdue']);

    const county = await t.login('county');
    expect((await deadlines(county, '?status=overdue')).items.map((i) => i.recordId).sort()).toEqual([ids['overdue'], ids['qingxi']].sort());
    expect((await deadlines(county, `?status=overdue&org=${QINGXI}`)).items.map((i) => i.recordId)).toEqual([ids['qingxi']]);
    // the 系统管理员 sees no business data
    expect((await deadlines(await t.login('sysadmin'))).total).toBe(0);
  });

  it('counts my overdue and due-soon items on the home page', async () => {
    const home = json<{ items: Array<{ key: string; count: number; tone: string }> }>(await t.request(clerk, { method: 'GET', url: '/api/home' }));
    expect(home.items.find((i) => i.key === 'deadlines.overdue')).toMatchObject({ count: 1, tone: 'danger' });
    expect(home.items.find((i) => i.key === 'deadlines.due_soon')).toMatchObject({ count: 1, tone: 'warning' });
  });

  it('takes in imported records that have no state yet and gives them due dates', async () => {
    await sql`update mediation_case set state = null where id = ${ids['running']}`.execute(t.platform.db);
    await sql`delete from workflow_clock where ledger = 'mediation.case' and record_id = ${ids['running']}`.execute(t.platform.db);
    const r = await scanDeadlines(t.platform, TODAY);
    expect(r.adopted).toBe(1);
    const row = await sql<{ state: string; due: string }>`select r.state, to_char(c.due, 'YYYY-MM-DD') as due from mediation_case r join workflow_clock c on c.record_id = r.id and c.ledger = 'mediation.case' where r.id = ${ids['running']} and c.due is not null`.execute(t.platform.db);
    expect(row.rows).toEqual([{ state: 'mediating', due: '2026-12-02' }]);
  });
});

// two separate processes against one PostgreSQL database (PGlite is one process by nature)
describe.skipIf(!process.env['TEST_DATABASE_URL'])('the reminder scan on PostgreSQL', () => {
  it('sends each reminder once when two connection pools scan at the same moment', async () => {
    const id = await newCase(clerk, '（2026）城关测调字第9号', '2026-10-19');
    const other = await connect({ databaseUrl: t.databaseUrl });
    try {
      const second = { db: other.db, cipher: t.platform.cipher, ledgers: t.platform.ledgers };
      const [a, b] = await Promise.all([scanDeadlines(t.platform, TODAY), scanDeadlines(second, TODAY)]);
      expect(a.notified + b.notified).toBe(2);
      expect(await sent([id])).toEqual([
        { user: 'clerk', record: id, kind: 'overdue', n: 1 },
        { user: 'reviewer', record: id, kind: 'overdue', n: 1 },
      ]);
    } finally {
      await other.close();
    }
  });

  it('sends each reminder once when two fazhi processes scan at the same moment', async () => {
    const id = await newCase(clerk, '（2026）城关测调字第10号', '2026-10-19');
    const env = { DATABASE_URL: t.databaseUrl, FAZHI_SECRET_KEY: 'ab'.repeat(32), FAZHI_AUDIT_KEY: 'cd'.repeat(32) };
    const runs = await Promise.all([runCli(['reminders', 'scan', '--date', TODAY], env), runCli(['reminders', 'scan', '--date', TODAY], env)]);
    for (const r of runs) expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(await sent([id])).toEqual([
      { user: 'clerk', record: id, kind: 'overdue', n: 1 },
      { user: 'reviewer', record: id, kind: 'overdue', n: 1 },
    ]);
  });
});
