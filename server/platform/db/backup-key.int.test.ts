import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-county.ts';
import { modules } from '../../modules/index.ts';
import { runCli } from '../../test/cli.ts';
import { TEST_SECRET_KEY } from '../../test/global-setup.ts';
import { freshDatabase, preparedInstance } from '../../test/harness.ts';
import { startPlatform } from '../bootstrap.ts';

const PHONE = '13800138000';
const pgAdmin = process.env['TEST_DATABASE_URL'];

/** an instance as the CLI sees it: its arguments and environment (no inherited database or key) */
interface Instance {
  args: string[];
  env: Record<string, string | undefined>;
}

const embedded = (dir: string, key?: string): Instance => ({ args: ['--data', dir], env: { DATABASE_URL: undefined, FAZHI_SECRET_KEY: key } });
const postgres = (url: string, dataDir: string, key?: string): Instance => ({ args: [], env: { DATABASE_URL: url, FAZHI_DATA: dataDir, FAZHI_SECRET_KEY: key } });

/** starts the instance in this process as `serve` would and reads the clerk's phone through the API as the system administrator */
async function clerkPhoneViaApi(i: Instance): Promise<string | null> {
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', ...i.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const dataDir = i.args[1];
  const { platform, handle } = await startPlatform(modules, dataDir ? { dataDir } : { databaseUrl: i.env['DATABASE_URL'], dataDir: i.env['FAZHI_DATA'] }, env);
  try {
    const { app } = await buildApp(platform, { logger: false });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sysadmin', password: DEMO_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'fazhi_session');
    const res = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: `fazhi_session=${cookie?.value ?? ''}` } });
    await app.close();
    expect(res.statusCode).toBe(200);
    return (JSON.parse(res.body) as { items: Array<{ username: string; phone: string | null }> }).items.find((u) => u.username === 'clerk')?.phone ?? null;
  } finally {
    await handle.close();
  }
}

async function restoreInto(file: string, target: Instance): Promise<void> {
  const r = await runCli(['restore', file, ...target.args], target.env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/核验通过/);
}

async function backupOf(source: Instance, file: string): Promise<void> {
  const r = await runCli(['backup', '--out', file, ...source.args], source.env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  // the file holds the key
  expect(statSync(file).mode & 0o777).toBe(0o600);
}

describe('backup and restore carry the encryption key', () => {
  const base = mkdtempSync(join(tmpdir(), 'fazhi-backup-key-'));
  const drops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of drops) await d();
    rmSync(base, { recursive: true, force: true });
  });

  // the source holds an encrypted phone number; its backup is restored into each kind of instance and read back
  let sourceBackup = '';
  const source = async (): Promise<string> => {
    if (sourceBackup) return sourceBackup;
    const prepared = await preparedInstance(join(base, 'source'));
    drops.push(prepared.drop);
    const src: Instance = { args: prepared.args, env: { DATABASE_URL: undefined, FAZHI_SECRET_KEY: undefined, ...prepared.env } };
    const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', FAZHI_SECRET_KEY: TEST_SECRET_KEY };
    delete env['DATABASE_URL'];
    const { platform, handle } = await startPlatform(modules, prepared.env['DATABASE_URL'] ? { databaseUrl: prepared.env['DATABASE_URL'] } : { dataDir: prepared.args[1] }, env);
    await sql`update app_user set phone_enc = ${platform.cipher.encrypt(PHONE)} where username = 'clerk'`.execute(platform.db);
    await handle.close();
    expect(await clerkPhoneViaApi(src)).toBe(PHONE);
    sourceBackup = join(base, 'source.fzb');
    await backupOf(src, sourceBackup);
    return sourceBackup;
  };

  it('restores into an empty embedded directory whose key file is the backup\'s, and the phone decrypts', async () => {
    const file = await source();
    const dir = join(base, 'to-embedded');
    await restoreInto(file, embedded(dir));
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe(TEST_SECRET_KEY);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(await clerkPhoneViaApi(embedded(dir))).toBe(PHONE);
  }, 600_000);

  it('refuses to start with a key that is not the data\'s, and never generates one for encrypted data', async () => {
    const dir = join(base, 'to-embedded');
    if (!existsSync(join(dir, 'pgdata'))) await restoreInto(await source(), embedded(dir));
    const wrong = await runCli(['migrate', '--data', dir], { DATABASE_URL: undefined, FAZHI_SECRET_KEY: 'cd'.repeat(32) });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/加密密钥与数据库不符/);
    rmSync(join(dir, 'secret.key'));
    const missing = await runCli(['migrate', '--data', dir], { DATABASE_URL: undefined, FAZHI_SECRET_KEY: undefined });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/找不到该密钥/);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
  }, 600_000);

  it.skipIf(!pgAdmin)('PostgreSQL → PostgreSQL without FAZHI_SECRET_KEY: the restore writes the key file the next start reads', async () => {
    const file = await source();
    const db = await freshDatabase();
    if (!db) throw new Error('TEST_DATABASE_URL is set but no database was created');
    drops.push(db.drop);
    const target = postgres(db.url, join(base, 'pg-data'));
    await restoreInto(file, target);
    expect(readFileSync(join(base, 'pg-data', 'secret.key'), 'utf8')).toBe(TEST_SECRET_KEY);
    expect(statSync(join(base, 'pg-data', 'secret.key')).mode & 0o777).toBe(0o600);
    expect(await clerkPhoneViaApi(target)).toBe(PHONE);
    // the key file of another instance is refused by the key check
    const other = await runCli(['migrate'], postgres(db.url, join(base, 'other-data'), 'cd'.repeat(32)).env);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/加密密钥与数据库不符/);
    expect(existsSync(join(base, 'other-data', 'secret.key'))).toBe(false);
  }, 600_000);

  it.skipIf(!pgAdmin)('PostgreSQL ↔ embedded both ways, with FAZHI_SECRET_KEY on the PostgreSQL side', async () => {
    const file = await source();
    const dir = join(base, 'pg-to-embedded');
    await restoreInto(file, embedded(dir));
    expect(await clerkPhoneViaApi(embedded(dir))).toBe(PHONE);
    const back = join(base, 'embedded.fzb');
    await backupOf(embedded(dir), back);
    const db = await freshDatabase();
    if (!db) throw new Error('TEST_DATABASE_URL is set but no database was created');
    drops.push(db.drop);
    // a different FAZHI_SECRET_KEY is refused before anything is written
    const refused = await runCli(['restore', back], postgres(db.url, join(base, 'pg2-data'), 'cd'.repeat(32)).env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/FAZHI_SECRET_KEY 与备份中的密钥不同/);
    const target = postgres(db.url, join(base, 'pg2-data'), TEST_SECRET_KEY);
    await restoreInto(back, target);
    expect(await clerkPhoneViaApi(target)).toBe(PHONE);
  }, 600_000);
});
