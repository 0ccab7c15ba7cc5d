import { sql } from 'kysely';
import { audit } from '../platform/audit/audit.service.ts';
import { afterBulkWrite } from '../platform/db/after-bulk-write.ts';
import { scanDeadlines } from '../platform/workflow/reminder.service.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { systemActor, type Ctx } from '../platform/http/context.ts';
import type { Platform } from '../platform/module.ts';
import { subtreeCodes } from '../platform/orgs/org.repository.ts';
import { COUNTY_DEPARTMENTS, DEMO_COUNTY, DEMO_PASSWORD, DEMO_TOWNS, DEMO_USERS, TOWN_DEPARTMENTS } from './demo-county.ts';

// several `fazhi serve --demo` starting together on one new PostgreSQL database: one seeds, the others wait and find it done
export const DEMO_SEED_LOCK = 8_150_020;

async function isEmpty(db: Platform['db']): Promise<boolean> {
  const users = await db.selectFrom('app_user').select('id').limit(1).execute();
  const orgs = await db.selectFrom('org').select('code').limit(1).execute();
  return !users.length && !orgs.length;
}

/**
 * creates the demo county, its accounts and every module's demo records, in one transaction; false if the database
 * is not empty. The emptiness is checked again under an advisory lock inside the transaction: a second server seeding
 * at the same time waits for the first and then finds the county there, instead of failing on its rows (decision 0044)
 */
export async function seedDemo(platform: Platform, now = new Date()): Promise<boolean> {
  if (!(await isEmpty(platform.db))) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  const seeded = await platform.db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(tx);
    if (!(await isEmpty(tx))) return false;
    const base = { actor: systemActor, ip: '127.0.0.1', tx, now };
    const orgRows = [
      { code: DEMO_COUNTY.code, parent_code: null, name: DEMO_COUNTY.name, kind: 'county' as const, path: `/${DEMO_COUNTY.code}/`, sort: 0 },
      ...COUNTY_DEPARTMENTS.map((d, i) => ({ code: `${DEMO_COUNTY.code}-${d.suffix}`, parent_code: DEMO_COUNTY.code, name: d.name, kind: 'department' as const, path: `/${DEMO_COUNTY.code}/${DEMO_COUNTY.code}-${d.suffix}/`, sort: i })),
      ...DEMO_TOWNS.flatMap((t, i) => [
        { code: t.code, parent_code: DEMO_COUNTY.code, name: t.name, kind: 'town' as const, path: `/${DEMO_COUNTY.code}/${t.code}/`, sort: 10 + i },
        ...TOWN_DEPARTMENTS.map((d, j) => ({ code: `${t.code}-${d.suffix}`, parent_code: t.code, name: `${t.name}${d.name}`, kind: 'department' as const, path: `/${DEMO_COUNTY.code}/${t.code}/${t.code}-${d.suffix}/`, sort: j })),
      ]),
    ];
    await tx.insertInto('org').values(orgRows).execute();
    await audit(base, { entity: 'org', entityId: DEMO_COUNTY.code, action: 'demo_seed', orgCode: DEMO_COUNTY.code, diff: { orgs: orgRows.length } });
    for (const u of DEMO_USERS) {
      const row = await tx
        .insertInto('app_user')
        .values({ username: u.username, display_name: u.displayName, org_code: u.org, password_hash: hash, must_change_password: false, locked_until: null, last_login_at: null, phone_enc: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('user_role').values(u.roles.map((r) => ({ user_id: row.id, role_code: r }))).execute();
      await audit(base, { entity: 'user', entityId: row.id, action: 'demo_seed', orgCode: u.org, diff: { username: u.username, roles: [...u.roles] } });
    }
    await tx.insertInto('setting').values({ key: 'instance.demo', value: 'true' }).execute();
    const ctx: Ctx = { ...base, cipher: platform.cipher, scope: { root: DEMO_COUNTY.code, codes: await subtreeCodes(tx, DEMO_COUNTY.code) } };
    for (const m of platform.modules) if (m.demo) await m.demo(ctx, platform);
    return true;
  });
  if (!seeded) return false;
  // the seeded records' statutory clocks and reminders, so deadlines show before the first daily scan
  await scanDeadlines(platform, undefined, now);
  await afterBulkWrite(platform.db);
  return true;
}

export function demoBanner(): string {
  const lines = ['演示账号（仅演示环境，密码均为 ' + DEMO_PASSWORD + '）：'];
  for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(11)} ${u.note}`);
  return lines.join('\n');
}
