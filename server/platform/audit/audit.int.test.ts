import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { freshDatabase, json, preparedInstance, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('audit trail', () => {
  it('records a field-level diff of every write, with who and from where', async () => {
    const admin = await t.login('sysadmin');
    const orgs = json<{ items: Array<{ code: string; version: number; name: string }> }>(await t.request(admin, { method: 'GET', url: '/api/orgs' }));
    const town = orgs.items.find((o) => o.code === '999001003000');
    await t.request(admin, { method: 'PUT', url: '/api/orgs/999001003000', payload: { name: '石桥镇', sort: 12, version: town?.version } });
    const entry = await t.platform.db.selectFrom('audit_log').selectAll().where('entity', '=', 'org').where('entity_id', '=', '999001003000').where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe('sysadmin');
    expect(entry.ip).toBeTruthy();
    expect(entry.diff).toEqual({ name: { from: '石桥乡', to: '石桥镇' } });
  });

  it('refuses a stale edit with 409 instead of overwriting', async () => {
    const admin = await t.login('sysadmin');
    const res = await t.request(admin, { method: 'PUT', url: '/api/orgs/999001003000', payload: { name: '石桥乡', sort: 12, version: 1 } });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ code: 'stale_version' });
  });

  it('lets only the security auditor search the log', async () => {
    const auditor = await t.login('auditor');
    const res = json<{ items: Array<{ action: string; actor: string }>; total: number }>(await t.request(auditor, { method: 'GET', url: '/api/audit?entity=org&action=update' }));
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((i) => i.action === 'update')).toBe(true);
    expect((await t.request(await t.login('sysadmin'), { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it('names the first edited entry when the chain is verified', async () => {
    const auditor = await t.login('auditor');
    expect(json<{ ok: boolean }>(await t.request(auditor, { method: 'POST', url: '/api/audit/verify', payload: {} })).ok).toBe(true);
    const victim = await t.platform.db.selectFrom('audit_log').select('id').where('action', '=', 'update').orderBy('id').executeTakeFirstOrThrow();
    await sql`update audit_log set actor_name = 'someone' where id = ${victim.id}`.execute(t.platform.db);
    const res = json<{ ok: boolean; firstBad: { id: string } }>(await t.request(auditor, { method: 'POST', url: '/api/audit/verify', payload: {} }));
    expect(res.ok).toBe(false);
    expect(res.firstBad.id).toBe(String(victim.id));
  });
});

describe('CLI: audit verify, backup and restore', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('detects an edited row, and a backup restored into an empty instance is identical and still verifies', async () => {
    const base = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
    dirs.push(base);
    const source = await preparedInstance(join(base, 'a'));
    const target = await freshDatabase();
    const src = source.env;
    const dst = target ? { DATABASE_URL: target.url, FAZHI_SECRET_KEY: 'ab'.repeat(32) } : {};
    const srcArgs = source.args;
    const dstArgs = target ? [] : ['--data', join(base, 'b')];
    try {
      const ok = await runCli(['audit', 'verify', ...srcArgs], src);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/审计日志完整/);

      const file = join(base, 'backup.fzb');
      expect((await runCli(['backup', '--out', file, ...srcArgs], src)).code).toBe(0);
      const restored = await runCli(['restore', file, ...dstArgs], dst);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/核验通过/);
      expect((await runCli(['audit', 'verify', ...dstArgs], dst)).code).toBe(0);

      // tamper with the source: the CLI names the row
      const { connect } = await import('../db/connect.ts');
      const h = await connect(source.env.DATABASE_URL ? { databaseUrl: source.env.DATABASE_URL } : { dataDir: join(base, 'a') });
      const counts = async (db: typeof h.db): Promise<string> =>
        JSON.stringify((await sql<{ t: string; n: number }>`select 'org' as t, count(*)::int as n from org union all select 'app_user', count(*)::int from app_user union all select 'audit_log', count(*)::int from audit_log order by 1`.execute(db)).rows);
      const srcCounts = await counts(h.db);
      const row = await h.db.selectFrom('audit_log').select('id').orderBy('id').offset(3).limit(1).executeTakeFirstOrThrow();
      await sql`update audit_log set diff = '{"forged":true}'::jsonb where id = ${row.id}`.execute(h.db);
      await h.close();
      const bad = await runCli(['audit', 'verify', ...srcArgs], src);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(`第 ${row.id} 号`);

      const h2 = await connect(target ? { databaseUrl: target.url } : { dataDir: join(base, 'b') });
      expect(await counts(h2.db)).toBe(srcCounts);
      await h2.close();
    } finally {
      await source.drop();
      await target?.drop();
    }
  }, 600_000);
});
