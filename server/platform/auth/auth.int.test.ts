import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const loginAs = (username: string, password: string) => t.request(null, { method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login, lockout and sessions', () => {
  it('locks the account after five failures and refuses even the right password until the lock expires', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(json<{ code: string }>(await loginAs('clerk3', 'Wrong@12345')).code);
    expect(codes.slice(0, 4)).toEqual(['bad_credentials', 'bad_credentials', 'bad_credentials', 'bad_credentials']);
    expect(codes[4]).toBe('account_locked');
    expect(codes[5]).toBe('account_locked');
    const seventh = await loginAs('clerk3', 'Fazhi@2026');
    expect(seventh.statusCode).toBe(423);
    expect(json<{ detail: string }>(seventh).detail).toMatch(/锁定/);
    // the lock runs out after 15 minutes
    await t.platform.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000) }).where('username', '=', 'clerk3').execute();
    expect((await loginAs('clerk3', 'Fazhi@2026')).statusCode).toBe(200);
  });

  it('audits logins, failed logins and logouts', async () => {
    await loginAs('reviewer', 'nope-Nope1');
    const cookie = await t.login('reviewer');
    await t.request(cookie, { method: 'POST', url: '/api/auth/logout', payload: {} });
    const rows = await t.platform.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'auth').where('entity_id', '=', 'reviewer').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['login_failed', 'login', 'logout']);
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('forces a change of an initial password before anything else, and applies the policy', async () => {
    const admin = await t.login('sysadmin');
    const created = { initialPassword: 'Xinlai#Temp1' };
    expect((await t.request(admin, { method: 'POST', url: '/api/users', payload: { username: 'newclerk', displayName: '新同事', orgCode: '999001002000', initialPassword: created.initialPassword } })).statusCode).toBe(200);
    const cookie = await t.login('newclerk', created.initialPassword);
    const me = json<{ mustChangePassword: boolean }>(await t.request(cookie, { method: 'GET', url: '/api/me' }));
    expect(me.mustChangePassword).toBe(true);
    expect(json<{ code: string }>(await t.request(cookie, { method: 'GET', url: '/api/home' })).code).toBe('password_change_required');
    const weak = await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: created.initialPassword, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string }> }>(weak).errors[0]?.path).toBe('newPassword');
    const ok = await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: created.initialPassword, newPassword: 'Qingxi#2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.request(cookie, { method: 'GET', url: '/api/home' })).statusCode).toBe(200);
    const stored = await t.platform.db.selectFrom('app_user').select('password_hash').where('username', '=', 'newclerk').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('expires a session idle for longer than the timeout', async () => {
    const cookie = await t.login('leader');
    await t.platform.db.updateTable('session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('revoked_at', 'is', null).where('user_id', '=', t.platform.db.selectFrom('app_user').select('id').where('username', '=', 'leader')).execute();
    const res = await t.request(cookie, { method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(json<{ code: string; detail: string }>(res)).toMatchObject({ code: 'session_expired' });
  });

  it('lets the system administrator list online users and force one out', async () => {
    const victim = await t.login('legal');
    const admin = await t.login('sysadmin');
    const list = json<{ items: Array<{ id: string; username: string }> }>(await t.request(admin, { method: 'GET', url: '/api/sessions' }));
    const s = list.items.find((x) => x.username === 'legal');
    expect(s).toBeDefined();
    expect((await t.request(admin, { method: 'DELETE', url: `/api/sessions/${s?.id}` })).statusCode).toBe(200);
    expect((await t.request(victim, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('gives a user with several roles the union of their permissions and no more', async () => {
    const sec = await t.login('secadmin');
    const users = json<{ items: Array<{ id: number; username: string }> }>(await t.request(sec, { method: 'GET', url: '/api/users' }));
    const target = users.items.find((u) => u.username === 'supervisor');
    expect((await t.request(sec, { method: 'PUT', url: `/api/users/${target?.id}/roles`, payload: { roles: ['supervisor', 'legal_reviewer'] } })).statusCode).toBe(200);
    const cookie = await t.login('supervisor');
    const me = json<{ permissions: string[] }>(await t.request(cookie, { method: 'GET', url: '/api/me' }));
    const roles = json<{ items: Array<{ code: string; permissions: string[] }> }>(await t.request(sec, { method: 'GET', url: '/api/roles' }));
    const union = new Set(roles.items.filter((r) => r.code === 'supervisor' || r.code === 'legal_reviewer').flatMap((r) => r.permissions));
    expect(new Set(me.permissions)).toEqual(union);
    expect(me.permissions).not.toContain('user.manage');
  });
});

