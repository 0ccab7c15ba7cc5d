import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-county.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { CHANGE_PASSWORD_PER_MINUTE } from './auth.routes.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

// each test comes from its own address, so the login rate limit (per address) does not run out across tests
let lastOctet = 10;
let ip = '10.0.0.10';
beforeEach(() => {
  ip = `10.0.0.${++lastOctet}`;
});
const loginRaw = (username: string, password: string, headers: Record<string, string> = {}) => t.request(null, { method: 'POST', url: '/api/auth/login', payload: { username, password }, headers, remoteAddress: ip });
const login = async (username: string, password = DEMO_PASSWORD): Promise<string> => {
  const res = await loginRaw(username, password);
  const c = res.cookies.find((x) => x.name === 'fazhi_session');
  if (res.statusCode !== 200 || !c) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return `fazhi_session=${c.value}`;
};
const call = (cookie: string, opts: { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown>; headers?: Record<string, string> }) => t.request(cookie, { ...opts, remoteAddress: ip });

const idOf = async (username: string): Promise<number> => (await t.platform.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const liveSessions = async (username: string): Promise<number> =>
  (await t.platform.db.selectFrom('session').select('id').where('user_id', '=', await idOf(username)).where('revoked_at', 'is', null).execute()).length;

describe('login answers that tell nothing', () => {
  it('answers an unknown user, a disabled user and a wrong password alike, with no count of attempts left', async () => {
    await t.platform.db.updateTable('app_user').set({ status: 'disabled' }).where('username', '=', 'clerk2').execute();
    try {
      const answers = [await loginRaw('nosuchuser', 'Wrong@12345'), await loginRaw('clerk2', 'Fazhi@2026'), await loginRaw('legal', 'Wrong@12345')];
      for (const a of answers) {
        expect(a.statusCode).toBe(401);
        expect(json(a)).toMatchObject({ code: 'bad_credentials', detail: '用户名或密码错误' });
      }
    } finally {
      await t.platform.db.updateTable('app_user').set({ status: 'active', failed_logins: 0 }).where('username', 'in', ['clerk2', 'legal']).execute();
    }
  });

  it('spends the same argon2 work on an unknown user as on a wrong password', async () => {
    const once = async (username: string): Promise<number> => {
      const start = performance.now();
      await loginRaw(username, 'Wrong@12345');
      return performance.now() - start;
    };
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    await loginRaw('nosuchuser1', 'Wrong@12345');
    // interleaved, so a busy machine slows both sides alike; the order alternates within each round
    const unknownRuns: number[] = [];
    const knownRuns: number[] = [];
    for (let i = 0; i < 6; i++) {
      const known = i % 2 === 0 ? 'reviewer' : 'legal';
      if (i % 2 === 0) {
        unknownRuns.push(await once(`nosuchuser${i + 2}`));
        knownRuns.push(await once(known));
      } else {
        knownRuns.push(await once(known));
        unknownRuns.push(await once(`nosuchuser${i + 2}`));
      }
    }
    const unknown = median(unknownRuns);
    const known = median(knownRuns);
    await t.platform.db.updateTable('app_user').set({ failed_logins: 0 }).where('username', 'in', ['reviewer', 'legal']).execute();
    // measured: without the dummy verify an unknown name takes about a third of the time of a known one
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it('refuses an over-long login name or password with 400 naming the field, as an audited failed login', async () => {
    const longName = await loginRaw('x'.repeat(65), 'Wrong@12345');
    expect(longName.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(longName).errors).toEqual([{ path: 'username', label: '用户名', message: '用户名：不能超过64个字符' }]);
    const longPassword = await loginRaw('clerk', 'A1#'.repeat(43));
    expect(longPassword.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string }> }>(longPassword).errors[0]?.path).toBe('password');
    const rows = await t.platform.db.selectFrom('audit_log').select(['entity_id', 'diff']).where('action', '=', 'login_failed').orderBy('id', 'desc').limit(2).execute();
    expect(rows.map((r) => r.diff)).toEqual([{ reason: 'password_too_long' }, { reason: 'username_too_long' }]);
    expect(rows[1]?.entity_id).toBe('x'.repeat(64));
  });
});

describe('password change', () => {
  it('ends the user’s other sessions but keeps the one that changed it', async () => {
    const other = await login('clerk');
    const current = await login('clerk');
    const res = await call(current, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'Fazhi@2026', newPassword: 'Chengguan#2027' } });
    expect(res.statusCode).toBe(200);
    expect((await call(other, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await call(current, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect(await liveSessions('clerk')).toBe(1);
    const entry = await t.platform.db.selectFrom('audit_log').select(['diff']).where('action', '=', 'password_changed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.diff).toMatchObject({ otherSessionsEnded: 1 });
  });

  it('counts wrong current passwords toward the lockout: at the limit the account is locked and the session ended', async () => {
    const cookie = await login('clerk3');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(json<{ code: string }>(await call(cookie, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: `Guess#${i}abcd`, newPassword: 'Shiqiao#2027' } })).code);
    expect(codes).toEqual(['validation_failed', 'validation_failed', 'validation_failed', 'validation_failed', 'account_locked']);
    expect((await call(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await loginRaw('clerk3', 'Fazhi@2026')).statusCode).toBe(423);
    const actions = await t.platform.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'auth').where('entity_id', '=', 'clerk3').orderBy('id', 'desc').limit(6).execute();
    expect(actions.map((a) => a.action).slice(0, 5)).toEqual(['login_refused_locked', 'account_locked', 'password_change_failed', 'password_change_failed', 'password_change_failed']);
    await t.platform.db.updateTable('app_user').set({ locked_until: null, failed_logins: 0 }).where('username', '=', 'clerk3').execute();
  });

  it('rate-limits the change-password route', async () => {
    const cookie = await login('leader');
    const statuses: number[] = [];
    for (let i = 0; i < CHANGE_PASSWORD_PER_MINUTE + 2; i++) {
      statuses.push((await call(cookie, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: 'Fazhi@2026', newPassword: 'x' } })).statusCode);
    }
    expect(statuses.slice(0, CHANGE_PASSWORD_PER_MINUTE).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(CHANGE_PASSWORD_PER_MINUTE)).toEqual([429, 429]);
  });
});

describe('session lifetime', () => {
  it('ends a session older than SESSION_MAX_HOURS however active it is', async () => {
    const cookie = await login('supervisor');
    const id = await idOf('supervisor');
    await t.platform.db.updateTable('session').set({ created_at: new Date(Date.now() - 12.5 * 3_600_000) }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    const res = await call(cookie, { method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(json(res)).toMatchObject({ code: 'session_expired', detail: '登录已超过12小时，请重新登录' });
    const entry = await t.platform.db.selectFrom('audit_log').select(['action', 'diff']).where('entity_id', '=', 'supervisor').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'session_expired', diff: { reason: 'max_lifetime' } });
  });
});

describe('cross-site requests', () => {
  const here = { host: '127.0.0.1:3000' };
  it('refuses a state-changing request from a page on another port of the same host, audited for the signed-in user', async () => {
    const cookie = await login('reviewer');
    const res = await call(cookie, { method: 'POST', url: '/api/me/org', payload: { code: '999001001000' }, headers: { ...here, origin: 'http://127.0.0.1:8080' } });
    expect(res.statusCode).toBe(403);
    expect(json<{ detail: string }>(res).detail).toMatch(/请求来源不被允许/);
    const entry = await t.platform.db.selectFrom('audit_log').select(['actor_name', 'action', 'diff']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_name: 'reviewer', action: 'refused_origin', diff: { origin: 'http://127.0.0.1:8080' } });
    // the Referer is checked when there is no Origin; a public route is covered too
    expect((await call(cookie, { method: 'POST', url: '/api/me/org', payload: { code: '999001001000' }, headers: { ...here, referer: 'http://evil.example/page' } })).statusCode).toBe(403);
    expect((await loginRaw('reviewer', 'Fazhi@2026', { ...here, origin: 'http://evil.example' })).statusCode).toBe(403);
  });

  it('lets the same origin, and requests with neither header, through', async () => {
    const cookie = await login('reviewer');
    expect((await call(cookie, { method: 'POST', url: '/api/me/org', payload: { code: '999001001000' }, headers: { ...here, origin: 'http://127.0.0.1:3000' } })).statusCode).toBe(200);
    expect((await call(cookie, { method: 'POST', url: '/api/me/org', payload: { code: '999001001000' }, headers: { ...here, referer: 'http://127.0.0.1:3000/account' } })).statusCode).toBe(200);
    expect((await call(cookie, { method: 'POST', url: '/api/me/org', payload: { code: '999001001000' } })).statusCode).toBe(200);
    // reads are not checked: a link from elsewhere still opens the page
    expect((await call(cookie, { method: 'GET', url: '/api/me', headers: { ...here, origin: 'http://evil.example' } })).statusCode).toBe(200);
  });
});
