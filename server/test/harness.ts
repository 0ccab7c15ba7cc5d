import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../platform/db/connect.ts';
import { inject } from 'vitest';
import { laterDayTag, seedTemplate, TEST_AUDIT_KEY, TEST_SECRET_KEY, type Template } from './global-setup.ts';
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
  const tpl = opts.demo !== false ? (template() ?? (await laterDayTemplate())) : null;
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
export function template(): Template | null {
  const tpl = runTemplate();
  return tpl && tpl.day === chinaDate(new Date()) ? tpl : null;
}

/** the template the run's global setup seeded (none outside the integration project) */
function runTemplate(): Template | null {
  try {
    return inject('template');
  } catch {
    return null;
  }
}

/**
 * the demo template for a run that has crossed midnight in China (a CI run started at 23:52 did): the run's
 * template no longer fits, and a file that seeded the demo itself would get only the demo of the modules it
 * loads, without (say) the calendar's holidays. The first file to start after midnight seeds one with every
 * module, the files after it wait for it and copy it; the run's teardown removes it. Null when the test fakes
 * its own "today" (fake timers replace Date, not performance: the two clocks then disagree), or has no template
 */
async function laterDayTemplate(): Promise<Template | null> {
  const run = runTemplate();
  const today = chinaDate(new Date());
  if (!run || run.day === today || chinaDate(new Date(performance.timeOrigin + performance.now())) !== today) return null;
  const tag = laterDayTag(run.tag, today);
  const ready = join(tmpdir(), `fazhi-template-${tag}.json`);
  for (let waited = 0; waited < 1200; waited++) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as Template | null;
    try {
      mkdirSync(join(tmpdir(), `fazhi-template-${tag}.lock`));
    } catch {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    // (a seeding that fails leaves null: the files waiting then seed their own demo rather than wait in vain)
    const seeded = await seedTemplate(tag).catch((e: unknown) => {
      writeFileSync(ready, 'null');
      throw e;
    });
    writeFileSync(`${ready}.part`, JSON.stringify(seeded));
    renameSync(`${ready}.part`, ready);
    return seeded;
  }
  throw new Error(`waited ten minutes for another test file to seed the demo template ${tag}`);
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
  const tpl = template() ?? (await laterDayTemplate());
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
