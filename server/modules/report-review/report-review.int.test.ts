import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminModule } from '../../platform/admin.module.ts';
import { json, startTestApp, type TestApp } from '../../test/harness.ts';
import { reportReviewModule } from './report-review.module.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: [adminModule, reportReviewModule] });
});
afterAll(async () => t.close());

function multipart(files: Array<{ name: string; bytes: Buffer }>): { headers: Record<string, string>; payload: Buffer } {
  const boundary = '----fazhireview';
  const parts = files.flatMap((f) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${encodeURIComponent(f.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.bytes, Buffer.from('\r\n')]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]) };
}

describe('report review upload', () => {
  it('reviews several uploaded reports and compares their figures', async () => {
    const county = await t.login('county');
    const bad = Buffer.from('一、主要举措和成效\n全年共处理群众投诉967宗，其中来信来访70宗、上级交办32宗、网络问政15宗、12345热线904宗。\n', 'utf8');
    const good = readFileSync(new URL('./fixtures/000_a35e55ae514b7412.txt', import.meta.url));
    const res = await t.request(county, { method: 'POST', url: '/api/review', ...multipart([{ name: 'bad.txt', bytes: bad }, { name: 'xinglong.txt', bytes: good }]) });
    expect(res.statusCode).toBe(200);
    const body = json<{ files: Array<{ file: string; findings: Array<{ kind: string }>; figures: unknown[] }>; comparison: { files: string[] } }>(res);
    expect(body.files[0]?.findings.map((f) => f.kind)).toContain('parts_sum_mismatch');
    expect(body.files[1]?.findings.filter((f) => f.kind !== 'missing_section')).toEqual([]);
    expect(body.files[1]?.figures.length).toBeGreaterThan(15);
    expect(body.comparison.files.length).toBe(2);
  });
  it('is refused to a town clerk', async () => {
    const clerk = await t.login('clerk');
    expect((await t.request(clerk, { method: 'POST', url: '/api/review', ...multipart([{ name: 'a.txt', bytes: Buffer.from('x') }]) })).statusCode).toBe(403);
  });
});
