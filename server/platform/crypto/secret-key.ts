import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { keyFilePath, readKeyFile, writeKeyFile } from '../config/config.ts';
import type { Database } from '../db/schema.ts';
import { fieldCipher } from './sm.ts';

export const KEY_CHECK_SETTING = 'crypto.key_check';
const KEY_CHECK_LABEL = 'fazhi key check v1';
// the fixed key of a throwaway in-memory database without FAZHI_SECRET_KEY
const MEMORY_KEY = Buffer.alloc(32, 7);

/** a value that tells whether a key is the one the data was encrypted with, and reveals nothing of it */
export function keyCheck(key: Uint8Array): string {
  return createHmac('sm3', key).update(KEY_CHECK_LABEL).digest('hex');
}

/** the configured key does not fit the database, or there is none for a database that has encrypted data */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

export interface EncryptedColumn {
  table: string;
  column: string;
}

const WHERE_KEY = (dataDir: string): string => {
  const file = keyFilePath(dataDir);
  return file ? `环境变量 FAZHI_SECRET_KEY 或密钥文件 ${file}` : '环境变量 FAZHI_SECRET_KEY';
};

/**
 * settles the key at start: the configured one (FAZHI_SECRET_KEY, else the key file) must fit the database's key
 * check; a database without a check gets one, after a legacy ciphertext (if any) proved the key; a key is
 * generated only for a database that has no encrypted data
 */
export async function establishKey(db: Kysely<Database>, opts: { envKey: Buffer | undefined; dataDir: string; encrypted: EncryptedColumn[] }): Promise<{ key: Buffer; generated: boolean }> {
  const configured = opts.envKey ?? readKeyFile(opts.dataDir);
  const stored = await storedCheck(db);
  if (stored !== undefined) {
    if (!configured) throw new SecretKeyError(`数据库已登记加密密钥（密钥校验值），但找不到该密钥（${WHERE_KEY(opts.dataDir)}）。请设置原来的密钥（备份文件中含有密钥）；不会生成新密钥，以免已有加密数据无法解密。`);
    if (keyCheck(configured) !== stored) throw mismatch(opts);
    return { key: configured, generated: false };
  }
  const sample = await someCiphertext(db, opts.encrypted);
  if (sample !== undefined) {
    if (!configured) throw new SecretKeyError(`数据库中已有加密的个人信息，但找不到加密密钥（${WHERE_KEY(opts.dataDir)}）。请设置原来的密钥（备份文件中含有密钥）；不会生成新密钥，以免已有加密数据无法解密。`);
    try {
      fieldCipher(configured).decrypt(sample);
    } catch {
      throw mismatch(opts);
    }
  }
  const generated = !configured && keyFilePath(opts.dataDir) !== null;
  const key = configured ?? (generated ? randomBytes(32) : MEMORY_KEY);
  // the file first: a check recorded for a key that was never saved would lock the instance out
  if (generated) writeKeyFile(opts.dataDir, key);
  // servers starting together on a new PostgreSQL database: the first check written wins, the others are compared with it
  await db.insertInto('setting').values({ key: KEY_CHECK_SETTING, value: JSON.stringify(keyCheck(key)) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  if ((await storedCheck(db)) !== keyCheck(key)) throw mismatch(opts);
  return { key, generated };
}

/** records which key the database's data is encrypted with (restore: the backup's key) */
export async function recordKeyCheck(db: Kysely<Database>, key: Buffer): Promise<void> {
  const value = JSON.stringify(keyCheck(key));
  await db.insertInto('setting').values({ key: KEY_CHECK_SETTING, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

function mismatch(opts: { envKey: Buffer | undefined; dataDir: string }): SecretKeyError {
  const source = opts.envKey ? '环境变量 FAZHI_SECRET_KEY' : `密钥文件 ${keyFilePath(opts.dataDir) ?? ''}`;
  return new SecretKeyError(`加密密钥与数据库不符：${source} 中的密钥不是加密本库个人信息时所用的密钥，用它启动会使身份证号、电话等加密字段无法读取。请改用原来的密钥（备份文件中含有密钥）后再启动。`);
}

async function storedCheck(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', KEY_CHECK_SETTING).executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : undefined;
}

// a database from before the key check: one ciphertext is enough to prove or disprove the key
async function someCiphertext(db: Kysely<Database>, columns: EncryptedColumn[]): Promise<string | undefined> {
  const present = new Set(
    (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema()`.execute(db)).rows.map((r) => `${r.t}.${r.c}`),
  );
  for (const { table, column } of columns) {
    if (!present.has(`${table}.${column}`)) continue;
    const row = (await sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)} where ${sql.ref(column)} is not null and ${sql.ref(column)} <> '' limit 1`.execute(db)).rows[0];
    if (row) return row.v;
  }
  return undefined;
}
