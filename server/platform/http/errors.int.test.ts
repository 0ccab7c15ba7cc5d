import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('errors are problem+json with Chinese messages, never 500', () => {
  it('answers an unknown API route with 404 problem+json', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(json(res)).toMatchObject({ code: 'not_found', status: 404 });
  });
  it('answers malformed JSON with 400', async () => {
    const res = await t.request(null, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ code: 'malformed_body' });
  });
  it('answers a wrong content type with 415', async () => {
    const res = await t.request(null, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'username=a' });
    expect(res.statusCode).toBe(415);
    expect(json(res)).toMatchObject({ code: 'unsupported_media_type' });
  });
  it('answers an oversized body with 413', async () => {
    const res = await t.request(null, { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }) });
    expect(res.statusCode).toBe(413);
    expect(json(res)).toMatchObject({ code: 'payload_too_large' });
  });
  it('lists every bad field with its Chinese label, not just the first', async () => {
    const cookie = await t.login('sysadmin');
    const res = await t.request(cookie, { method: 'POST', url: '/api/users', payload: { username: '1', displayName: '', orgCode: '' } });
    expect(res.statusCode).toBe(400);
    const body = json<{ code: string; errors: Array<{ path: string; label: string; message: string }> }>(res);
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['displayName', 'initialPassword', 'orgCode', 'username']);
    expect(body.errors.find((e) => e.path === 'username')?.message).toMatch(/^用户名：/);
  });
  it('changes nothing when a request fails halfway', async () => {
    const cookie = await t.login('sysadmin');
    const before = await t.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // the org exists check passes, then the duplicate code fails inside the same transaction
    const res = await t.request(cookie, { method: 'POST', url: '/api/orgs', payload: { code: '999001001000', name: '重复的镇', kind: 'town', parentCode: '999001000000', sort: 0 } });
    expect(res.statusCode).toBe(409);
    const after = await t.platform.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
