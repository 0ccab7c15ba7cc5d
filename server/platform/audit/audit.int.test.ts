import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { TEST_AUDIT_KEY } from '../../test/global-setup.ts';
import { freshDatabase, json, preparedInstance, startTestApp, type TestApp } from '../../test/harness.ts';
import { anchorConfig, recordCheckpoint, type AuditVerifyResult } from './audit-checkpoint.service.ts';
import { entryHash, GENESIS } from './audit.service.ts';

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
    const res = json<AuditVerifyResult>(await t.request(auditor, { method: 'POST', url: '/api/audit/verify', payload: {} }));
    expect(res.ok).toBe(false);
    expect(res.firstBad?.id).toBe(String(victim.id));
    expect(res.problem).toBe(`第${victim.id}号条目的校验码不符（条目被篡改或重算）`);
  });
});

describe('keyed chain and checkpoints', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  // each case tampers with its own instance; the anchor file sits in a directory of its own
  async function instance(): Promise<{ k: TestApp; anchorFile: string; verify(): Promise<AuditVerifyResult> }> {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-anchor-'));
    dirs.push(dir);
    const anchorFile = join(dir, 'audit-checkpoints.log');
    const k = await startTestApp({ env: { FAZHI_AUDIT_ANCHOR_FILE: anchorFile } });
    const auditor = await k.login('auditor');
    return { k, anchorFile, verify: async () => json<AuditVerifyResult>(await k.request(auditor, { method: 'POST', url: '/api/audit/verify', payload: {} })) };
  }
  const rename = async (k: TestApp, name: string): Promise<void> => {
    const admin = await k.login('sysadmin');
    const town = json<{ items: Array<{ code: string; version: number }> }>(await k.request(admin, { method: 'GET', url: '/api/orgs' })).items.find((o) => o.code === '999001003000');
    expect((await k.request(admin, { method: 'PUT', url: '/api/orgs/999001003000', payload: { name, sort: 12, version: town?.version } })).statusCode).toBe(200);
  };

  it('names an edited entry whose later hashes were all recomputed without the key', async () => {
    const { k, verify } = await instance();
    try {
      const db = k.platform.db;
      const tail = await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(6).execute();
      const rows = tail.reverse();
      const victim = rows[1]!;
      // the forger knows the rule (SM3 over prev + entry) but not the key
      let prev = rows[0]!.hash;
      for (const r of rows.slice(1)) {
        const diff = r.id === victim.id ? { forged: true } : r.diff;
        const hash = entryHash(prev, { ...r, diff, at: new Date(r.at) }, null);
        await sql`update audit_log set diff = ${JSON.stringify(diff)}::jsonb, prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`.execute(db);
        prev = hash;
      }
      const res = await verify();
      expect(res.ok).toBe(false);
      expect(res.problem).toBe(`第${victim.id}号条目的校验码不符（条目被篡改或重算）`);
      // marking the recomputed entries as the old unkeyed kind does not help either
      await sql`update audit_log set alg = 'sm3' where id >= ${victim.id}`.execute(db);
      expect((await verify()).firstBad?.id).toBe(String(victim.id));
    } finally {
      await k.close();
    }
  });

  it('names the checkpoint whose entries were deleted from the end of the log', async () => {
    const { k, verify } = await instance();
    try {
      const anchor = anchorConfig(k.platform.config);
      const first = await recordCheckpoint(k.platform.db, anchor, 'interval');
      await rename(k, '石桥镇');
      const second = await recordCheckpoint(k.platform.db, anchor, 'interval');
      expect(Number(second?.lastId)).toBeGreaterThan(Number(first?.lastId));
      expect((await verify()).ok).toBe(true);
      await k.platform.db.deleteFrom('audit_log').where('id', '>', first!.lastId).execute();
      const res = await verify();
      expect(res.ok).toBe(false);
      expect(res.truncated?.lastId).toBe(second?.lastId);
      expect(res.problem).toMatch(new RegExp(`^审计日志被截断：检查点（\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}，第${second?.lastId}号条目）之后的条目缺失`));
    } finally {
      await k.close();
    }
  });

  it('detects the whole log and every database checkpoint deleted, through the anchor file or the exported checkpoints', async () => {
    const { k, anchorFile, verify } = await instance();
    try {
      const auditor = await k.login('auditor');
      const exported = await k.request(auditor, { method: 'POST', url: '/api/audit/checkpoints/export', payload: {} });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toMatch(/attachment; filename="audit-checkpoints-.*\.jsonl"/);
      const lines = exported.body.trim().split('\n').map((l) => JSON.parse(l) as { lastId: string; count: number; reason: string; mac: string });
      expect(lines.at(-1)).toMatchObject({ reason: 'export' });
      expect(lines.at(-1)?.count).toBeGreaterThan(0);
      // the export itself is on record, before the head it anchors
      const logged = await k.platform.db.selectFrom('audit_log').select('id').where('action', '=', 'export_checkpoints').executeTakeFirstOrThrow();
      expect(Number(logged.id)).toBeLessThanOrEqual(Number(lines.at(-1)?.lastId));
      expect(statSync(anchorFile).mode & 0o777).toBe(0o600);

      await k.platform.db.deleteFrom('audit_log').execute();
      await k.platform.db.deleteFrom('audit_checkpoint').execute();
      const viaFile = await verify();
      expect(viaFile.ok).toBe(false);
      expect(viaFile.truncated?.where).toContain('锚定文件');
      expect(viaFile.problem).toContain('审计日志被截断');

      rmSync(anchorFile);
      expect((await verify()).ok).toBe(true);
      // the auditor uploads the file kept offline
      const boundary = 'fazhi-anchors';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="anchors.jsonl"\r\nContent-Type: application/octet-stream\r\n\r\n${exported.body}\r\n--${boundary}--\r\n`;
      const viaExport = json<AuditVerifyResult>(await k.request(auditor, { method: 'POST', url: '/api/audit/verify/anchors', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload }));
      expect(viaExport.ok).toBe(false);
      expect(viaExport.truncated?.lastId).toBe(lines.at(-1)?.lastId);
      expect(viaExport.truncated?.where).toBe('导出的检查点文件 anchors.jsonl 第' + String(lines.length) + '行');
      const clerk = await k.login('clerk');
      expect((await k.request(clerk, { method: 'POST', url: '/api/audit/verify/anchors', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload })).statusCode).toBe(403);
    } finally {
      await k.close();
    }
  });

  it('detects a forged checkpoint in the database and in the anchor file', async () => {
    const { k, anchorFile, verify } = await instance();
    try {
      const anchor = anchorConfig(k.platform.config);
      const real = await recordCheckpoint(k.platform.db, anchor, 'interval');
      expect((await verify()).ok).toBe(true);
      // a checkpoint claiming fewer entries, signed without the key
      await k.platform.db.insertInto('audit_checkpoint').values({ at: new Date().toISOString(), last_id: '1', hash: real!.hash, count: '1', reason: 'interval', mac: 'ab'.repeat(32) }).execute();
      const res = await verify();
      expect(res.ok).toBe(false);
      expect(res.forged?.where).toBe('数据库检查点表第2条');
      expect(res.problem).toMatch(/^检查点被伪造或损坏/);
      await k.platform.db.deleteFrom('audit_checkpoint').where('mac', '=', 'ab'.repeat(32)).execute();
      const line = JSON.parse(readFileSync(anchorFile, 'utf8').trim()) as Record<string, unknown>;
      writeFileSync(anchorFile, `${JSON.stringify({ ...line, count: 1 })}\n`, { flag: 'a' });
      expect((await verify()).forged?.where).toContain('第2行');
    } finally {
      await k.close();
    }
  });

  it('verifies a chain that began unkeyed and continues keyed, and still catches a rewrite of the unkeyed part', async () => {
    const { k, verify } = await instance();
    try {
      const db = k.platform.db;
      // an instance from before the keyed chain: three entries under the old rule
      await db.deleteFrom('audit_log').execute();
      let prev = GENESIS;
      for (let i = 1; i <= 3; i++) {
        const e = { at: new Date(Date.UTC(2026, 0, i)), actor_id: null, actor_name: 'system', ip: 'cli', org_code: null, entity: 'org', entity_id: String(i), action: 'create', diff: { n: i } };
        const hash = entryHash(prev, e, null);
        await db.insertInto('audit_log').values({ ...e, diff: JSON.stringify(e.diff), prev_hash: prev, hash, alg: 'sm3' }).execute();
        prev = hash;
      }
      await rename(k, '石桥镇');
      const algs = (await db.selectFrom('audit_log').select('alg').orderBy('id').execute()).map((r) => r.alg);
      expect(algs.slice(0, 3)).toEqual(['sm3', 'sm3', 'sm3']);
      expect(algs.slice(3).every((a) => a === 'hmac-sm3')).toBe(true);
      const ok = await verify();
      expect(ok.ok).toBe(true);
      expect(ok.checked).toBe(algs.length);

      // rewriting an old entry and its unkeyed successors breaks the first keyed entry, which covers the old head
      const old = await db.selectFrom('audit_log').selectAll().where('alg', '=', 'sm3').orderBy('id').execute();
      let p = old[0]!.hash;
      for (const r of old.slice(1)) {
        const diff = { n: 99 };
        const hash = entryHash(p, { ...r, diff, at: new Date(r.at) }, null);
        await sql`update audit_log set diff = ${JSON.stringify(diff)}::jsonb, prev_hash = ${p}, hash = ${hash} where id = ${r.id}`.execute(db);
        p = hash;
      }
      const firstKeyed = await db.selectFrom('audit_log').select('id').where('alg', '=', 'hmac-sm3').orderBy('id').executeTakeFirstOrThrow();
      const bad = await verify();
      expect(bad.ok).toBe(false);
      expect(bad.firstBad?.id).toBe(String(firstKeyed.id));
    } finally {
      await k.close();
    }
  });

  it('lets only the security auditor list and export the checkpoints', async () => {
    const { k } = await instance();
    try {
      await recordCheckpoint(k.platform.db, anchorConfig(k.platform.config), 'start');
      const auditor = await k.login('auditor');
      const list = json<{ items: Array<{ lastId: string; count: number; reason: string; mac: string }> }>(await k.request(auditor, { method: 'GET', url: '/api/audit/checkpoints' }));
      expect(list.items[0]).toMatchObject({ reason: 'start' });
      expect(list.items[0]?.mac).toMatch(/^[0-9a-f]{64}$/);
      for (const who of ['clerk', 'sysadmin']) {
        const cookie = await k.login(who);
        expect((await k.request(cookie, { method: 'GET', url: '/api/audit/checkpoints' })).statusCode).toBe(403);
        expect((await k.request(cookie, { method: 'POST', url: '/api/audit/checkpoints/export', payload: {} })).statusCode).toBe(403);
      }
    } finally {
      await k.close();
    }
  });
});

describe('CLI: audit verify, checkpoints, backup and restore', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('exports checkpoints, detects an edited row and a deleted log, and a backup restored into an empty instance is identical and still verifies', async () => {
    const base = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
    dirs.push(base);
    const source = await preparedInstance(join(base, 'a'));
    const target = await freshDatabase();
    const src = source.env;
    const dst = target ? { DATABASE_URL: target.url, FAZHI_SECRET_KEY: 'ab'.repeat(32), FAZHI_AUDIT_KEY: TEST_AUDIT_KEY, FAZHI_AUDIT_ANCHOR_FILE: join(base, 'b', 'audit-checkpoints.log') } : {};
    const srcArgs = source.args;
    const dstArgs = target ? [] : ['--data', join(base, 'b')];
    const anchorFile = src.FAZHI_AUDIT_ANCHOR_FILE ?? join(base, 'a', 'audit-checkpoints.log');
    try {
      const ok = await runCli(['audit', 'verify', ...srcArgs], src);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/审计日志完整/);

      const anchors = join(base, 'anchors.jsonl');
      const exported = await runCli(['audit', 'checkpoints', '--out', anchors, ...srcArgs], src);
      expect(exported.code, exported.stderr).toBe(0);
      expect(statSync(anchors).mode & 0o777).toBe(0o600);
      const head = JSON.parse(readFileSync(anchors, 'utf8').trim().split('\n').at(-1) ?? '{}') as { lastId: string; count: number };
      expect(head.count).toBeGreaterThan(0);
      expect(readFileSync(anchorFile, 'utf8')).toContain(`"lastId":"${head.lastId}"`);
      expect((await runCli(['audit', 'checkpoints', ...srcArgs], src)).code).toBe(2);

      const file = join(base, 'backup.fzb');
      expect((await runCli(['backup', '--out', file, ...srcArgs], src)).code).toBe(0);
      const restored = await runCli(['restore', file, ...dstArgs], dst);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/核验通过（\d+ 条，1 个检查点）/);
      // the restored instance verifies with the audit key the backup carried
      if (!target) expect(readFileSync(join(base, 'b', 'audit.key'), 'utf8')).toBe(TEST_AUDIT_KEY);
      if (!target) expect(statSync(join(base, 'b', 'audit.key')).mode & 0o777).toBe(0o600);
      expect((await runCli(['audit', 'verify', '--anchors', anchors, ...dstArgs], dst)).code).toBe(0);

      // tamper with the source: the CLI names the row
      const { connect } = await import('../db/connect.ts');
      const open = (): ReturnType<typeof connect> => connect(source.env.DATABASE_URL ? { databaseUrl: source.env.DATABASE_URL } : { dataDir: join(base, 'a') });
      const h = await open();
      const counts = async (db: typeof h.db): Promise<string> =>
        JSON.stringify((await sql<{ t: string; n: number }>`select 'org' as t, count(*)::int as n from org union all select 'app_user', count(*)::int from app_user union all select 'audit_log', count(*)::int from audit_log union all select 'audit_checkpoint', count(*)::int from audit_checkpoint order by 1`.execute(db)).rows);
      const srcCounts = await counts(h.db);
      const row = await h.db.selectFrom('audit_log').select('id').orderBy('id').offset(3).limit(1).executeTakeFirstOrThrow();
      await sql`update audit_log set diff = '{"forged":true}'::jsonb where id = ${row.id}`.execute(h.db);
      await h.close();
      const bad = await runCli(['audit', 'verify', ...srcArgs], src);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(`第${row.id}号条目的校验码不符（条目被篡改或重算）`);

      // the whole log and the database's checkpoints deleted: the anchor file, then the auditor's export, still know
      const h3 = await open();
      await h3.db.deleteFrom('audit_log').execute();
      await h3.db.deleteFrom('audit_checkpoint').execute();
      await h3.close();
      const gone = await runCli(['audit', 'verify', ...srcArgs], src);
      expect(gone.code).toBe(1);
      expect(gone.stdout).toContain(`审计日志被截断：检查点（`);
      expect(gone.stdout).toContain(`第${head.lastId}号条目）之后的条目缺失`);
      rmSync(anchorFile);
      expect((await runCli(['audit', 'verify', ...srcArgs], src)).code).toBe(0);
      const withExport = await runCli(['audit', 'verify', '--anchors', anchors, ...srcArgs], src);
      expect(withExport.code).toBe(1);
      expect(withExport.stdout).toContain(`第${head.lastId}号条目）之后的条目缺失`);
      expect(withExport.stdout).toContain('导出的检查点文件');

      const h2 = await connect(target ? { databaseUrl: target.url } : { dataDir: join(base, 'b') });
      expect(await counts(h2.db)).toBe(srcCounts);
      await h2.close();
      expect(existsSync(anchors)).toBe(true);
    } finally {
      await source.drop();
      await target?.drop();
    }
  }, 600_000);

  it('anchors the chain head when the server starts and when it shuts down', async () => {
    const base = mkdtempSync(join(tmpdir(), 'fazhi-serve-'));
    dirs.push(base);
    const source = await preparedInstance(join(base, 'a'));
    const anchorFile = source.env.FAZHI_AUDIT_ANCHOR_FILE ?? join(base, 'a', 'audit-checkpoints.log');
    try {
      const main = fileURLToPath(new URL('../../main.ts', import.meta.url));
      const child = spawn(process.execPath, [main, 'serve', '--port', '0', ...source.args], { env: { ...process.env, LOG_LEVEL: 'silent', ...source.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('法治平台已启动')) resolve();
        });
        void exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
      });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const reasons = readFileSync(anchorFile, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { reason: string }).reason);
      expect(reasons).toEqual(['start', 'stop']);
      const verified = await runCli(['audit', 'verify', ...source.args], source.env);
      // each checkpoint is in the database and in the anchor file
      expect(verified.stdout).toContain('4 个检查点均吻合');
    } finally {
      await source.drop();
    }
  }, 600_000);
});
