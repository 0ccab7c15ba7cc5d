import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../platform/db/connect.ts';
import { inject, type ProvidedContext } from 'vitest';
import { TEST_AUDIT_KEY, TEST_SECRET_KEY } from './global-setup.ts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { DEMO_PASSWORD } from '../demo/demo-county.ts';
import { modules as allModules } from '../modules/index.ts';
import { startPlatform } from '../platform/bootstrap.ts';
import type { Api } from '../platform/http/route.ts';
import type { ModuleDefinition, Platform } from '../platform/module.ts';
import { chinaDate } from '../platform/workflow/workflow.engine.ts';

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
  // the seeded template fits when the demo is wanted and "today" (possibly faked by the test) is the day it was seeded
  const tpl = opts.demo !== false ? template() : null;
  const created = await freshDatabase(tpl?.kind === 'postgres' ? tpl.database : undefined);
  // a PostgreSQL instance has no data directory of its own: its audit anchor file goes to a temporary one
  const anchorFile = created ? join(tmpdir(), `${new URL(created.url).pathname.slice(1)}-audit-checkpoints.log`) : undefined;
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', FAZHI_SECRET_KEY: TEST_SECRET_KEY, FAZHI_AUDIT_KEY: TEST_AUDIT_KEY, ...(anchorFile ? { FAZHI_AUDIT_ANCHOR_FILE: anchorFile } : {}), ...opts.env };
  delete env['DATABASE_URL'];
  const loadDataDir = tpl?.kind === 'pglite' && !created ? new Blob([readFileSync(tpl.file)]) : undefined;
  const { platform, handle } = await startPlatform(opts.modules ?? allModules, { dataDir: created ? undefined : 'memory://', databaseUrl: created?.url, loadDataDir }, env, undefined, tpl ? { migrationsFrom: allModules } : {});
  if (opts.demo !== false && !tpl) await seedDemo(platform);
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
      if (anchorFile) rmSync(anchorFile, { force: true });
    },
  };
}

/** the demo template seeded once per run (see global-setup.ts), if it was seeded today */
export function template(): ProvidedContext['template'] {
  let tpl: ProvidedContext['template'] = null;
  try {
    tpl = inject('template');
  } catch {
    return null;
  }
  return tpl && tpl.day === chinaDate(new Date()) ? tpl : null;
}

export async function freshDatabase(fromTemplate?: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin) return null;
  const name = `fazhi_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}${fromTemplate ? ` template ${fromTemplate}` : ''}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      // a closed pool resolves before its sockets are gone: wait for them to leave rather than terminate them
      // (a forced drop sends the closing clients a FATAL they report as an uncaught error)
      for (let tries = 0; ; tries++) {
        const left = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
        if (Number(left.rows[0]?.n ?? 0) === 0 || tries >= 100) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

/**
 * an instance the CLI can open, already holding the demo county: a PGlite directory restored from the
 * template dump, or a PostgreSQL database copied from the template; falls back to `fazhi demo`
 */
export async function preparedInstance(dir: string): Promise<{ args: string[]; env: Record<string, string>; drop(): Promise<void> }> {
  const tpl = template();
  const created = await freshDatabase(tpl?.kind === 'postgres' ? tpl.database : undefined);
  if (created) {
    const env = { DATABASE_URL: created.url, FAZHI_SECRET_KEY: TEST_SECRET_KEY, FAZHI_AUDIT_KEY: TEST_AUDIT_KEY, FAZHI_AUDIT_ANCHOR_FILE: `${dir}/audit-checkpoints.log` };
    if (!tpl) await seedViaCli([], env);
    return { args: [], env, drop: () => created.drop() };
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/secret.key`, TEST_SECRET_KEY, { mode: 0o600 });
  writeFileSync(`${dir}/audit.key`, TEST_AUDIT_KEY, { mode: 0o600 });
  if (tpl?.kind === 'pglite') {
    const handle = await connect({ dataDir: dir, loadDataDir: new Blob([readFileSync(tpl.file)]) });
    await handle.close();
  } else await seedViaCli(['--data', dir], {});
  return { args: ['--data', dir], env: {}, drop: async () => {} };
}

async function seedViaCli(args: string[], env: Record<string, string>): Promise<void> {
  const { runCli } = await import('./cli.ts');
  const r = await runCli(['demo', ...args], env);
  if (r.code !== 0) throw new Error(`fazhi demo failed: ${r.stderr}`);
}
