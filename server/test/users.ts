import { expect } from 'vitest';
import { hashPassword } from '../platform/auth/password.ts';
import { json, type TestApp } from './harness.ts';

/** the password of the accounts tests make (the demo's own accounts use DEMO_PASSWORD) */
export const TEST_PASSWORD = 'Fanwei#Juese26';

/**
 * an account made by the system administrator, given roles by the security administrator, its first-login password
 * change done, signed in: how a county adds a clerk of a unit the demo has no account in
 */
export async function newUser(t: TestApp, username: string, orgCode: string, roleCodes: string[]): Promise<{ id: number; cookie: string }> {
  const res = await t.request(await t.login('sysadmin'), { method: 'POST', url: '/api/users', payload: { username, displayName: '测试人员', orgCode, initialPassword: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const id = json<{ user: { id: number } }>(res).user.id;
  const set = await t.request(await t.login('secadmin'), { method: 'PUT', url: `/api/users/${id}/roles`, payload: { roles: roleCodes } });
  expect(set.statusCode, set.body).toBe(200);
  await t.platform.db.updateTable('app_user').set({ password_hash: await hashPassword(TEST_PASSWORD), must_change_password: false }).where('id', '=', id).execute();
  return { id, cookie: await t.login(username, TEST_PASSWORD) };
}
