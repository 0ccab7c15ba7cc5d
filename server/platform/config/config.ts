import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** other sites whose pages may post to this one (besides the same host) */
  allowedOrigins: string[];
  logLevel: string;
  secureCookie: boolean;
}

export interface ConfigOverrides {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  port?: number | undefined;
  /** PGlite: start from a dump (test templates) */
  loadDataDir?: Blob | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const e = envSchema.parse(env);
  const dataDir = overrides.dataDir ?? e.FAZHI_DATA;
  return {
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    dataDir,
    secretKey: e.FAZHI_SECRET_KEY ? Buffer.from(e.FAZHI_SECRET_KEY, 'hex') : fileKey(dataDir),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    allowedOrigins: parseAllowedOrigins(e.FAZHI_ALLOWED_ORIGINS),
    logLevel: e.LOG_LEVEL,
    secureCookie: e.FAZHI_SECURE_COOKIE === '1',
  };
}

// the embedded instance keeps its key beside its data, readable only by the owner
function fileKey(dataDir: string): Buffer {
  if (dataDir.startsWith('memory://')) return Buffer.alloc(32, 7);
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
