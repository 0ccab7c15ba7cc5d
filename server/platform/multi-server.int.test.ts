import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-county.ts';
import { freePort } from '../test/cli.ts';
import { TEST_AUDIT_KEY, TEST_SECRET_KEY } from '../test/global-setup.ts';
import { freshDatabase, preparedInstance } from '../test/harness.ts';
import { chinaDate } from './workflow/workflow.engine.ts';

// Issue #23: three `fazhi serve` processes behind a reverse proxy on one PostgreSQL database. Sessions, numbers,
// reminders, attachments and imports must come out as they do with one server (decision 0044).
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const admin = process.env['TEST_DATABASE_URL'];

interface Backend {
  child: ChildProcess;
  port: number;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

const started: Backend[] = [];

function spawnServer(env: Record<string, string>, dataDir: string, port: number, args: string[] = []): Backend {
  const child = spawn(process.execPath, [MAIN, 'serve', '--port', String(port), ...args], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'info', FAZHI_WEB: 'off', FAZHI_DATA: dataDir, FAZHI_AUDIT_ANCHOR_FILE: join(dataDir, 'audit-checkpoints.log'), FAZHI_SECRET_KEY: TEST_SECRET_KEY, FAZHI_AUDIT_KEY: TEST_AUDIT_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const b = { child, port, url: `http://127.0.0.1:${port}`, out: () => out, exited };
  started.push(b);
  return b;
}

/** resolves once the server answers its health check; fails with its output when it exits first or never answers */
async function healthy(b: Backend, timeoutMs = 60_000): Promise<void> {
  let gone: number | null | undefined;
  void b.exited.then((code) => (gone = code));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (gone !== undefined) throw new Error(`server on ${b.port} exited with ${gone}:\n${b.out().slice(-4000)}`);
    try {
      const res = await fetch(`${b.url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${b.port} did not answer within ${timeoutMs} ms:\n${b.out().slice(-4000)}`);
}

async function stop(b: Backend): Promise<void> {
  if (b.child.exitCode !== null || b.child.signalCode !== null) return;
  b.child.kill('SIGTERM');
  const done = await Promise.race([b.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
  if (!done) {
    b.child.kill('SIGKILL');
    await b.exited;
  }
}

/** a round-robin reverse proxy, as nginx's upstream block does it: each request to the next backend */
function roundRobin(backends: Backend[]): Promise<{ server: Server; url: string; served: number[] }> {
  const served = backends.map(() => 0);
  let next = 0;
  const server = createServer((req, res) => {
    const i = next++ % backends.length;
    served[i] = (served[i] ?? 0) + 1;
    const b = backends[i] as Backend;
    const up = httpRequest({ host: '127.0.0.1', port: b.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, { ...r.headers, 'x-backend': String(i) });
      r.pipe(res);
    });
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, served });
  }));
}

async function call(base: string, cookie: string | null, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set('cookie', cookie);
  return fetch(`${base}${path}`, { ...init, headers });
}

async function body<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return JSON.parse(text) as T;
}

function multipart(name: string, bytes: Buffer): { headers: Record<string, string>; body: Buffer } {
  const boundary = '----fazhi-multi';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

afterAll(async () => {
  await Promise.all(started.map((b) => stop(b)));
});

describe.skipIf(!admin)('three servers on one PostgreSQL database', () => {
  it('start together on an empty database with --demo: one migrates and seeds, the others wait for it, all three serve', async () => {
    const created = await freshDatabase();
    if (!created) throw new Error('no database');
    const root = mkdtempSync(join(tmpdir(), 'fazhi-multi-empty-'));
    try {
      const ports = [await freePort(), await freePort(), await freePort()];
      const three = ports.map((port, i) => spawnServer({ DATABASE_URL: created.url, FAZHI_FILES: join(root, 'files'), LOG_LEVEL: 'warn' }, join(root, `s${i}`), port, ['--demo']));
      await Promise.all(three.map((b) => healthy(b, 150_000)));
      for (const b of three) expect(b.out()).not.toMatch(/"level":50/);
      const c = new pg.Client({ connectionString: created.url });
      await c.connect();
      try {
        // one demo county, each demo account once
        expect((await c.query<{ n: number }>("select count(*)::int as n from org where code = '999001000000'")).rows[0]?.n).toBe(1);
        expect((await c.query<{ n: number }>("select count(*)::int as n from app_user where username = 'clerk'")).rows[0]?.n).toBe(1);
      } finally {
        await c.end();
      }
      await Promise.all(three.map((b) => stop(b)));
      for (const b of three) expect(await b.exited).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
      await created.drop();
    }
  }, 240_000);

  describe('behind a round-robin proxy', () => {
    let root: string;
    let instance: Awaited<ReturnType<typeof preparedInstance>>;
    let backends: Backend[];
    let proxy: Awaited<ReturnType<typeof roundRobin>>;
    let databaseUrl: string;
    let clerk: string;
    const today = chinaDate(new Date());

    const db = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        return (await c.query<T>(text, values)).rows;
      } finally {
        await c.end();
      }
    };

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'fazhi-multi-'));
      instance = await preparedInstance(join(root, 'seed'));
      databaseUrl = String(instance.env['DATABASE_URL']);
      // the reminders the demo seeding made are cleared, so the scans the three servers run at start make them again
      await db('delete from notification');
      const ports = [await freePort(), await freePort(), await freePort()];
      backends = ports.map((port, i) => spawnServer({ DATABASE_URL: databaseUrl, FAZHI_FILES: join(root, 'files') }, join(root, `s${i}`), port));
      await Promise.all(backends.map((b) => healthy(b)));
      proxy = await roundRobin(backends);
      const login = await call(proxy.url, null, '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: DEMO_PASSWORD }) });
      expect(login.status, await login.clone().text()).toBe(200);
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith('fazhi_session='));
      if (!cookie) throw new Error('no session cookie');
      clerk = cookie.split(';')[0] as string;
    });

    afterAll(async () => {
      await new Promise((r) => proxy?.server.close(r));
      await Promise.all((backends ?? []).map((b) => stop(b)));
      await instance?.drop();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('keeps one session across the servers: a login on one is known to all, a logout on one ends it on all', async () => {
      const other = await call(proxy.url, null, '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk2', password: DEMO_PASSWORD }) });
      expect(other.status).toBe(200);
      const session = (other.headers.getSetCookie().find((c) => c.startsWith('fazhi_session=')) ?? '').split(';')[0] as string;
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) {
        const res = await call(proxy.url, session, '/api/me');
        expect(res.status).toBe(200);
        expect((await res.json()) as { user?: { username?: string } }).toMatchObject({ user: { username: 'clerk2' } });
        seen.add(res.headers.get('x-backend') ?? '');
      }
      expect(seen.size).toBe(3);
      expect((await call(proxy.url, session, '/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
      for (const b of backends) expect((await call(b.url, session, '/api/me')).status).toBe(401);
    });

    it('makes each reminder once although all three servers scanned at start', async () => {
      // each server logs its two start scans (deadlines, normative documents' expiry): wait for all six
      const logged = (b: Backend, msg: string): { skipped?: boolean; notified: number } | undefined => {
        const line = b.out().split('\n').find((l) => l.includes(`"msg":"${msg}"`));
        return line ? (JSON.parse(line) as { skipped?: boolean; notified: number }) : undefined;
      };
      const kinds = ['deadline scan', 'normative document expiry scan'];
      const until = Date.now() + 30_000;
      while (backends.some((b) => kinds.some((k) => !logged(b, k))) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      const [scans, expiry] = kinds.map((k) => backends.map((b) => {
        const r = logged(b, k);
        if (!r) throw new Error(`no ${k} logged by ${b.port}:\n${b.out().slice(-2000)}`);
        return r;
      })) as [Array<{ skipped?: boolean; notified: number }>, Array<{ notified: number }>];
      const rows = await db<{ n: number; dup: number }>(
        'select count(*)::int as n, (select count(*)::int from (select 1 from notification group by user_id, ledger, record_id, clock_id, kind, due having count(*) > 1) d) as dup from notification',
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
      expect(rows[0]?.dup).toBe(0);
      // what the three scans say they made is what there is: nothing was made twice and thrown away or kept
      const made = [...scans, ...expiry].reduce((s, x) => s + x.notified, 0);
      expect(made, JSON.stringify({ scans, expiry })).toBe(rows[0]?.n);
      expect(scans.filter((x) => x.notified > 0)).toHaveLength(1);
      // a scan run by hand on each server at once (fazhi reminders scan runs beside them on PostgreSQL) adds nothing
      const before = rows[0]?.n;
      const { runCli } = await import('../test/cli.ts');
      const again = await Promise.all(backends.map(() => runCli(['reminders', 'scan'], { DATABASE_URL: databaseUrl, FAZHI_SECRET_KEY: TEST_SECRET_KEY, FAZHI_AUDIT_KEY: TEST_AUDIT_KEY, FAZHI_DATA: join(root, 'cli') })));
      for (const r of again) expect(r.code, r.stderr).toBe(0);
      expect((await db<{ n: number }>('select count(*)::int as n from notification'))[0]?.n).toBe(before);
    });

    it('gives 40 records created at once through three servers 40 distinct numbers, the next 40 of the series', async () => {
      const before = Number((await db<{ last_no: number }>("select last_no from number_sequence where series = 'mediation.case_no' and org_code = '999001001000' and year = $1", [Number(today.slice(0, 4))]))[0]?.last_no ?? 0);
      const committee = (await body<{ items: Array<{ id: number }> }>(await call(proxy.url, clerk, '/api/ledgers/mediation.committee?pageSize=1'))).items[0]?.id;
      const mediator = (await body<{ items: Array<{ id: number }> }>(await call(proxy.url, clerk, `/api/ledgers/mediation.mediator?f.committee_id=${committee}&pageSize=1`))).items[0]?.id;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          call(proxy.url, clerk, '/api/ledgers/mediation.case', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ received_on: today, source: '排查', dispute_type: '邻里纠纷', summary: `多服务器并发登记${i}`, applicant_name: '甲', respondent_name: '乙', parties_count: 2, committee_id: committee, mediator_id: mediator, outcome: '正在调解', confirmDuplicate: true }),
          }).then(async (r) => ({ status: r.status, backend: r.headers.get('x-backend'), text: await r.text() })),
        ),
      );
      for (const r of results) expect(r.status, r.text).toBe(200);
      expect(new Set(results.map((r) => r.backend)).size).toBe(3);
      const numbers = results.map((r) => String((JSON.parse(r.text) as { values: Record<string, unknown> }).values['case_no']));
      expect(new Set(numbers).size).toBe(40);
      const seqOf = (n: string): number => Number(/第(\d+)号$/.exec(n)?.[1]);
      const seqs = numbers.map(seqOf).sort((a, b) => a - b);
      // the counter steps over numbers the demo's records already hold (typed in, imported) — in the town or in a unit
      // that prints the town's name: no other gap
      const prefix = (numbers[0] ?? '').replace(/第\d+号$/, '');
      const held = new Set((await db<{ case_no: string }>("select case_no from mediation_case where org_code like '999001001000%' and summary not like '多服务器并发登记%'")).map((r) => r.case_no).filter((n) => n.startsWith(prefix)).map(seqOf));
      const expected: number[] = [];
      for (let n = before + 1; expected.length < 40; n++) if (!held.has(n)) expected.push(n);
      expect(seqs).toEqual(expected);
      const stored = await db<{ n: number }>("select count(distinct case_no)::int as n from mediation_case where summary like '多服务器并发登记%'");
      expect(stored[0]?.n).toBe(40);
    });

    it('serves a file uploaded through one server from each of the three (shared FAZHI_FILES)', async () => {
      const rec = (await body<{ items: Array<{ id: number }> }>(await call(proxy.url, clerk, '/api/ledgers/mediation.case?pageSize=1'))).items[0]?.id;
      const bytes = Buffer.from(`调解笔录：多服务器附件测试 ${Date.now()}`);
      const up = multipart('笔录.txt', bytes);
      const uploaded = await body<{ id: number; hash: string }>(await call(proxy.url, clerk, `/api/ledgers/mediation.case/${rec}/attachments`, { method: 'POST', headers: up.headers, body: up.body }));
      for (const b of backends) {
        const res = await call(b.url, clerk, `/api/ledgers/mediation.case/${rec}/attachments/${uploaded.id}`);
        expect(res.status, `backend ${b.port}`).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      }
    });

    it('imports a workbook once, through whichever server takes it', async () => {
      const tpl = await call(proxy.url, clerk, '/api/ledgers/mediation.case/template.xlsx');
      expect(tpl.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await tpl.arrayBuffer());
      const ws = wb.worksheets[0];
      if (!ws) throw new Error('no sheet');
      const headers: string[] = [];
      ws.getRow(1).eachCell((c, col) => (headers[col] = String(c.value).replace(/\*$/, '')));
      const refs = (await body<{ items: Array<{ values: Record<string, unknown> }> }>(await call(proxy.url, clerk, '/api/ledgers/mediation.case?pageSize=1'))).items[0]?.values ?? {};
      const rows = [1, 2, 3].map((i) => ({ 受理日期: today, 案件来源: '排查', 纠纷类型: '邻里纠纷', 纠纷概要: `多服务器导入纠纷${i}`, '申请人（一方当事人）': `导入申请人${i}`, '被申请人（对方当事人）': '村民乙', 当事人人数: 2, 受理调委会: refs['committee_id'], 承办调解员: refs['mediator_id'], 调解结果: '正在调解' }));
      rows.forEach((r, i) => headers.forEach((h, col) => {
        const v = (r as Record<string, unknown>)[h ?? ''];
        if (h && v !== undefined) ws.getRow(i + 2).getCell(col).value = v as ExcelJS.CellValue;
      }));
      const file = multipart('cases.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      const res = await call(proxy.url, clerk, '/api/ledgers/mediation.case/import?mode=all&confirmDuplicates=true', { method: 'POST', headers: file.headers, body: file.body });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as { imported: number }).imported).toBe(3);
      const kept = await db<{ summary: string; n: number }>("select summary, count(*)::int as n from mediation_case where summary like '多服务器导入纠纷%' group by summary order by summary");
      expect(kept).toEqual([1, 2, 3].map((i) => ({ summary: `多服务器导入纠纷${i}`, n: 1 })));
      // each server lists them (no server keeps an older picture)
      for (const b of backends) {
        const list = await body<{ total: number }>(await call(b.url, clerk, `/api/ledgers/mediation.case?q=${encodeURIComponent('多服务器导入纠纷')}&pageSize=10`));
        expect(list.total).toBe(3);
      }
    });

    // last: a role taken away while the start scans run would change whom they remind
    it('ends a role taken away on every server at its next request, though each had remembered the reach (decision 0047)', async () => {
      const status = async (b: Backend): Promise<number> => (await call(b.url, clerk, '/api/ledgers/mediation.case?pageSize=1')).status;
      for (const b of backends) expect(await status(b)).toBe(200);
      const [row] = await db<{ id: number }>(`select id from app_user where username = 'clerk'`);
      await db('delete from user_role where user_id = $1', [row?.id]);
      try {
        for (const b of backends) expect(await status(b)).toBe(403);
      } finally {
        await db(`insert into user_role (user_id, role_code) values ($1, 'clerk')`, [row?.id]);
      }
      for (const b of backends) expect(await status(b)).toBe(200);
    });
  });
});
