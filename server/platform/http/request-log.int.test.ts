import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { petitionsModule } from '../../modules/petitions/petitions.module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { adminModule } from '../admin.module.ts';
import { LOG_REDACT } from '../bootstrap.ts';
import type { Platform } from '../module.ts';

// the request log: one line per request, and never the search words (a petitioner's name, phone or 身份证号) that a
// list's query string carries
let t: TestApp;
const lines: Array<Record<string, unknown>> = [];
let logged: Awaited<ReturnType<typeof buildApp>>['app'];

beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, petitionsModule] });
  const log = pino({ level: 'info', redact: LOG_REDACT }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
  ({ app: logged } = await buildApp({ ...t.platform, log } as Platform));
  await logged.ready();
});
afterAll(async () => {
  await logged?.close();
  await t.close();
});

describe('the request log', () => {
  it('writes one line per request with the path, the names of the query parameters, the status and the time, and no search words', async () => {
    const cookie = await t.login('county');
    lines.length = 0;
    const searches = ['李桂兰', '13812345678', '110101195803120025'];
    for (const q of searches) {
      const res = await logged.inject({ method: 'GET', url: `/api/ledgers/petitions.case?q=${encodeURIComponent(q)}&pageSize=20`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
    }
    // an unknown address and a refused request carry the words too
    expect((await logged.inject({ method: 'GET', url: `/api/nothing-here?q=${encodeURIComponent(searches[0] as string)}`, headers: { cookie } })).statusCode).toBe(404);
    expect((await logged.inject({ method: 'GET', url: `/api/ledgers/petitions.case?q=${encodeURIComponent(searches[0] as string)}` })).statusCode).toBe(401);
    const requests = lines.filter((l) => l['msg'] === 'request');
    expect(requests).toHaveLength(5);
    expect(requests.map((l) => l['status'])).toEqual([200, 200, 200, 404, 401]);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/ledgers/petitions.case', query: ['q', 'pageSize'], status: 200 });
    expect(typeof requests[0]?.['ms']).toBe('number');
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    for (const q of searches) {
      expect(text).not.toContain(q);
      expect(text).not.toContain(encodeURIComponent(q));
    }
    expect(text).not.toContain('fazhi_session');
  });
});
