import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules/index.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';

// every ledger's export, read back through the import's dry run by the same user, is recognised row by row as the
// records it came from: names in link columns, Beijing dates, multiple choices holding 顿号 and spaces, and — for a
// user who sees personal data masked and names redacted — the masked cells, all stand for what is stored
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules });
});
afterAll(async () => t.close());

async function dryRun(base: string, cookie: string, bytes: Buffer) {
  const boundary = '----fazhi';
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.request(cookie, { method: 'POST', url: `${base}/import?mode=check`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

describe('an export read back unchanged', () => {
  for (const user of ['clerk', 'county']) {
    it(`is every record it came from, for every ledger the ${user} may export and import`, async () => {
      const cookie = await t.login(user);
      let checked = 0;
      for (const l of t.platform.ledgers.all()) {
        const base = `/api/ledgers/${l.name}`;
        const exported = await t.request(cookie, { method: 'GET', url: `${base}/export.xlsx` });
        if (exported.statusCode === 403) continue;
        expect(exported.statusCode, `${l.name} export`).toBe(200);
        const check = await dryRun(base, cookie, exported.rawPayload);
        if (check.statusCode === 403) continue;
        if (check.statusCode === 400 && check.body.includes('没有数据行')) continue;
        expect(check.statusCode, `${l.name}: ${check.body.slice(0, 300)}`).toBe(200);
        const report = json<{ total: number; unchanged: number; errors: unknown[] }>(check);
        expect(report.errors, l.name).toEqual([]);
        expect(report.unchanged, l.name).toBe(report.total);
        checked++;
      }
      expect(checked).toBeGreaterThan(15);
    }, 600_000);
  }
});
