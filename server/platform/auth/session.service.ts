import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { audit } from '../audit/audit.service.ts';
import { sm3 } from '../crypto/sm.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Actor, Scope } from '../http/context.ts';
import { subtreeCodes } from '../orgs/org.repository.ts';
import { dummyHash, hashPassword, passwordProblems, verifyPassword } from './password.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface SessionInfo {
  sessionId: string;
  actor: Actor;
  scope: Scope;
  /** every organisation any held role reaches: what the org switcher offers */
  reach: string[];
  mustChangePassword: boolean;
}

interface Where {
  ip: string;
  userAgent: string;
  now: Date;
}

const sessionId = (token: string): string => sm3(`session:${token}`);

export async function permissionsOf(db: Kysely<Database>, roles: string[]): Promise<Set<string>> {
  if (roles.length === 0) return new Set();
  const rows = await db.selectFrom('role').select(['permissions']).where('code', 'in', roles).execute();
  return new Set(rows.flatMap((r) => r.permissions));
}

/**
 * what a user's roles give: every role held (home unit via user_role, other units via user_unit_role), the union of
 * their permissions, and the union of their data scopes. Simplification (decision 0042): permissions are not tied to
 * the unit they were given in; every held permission applies within the whole union of the scopes. A user holding no
 * role keeps the home unit's subtree as before (it carries no permission, so it opens nothing).
 */
export async function reachOf(db: Kysely<Database>, userId: number, homeOrg: string): Promise<{ roles: string[]; permissions: Set<string>; codes: string[] }> {
  // read on every request (resolveSession): the held roles with their definitions in one statement, each subtree in one
  const held = await db
    .selectFrom(
      db
        .selectFrom('user_role')
        .select([sql<string>`${homeOrg}::varchar`.as('unit'), 'role_code'])
        .where('user_id', '=', userId)
        .unionAll(db.selectFrom('user_unit_role').select(['org_code as unit', 'role_code']).where('user_id', '=', userId))
        .as('h'),
    )
    .leftJoin('role', 'role.code', 'h.role_code')
    .select(['h.unit', 'h.role_code', 'role.code', 'role.permissions', 'role.data_scope', 'role.scope_orgs'])
    .execute();
  const roles = [...new Set(held.map((h) => h.role_code))].sort();
  if (held.length === 0) return { roles, permissions: new Set(), codes: await subtreeCodes(db, homeOrg) };
  const codes = new Set<string>();
  const subtrees = new Map<string, string[]>();
  // codes named by a role (its own unit, a listed one) may no longer exist; a subtree's are read from org itself
  let unchecked = false;
  for (const h of held) {
    if (h.code === null) continue;
    if (h.data_scope === 'own') {
      codes.add(h.unit);
      unchecked = true;
    } else if (h.data_scope === 'listed') {
      (h.scope_orgs ?? []).forEach((c) => codes.add(c));
      unchecked = true;
    } else {
      if (!subtrees.has(h.unit)) subtrees.set(h.unit, await subtreeOf(db, h.unit));
      subtrees.get(h.unit)?.forEach((c) => codes.add(c));
    }
  }
  const known = unchecked && codes.size ? new Set((await db.selectFrom('org').select('code').where('code', 'in', [...codes]).execute()).map((o) => o.code)) : codes;
  return { roles, permissions: new Set(held.flatMap((h) => h.permissions ?? [])), codes: [...codes].filter((c) => known.has(c)).sort() };
}

/** subtreeCodes in one statement: the codes whose path begins with the unit's path, none for an unknown unit */
async function subtreeOf(db: Kysely<Database>, root: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org')
    .select('code')
    .where('path', 'like', (eb) => eb.selectFrom('org as r').select(sql<string>`r.path || '%'`.as('p')).where('r.code', '=', root))
    .orderBy('path')
    .execute();
  return rows.map((r) => r.code);
}

export const MAX_USERNAME = 64;
export const MAX_PASSWORD = 128;

/**
 * checks the password, applies the lockout, and opens a server-side session; returns the cookie token.
 * Unknown, disabled and wrong-password logins get the same answer after the same argon2 work, so neither
 * the message nor the timing tells which accounts exist.
 */
export async function login(db: Kysely<Database>, username: string, password: string, where: Where): Promise<{ token: string; mustChangePassword: boolean }> {
  const name = username.slice(0, MAX_USERNAME);
  const actor = { id: null, username: name };
  const tooLong = username.length > MAX_USERNAME ? 'username' : password.length > MAX_PASSWORD ? 'password' : null;
  if (tooLong) {
    await db.transaction().execute((tx) => audit({ actor, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: name, action: 'login_failed', diff: { reason: `${tooLong}_too_long` } }));
    const label = tooLong === 'username' ? '用户名' : '密码';
    const max = tooLong === 'username' ? MAX_USERNAME : MAX_PASSWORD;
    throw new AppError('validation_failed', `${label}不能超过${max}个字符`, [{ path: tooLong, label, message: `${label}：不能超过${max}个字符` }]);
  }
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  const known = { id: user?.id ?? null, username: name };
  if (user && user.locked_until && new Date(user.locked_until) > where.now) {
    await db.transaction().execute((tx) => audit({ actor: known, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: name, action: 'login_refused_locked', orgCode: user.org_code }));
    throw lockedError(new Date(user.locked_until));
  }
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || user.status !== 'active') {
    // the same queries as a counted failure, on no row, so the database work does not tell either
    await countFailure(db, { id: user?.id ?? -1, username: name, org_code: user?.org_code ?? null }, where, 'login', user ? 'disabled' : 'unknown_user');
    throw badCredentials();
  }
  if (!ok) {
    const lock = await countFailure(db, user, where, 'login');
    if (lock) throw lockedError(lock);
    throw badCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: where.now }).where('id', '=', user.id).execute();
    await tx
      .insertInto('session')
      .values({ id: sessionId(token), user_id: user.id, current_org_code: user.org_code, ip: where.ip, user_agent: where.userAgent.slice(0, 300), created_at: where.now, last_seen_at: where.now })
      .execute();
    await audit({ actor: known, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: name, action: 'login', orgCode: user.org_code });
  });
  return { token, mustChangePassword: user.must_change_password };
}

const badCredentials = (): AppError => new AppError('bad_credentials', '用户名或密码错误');

/**
 * one more wrong password (at login or when changing it), committed on its own; at the limit the account is
 * locked and every session of it ended. Returns the lock's end when it locked. With a reason (unknown or
 * disabled account) nothing is counted: the same statements run on no row and only the failure is audited.
 */
async function countFailure(db: Kysely<Database>, user: { id: number; username: string; org_code: string | null }, where: { ip: string; now: Date }, during: 'login' | 'password_change', uncounted?: 'unknown_user' | 'disabled'): Promise<Date | null> {
  const target = uncounted ? -1 : user.id;
  return db.transaction().execute(async (tx) => {
    // read under the row lock so concurrent failures all count
    const row = await tx.selectFrom('app_user').select(['failed_logins']).where('id', '=', target).forUpdate().executeTakeFirst();
    const failed = (row?.failed_logins ?? 0) + 1;
    const lock = row && failed >= MAX_FAILED_LOGINS ? new Date(where.now.getTime() + LOCK_MINUTES * 60_000) : null;
    await tx.updateTable('app_user').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', target).execute();
    if (lock) await tx.updateTable('session').set({ revoked_at: where.now, revoked_reason: 'locked' }).where('user_id', '=', target).where('revoked_at', 'is', null).execute();
    const action = lock ? 'account_locked' : during === 'login' ? 'login_failed' : 'password_change_failed';
    const actor = { id: user.id === -1 ? null : user.id, username: user.username };
    await audit({ actor, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: user.username, action, orgCode: user.org_code, diff: uncounted ? { reason: uncounted } : { failed, during } });
    return lock;
  });
}

function lockedError(until: Date): AppError {
  const hhmm = until.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
  return new AppError('account_locked', `连续登录失败次数过多，账号已锁定，请于${hhmm}后再试`);
}

export interface SessionLimits {
  idleMinutes: number;
  /** absolute lifetime, whatever the activity */
  maxHours: number;
}

interface Reached {
  roles: string[];
  permissions: Set<string>;
  /** every organisation any held role reaches */
  reach: string[];
  /** the part of the reach within the unit the session is switched to */
  codes: string[];
  /** their names, which every list and detail shows (a renamed unit replaces the token too) */
  names: ReadonlyMap<string, string>;
}

/** per database handle: each (user, home unit, current unit)'s reach, with the authorisation token it was computed under */
const reachCache = new WeakMap<Kysely<Database>, Map<string, { token: string; reached: Reached }>>();
const REACH_CACHE_MAX = 10_000;

/**
 * the roles, permissions and data scope of a session, computed from the tables (2 statements or more) only when the
 * authorisation token read with the session row differs from the one they were cached under: any committed change to
 * roles held, role definitions or the unit tree replaces the token (a trigger, decision 0047), so a role taken away or
 * a unit moved counts on every server from its next request, as when the reach was read on every request.
 */
async function reachedOf(db: Kysely<Database>, userId: number, homeOrg: string, currentOrg: string, token: string | null): Promise<Reached> {
  let byKey = reachCache.get(db);
  if (!byKey) reachCache.set(db, (byKey = new Map()));
  const key = `${userId}|${homeOrg}|${currentOrg}`;
  const hit = byKey.get(key);
  if (token !== null && hit?.token === token) return hit.reached;
  const { roles, permissions, codes: reach } = await reachOf(db, userId, homeOrg);
  // at the home unit the whole reach; switched to another unit, the part of the reach within it
  const within = currentOrg === homeOrg ? null : new Set(await subtreeCodes(db, currentOrg));
  const codes = within ? reach.filter((c) => within.has(c)) : reach;
  const names = new Map(codes.length ? (await db.selectFrom('org').select(['code', 'name']).where('code', 'in', codes).execute()).map((o) => [o.code, o.name] as const) : []);
  const reached = { roles, permissions, reach, codes, names };
  if (token !== null) {
    if (byKey.size >= REACH_CACHE_MAX) byKey.clear();
    byKey.set(key, { token, reached });
  }
  return reached;
}

/** resolves a cookie token to the acting user; ends sessions idle past the timeout or older than the lifetime */
export async function resolveSession(db: Kysely<Database>, token: string, limits: SessionLimits, now: Date): Promise<SessionInfo> {
  const { idleMinutes, maxHours } = limits;
  const id = sessionId(token);
  const s = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['session.id', 'session.user_id', 'session.current_org_code', 'session.created_at', 'session.last_seen_at', 'session.revoked_at', 'session.ip', 'app_user.username', 'app_user.display_name', 'app_user.org_code', 'app_user.status', 'app_user.must_change_password'])
    // read in the same statement as the session: the reach cached under it is at least as new as the token
    .select((eb) => eb.selectFrom('authz_state').select('token').where('authz_state.id', '=', 1).as('authz'))
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!s || s.revoked_at || s.status !== 'active') throw new AppError('unauthenticated', '请先登录');
  const tooOld = now.getTime() - new Date(s.created_at).getTime() > maxHours * 3_600_000;
  if (tooOld || now.getTime() - new Date(s.last_seen_at).getTime() > idleMinutes * 60_000) {
    const reason = tooOld ? 'max_lifetime' : 'idle';
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('session').set({ revoked_at: now, revoked_reason: reason }).where('id', '=', id).execute();
      await audit({ actor: { id: s.user_id, username: s.username }, ip: s.ip, tx, now }, { entity: 'auth', entityId: s.username, action: 'session_expired', orgCode: s.org_code, diff: { reason } });
    });
    throw new AppError('session_expired', tooOld ? `登录已超过${maxHours}小时，请重新登录` : `超过${idleMinutes}分钟未操作，请重新登录`);
  }
  // touching on every request would turn reads into writes; a minute's precision is enough for the idle timer
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const { roles, permissions, reach, codes, names } = await reachedOf(db, s.user_id, s.org_code, s.current_org_code, s.authz);
  return {
    sessionId: id,
    mustChangePassword: s.must_change_password,
    actor: { id: s.user_id, username: s.username, displayName: s.display_name, homeOrg: s.org_code, roles, permissions },
    scope: { root: s.current_org_code, codes, names },
    reach,
  };
}

export async function logout(db: Kysely<Database>, info: SessionInfo, ip: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('session').set({ revoked_at: now, revoked_reason: 'logout' }).where('id', '=', info.sessionId).execute();
    await audit({ actor: info.actor, ip, tx, now }, { entity: 'auth', entityId: info.actor.username, action: 'logout', orgCode: info.actor.homeOrg });
  });
}

/**
 * changes the user's own password; wrong current passwords count toward the login lockout (committed even
 * though the request fails), and the user's other sessions end once the new password is set
 */
export async function changePassword(db: Kysely<Database>, info: SessionInfo, oldPassword: string, newPassword: string, ip: string, now: Date): Promise<void> {
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', info.actor.id ?? -1).executeTakeFirstOrThrow();
  if (oldPassword.length > MAX_PASSWORD || !(await verifyPassword(user.password_hash, oldPassword))) {
    const lock = await countFailure(db, user, { ip, now }, 'password_change');
    if (lock) throw lockedError(lock);
    throw new AppError('validation_failed', '原密码不正确', [{ path: 'oldPassword', label: '原密码', message: '原密码：不正确' }]);
  }
  const problems = newPassword.length > MAX_PASSWORD ? [`不能超过${MAX_PASSWORD}个字符`] : passwordProblems(newPassword, user.username);
  if (oldPassword === newPassword) problems.push('不能与原密码相同');
  if (problems.length) {
    throw new AppError('password_policy', `新密码${problems.join('；')}`, problems.map((p) => ({ path: 'newPassword', label: '新密码', message: `新密码：${p}` })));
  }
  const hashed = await hashPassword(newPassword);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ password_hash: hashed, must_change_password: false, failed_logins: 0, updated_at: now, version: user.version + 1 }).where('id', '=', user.id).execute();
    const ended = await tx
      .updateTable('session')
      .set({ revoked_at: now, revoked_reason: 'password_changed' })
      .where('user_id', '=', user.id)
      .where('id', '!=', info.sessionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    await audit({ actor: info.actor, ip, tx, now }, { entity: 'user', entityId: user.id, action: 'password_changed', orgCode: user.org_code, diff: { password: { from: '******', to: '******' }, otherSessionsEnded: Number(ended.numUpdatedRows) } });
  });
}

/** the org switcher: a county user narrows their view to a town or department below them, or to another unit they hold a role in */
export async function switchOrg(tx: Kysely<Database>, info: SessionInfo, code: string, ip: string, now: Date): Promise<void> {
  if (code !== info.actor.homeOrg && !info.reach.includes(code)) throw new AppError('not_found', '组织机构不存在或不在您的管辖范围内');
  await tx.updateTable('session').set({ current_org_code: code }).where('id', '=', info.sessionId).execute();
  await audit({ actor: info.actor, ip, tx, now }, { entity: 'session', entityId: info.actor.username, action: 'switch_org', orgCode: code, diff: { current_org_code: { from: info.scope.root, to: code } } });
}
