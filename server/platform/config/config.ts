import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseAllowedOrigins } from '../http/origin.ts';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  FAZHI_DATA: z.string().default('./data'),
  // 32-byte key for SM4 field encryption, hex; in production supply it from a secret store
  FAZHI_SECRET_KEY: z.string().regex(/^[0-9a-f]{64}$/i, 'FAZHI_SECRET_KEY 必须是64位十六进制').optional(),
  // 32-byte key for the audit chain's HMAC-SM3, hex; kept apart from the database (decision 0008)
  FAZHI_AUDIT_KEY: z.string().regex(/^[0-9a-f]{64}$/i, 'FAZHI_AUDIT_KEY 必须是64位十六进制').optional(),
  // the audit checkpoints' copy outside the database; default $FAZHI_DATA/audit-checkpoints.log
  FAZHI_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  FAZHI_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** how long a submission's Idempotency-Key and its stored answer are kept (retries within it are replayed) */
  FAZHI_IDEMPOTENCY_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  // absolute lifetime of a session whatever the activity (等保: sessions end; a working day plus overtime)
  SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(24 * 7).default(12),
  FAZHI_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .refine((v) => {
      try {
        parseAllowedOrigins(v);
        return true;
      } catch {
        return false;
      }
    }, 'FAZHI_ALLOWED_ORIGINS 须为逗号分隔的 http(s)://主机[:端口]'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FAZHI_SECURE_COOKIE: z.enum(['0', '1']).default('0'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secretKey: Buffer;
  auditKey: Buffer;
  /** null: an in-memory instance without FAZHI_AUDIT_ANCHOR_FILE keeps no anchor file */
  auditAnchorFile: string | null;
  auditCheckpointMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** how long an Idempotency-Key and the answer stored for it are kept */
  idempotencyHours: number;
  /** other sites whose pages may post to this one (besides the same host) */
  allowedOrigins: string[];
  logLevel: string;
  secureCookie: boolean;
}

/** the configuration before the key is settled: the key depends on what the database already holds (secret-key.ts) */
export type EnvConfig = Omit<Config, 'secretKey'> & { envSecretKey: Buffer | undefined };

export interface ConfigOverrides {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  port?: number | undefined;
  /** PGlite: start from a dump (test templates) */
  loadDataDir?: Blob | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): EnvConfig {
  const e = envSchema.parse(env);
  const dataDir = overrides.dataDir ?? e.FAZHI_DATA;
  return {
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    dataDir,
    envSecretKey: e.FAZHI_SECRET_KEY ? Buffer.from(e.FAZHI_SECRET_KEY, 'hex') : undefined,
    auditKey: e.FAZHI_AUDIT_KEY ? Buffer.from(e.FAZHI_AUDIT_KEY, 'hex') : auditKeyFile(dataDir),
    auditAnchorFile: e.FAZHI_AUDIT_ANCHOR_FILE ?? (dataDir.startsWith('memory://') ? null : join(dataDir, 'audit-checkpoints.log')),
    auditCheckpointMinutes: e.FAZHI_AUDIT_CHECKPOINT_MINUTES,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    idempotencyHours: e.FAZHI_IDEMPOTENCY_HOURS,
    allowedOrigins: parseAllowedOrigins(e.FAZHI_ALLOWED_ORIGINS),
    logLevel: e.LOG_LEVEL,
    secureCookie: e.FAZHI_SECURE_COOKIE === '1',
  };
}

/** where an instance without FAZHI_SECRET_KEY keeps its key; none for a throwaway in-memory database */
export function keyFilePath(dataDir: string): string | null {
  return dataDir.startsWith('memory://') ? null : join(dataDir, 'secret.key');
}

export function readKeyFile(dataDir: string): Buffer | undefined {
  const file = keyFilePath(dataDir);
  if (!file || !existsSync(file)) return undefined;
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`密钥文件 ${file} 不是64位十六进制，无法使用`);
  return Buffer.from(hex, 'hex');
}

/** writes a file only the owner can read, whatever the umask */
export function writeSecretFile(file: string, content: string | Buffer): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function writeKeyFile(dataDir: string, key: Buffer): string {
  const file = keyFilePath(dataDir);
  if (!file) throw new Error('内存数据库没有密钥文件');
  mkdirSync(dataDir, { recursive: true });
  writeSecretFile(file, key.toString('hex'));
  return file;
}

// the audit key is kept beside the data (never in the database), readable only by the owner (decision 0008)
function auditKeyFile(dataDir: string): Buffer {
  if (dataDir.startsWith('memory://')) return Buffer.alloc(32, 9);
  const file = join(dataDir, 'audit.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`审计密钥文件 ${file} 不是64位十六进制，无法使用`);
    return Buffer.from(hex, 'hex');
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeSecretFile(file, key.toString('hex'));
  return key;
}
