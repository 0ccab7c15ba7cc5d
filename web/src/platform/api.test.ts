import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, onAuthProblem, SubmissionKey } from './api.ts';

const problem = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  onAuthProblem(null);
});

describe('buildUrl', () => {
  it('leaves out empty query values', () => {
    expect(buildUrl('/api/audit', { user: 'sysadmin', entity: '', page: 2, to: undefined })).toBe('/api/audit?user=sysadmin&page=2');
  });
});

describe('api', () => {
  it('throws an ApiError carrying the problem and its field errors', async () => {
    const body = { type: 't', title: '输入有误', status: 400, code: 'validation_failed', detail: '以下字段有误：用户名', errors: [{ path: 'username', label: '用户名', message: '用户名：必填' }] };
    vi.stubGlobal('fetch', vi.fn(async () => problem(400, body)));
    const error = await api.post('/api/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).detail).toBe('以下字段有误：用户名');
    expect((error as ApiError).fieldErrors).toEqual(body.errors);
  });

  it('keeps the records a likely duplicate repeats', async () => {
    const duplicates = [{ id: 7, title: '罚字〔2026〕3号 · 占道经营', on: '2026-12-01', matchedBy: ['统一社会信用代码', '登记（检查）日期'] }];
    vi.stubGlobal('fetch', vi.fn(async () => problem(409, { type: 't', title: '可能重复', status: 409, code: 'possible_duplicate', detail: '可能重复：…', duplicates })));
    const error = (await api.post('/api/ledgers/enforcement.case', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('possible_duplicate');
    expect(error.problem.duplicates).toEqual(duplicates);
  });

  it('hands session problems to the shell, but not when asked to stay quiet', async () => {
    const seen: string[] = [];
    onAuthProblem((e) => seen.push(e.code));
    vi.stubGlobal('fetch', vi.fn(async () => problem(401, { title: '登录已过期', status: 401, code: 'session_expired', detail: '超过30分钟未操作，请重新登录' })));
    await api.get('/api/me').catch(() => undefined);
    await api.post('/api/auth/login', {}, { quietAuth: true }).catch(() => undefined);
    expect(seen).toEqual(['session_expired']);
  });

  it('reports an answer that is not problem+json in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })));
    const error = (await api.get('/api/home').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.detail).toBe('服务器返回错误（502），请稍后重试');
  });
});

describe('SubmissionKey', () => {
  it('reuses the key for a retry of the same submission and draws a new one after a success or a change', () => {
    const s = new SubmissionKey();
    const first = s.for({ name: '甲' });
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(s.for({ name: '甲' })).toBe(first);
    const changed = s.for({ name: '乙' });
    expect(changed).not.toBe(first);
    s.done();
    expect(s.for({ name: '乙' })).not.toBe(changed);
  });
  it('sends the key as the Idempotency-Key header', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await api.post('/api/x', { a: 1 }, { idempotencyKey: 'abcdefgh-1234' });
    expect((fetch.mock.calls[0]?.[1]?.headers as Record<string, string>)['idempotency-key']).toBe('abcdefgh-1234');
  });
});
