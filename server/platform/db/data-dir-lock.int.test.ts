import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED, freePort, runCli, startServer } from '../../test/cli.ts';
import { connect } from './connect.ts';
import { LOCK_FILE } from './data-dir-lock.ts';

const PASSWORD = 'Lock@Test2026';
const NEW_PASSWORD = 'Lock@Test2027';

async function login(url: string, password: string): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lockadmin', password }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: res.status, cookie };
}

// embedded directories only: the PostgreSQL run (TEST_DATABASE_URL) would repeat it unchanged
describe.skipIf(process.env['TEST_DATABASE_URL'])('one process owns an embedded data directory', () => {
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
    // commands that are not safe beside a running server are refused, naming the holder; the rest it runs (control-socket.int.test.ts)
    for (const args of [['migrate'], ['demo']]) {
      const r = await runCli([...args, '--data', dir], EMBEDDED);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(holder);
    }

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
    // logs go to stderr: stdout carries the command's output
    expect(r.stderr).toContain('took over the data directory lock');
    expect(r.stderr).toContain(`"previousPid":${stale.pid}`);
    const h = await connect({ dataDir: dir });
    const logins = await h.db.selectFrom('audit_log').select('id').where('entity_id', '=', 'lockadmin').where('action', '=', 'login').execute();
    await h.close();
    expect(logins).toHaveLength(3);
  }, 600_000);
});
