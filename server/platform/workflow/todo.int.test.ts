import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodoCount, TodoList } from '../../../common/todo.types.ts';
import { makeIdNumber } from '../../../common/validators.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, listLedger } from '../../test/ledger-client.ts';
import { deliverNotifications } from './notify-delivery.ts';
import { scanDeadlines } from './reminder.service.ts';
import { notifyTransition } from './handoff.service.ts';
import type { Ctx } from '../http/context.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import { caseLedger } from '../../modules/enforcement/enforcement.ledgers.ts';
import type { NotificationView } from './notification.service.ts';
import { daysAgo } from '../../test/dates.ts';
import { registryOfficers } from '../../test/enforcement-officers.ts';

const CASES = 'enforcement.case';
const TOWN = '999001001000';
let t: TestApp;
let clerk: string;
let leader: string;
let legal: string;
let reviewer: string;
let county: string;
let clerk2: string;
let caseId = 0;
let matter = 0;

const go = (cookie: string, id: number, transition: string, payload: Record<string, unknown>) => t.request(cookie, { method: 'POST', url: `/api/ledgers/${CASES}/${id}/transitions/${transition}`, payload });
const todos = async (cookie: string, qs = ''): Promise<TodoList> => {
  const res = await t.request(cookie, { method: 'GET', url: `/api/todos?pageSize=200${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return json<TodoList>(res);
};
const stepsOf = (list: TodoList, id: number): string[] => list.items.filter((i) => i.ledger === CASES && i.recordId === id).map((i) => i.step);

/** who was notified about a record, of which kind, for which step */
async function notified(ledger: string, id: number): Promise<Array<{ user: string; kind: string; key: string }>> {
  const rows = await sql<{ user: string; kind: string; clock_id: string }>`
    select u.username as user, n.kind, n.clock_id from notification n join app_user u on u.id = n.user_id
    where n.ledger = ${ledger} and n.record_id = ${id} order by n.id`.execute(t.platform.db);
  return rows.rows.map((r) => ({ user: r.user, kind: r.kind, key: r.clock_id }));
}

async function notificationCount(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from notification`.execute(t.platform.db);
  return Number(r.rows[0]?.n);
}

async function newCase(_label: string, registered = daysAgo(20)): Promise<number> {
  const res = await createRecord(t, clerk, CASES, { orgCode: `${TOWN}-03`, case_type: '行政处罚', domain: '城管', source: '投诉举报', matter, registered_on: registered, summary: '擅自占用城市道路摆摊设点案', party_kind: '个人', party_name: '王某', party_id_number: makeIdNumber('999001', '1980-05-17', 3) });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ id: number }>(res).id;
}

/** two officers of the town's registry (行政处罚法 art. 42) */
let officers: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.login('clerk');
  leader = await t.login('leader');
  legal = await t.login('legal');
  reviewer = await t.login('reviewer');
  county = await t.login('county');
  clerk2 = await t.login('clerk2');
  matter = Number((await listLedger(t, clerk, 'enforcement.benchmark', 'f.level=一般处罚&pageSize=1')).items[0]?.values['matter']);
  officers = await registryOfficers(t, clerk, TOWN);
}, 240_000);
afterAll(async () => t.close());

describe('the 待办 of each role', () => {
  it('puts an investigated major case in the legal reviewer’s queue for 法制审核, not the clerk’s, and tells only the legal reviewer', async () => {
    caseId = await newCase('城关综执罚〔2099〕71号');
    expect((await go(leader, caseId, 'file', { filed_on: daysAgo(19) })).statusCode).toBe(200);
    const done = await go(clerk, caseId, 'conclude_investigation', { investigated_on: daysAgo(18), facts: '当事人在东街占道经营，经责令仍未改正', proposed_kinds: ['罚款', '责令停产停业'], proposed_amount: 20000, ...officers });
    expect(done.statusCode, done.body).toBe(200);

    const mine = (await todos(legal, `&ledger=${CASES}`)).items.find((i) => i.recordId === caseId && i.ledger === CASES);
    expect(mine).toMatchObject({ step: 'legality_review', stepLabel: '法制审核', state: 'investigated', stateLabel: '调查终结', orgCode: `${TOWN}-03`, link: `/ledgers/${CASES}/${caseId}`, dedicated: false });
    // the 90-day decision clock runs from 立案: the item carries it
    expect(mine?.deadline).toMatchObject({ clockId: 'decide', label: '处罚决定期限', overdue: false });
    expect(stepsOf(await todos(clerk, `&ledger=${CASES}`), caseId)).not.toContain('legality_review');
    expect(stepsOf(await todos(clerk, `&ledger=${CASES}`), caseId)).toContain('notify');

    const sent = await notified(CASES, caseId);
    expect(sent.filter((n) => n.key === 'legality_review')).toEqual([{ user: 'legal', kind: 'handoff', key: 'legality_review' }]);
    // the leader's 立案 handed the investigation to the town's clerks; the clerk is not told of his own next step
    expect(sent.filter((n) => n.user === 'clerk')).toEqual([{ user: 'clerk', kind: 'handoff', key: 'conclude_investigation' }]);
    const inbox = json<{ items: NotificationView[] }>(await t.request(legal, { method: 'GET', url: '/api/notifications?unread=1' }));
    expect(inbox.items.find((n) => n.recordId === caseId)).toMatchObject({ kind: 'handoff', link: `/ledgers/${CASES}/${caseId}` });
  });

  it('after the review and the notice, the leader finds the decision step, and the bell counts what the list shows', async () => {
    expect((await go(legal, caseId, 'legality_review', { review_on: daysAgo(5), review_opinion: '事实清楚，程序合法，同意', review_conclusion: '同意' })).statusCode).toBe(200);
    expect(stepsOf(await todos(legal, `&ledger=${CASES}`), caseId)).toEqual([]);
    expect(stepsOf(await todos(leader, `&ledger=${CASES}`), caseId)).not.toContain('decide');
    expect((await go(clerk, caseId, 'notify', { notified_on: daysAgo(4), hearing_right_notified: true })).statusCode).toBe(200);

    const list = await todos(leader, `&ledger=${CASES}`);
    expect(list.items.find((i) => i.recordId === caseId && i.ledger === CASES)).toMatchObject({ step: 'decide', stepLabel: '作出决定', stateLabel: '已告知', dedicated: true });
    expect(list.steps.find((s) => s.ledger === CASES && s.step === 'decide')?.count).toBeGreaterThan(0);
    const count = json<TodoCount>(await t.request(leader, { method: 'GET', url: '/api/todos/count' }));
    const all = await todos(leader);
    expect(count.total).toBe(all.total);
    expect(count.total).toBe(all.steps.reduce((n, s) => n + s.count, 0));
    const overdue = all.total <= 200 ? all.items.filter((i) => i.deadline?.overdue).length : count.overdue;
    expect(count.overdue).toBe(overdue);
    // nearest deadline first
    const dues = list.items.map((i) => i.deadline?.due || '9999-99-99');
    expect(dues).toEqual([...dues].sort());
    // narrowed to one step
    const only = await todos(leader, `&ledger=${CASES}&step=decide`);
    expect(only.items.every((i) => i.step === 'decide')).toBe(true);
    expect(only.total).toBe(list.steps.find((s) => s.ledger === CASES && s.step === 'decide')?.count);

    const decide = (await notified(CASES, caseId)).filter((n) => n.key === 'decide');
    // the town has a leader: the county's administrators are not told of a town case
    expect(decide).toEqual([{ user: 'leader', kind: 'handoff', key: 'decide' }]);
  });

  it('says a working-day deadline cannot be computed when its year has no calendar, instead of showing none', async () => {
    const id = await newCase('期限无法计算测试', daysAgo(3));
    // what a clock stores when it runs into a year whose working-day calendar is not loaded: no due date
    const cleared = await sql`update workflow_clock set status = 'running', due = null where ledger = ${CASES} and record_id = ${id} and clock_id = 'serve' and unit = 'working'`.execute(t.platform.db);
    expect(Number(cleared.numAffectedRows)).toBe(1);
    const item = [...(await todos(clerk, `&ledger=${CASES}`)).items, ...(await todos(leader, `&ledger=${CASES}`)).items].find((i) => i.recordId === id);
    expect(item?.deadline).toMatchObject({ uncomputable: true, due: '', overdue: false, daysLeft: null });
    expect(item?.deadline?.clockId).toBe('serve');
  });

  it('notifies nobody when a transition is refused', async () => {
    const other = await newCase('城关综执罚〔2099〕72号');
    expect((await go(leader, other, 'file', { filed_on: daysAgo(3) })).statusCode).toBe(200);
    const before = await notificationCount();
    const refused = await go(clerk, other, 'conclude_investigation', { investigated_on: daysAgo(2), proposed_kinds: ['罚款', '责令停产停业'], proposed_amount: 20000, ...officers });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(await notificationCount()).toBe(before);
    expect(stepsOf(await todos(legal, `&ledger=${CASES}`), other)).toEqual([]);
  });

  it('reminds the leader, not only the clerks, of an overdue decision that waits for him', async () => {
    // filed 100 days ago: the 90-day decision period is over
    const late = await newCase('城关综执罚〔2099〕74号', daysAgo(101));
    expect((await go(county, late, 'file', { filed_on: daysAgo(100) })).statusCode).toBe(200);
    expect((await go(county, late, 'conclude_investigation', { investigated_on: daysAgo(15), facts: '占道经营', proposed_kinds: ['警告'], ...officers })).statusCode).toBe(200);
    expect((await go(county, late, 'notify', { notified_on: daysAgo(14) })).statusCode).toBe(200);
    await scanDeadlines(t.platform);
    const overdue = (await notified(CASES, late)).filter((n) => n.kind === 'overdue' && n.key === 'decide').map((n) => n.user).sort();
    expect(overdue).toContain('leader');
    expect(overdue).toContain('clerk');
    expect(overdue).not.toContain('legal');
  });

  it('tells the last other person who acted when a step declared as a return sends the record back', async () => {
    // a workflow whose 告知 were a return (as a negative review is): the generic hook, on a real record's events
    const wf = caseLedger.workflow;
    if (!wf) throw new Error('no workflow');
    const returning: LedgerDef = { ...caseLedger, workflow: { ...wf, transitions: wf.transitions.map((x) => (x.name === 'notify' ? { ...x, returns: true } : x)) } };
    const step = returning.workflow?.transitions.find((x) => x.name === 'notify');
    if (!step) throw new Error('no step');
    const leaderUser = await t.platform.db.selectFrom('app_user').select(['id', 'username', 'display_name']).where('username', '=', 'leader').executeTakeFirstOrThrow();
    await t.platform.db.transaction().execute(async (tx) => {
      const ctx: Ctx = { actor: { id: Number(leaderUser.id), username: 'leader', displayName: leaderUser.display_name, homeOrg: TOWN, roles: ['leader'], permissions: new Set() }, ip: '127.0.0.1', scope: { root: TOWN, codes: [TOWN, `${TOWN}-03`] }, tx, cipher: t.platform.cipher, now: new Date() };
      // the last event on the case not by the leader is the clerk's 告知
      const sent = await notifyTransition(ctx, returning, { id: caseId, orgCode: `${TOWN}-03`, transition: step, from: 'notified', to: 'notified', before: {}, after: {}, author: 'county', note: '事实认定有误，退回补充调查' });
      expect(sent).toBe(1);
    });
    const back = (await notified(CASES, caseId)).filter((n) => n.kind === 'returned');
    expect(back).toEqual([{ user: 'clerk', kind: 'returned', key: 'notify' }]);
    const inbox = json<{ items: NotificationView[] }>(await t.request(clerk, { method: 'GET', url: '/api/notifications?unread=1' }));
    expect(inbox.items.find((n) => n.kind === 'returned' && n.recordId === caseId)?.body).toContain('退回补充调查');
  });

  it('hands a disclosure item sent for 保密审查 to the reviewers, and lists it for them until the review is recorded', async () => {
    // made long enough ago that its 20 working days end within a year whose holiday calendar is loaded (in December a
    // period from a few days ago reaches into next year, whose calendar the test instance may not have: no due date)
    const created = await createRecord(t, clerk, 'disclosure.item', { category: '通知公告', made_on: daysAgo(40), orgCode: `${TOWN}-01`, title: '待办测试：关于道路施工的通告' });
    expect(created.statusCode, created.body).toBe(200);
    const id = json<{ id: number }>(created).id;
    const sentUp = await t.request(clerk, { method: 'POST', url: `/api/ledgers/disclosure.item/${id}/transitions/submit_review`, payload: { secrecy_submitted_on: daysAgo(39) } });
    expect(sentUp.statusCode, sentUp.body).toBe(200);
    const item = (await todos(reviewer, '&ledger=disclosure.item')).items.find((i) => i.recordId === id);
    expect(item).toMatchObject({ step: 'review', stepLabel: '保密审查', stateLabel: '保密审查中' });
    expect(item?.deadline?.label).toBe('主动公开期限');
    expect((await todos(clerk, '&ledger=disclosure.item')).items.some((i) => i.recordId === id && i.step === 'review')).toBe(false);
    const told = (await notified('disclosure.item', id)).filter((n) => n.key === 'review').map((n) => n.user).sort();
    // the town's holders of the review permission: its reviewer, legal reviewer and leader
    expect(told).toEqual(['leader', 'legal', 'reviewer']);
  });

  it('shows each user only the to-dos of the organisations they may see', async () => {
    const other = await todos(clerk2);
    expect(other.items.length).toBeGreaterThan(0);
    expect(other.items.every((i) => i.orgCode.startsWith('999001002'))).toBe(true);
    expect(stepsOf(other, caseId)).toEqual([]);
    expect((await todos(legal)).items.every((i) => i.orgCode.startsWith(TOWN.slice(0, 9)))).toBe(true);
    // the county sees the towns' records, and its administrator may do the clerk's steps
    expect((await todos(county)).total).toBeGreaterThan(other.total);
  });

  it('tells the leader that the county returned the annual report, and lists it to resubmit', async () => {
    const year = new Date().getUTCFullYear() - 1;
    const opened = await t.request(leader, { method: 'POST', url: '/api/reports/annual', payload: { year } });
    expect(opened.statusCode, opened.body).toBe(200);
    const draft = json<{ id: number; version: number }>(await t.request(leader, { method: 'GET', url: `/api/reports/annual/${json<{ id: number }>(opened).id}` }));
    const submitted = await t.request(leader, { method: 'POST', url: `/api/reports/annual/${draft.id}/submit`, payload: { version: draft.version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const vid = json<{ id: number }>(submitted).id;
    // the town's reviewer finds the secrecy review waiting
    expect((await todos(reviewer, '&ledger=annual_report')).items.find((i) => i.ledger === 'annual_report' && i.recordId === draft.id)).toMatchObject({ step: 'secrecy', stepLabel: '保密审查' });

    const returned = await t.request(county, { method: 'POST', url: `/api/reports/annual/versions/${vid}/return`, payload: { reason: '第二部分数据与台账不一致，请核对' } });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await notified('annual_report', draft.id)).toEqual([{ user: 'leader', kind: 'returned', key: 'return' }]);
    const inbox = json<{ items: NotificationView[] }>(await t.request(leader, { method: 'GET', url: '/api/notifications?unread=1' }));
    expect(inbox.items.find((n) => n.ledger === 'annual_report')?.body).toContain('第二部分数据与台账不一致');
    const item = (await todos(leader, '&ledger=annual_report')).items.find((i) => i.ledger === 'annual_report' && i.recordId === draft.id);
    expect(item).toMatchObject({ step: 'resubmit', stepLabel: '修改后重新提交', stateLabel: '已退回修改' });
    expect(item?.deadline?.due).toMatch(new RegExp(`^${year + 1}-`));
    expect((await todos(reviewer, '&ledger=annual_report')).items.some((i) => i.ledger === 'annual_report' && i.recordId === draft.id)).toBe(false);
  });
});

describe('the province’s notification hook', () => {
  let server: Server;
  const received: Array<{ body: Record<string, unknown> }> = [];
  let failing = true;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (failing) {
          res.writeHead(503).end();
          return;
        }
        received.push({ body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  it('posts each new notification once, retrying a failed delivery, with no personal data', async () => {
    // with the hook off, what is pending is let go: turning it on sends only later notifications
    expect((await deliverNotifications(t.platform.db)).skipped).toBeGreaterThan(0);
    const admin = await t.login('sysadmin');
    const bad = await t.request(admin, { method: 'PUT', url: '/api/admin/notify-webhook', payload: { url: 'ftp://x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('外发接口地址');
    expect((await t.request(clerk, { method: 'PUT', url: '/api/admin/notify-webhook', payload: { url: 'http://x' } })).statusCode).toBe(403);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
    expect((await t.request(admin, { method: 'PUT', url: '/api/admin/notify-webhook', payload: { url } })).statusCode).toBe(200);

    const id = await newCase('城关综执罚〔2099〕73号');
    expect((await go(leader, id, 'file', { filed_on: daysAgo(3) })).statusCode).toBe(200);
    expect((await go(clerk, id, 'conclude_investigation', { investigated_on: daysAgo(2), facts: '占道经营', proposed_kinds: ['罚款', '责令停产停业'], proposed_amount: 20000, ...officers })).statusCode).toBe(200);
    const legalUser = await t.platform.db.selectFrom('app_user').select('id').where('username', '=', 'legal').executeTakeFirstOrThrow();

    const first = await deliverNotifications(t.platform.db);
    expect(first.retried).toBeGreaterThan(0);
    expect(received).toHaveLength(0);
    failing = false;
    // the wait before the retry has not passed: nothing is sent again yet
    expect((await deliverNotifications(t.platform.db)).delivered).toBe(0);
    const later = await deliverNotifications(t.platform.db, { now: new Date(Date.now() + 10 * 60_000) });
    expect(later.delivered).toBeGreaterThan(0);
    const mine = received.filter((r) => r.body['userId'] === Number(legalUser.id) && r.body['link'] === `/ledgers/${CASES}/${id}`);
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]?.body ?? {}).sort()).toEqual(['createdAt', 'id', 'kind', 'link', 'userId']);
    expect(mine[0]?.body['kind']).toBe('handoff');
    // delivered once: a later run sends nothing more
    expect((await deliverNotifications(t.platform.db, { now: new Date(Date.now() + 60 * 60_000) })).delivered).toBe(0);
    const status = await sql<{ delivery: string }>`select delivery from notification where record_id = ${id} and ledger = ${CASES}`.execute(t.platform.db);
    expect(status.rows.every((r) => r.delivery === 'delivered')).toBe(true);
  });
});

describe('the 状态 column and filter of a workflow ledger’s list', () => {
  it('filters by state and labels each record’s state', async () => {
    const notifiedCases = await listLedger(t, county, CASES, 'state=notified&pageSize=200');
    expect(notifiedCases.total).toBeGreaterThan(0);
    expect(notifiedCases.items.every((r) => { const x = r as unknown as { state: string; stateLabel: string }; return x.state === 'notified' && x.stateLabel === '已告知'; })).toBe(true);
    const two = await listLedger(t, county, CASES, 'state=notified,investigated&pageSize=1');
    expect(two.total).toBeGreaterThan(notifiedCases.total);
    const meta = json<{ states: Array<{ value: string; label: string }> | null }>(await t.request(county, { method: 'GET', url: `/api/ledgers/${CASES}/meta` }));
    expect(meta.states?.find((s) => s.value === 'investigated')?.label).toBe('调查终结');
  });

  it('refuses an unknown state, or a state filter on a ledger without a workflow, naming the field', async () => {
    const bad = await t.request(county, { method: 'GET', url: `/api/ledgers/${CASES}?state=nonsense` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('办理状态');
    const plain = await t.request(county, { method: 'GET', url: '/api/ledgers/advisors.advisor?state=active' });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain('没有办理状态');
  });
});
