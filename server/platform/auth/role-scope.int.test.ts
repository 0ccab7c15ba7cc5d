import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../common/validators.ts';
import { petitionsModule } from '../../modules/petitions/petitions.module.ts';
import { progressOf } from '../../modules/petitions/petitions.rules.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { listLedger } from '../../test/ledger-client.ts';
import { newUser as makeUser } from '../../test/users.ts';
import { adminModule } from '../admin.module.ts';
import { systemActor, type Ctx } from '../http/context.ts';
import { seedLedger } from '../ledger/ledger.seed.ts';
import { subtreeCodes } from '../orgs/org.repository.ts';
import { responsibleUsers } from '../workflow/reminder.service.ts';

const LEDGER = 'petitions.case';
const COUNTY = '999001000000';
const TOWN1 = '999001001000';
const TOWN2 = '999001002000';
const TOWN3 = '999001003000';

let t: TestApp;
let sys: string;
let sec: string;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, petitionsModule] });
  sys = await t.login('sysadmin');
  sec = await t.login('secadmin');
  // one record at each town itself, beside the demo records of their villages and offices
  for (const town of [TOWN1, TOWN2, TOWN3]) await seed(town);
});
afterAll(async () => t.close());

const values = {
  channel: '来信',
  received_on: '2026-03-02',
  category: '民政',
  matter_class: '申诉求决',
  summary: '申请最低生活保障',
  content: '来信人反映家中老人长期患病，生活困难，申请最低生活保障。',
  party_kind: '个人',
  people_count: 1,
  petitioner_name: '李桂兰',
  petitioner_id: makeIdNumber('999001', '1958-03-12', 2),
  petitioner_phone: '13812345678',
  acceptance: '受理',
  accepted_on: '2026-03-06',
  handling_unit: '社会事务办',
  result_kind: '予以支持',
  handling_result: '经入户核查符合条件，已纳入低保。',
  reply_on: '2026-04-10',
  reply_method: '书面答复（处理意见书）',
  satisfaction: '满意',
  closed_on: '2026-04-15',
  on_time: true,
};

async function seed(orgCode: string): Promise<number> {
  return t.platform.db.transaction().execute(async (tx) => {
    const ctx: Ctx = { actor: systemActor, ip: '127.0.0.1', tx, now: new Date(), cipher: t.platform.cipher, scope: { root: COUNTY, codes: await subtreeCodes(tx, COUNTY) } };
    const [id] = await seedLedger(ctx, t.platform, LEDGER, [{ orgCode, values: { ...values, progress: progressOf(values) } }]);
    return id ?? 0;
  });
}

type RoleView = { code: string; name: string; builtin: boolean; permissions: string[]; dataScope: string; scopeOrgs: string[]; version: number; users: number };
const roles = async (): Promise<RoleView[]> => json<{ items: RoleView[] }>(await t.request(sec, { method: 'GET', url: '/api/roles' })).items;

async function createRole(payload: Record<string, unknown>): Promise<RoleView> {
  const res = await t.request(sec, { method: 'POST', url: '/api/roles', payload });
  expect(res.statusCode, res.body).toBe(200);
  return json<RoleView>(res);
}

const newUser = (username: string, orgCode: string, roleCodes: string[]) => makeUser(t, username, orgCode, roleCodes);

const orgsSeen = async (cookie: string): Promise<string[]> => {
  const list = await listLedger(t, cookie, LEDGER, 'pageSize=100');
  return [...new Set(list.items.map((i) => i.orgCode))].sort();
};
const errorPaths = (body: string): string[] => (json<{ errors?: Array<{ path: string }> }>({ body } as never).errors ?? []).map((e) => e.path);

describe('business roles with a data scope', () => {
  it('lets the security administrator create an own-unit role whose holder sees only that unit, with ID numbers masked', async () => {
    const role = await createRole({ name: '本镇信访查阅', description: '只看本单位信访', permissions: ['home.view', 'petitions.case.read'], dataScope: 'own' });
    expect(role.code).toMatch(/^custom_\d+$/);
    expect(role).toMatchObject({ builtin: false, dataScope: 'own', scopeOrgs: [], users: 0, permissions: ['home.view', 'petitions.case.read'] });
    const entry = await t.platform.db.selectFrom('audit_log').select(['action', 'diff']).where('entity', '=', 'role').where('entity_id', '=', role.code).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'create', diff: { dataScope: 'own' } });

    const { cookie } = await newUser('ownreader', TOWN1, [role.code]);
    expect(await orgsSeen(cookie)).toEqual([TOWN1]);
    const list = await listLedger(t, cookie, LEDGER, 'pageSize=100');
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.some((i) => typeof i.values['petitioner_id'] === 'string')).toBe(true);
    for (const i of list.items) if (typeof i.values['petitioner_id'] === 'string') expect(i.values['petitioner_id']).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    // the builtin clerk of the same town still sees the villages below it
    expect((await orgsSeen(await t.login('clerk'))).length).toBeGreaterThan(1);
    expect((await roles()).find((r) => r.code === role.code)?.users).toBe(1);
  });

  it('gives a listed-units role exactly the listed units', async () => {
    const role = await createRole({ name: '两镇信访查阅', permissions: ['petitions.case.read'], dataScope: 'listed', scopeOrgs: [TOWN1, TOWN3] });
    expect(role.scopeOrgs).toEqual([TOWN1, TOWN3]);
    const { cookie } = await newUser('listreader', COUNTY, [role.code]);
    expect(await orgsSeen(cookie)).toEqual([TOWN1, TOWN3]);
    // the switcher offers the listed units, and nothing else
    const me = json<{ orgs: Array<{ code: string }> }>(await t.request(cookie, { method: 'GET', url: '/api/me' }));
    expect(me.orgs.map((o) => o.code).sort()).toEqual([COUNTY, TOWN1, TOWN3]);
    expect((await t.request(cookie, { method: 'POST', url: '/api/me/org', payload: { code: TOWN2 } })).statusCode).toBe(404);
    // the security administrator changes the list: the holder sees the new one at the next request
    const now = (await roles()).find((r) => r.code === role.code);
    const put = await t.request(sec, { method: 'PUT', url: `/api/roles/${role.code}`, payload: { scopeOrgs: [TOWN2], version: now?.version } });
    expect(put.statusCode, put.body).toBe(200);
    expect(await orgsSeen(cookie)).toEqual([TOWN2]);
  });

  it('lets a user with a role in a second unit see both units and switch to the second', async () => {
    const own = (await roles()).find((r) => r.name === '本镇信访查阅');
    if (!own) throw new Error('no own-unit role');
    const { id, cookie } = await newUser('twounits', TOWN1, [own.code]);
    expect(await orgsSeen(cookie)).toEqual([TOWN1]);
    const res = await t.request(sec, { method: 'PUT', url: `/api/users/${id}/units`, payload: { units: [{ orgCode: TOWN2, roles: [own.code] }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ units: Array<{ orgCode: string; roles: string[]; roleNames: string[] }> }>(res).units).toEqual([{ orgCode: TOWN2, orgName: '清溪镇', roles: [own.code], roleNames: ['本镇信访查阅'] }]);
    expect(await orgsSeen(cookie)).toEqual([TOWN1, TOWN2]);
    expect((await t.request(cookie, { method: 'POST', url: '/api/me/org', payload: { code: TOWN2 } })).statusCode).toBe(200);
    expect(await orgsSeen(cookie)).toEqual([TOWN2]);
    expect((await t.request(cookie, { method: 'POST', url: '/api/me/org', payload: { code: TOWN3 } })).statusCode).toBe(404);
    const entry = await t.platform.db.selectFrom('audit_log').select(['diff']).where('entity', '=', 'user').where('entity_id', '=', String(id)).where('action', '=', 'set_units').executeTakeFirstOrThrow();
    expect(entry.diff).toMatchObject({ units: { from: [], to: [{ orgCode: TOWN2, roles: [own.code] }] } });
    // 三员 roles are not held in other units, and a 三员 account holds none there
    const bad = await t.request(sec, { method: 'PUT', url: `/api/users/${id}/units`, payload: { units: [{ orgCode: TOWN2, roles: ['auditor'] }] } });
    expect(bad.statusCode).toBe(403);
    const auditor = json<{ items: Array<{ id: number; username: string }> }>(await t.request(sec, { method: 'GET', url: '/api/users' })).items.find((u) => u.username === 'auditor');
    expect((await t.request(sec, { method: 'PUT', url: `/api/users/${auditor?.id}/units`, payload: { units: [{ orgCode: TOWN2, roles: [own.code] }] } })).statusCode).toBe(403);
    // deadline reminders reach the role where it is held, as far as its scope covers the record
    expect(await responsibleUsers(t.platform.db, TOWN2, 'petitions.case.read')).toContain(id);
    const below = (await subtreeCodes(t.platform.db, TOWN2)).find((c) => c !== TOWN2) ?? '';
    expect(await responsibleUsers(t.platform.db, below, 'petitions.case.read')).not.toContain(id);
    // the home unit is set with the roles route, not here
    const home = await t.request(sec, { method: 'PUT', url: `/api/users/${id}/units`, payload: { units: [{ orgCode: TOWN1, roles: [own.code] }] } });
    expect(home.statusCode).toBe(400);
    expect(errorPaths(home.body)).toEqual(['units.0.orgCode']);
  });

  it('refuses role creation to anyone but the security administrator', async () => {
    for (const who of [sys, await t.login('county')]) {
      const res = await t.request(who, { method: 'POST', url: '/api/roles', payload: { name: '越权角色', permissions: [], dataScope: 'subtree' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await roles()).some((r) => r.name === '越权角色')).toBe(false);
  });

  it('refuses to delete a builtin role or a role in use, and deletes an unused one', async () => {
    const builtin = await t.request(sec, { method: 'DELETE', url: '/api/roles/clerk' });
    expect(builtin.statusCode).toBe(409);
    expect(json<{ detail: string }>(builtin).detail).toMatch(/内置角色/);
    const used = (await roles()).find((r) => r.name === '本镇信访查阅');
    const inUse = await t.request(sec, { method: 'DELETE', url: `/api/roles/${used?.code}` });
    expect(inUse.statusCode).toBe(409);
    expect(json<{ detail: string }>(inUse).detail).toMatch(/用户在用/);
    const spare = await createRole({ name: '临时角色', permissions: [], dataScope: 'subtree' });
    expect((await t.request(sec, { method: 'DELETE', url: `/api/roles/${spare.code}?version=${spare.version}` })).statusCode).toBe(200);
    expect((await roles()).some((r) => r.code === spare.code)).toBe(false);
    expect(await t.platform.db.selectFrom('audit_log').select('action').where('entity', '=', 'role').where('entity_id', '=', spare.code).where('action', '=', 'delete').executeTakeFirst()).toBeTruthy();
  });

  it('answers bad input with 4xx naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, number]> = [
      [{ name: '', dataScope: 'own' }, 'name', 400],
      [{ name: '名称过长名称过长名称过长名称过长名称过长名称过长', dataScope: 'own' }, 'name', 400],
      [{ name: '本镇信访查阅', dataScope: 'own' }, 'name', 400],
      [{ name: '范围错误', dataScope: 'everywhere' }, 'dataScope', 400],
      [{ name: '未选单位', dataScope: 'listed', scopeOrgs: [] }, 'scopeOrgs', 400],
      [{ name: '单位不存在', dataScope: 'listed', scopeOrgs: ['123456789012'] }, 'scopeOrgs', 400],
      [{ name: '权限不存在', dataScope: 'own', permissions: ['no.such'] }, 'permissions', 400],
    ];
    for (const [payload, path, status] of cases) {
      const res = await t.request(sec, { method: 'POST', url: '/api/roles', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(errorPaths(res.body), JSON.stringify(payload)).toContain(path);
    }
    // a 三员 permission on a business role is refused and audited, as for the built-in ones
    expect((await t.request(sec, { method: 'POST', url: '/api/roles', payload: { name: '想看审计', dataScope: 'own', permissions: ['audit.read'] } })).statusCode).toBe(403);
    // built-in roles keep their scope; a stale version is refused
    const clerk = (await roles()).find((r) => r.code === 'clerk');
    const scope = await t.request(sec, { method: 'PUT', url: '/api/roles/clerk', payload: { dataScope: 'own', version: clerk?.version } });
    expect(scope.statusCode).toBe(400);
    expect(errorPaths(scope.body)).toEqual(['dataScope']);
    expect((await t.request(sec, { method: 'PUT', url: '/api/roles/clerk', payload: { permissions: clerk?.permissions, version: (clerk?.version ?? 0) - 1 } })).statusCode).toBe(409);
    expect((await roles()).some((r) => ['范围错误', '想看审计'].includes(r.name))).toBe(false);
  });
});
