import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DEMO_PASSWORD } from '../server/demo/demo-county.ts';
import { resolveSession } from '../server/platform/auth/session.service.ts';
import { startPlatform } from '../server/platform/bootstrap.ts';
import type { Database } from '../server/platform/db/schema.ts';
import { listAttachments } from '../server/platform/files/attachment.service.ts';
import type { Ctx } from '../server/platform/http/context.ts';
import { getRecord, listQuery, listRecords } from '../server/platform/ledger/ledger.service.ts';
import type { ModuleDefinition } from '../server/platform/module.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRET_KEY = 'ab'.repeat(32);
const AUDIT_KEY = 'cd'.repeat(32);
const LEDGER = 'enforcement.case';

export interface Run {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface ApiBenchResult {
  cases: number;
  inScope: number;
  searchHits: number;
  keyword: string;
  concurrency: number;
  requests: number;
  /** statements per request: the session's, and each handler's */
  statements: { firstSession: number; session: number; list: number; search: number; detail: number };
  runs: Record<string, Run>;
}

/**
 * issue 23: API throughput on PostgreSQL. A fresh database with the demo county and `cases` enforcement cases
 * (the demo's cases copied across its units), the real server (`node server/main.ts serve`, its own process, the
 * default pool and log level), a clerk logged in, and `concurrency` clients in a closed loop (node's fetch,
 * keep-alive) sending `requests` requests to: the first page of the ledger, a keyword search on it, one record's
 * detail. The lower bound, measured in the same run with the same clients: a bare Fastify + pg.Pool server running
 * the SQL those handlers ran (captured from Kysely's query log), in its own process. Also measured, to say where
 * the rest goes: the bare server running the session's SQL before the list's and before the detail's, the app's unauthenticated
 * /api/health (the framework alone) and /api/me (the session and a few small reads).
 */
export async function apiBench(modules: ModuleDefinition[], opts: { cases: number; requests: number; concurrency: number; rounds: number }): Promise<ApiBenchResult | null> {
  const admin = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!admin) return null;
  const name = `fazhi_bench_api_${process.pid}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-api-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, FAZHI_SECRET_KEY: SECRET_KEY, FAZHI_AUDIT_KEY: AUDIT_KEY, FAZHI_DATA: dir, FAZHI_AUDIT_ANCHOR_FILE: join(dir, 'anchors.log'), FAZHI_WEB: 'off' };
  delete env['TEST_DATABASE_URL'];
  await adminQuery(admin, `create database ${name}`);
  const children: ChildProcess[] = [];
  try {
    // the demo county, then its enforcement cases copied until the ledger holds `cases`
    await runToEnd(spawn(process.execPath, ['server/main.ts', 'demo'], { cwd: ROOT, env: { ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] }));
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const demoCases = Number((await c.query('select count(*) as n from enforcement_case')).rows[0].n);
    const copies = Math.max(0, Math.ceil((opts.cases - demoCases) / demoCases));
    const cols = (await c.query<{ column_name: string; is_generated: string }>(`select column_name, is_generated from information_schema.columns where table_name = 'enforcement_case' and column_name <> 'id'`)).rows.filter((r) => r.is_generated !== 'ALWAYS').map((r) => r.column_name);
    const vals = cols.map((col) => (col === 'case_no' ? `e.case_no || '-' || g` : `e.${col}`));
    if (copies > 0) await c.query(`insert into enforcement_case (${cols.join(', ')}) select ${vals.join(', ')} from enforcement_case e, generate_series(1, ${copies}) g order by g, e.id limit ${opts.cases - demoCases}`);
    await c.query('analyze');
    const cases = Number((await c.query('select count(*) as n from enforcement_case')).rows[0].n);
    await c.end();

    // the real server
    const appPort = await freePort();
    const app = spawn(process.execPath, ['server/main.ts', 'serve', '--port', String(appPort)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(app);
    const appBase = `http://127.0.0.1:${appPort}`;
    await waitFor(`${appBase}/api/health`, app);
    const login = await fetch(`${appBase}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: DEMO_PASSWORD }) });
    const token = /fazhi_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (login.status !== 200 || !token) throw new Error(`login failed: ${login.status}`);
    const cookie = `fazhi_session=${token}`;

    // the SQL each request runs, from Kysely's query log, on a platform of this process on the same database
    const { platform, handle } = await startPlatform(modules, { databaseUrl }, { ...env, LOG_LEVEL: 'silent' });
    const keyword = process.env['BENCH_KEYWORD'] ?? '占道';
    let captured: Array<{ sql: string; parameters: unknown[] }> = [];
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const logged = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void (e.level === 'query' && captured.push({ sql: e.query.sql, parameters: [...e.query.parameters] })) });
    const take = (): Array<{ sql: string; parameters: unknown[] }> => {
      const out = captured;
      captured = [];
      return out;
    };
    const now = new Date();
    const limits = { idleMinutes: platform.config.sessionIdleMinutes, maxHours: platform.config.sessionMaxHours };
    // the first request of a session reads its reach; later ones, while no role or unit changed, only the session (decision 0047)
    await resolveSession(logged, decodeURIComponent(token), limits, now);
    const firstSessionSql = take();
    const info = await resolveSession(logged, decodeURIComponent(token), limits, now);
    const sessionSql = take();
    const l = platform.ledgers.get(LEDGER);
    if (!l) throw new Error(`no ledger ${LEDGER}`);
    const ctx: Ctx = { actor: info.actor, ip: 'bench', scope: info.scope, tx: logged, cipher: platform.cipher, now };
    const list = await listRecords(ctx, l, listQuery.parse({}), platform.ledgers);
    const listSql = take();
    const search = await listRecords(ctx, l, listQuery.parse({ q: keyword }), platform.ledgers);
    const searchSql = take();
    const id = list.items[0]?.id;
    if (id === undefined) throw new Error('no case in the clerk’s scope');
    await getRecord(ctx, l, id, platform.ledgers);
    await listAttachments(ctx, { entity: l.name, id });
    const detailSql = take();
    if (process.env['BENCH_SQL']) {
      // what each request runs, and the plans of the list's statements
      for (const [n, qs] of Object.entries({ session: sessionSql, list: listSql, search: searchSql, detail: detailSql })) for (const q of qs) console.log(`${n}: ${q.sql} ${JSON.stringify(q.parameters)}`);
      for (const q of [...listSql, ...searchSql]) console.log((await pool.query(`explain analyze ${q.sql}`, q.parameters)).rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n'));
    }
    await logged.destroy();
    await handle.close();

    const queriesFile = join(dir, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify({ list: listSql, search: searchSql, detail: detailSql, 'session+list': [...sessionSql, ...listSql], 'session+detail': [...sessionSql, ...detailSql] }));
    const barePort = await freePort();
    const bare = spawn(process.execPath, ['bench/api-bare.server.ts'], { cwd: ROOT, env: { ...env, PORT: String(barePort), BARE_QUERIES: queriesFile }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(bare);
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitFor(`${bareBase}/health`, bare);

    const listUrl = `${appBase}/api/ledgers/${LEDGER}`;
    const scenarios: Array<[string, string, string | null]> = [
      ['bare list', `${bareBase}/q/list`, null],
      ['app list', listUrl, cookie],
      ['bare search', `${bareBase}/q/search`, null],
      ['app search', `${listUrl}?q=${encodeURIComponent(keyword)}`, cookie],
      ['bare detail', `${bareBase}/q/detail`, null],
      ['app detail', `${listUrl}/${id}`, cookie],
      ['bare session+list', `${bareBase}/q/session+list`, null],
      ['bare session+detail', `${bareBase}/q/session+detail`, null],
      ['app health', `${appBase}/api/health`, null],
      ['app me', `${appBase}/api/me`, cookie],
    ];
    // warm both servers (JIT, pools, caches) on every scenario, then alternate them round by round and keep each one's
    // best round: the machine is shared, and a pause in one round should not decide the figure
    for (const [, u, ck] of scenarios) await load(u, ck, Math.min(opts.requests, 1000), opts.concurrency);
    const runs: Record<string, Run> = {};
    for (let r = 0; r < opts.rounds; r++) {
      for (const [n, u, ck] of scenarios) {
        const run = { name: n, ...(await load(u, ck, opts.requests, opts.concurrency)) };
        if (!runs[n] || run.rps > (runs[n] as Run).rps) runs[n] = run;
      }
    }
    return {
      cases,
      inScope: list.total,
      searchHits: search.total,
      keyword,
      concurrency: opts.concurrency,
      requests: opts.requests,
      statements: { firstSession: firstSessionSql.length, session: sessionSql.length, list: listSql.length, search: searchSql.length, detail: detailSql.length },
      runs,
    };
  } finally {
    for (const child of children) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
    await dropDatabase(admin, name);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** a closed loop: `concurrency` clients each sending its next request when the last one's answer is read */
export async function load(url: string, cookie: string | null, requests: number, concurrency: number): Promise<Omit<Run, 'name'>> {
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const client = async (): Promise<void> => {
    while (issued < requests) {
      issued++;
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => Math.round((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0) * 10) / 10;
  if (errors) console.warn(`${url}: ${errors} of ${requests} answers were not 200`);
  return { requests, rps: Math.round(requests / seconds), p50: pct(50), p95: pct(95), p99: pct(99), errors };
}

async function adminQuery(admin: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function dropDatabase(admin: string, name: string): Promise<void> {
  await adminQuery(admin, `drop database if exists ${name} with (force)`);
}

export function runToEnd(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`))));
  });
}

export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${child.spawnargs.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}
