import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './test/cli.ts';

// a fresh clone has no web/dist: `fazhi serve` builds the pages before it listens instead of answering 404 for each
describe.skipIf(process.env['TEST_DATABASE_URL'])('fazhi serve on a checkout whose web app is not built', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-web-'));
  const dist = join(dir, 'dist');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the web app, a production bundle whatever NODE_ENV the server has, then serves its pages', async () => {
    expect(existsSync(join(dist, 'index.html'))).toBe(false);
    const server = await startServer(join(dir, 'data'), { FAZHI_WEB: undefined, FAZHI_WEB_DIST: dist, NODE_ENV: 'development' });
    try {
      expect(existsSync(join(dist, 'index.html'))).toBe(true);
      // antd's development warnings ("[antd: Alert] `message` is deprecated") exist only in a development bundle
      const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
      expect(assets.filter((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes('[antd: '))).toEqual([]);
      for (const path of ['/', '/public/disclosure']) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status, path).toBe(200);
        expect(await res.text()).toContain('<div id="root">');
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
