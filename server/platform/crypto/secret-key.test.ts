import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../db/connect.ts';
import { establishKey, KEY_CHECK_SETTING, keyCheck, SecretKeyError } from './secret-key.ts';
import { fieldCipher } from './sm.ts';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const encrypted = [{ table: 'app_user', column: 'phone_enc' }];

describe('settling the encryption key against the database', () => {
  let h: DbHandle;
  const dirs: string[] = [];
  const dataDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'fazhi-key-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    h = await connect({ dataDir: 'memory://' });
    await sql`create table setting (key text primary key, value jsonb not null, updated_at timestamptz not null default now())`.execute(h.db);
    await sql`create table app_user (id serial primary key, phone_enc text)`.execute(h.db);
  });
  beforeEach(async () => {
    await sql`delete from setting`.execute(h.db);
    await sql`delete from app_user`.execute(h.db);
  });
  afterAll(async () => {
    await h.close();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  const storedCheck = async (): Promise<unknown> => (await h.db.selectFrom('setting').select('value').where('key', '=', KEY_CHECK_SETTING).executeTakeFirst())?.value;

  it('generates a key file (0600) for a database without encrypted data, and records its check', async () => {
    const dir = dataDir();
    const first = await establishKey(h.db, { envKey: undefined, dataDir: dir, encrypted });
    expect(first.generated).toBe(true);
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe(first.key.toString('hex'));
    expect(await storedCheck()).toBe(keyCheck(first.key));
    const again = await establishKey(h.db, { envKey: undefined, dataDir: dir, encrypted });
    expect(again).toEqual({ key: first.key, generated: false });
  });

  it('refuses a key that does not match the recorded check', async () => {
    await establishKey(h.db, { envKey: KEY_A, dataDir: dataDir(), encrypted });
    await expect(establishKey(h.db, { envKey: KEY_B, dataDir: dataDir(), encrypted })).rejects.toThrow(/加密密钥与数据库不符/);
  });

  it('refuses to generate a key for a database that has a check but no key', async () => {
    await establishKey(h.db, { envKey: KEY_A, dataDir: dataDir(), encrypted });
    const dir = dataDir();
    await expect(establishKey(h.db, { envKey: undefined, dataDir: dir, encrypted })).rejects.toThrow(SecretKeyError);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
  });

  it('proves the key of a database from before the check on its ciphertext, then records the check', async () => {
    await sql`insert into app_user (phone_enc) values (${fieldCipher(KEY_A).encrypt('13800138000')})`.execute(h.db);
    const dir = dataDir();
    await expect(establishKey(h.db, { envKey: undefined, dataDir: dir, encrypted })).rejects.toThrow(/已有加密的个人信息，但找不到加密密钥/);
    expect(existsSync(join(dir, 'secret.key'))).toBe(false);
    await expect(establishKey(h.db, { envKey: KEY_B, dataDir: dir, encrypted })).rejects.toThrow(/加密密钥与数据库不符/);
    expect(await storedCheck()).toBeUndefined();
    expect((await establishKey(h.db, { envKey: KEY_A, dataDir: dir, encrypted })).key).toEqual(KEY_A);
    expect(await storedCheck()).toBe(keyCheck(KEY_A));
  });
});
