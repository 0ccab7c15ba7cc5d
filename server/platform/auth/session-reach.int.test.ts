import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionsModule } from '../../modules/petitions/petitions.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { resolveSession } from './session.service.ts';

// Decision 0047: a server keeps each session's roles, permissions and data scope while the authorisation token read
// with the session row is unchanged. Every change below is made with plain SQL, as another server, an import or an
// operator would make it, not through this server's services: only the database's trigger tells the cache.
const LEDGER = 'petitions.case';
const TOWN1 = '999001001000';

let t: TestApp;
let clerk: string;

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, petitionsModule] });
  clerk = await t.login('clerk');
});
afterAll(async () => t.close());

const run = (q: ReturnType<typeof sql>): Promise<unknown> => q.execute(t.platform.db);
const clerkId = sql`(select id from app_user where username = 'clerk')`;
const list = async (): Promise<number> => (await t.request(clerk, { method: 'GET', url: `/api/ledgers/${LEDGER}` })).statusCode;
const me = async (): Promise<{ permissions: string[]; orgs: Array<{ code: string }> }> => json(await t.request(clerk, { method: 'GET', url: '/api/me' }));

describe('the reach a server remembers for a session', () => {
  it('ends at the next request when the role is taken away, and comes back with it', async () => {
    expect(await list()).toBe(200);
    expect(await list()).toBe(200);
    expect((await me()).permissions).toContain(`${LEDGER}.read`);
    await run(sql`delete from user_role where user_id = ${clerkId}`);
    expect(await list()).toBe(403);
    expect((await me()).permissions).toEqual([]);
    await run(sql`insert into user_role (user_id, role_code) values (${clerkId}, 'clerk')`);
    expect(await list()).toBe(200);
  });

  it('follows a permission removed from the role definition', async () => {
    expect(await list()).toBe(200);
    await run(sql`update role set permissions = (select coalesce(jsonb_agg(p), '[]'::jsonb) from jsonb_array_elements_text(permissions) p where p <> ${`${LEDGER}.read`}) where code = 'clerk'`);
    expect(await list()).toBe(403);
    await run(sql`update role set permissions = permissions || ${JSON.stringify([`${LEDGER}.read`])}::jsonb where code = 'clerk'`);
    expect(await list()).toBe(200);
  });

  it('follows a narrowed data scope and a unit added below the town', async () => {
    const before = (await me()).orgs.map((o) => o.code);
    expect(before.length).toBeGreaterThan(1);
    await run(sql`update role set data_scope = 'own' where code = 'clerk'`);
    expect((await me()).orgs.map((o) => o.code)).toEqual([TOWN1]);
    await run(sql`update role set data_scope = 'subtree' where code = 'clerk'`);
    expect((await me()).orgs.map((o) => o.code)).toEqual(before);
    const town = (await sql<{ path: string }>`select path from org where code = ${TOWN1}`.execute(t.platform.db)).rows[0]?.path;
    await run(sql`insert into org (code, parent_code, name, kind, path) values ('999001001777', ${TOWN1}, '新设社区', 'department', ${`${town}999001001777/`})`);
    expect((await me()).orgs.map((o) => o.code)).toContain('999001001777');
  });

  it('shows a renamed unit under its new name at the next request (the names are kept with the reach)', async () => {
    const items = async (): Promise<Array<{ orgCode: string; orgName: string }>> => json<{ items: Array<{ orgCode: string; orgName: string }> }>(await t.request(clerk, { method: 'GET', url: `/api/ledgers/${LEDGER}?pageSize=100` })).items;
    const first = (await items())[0];
    if (!first) throw new Error('no petition in the clerk’s scope');
    await run(sql`update org set name = ${`${first.orgName}（更名）`} where code = ${first.orgCode}`);
    try {
      const shown = new Set((await items()).filter((i) => i.orgCode === first.orgCode).map((i) => i.orgName));
      expect(shown).toEqual(new Set([`${first.orgName}（更名）`]));
    } finally {
      await run(sql`update org set name = ${first.orgName} where code = ${first.orgCode}`);
    }
  });

  it('reads the session in one statement while the token stands, and the reach again once it changed', async () => {
    const statements: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (a) => {
        statements.push(a.node.kind);
        return a.node;
      },
      transformResult: async (a) => a.result,
    };
    const db = t.platform.db.withPlugin(counting);
    const token = decodeURIComponent(clerk.slice('fazhi_session='.length));
    const limits = { idleMinutes: t.platform.config.sessionIdleMinutes, maxHours: t.platform.config.sessionMaxHours };
    const first = await resolveSession(db, token, limits, new Date());
    expect(statements.length).toBeGreaterThan(1);
    statements.length = 0;
    const again = await resolveSession(db, token, limits, new Date());
    expect(statements).toHaveLength(1);
    expect(again.scope).toEqual(first.scope);
    expect([...again.actor.permissions].sort()).toEqual([...first.actor.permissions].sort());
    // a change that gives nothing new still replaces the token: the reach is read again
    await run(sql`update role set description = description where code = 'clerk'`);
    statements.length = 0;
    await resolveSession(db, token, limits, new Date());
    expect(statements.length).toBeGreaterThan(1);
  });
});
