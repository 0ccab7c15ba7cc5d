import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { json, preparedInstance, startTestApp, type TestApp } from '../../test/harness.ts';
import { syncRoles } from '../bootstrap.ts';
import { connect } from '../db/connect.ts';
import { verifyPassword } from './password.ts';

let t: TestApp;
let sys: string;
let sec: string;
const ids = new Map<string, number>();
beforeAll(async () => {
  t = await startTestApp();
  sys = await t.login('sysadmin');
  sec = await t.login('secadmin');
  for (const u of json<{ items: Array<{ id: number; username: string }> }>(await t.request(sys, { method: 'GET', url: '/api/users' })).items) ids.set(u.username, u.id);
});
afterAll(async () => t.close());

const STRONG = 'Tq7#mVx2Lp';
type Role = { code: string; permissions: string[]; version: number };
const rolesNow = async (): Promise<Role[]> => json<{ items: Role[] }>(await t.request(sec, { method: 'GET', url: '/api/roles' })).items;
const role = async (code: string): Promise<Role> => {
  const r = (await rolesNow()).find((x) => x.code === code);
  if (!r) throw new Error(`no role ${code}`);
  return r;
};
const refusals = async (): Promise<Array<{ actor_name: string; entity: string; entity_id: string; action: string; diff: unknown }>> =>
  t.platform.db.selectFrom('audit_log').select(['actor_name', 'entity', 'entity_id', 'action', 'diff']).where('action', 'like', 'refused_%').orderBy('id').execute();

/** sends the request and checks the refusal: 403, a Chinese message, nothing changed, one new audit entry */
async function expectRefused(cookie: string, req: { method: 'POST' | 'PUT'; url: string; payload: Record<string, unknown> }, action: string): Promise<{ detail: string; diff: unknown }> {
  const before = (await refusals()).length;
  const res = await t.request(cookie, req);
  expect(res.statusCode, res.body).toBe(403);
  const body = json<{ detail: string }>(res);
  expect(body.detail).toMatch(/[\u4e00-\u9fa5]/);
  expect(res.body).not.toMatch(/password"\s*:\s*"(?!\*)/i);
  const after = await refusals();
  expect(after.length).toBe(before + 1);
  const last = after[after.length - 1];
  expect(last?.action).toBe(action);
  return { detail: body.detail, diff: last?.diff };
}

describe('三员: the three administrator roles cannot be widened, mixed or taken over', () => {
  it('refuses the security administrator granting itself audit.read, user.manage or a business permission', async () => {
    for (const p of ['audit.read', 'user.manage', 'report.read']) {
      const r = await role('secadmin');
      const { detail } = await expectRefused(sec, { method: 'PUT', url: '/api/roles/secadmin', payload: { permissions: [...r.permissions, p], version: r.version } }, 'refused_sanyuan');
      expect(detail).toMatch(/固定/);
    }
    expect((await role('secadmin')).permissions).toEqual(['role.manage']);
    // the roles page is told which roles are fixed and which permissions are 三员-only
    const list = json<{ items: Array<{ code: string; fixed: boolean }>; permissions: Array<{ code: string; adminOnly: boolean }> }>(await t.request(sec, { method: 'GET', url: '/api/roles' }));
    expect(list.items.filter((r) => r.fixed).map((r) => r.code).sort()).toEqual(['auditor', 'secadmin', 'sysadmin']);
    expect(list.permissions.filter((p) => p.adminOnly).map((p) => p.code).sort()).toEqual(['audit.read', 'calendar.manage', 'config.manage', 'org.manage', 'role.manage', 'session.manage', 'user.manage']);
    // and the permission is not there: the audit log stays closed to the security administrator
    expect((await t.request(await t.login('secadmin'), { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it('refuses the security administrator giving the clerk role audit.read or user.manage', async () => {
    for (const p of ['audit.read', 'user.manage', 'calendar.manage']) {
      const r = await role('clerk');
      const { detail, diff } = await expectRefused(sec, { method: 'PUT', url: '/api/roles/clerk', payload: { permissions: [...r.permissions, p], version: r.version } }, 'refused_sanyuan');
      expect(detail).toMatch(/三员专有权限/);
      expect(diff).toMatchObject({ role: 'clerk', adminOnly: [p] });
    }
    expect((await role('clerk')).permissions).not.toContain('audit.read');
    expect((await t.request(await t.login('clerk'), { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    // a business permission on a business role is still the security administrator's to change
    const clerk = await role('clerk');
    const less = clerk.permissions.filter((p) => p !== 'home.view');
    expect((await t.request(sec, { method: 'PUT', url: '/api/roles/clerk', payload: { permissions: less, version: clerk.version } })).statusCode).toBe(200);
    const back = await role('clerk');
    expect((await t.request(sec, { method: 'PUT', url: '/api/roles/clerk', payload: { permissions: [...back.permissions, 'home.view'], version: back.version } })).statusCode).toBe(200);
  });

  it('refuses a second role on the auditor, two 三员 roles on one account, and a 三员 role beside a business role', async () => {
    const auditor = ids.get('auditor');
    await expectRefused(sec, { method: 'PUT', url: `/api/users/${auditor}/roles`, payload: { roles: ['auditor', 'clerk'] } }, 'refused_sanyuan');
    await expectRefused(sec, { method: 'PUT', url: `/api/users/${auditor}/roles`, payload: { roles: ['secadmin'] } }, 'refused_sanyuan');
    const { detail } = await expectRefused(sec, { method: 'PUT', url: `/api/users/${ids.get('county')}/roles`, payload: { roles: ['sysadmin', 'auditor'] } }, 'refused_sanyuan');
    expect(detail).toMatch(/不同人员/);
    await expectRefused(sec, { method: 'PUT', url: `/api/users/${ids.get('county')}/roles`, payload: { roles: ['county_admin', 'auditor'] } }, 'refused_sanyuan');
    // the system administrator has no say over roles at all, and trying is recorded
    await expectRefused(sys, { method: 'PUT', url: `/api/users/${auditor}/roles`, payload: { roles: ['auditor', 'sysadmin'] } }, 'refused_permission');
    const roles = await t.platform.db.selectFrom('user_role').select('role_code').where('user_id', '=', auditor ?? -1).execute();
    expect(roles.map((r) => r.role_code)).toEqual(['auditor']);
  });

  it('refuses the system administrator resetting, disabling or editing the auditor, the security administrator or a system administrator', async () => {
    for (const name of ['auditor', 'secadmin', 'sysadmin']) {
      const id = ids.get(name);
      const u = json<{ version: number; displayName: string; orgCode: string }>(await t.request(sys, { method: 'GET', url: `/api/users/${id}` }));
      const reset = await expectRefused(sys, { method: 'POST', url: `/api/users/${id}/reset-password`, payload: { password: STRONG } }, 'refused_sanyuan');
      expect(reset.detail).toMatch(/命令行/);
      expect(reset.diff).toMatchObject({ tried: 'reset_password', target: name });
      await expectRefused(sys, { method: 'PUT', url: `/api/users/${id}`, payload: { displayName: u.displayName, orgCode: u.orgCode, status: 'disabled', version: u.version } }, 'refused_sanyuan');
      await expectRefused(sys, { method: 'PUT', url: `/api/users/${id}`, payload: { displayName: '改名', orgCode: u.orgCode, status: 'active', version: u.version } }, 'refused_sanyuan');
    }
    // the auditor's own password still works and nobody else's does
    expect((await t.request(null, { method: 'POST', url: '/api/auth/login', payload: { username: 'auditor', password: STRONG } })).statusCode).toBe(401);
    expect((await t.request(await t.login('auditor'), { method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
  });

  it('voids the password of an account that becomes 三员, so whoever set it cannot log in with it', async () => {
    const created = await t.request(sys, { method: 'POST', url: '/api/users', payload: { username: 'newaudit', displayName: '新审计员', orgCode: '999001000000', initialPassword: STRONG } });
    expect(created.statusCode).toBe(200);
    expect(created.body).not.toContain(STRONG);
    const id = json<{ user: { id: number } }>(created).user.id;
    expect((await t.request(sec, { method: 'PUT', url: `/api/users/${id}/roles`, payload: { roles: ['auditor'] } })).statusCode).toBe(200);
    expect((await t.request(null, { method: 'POST', url: '/api/auth/login', payload: { username: 'newaudit', password: STRONG } })).statusCode).toBe(401);
  });

  it('never returns a password: the administrator types it for a new account and for a reset, and the policy is applied at the field', async () => {
    const missing = await t.request(sys, { method: 'POST', url: '/api/users', payload: { username: 'nopass', displayName: '无密码', orgCode: '999001001000' } });
    expect(missing.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string }> }>(missing).errors.map((e) => e.path)).toContain('initialPassword');
    const weak = await t.request(sys, { method: 'POST', url: '/api/users', payload: { username: 'weakpass', displayName: '弱密码', orgCode: '999001001000', initialPassword: 'P@ssw0rd' } });
    expect(weak.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string; message: string }> }>(weak).errors).toEqual([expect.objectContaining({ path: 'initialPassword', message: expect.stringContaining('常见弱密码') })]);

    const clerk2 = ids.get('clerk2');
    const victim = await t.login('clerk2');
    const bad = await t.request(sys, { method: 'POST', url: `/api/users/${clerk2}/reset-password`, payload: { password: 'Admin@123' } });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: Array<{ path: string }> }>(bad).errors[0]?.path).toBe('password');
    const ok = await t.request(sys, { method: 'POST', url: `/api/users/${clerk2}/reset-password`, payload: { password: 'Qingxi#Temp26' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).not.toContain('Qingxi#Temp26');
    expect(ok.body).not.toMatch(/initialPassword|"password"/);
    expect(json<{ mustChangePassword: boolean }>(ok).mustChangePassword).toBe(true);
    expect((await t.request(victim, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const cookie = await t.login('clerk2', 'Qingxi#Temp26');
    expect(json<{ code: string }>(await t.request(cookie, { method: 'GET', url: '/api/home' })).code).toBe('password_change_required');
  });

  it('puts the fixed sets back at start-up and takes 三员-only and business permissions off the wrong roles', async () => {
    const db = t.platform.db;
    const since = (await db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
    await db.updateTable('role').set({ permissions: JSON.stringify(['audit.read', 'role.manage', 'report.read', 'user.manage']) }).where('code', '=', 'secadmin').execute();
    const clerk = await role('clerk');
    await db.updateTable('role').set({ permissions: JSON.stringify([...clerk.permissions, 'audit.read', 'session.manage']) }).where('code', '=', 'clerk').execute();
    await syncRoles(db, t.platform.permissions);
    expect((await role('secadmin')).permissions).toEqual(['role.manage']);
    expect((await role('clerk')).permissions).toEqual(clerk.permissions);
    expect((await role('auditor')).permissions).toEqual(['audit.read']);
    const enforced = await db.selectFrom('audit_log').select(['entity_id', 'diff']).where('action', '=', 'sanyuan_enforced').where('id', '>', since).orderBy('id').execute();
    expect(enforced.map((e) => e.entity_id).sort()).toEqual(['clerk', 'secadmin']);
  });
});

describe('fazhi user reset-password', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('gives a 三员 account a one-time password on the server console, to be changed at first login', async () => {
    const base = mkdtempSync(join(tmpdir(), 'fazhi-reset-'));
    dirs.push(base);
    const inst = await preparedInstance(join(base, 'a'));
    try {
      const r = await runCli(['user', 'reset-password', '--username', 'auditor', ...inst.args], inst.env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const password = /一次性密码：(\S+)/.exec(r.stdout)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(10);
      const handle = await connect(inst.env['DATABASE_URL'] ? { databaseUrl: inst.env['DATABASE_URL'] } : { dataDir: join(base, 'a') });
      try {
        const u = await handle.db.selectFrom('app_user').select(['id', 'password_hash', 'must_change_password']).where('username', '=', 'auditor').executeTakeFirstOrThrow();
        expect(await verifyPassword(u.password_hash, password)).toBe(true);
        expect(u.must_change_password).toBe(true);
        const entry = await handle.db.selectFrom('audit_log').select(['actor_name', 'ip', 'action', 'diff']).where('entity', '=', 'user').where('entity_id', '=', String(u.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
        expect(entry).toMatchObject({ actor_name: 'cli', ip: 'cli', action: 'password_reset', diff: { via: 'cli' } });
        expect(JSON.stringify(entry.diff)).not.toContain(password);
      } finally {
        await handle.close();
      }
      expect((await runCli(['user', 'reset-password', '--username', 'nobody', ...inst.args], inst.env)).code).toBe(1);
    } finally {
      await inst.drop();
    }
  });
});
