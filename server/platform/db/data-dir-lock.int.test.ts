import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { connect } from './connect.ts';
import { LOCK_FILE } from './data-dir-lock.ts';

const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
const PASSWORD = 'Lock@Test2026';
const NEW_PASSWORD = 'Lock@Test2027';
// embedded only: PostgreSQL mode has no directory to own
const EMBEDDED = { DATABASE_URL: undefined, FAZHI_SECRET_KEY: undefined };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** a real `fazhi serve` on the directory, resolved once it listens */
async function startServer(dir: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, ...EMBEDDED, LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [MAIN, 'serve', '--data', dir, '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('法治平台已启动')) resolve();
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

async function login(url: string, password: string): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lockadmin', password }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: res.status, cookie };
}

describe('one process owns an embedded data directory', () => {
  const base = mkdtempSync(join(tmpdir(), 'fazhi-owner-'));
  const dir = join(base, 'data');
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses a second server and CLI commands while a server runs, and the server keeps its data', async () => {
    const added = await runCli(['user', 'add', '--data', dir, '--username', 'lockadmin', '--name', '管理员', '--org', '330726001000', '--org-name', '某某镇', '--role', 'sysadmin', '--password', PASSWORD], EMBEDDED);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);

    const server = await startServer(dir);
    children.push(server.child);
    const first = await login(server.url, PASSWORD);
    expect(first.status).toBe(200);
    const changed = await fetch(`${server.url}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: first.cookie }, body: JSON.stringify({ oldPassword: PASSWORD, newPassword: NEW_PASSWORD }) });
    expect(changed.status).toBe(200);

    const holder = new RegExp(`PID ${server.child.pid}，命令：.*serve --data`);
    const second = await runCli(['serve', '--data', dir, '--port', String(await freePort())], EMBEDDED);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(holder);
    expect(second.stderr).toMatch(/请先停止该进程/);
    for (const args of [['audit', 'verify'], ['migrate'], ['indicators', 'verify'], ['backup', '--out', join(base, 'b.fzb')]]) {
      const r = await runCli([...args, '--data', dir], EMBEDDED);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(holder);
    }
    expect(existsSync(join(base, 'b.fzb'))).toBe(false);

    // the running server still answers with what it wrote
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: first.cookie } })).status).toBe(200);
    expect((await login(server.url, NEW_PASSWORD)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const verified = await runCli(['audit', 'verify', '--data', dir], EMBEDDED);
    expect(verified.code).toBe(0);
    const h = await connect({ dataDir: dir });
    const actions = (await h.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'lockadmin').execute()).map((r) => r.action);
    await h.close();
    expect(actions.filter((a) => a === 'login')).toHaveLength(2);
  }, 600_000);

  it('takes over the lock of a server killed with SIGKILL, keeping its acknowledged writes', async () => {
    const server = await startServer(dir);
    children.push(server.child);
    expect((await login(server.url, NEW_PASSWORD)).status).toBe(200);
    server.child.kill('SIGKILL');
    await server.exited;
    const stale = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(stale.pid).toBe(server.child.pid);

    const r = await runCli(['audit', 'verify', '--data', dir], { ...EMBEDDED, LOG_LEVEL: 'warn' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('took over the data directory lock');
    expect(r.stdout).toContain(`"previousPid":${stale.pid}`);
    const h = await connect({ dataDir: dir });
    const logins = await h.db.selectFrom('audit_log').select('id').where('entity_id', '=', 'lockadmin').where('action', '=', 'login').execute();
    await h.close();
    expect(logins).toHaveLength(3);
  }, 600_000);
});
