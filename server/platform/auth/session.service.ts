import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.service.ts';
import { sm3 } from '../crypto/sm.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import type { Actor, Scope } from '../http/context.ts';
import { subtreeCodes } from '../orgs/org.repository.ts';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface SessionInfo {
  sessionId: string;
  actor: Actor;
  scope: Scope;
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

async function rolesOf(db: Kysely<Database>, userId: number): Promise<string[]> {
  const rows = await db.selectFrom('user_role').select(['role_code']).where('user_id', '=', userId).orderBy('role_code').execute();
  return rows.map((r) => r.role_code);
}

/** checks the password, applies the lockout, and opens a server-side session; returns the cookie token */
export async function login(db: Kysely<Database>, username: string, password: string, where: Where): Promise<{ token: string; mustChangePassword: boolean }> {
  const user = await db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  const actor = { id: user?.id ?? null, username };
  if (!user || user.status !== 'active') {
    await db.transaction().execute((tx) => audit({ actor, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: username, action: 'login_failed', diff: { reason: user ? 'disabled' : 'unknown_user' } }));
    throw new AppError('bad_credentials', '用户名或密码错误');
  }
  if (user.locked_until && new Date(user.locked_until) > where.now) {
    await db.transaction().execute((tx) => audit({ actor, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: username, action: 'login_refused_locked', orgCode: user.org_code }));
    throw lockedError(new Date(user.locked_until));
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(where.now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('app_user').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', user.id).execute();
      await audit({ actor, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: username, action: lock ? 'account_locked' : 'login_failed', orgCode: user.org_code, diff: { failed } });
    });
    if (lock) throw lockedError(lock);
    throw new AppError('bad_credentials', `用户名或密码错误，再错${MAX_FAILED_LOGINS - failed}次将锁定账号${LOCK_MINUTES}分钟`);
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: where.now }).where('id', '=', user.id).execute();
    await tx
      .insertInto('session')
      .values({ id: sessionId(token), user_id: user.id, current_org_code: user.org_code, ip: where.ip, user_agent: where.userAgent.slice(0, 300), created_at: where.now, last_seen_at: where.now })
      .execute();
    await audit({ actor, ip: where.ip, tx, now: where.now }, { entity: 'auth', entityId: username, action: 'login', orgCode: user.org_code });
  });
  return { token, mustChangePassword: user.must_change_password };
}

function lockedError(until: Date): AppError {
  const hhmm = until.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
  return new AppError('account_locked', `连续登录失败次数过多，账号已锁定，请于${hhmm}后再试`);
}

/** resolves a cookie token to the acting user; expires idle sessions */
export async function resolveSession(db: Kysely<Database>, token: string, idleMinutes: number, now: Date): Promise<SessionInfo> {
  const id = sessionId(token);
  const s = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['session.id', 'session.user_id', 'session.current_org_code', 'session.last_seen_at', 'session.revoked_at', 'session.ip', 'app_user.username', 'app_user.display_name', 'app_user.org_code', 'app_user.status', 'app_user.must_change_password'])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!s || s.revoked_at || s.status !== 'active') throw new AppError('unauthenticated', '请先登录');
  if (now.getTime() - new Date(s.last_seen_at).getTime() > idleMinutes * 60_000) {
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('session').set({ revoked_at: now, revoked_reason: 'idle' }).where('id', '=', id).execute();
      await audit({ actor: { id: s.user_id, username: s.username }, ip: s.ip, tx, now }, { entity: 'auth', entityId: s.username, action: 'session_expired', orgCode: s.org_code });
    });
    throw new AppError('session_expired', `超过${idleMinutes}分钟未操作，请重新登录`);
  }
  // touching on every request would turn reads into writes; a minute's precision is enough for the idle timer
  if (now.getTime() - new Date(s.last_seen_at).getTime() > 60_000) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  const roles = await rolesOf(db, s.user_id);
  const permissions = await permissionsOf(db, roles);
  const codes = await subtreeCodes(db, s.current_org_code);
  return {
    sessionId: id,
    mustChangePassword: s.must_change_password,
    actor: { id: s.user_id, username: s.username, displayName: s.display_name, homeOrg: s.org_code, roles, permissions },
    scope: { root: s.current_org_code, codes },
  };
}

export async function logout(db: Kysely<Database>, info: SessionInfo, ip: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('session').set({ revoked_at: now, revoked_reason: 'logout' }).where('id', '=', info.sessionId).execute();
    await audit({ actor: info.actor, ip, tx, now }, { entity: 'auth', entityId: info.actor.username, action: 'logout', orgCode: info.actor.homeOrg });
  });
}

export async function changePassword(tx: Kysely<Database>, info: SessionInfo, oldPassword: string, newPassword: string, ip: string, now: Date): Promise<void> {
  const user = await tx.selectFrom('app_user').selectAll().where('id', '=', info.actor.id ?? -1).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, oldPassword))) {
    throw new AppError('validation_failed', '原密码不正确', [{ path: 'oldPassword', label: '原密码', message: '原密码：不正确' }]);
  }
  const problems = passwordProblems(newPassword, user.username);
  if (oldPassword === newPassword) problems.push('不能与原密码相同');
  if (problems.length) {
    throw new AppError('password_policy', `新密码${problems.join('；')}`, problems.map((p) => ({ path: 'newPassword', label: '新密码', message: `新密码：${p}` })));
  }
  await tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(newPassword), must_change_password: false, updated_at: now, version: user.version + 1 })
    .where('id', '=', user.id)
    .execute();
  await audit({ actor: info.actor, ip, tx, now }, { entity: 'user', entityId: user.id, action: 'password_changed', orgCode: user.org_code, diff: { password: { from: '******', to: '******' } } });
}

/** the org switcher: a county user narrows their view to a town or department below them */
export async function switchOrg(tx: Kysely<Database>, info: SessionInfo, code: string, ip: string, now: Date): Promise<void> {
  const allowed = await subtreeCodes(tx, info.actor.homeOrg);
  if (!allowed.includes(code)) throw new AppError('not_found', '组织机构不存在或不在您的管辖范围内');
  await tx.updateTable('session').set({ current_org_code: code }).where('id', '=', info.sessionId).execute();
  await audit({ actor: info.actor, ip, tx, now }, { entity: 'session', entityId: info.actor.username, action: 'switch_org', orgCode: code, diff: { current_org_code: { from: info.scope.root, to: code } } });
}
