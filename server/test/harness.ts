import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { DEMO_PASSWORD } from '../demo/demo-county.ts';
import { modules as allModules } from '../modules/index.ts';
import { startPlatform } from '../platform/bootstrap.ts';
import type { Api } from '../platform/http/route.ts';
import type { ModuleDefinition, Platform } from '../platform/module.ts';

export interface TestApp {
  app: FastifyInstance;
  api: Api;
  platform: Platform;
  databaseUrl: string | undefined;
  /** logs a demo user in and returns the cookie header for later requests */
  login(username: string, password?: string): Promise<string>;
  request(cookie: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * a fresh instance with the demo county: PGlite in memory by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (one database per test file, dropped afterwards)
 */
export async function startTestApp(opts: { modules?: ModuleDefinition[]; demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const created = await freshDatabase();
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', FAZHI_SECRET_KEY: 'ab'.repeat(32), ...opts.env };
  delete env['DATABASE_URL'];
  const { platform, handle } = await startPlatform(opts.modules ?? allModules, { dataDir: created ? undefined : 'memory://', databaseUrl: created?.url }, env);
  if (opts.demo !== false) await seedDemo(platform);
  const { app, api } = await buildApp(platform, { logger: false });
  await app.ready();
  const request = (cookie: string | null, o: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(cookie ? { cookie } : {}) } });
  return {
    app,
    api,
    platform,
    databaseUrl: created?.url,
    request,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'fazhi_session');
      if (!c) throw new Error('no session cookie');
      return `fazhi_session=${c.value}`;
    },
    async close() {
      await app.close();
      await handle.close();
      await created?.drop();
    },
  };
}

export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin) return null;
  const name = `fazhi_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
