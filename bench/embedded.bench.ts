import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { DEMO_PASSWORD } from '../server/demo/demo-county.ts';
import { resolveSession } from '../server/platform/auth/session.service.ts';
import { startPlatform } from '../server/platform/bootstrap.ts';
import type { Ctx } from '../server/platform/http/context.ts';
import { listQuery, listRecords } from '../server/platform/ledger/ledger.service.ts';
import type { ModuleDefinition } from '../server/platform/module.ts';
import { freePort, load, runToEnd, waitFor, type Run } from './api.bench.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LEDGER = 'enforcement.case';
const WRITTEN = 'advisors.advisor';

export interface EmbeddedBenchResult {
  inScope: number;
  concurrency: number;
  writers: number;
  /** one list request's SQL run back to back on the same PGlite, in this process: what one request costs the single connection */
  dbMsPerList: number;
  /** the statements of that request (the session's and the list's) */
  statements: number;
  /** `concurrency` clients listing */
  list: Run;
  /** the same number of clients, `writers` of them saving a record over and over, the rest listing */
  listBesideWrites: Run;
  writes: { count: number; p50: number; p99: number; errors: number };
}

/**
 * issue 23: a town's embedded instance (PGlite, one connection, commits synced to disk) under a busy morning. The demo
 * instance in a fresh data directory, the real server (`node server/main.ts serve`), the clerk logged in, and
 * `concurrency` clients in a closed loop asking for the first page of 行政执法案件; then the same with `writers` of them
 * saving a 法律顾问 record (read it, write it back with its version) as fast as they can. The lower bound, in the same
 * run: the SQL that list request runs (captured from the app's own functions on the same data directory, the server
 * stopped) executed back to back on the same PGlite in this process — one connection serves one statement at a time,
 * so `concurrency` clients cannot wait less than `concurrency` times that on average.
 */
export async function embeddedBench(modules: ModuleDefinition[], opts: { concurrency: number; writers: number; requests: number }): Promise<EmbeddedBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-embedded-'));
  const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA: dir, FAZHI_AUDIT_ANCHOR_FILE: join(dir, 'anchors.log'), FAZHI_WEB: 'off', LOG_LEVEL: 'warn' };
  delete env['DATABASE_URL'];
  delete env['TEST_DATABASE_URL'];
  delete env['FAZHI_FSYNC'];
  let server: ChildProcess | null = null;
  const start = async (): Promise<string> => {
    const port = await freePort();
    server = spawn(process.execPath, ['server/main.ts', 'serve', '--port', String(port)], { cwd: ROOT, env: { ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, server);
    return base;
  };
  const stop = async (): Promise<void> => {
    const s = server as ChildProcess | null;
    if (s && s.exitCode === null) {
      s.kill('SIGTERM');
      await new Promise((r) => s.once('exit', r));
    }
    server = null;
  };
  try {
    await runToEnd(spawn(process.execPath, ['server/main.ts', 'demo'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] }));
    let base = await start();
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: DEMO_PASSWORD }) });
    const token = /fazhi_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    if (login.status !== 200 || !token) throw new Error(`login failed: ${login.status}`);
    const cookie = `fazhi_session=${token}`;
    await stop();

    // the lower bound: the list request's statements, captured from the app's functions, run back to back on this PGlite
    const { platform, handle } = await startPlatform(modules, { dataDir: dir }, { ...env, LOG_LEVEL: 'silent' });
    let statements: CompiledQuery[] = [];
    const capture: KyselyPlugin = {
      transformQuery: (a) => {
        statements.push(platform.db.getExecutor().compileQuery(a.node, a.queryId));
        return a.node;
      },
      transformResult: async (a) => a.result,
    };
    const db = platform.db.withPlugin(capture);
    const limits = { idleMinutes: platform.config.sessionIdleMinutes, maxHours: platform.config.sessionMaxHours };
    const now = new Date();
    await resolveSession(db, decodeURIComponent(token), limits, now);
    statements = [];
    const info = await resolveSession(db, decodeURIComponent(token), limits, now);
    const l = platform.ledgers.get(LEDGER);
    if (!l) throw new Error(`no ledger ${LEDGER}`);
    const ctx: Ctx = { actor: info.actor, ip: 'bench', scope: info.scope, tx: db, cipher: platform.cipher, now };
    const page = await listRecords(ctx, l, listQuery.parse({}), platform.ledgers);
    const captured = statements;
    const runAll = async (): Promise<void> => {
      for (const q of captured) await platform.db.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
    };
    for (let i = 0; i < 50; i++) await runAll();
    const rounds = 300;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) await runAll();
    const dbMsPerList = Math.round(((performance.now() - t0) / rounds) * 100) / 100;
    await handle.close();

    base = await start();
    const listUrl = `${base}/api/ledgers/${LEDGER}`;
    await load(listUrl, cookie, 500, opts.concurrency);
    const list = { name: 'list', ...(await load(listUrl, cookie, opts.requests, opts.concurrency)) };

    // writers: each saves its own 法律顾问 record again and again (read it, write it back with its version), durable commits
    const advisors = ((await (await fetch(`${base}/api/ledgers/${WRITTEN}?pageSize=50`, { headers: { cookie } })).json()) as { items: Array<{ id: number }> }).items;
    if (advisors.length === 0) throw new Error(`no ${WRITTEN} in the clerk's scope`);
    let done = false;
    const writeLatencies: number[] = [];
    let writeErrors = 0;
    const writer = async (w: number): Promise<void> => {
      const id = (advisors[w % advisors.length] as { id: number }).id;
      for (let n = 0; !done; n++) {
        const t1 = performance.now();
        const cur = (await (await fetch(`${base}/api/ledgers/${WRITTEN}/${id}`, { headers: { cookie } })).json()) as { version: number; values: { served_units: string } };
        const units = String(cur.values.served_units).split('、').slice(0, 2).join('、');
        const res = await fetch(`${base}/api/ledgers/${WRITTEN}/${id}`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ served_units: n % 2 ? units : `${units}、城关社区`, version: cur.version }) });
        await res.arrayBuffer();
        writeLatencies.push(performance.now() - t1);
        if (res.status !== 200) writeErrors++;
      }
    };
    const writing = Array.from({ length: opts.writers }, (_, w) => writer(w));
    const beside = { name: 'list beside writes', ...(await load(listUrl, cookie, opts.requests, opts.concurrency - opts.writers)) };
    done = true;
    await Promise.all(writing);
    writeLatencies.sort((a, b) => a - b);
    const pct = (p: number): number => Math.round((writeLatencies[Math.min(writeLatencies.length - 1, Math.floor((p / 100) * writeLatencies.length))] ?? 0) * 10) / 10;
    return { inScope: page.total, concurrency: opts.concurrency, writers: opts.writers, dbMsPerList, statements: captured.length, list, listBesideWrites: beside, writes: { count: writeLatencies.length, p50: pct(50), p99: pct(99), errors: writeErrors } };
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
