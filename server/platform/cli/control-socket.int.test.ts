import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED, runCli, startServer } from '../../test/cli.ts';
import { connect } from '../db/connect.ts';
import { LOCK_FILE } from '../db/data-dir-lock.ts';
import { CONTROL_SOCKET } from './control-socket.ts';

const PASSWORD = 'Sock@Test2026';
// derived from the ledgers and recounted on restore; the migration bookkeeping is the restoring binary's own
const NOT_BACKED_UP = new Set(['kysely_migration', 'kysely_migration_lock', 'indicator_tally', 'indicator_tally_spec', 'authz_state']);

/** every row of every table, in a stable order */
async function contents(dir: string): Promise<Record<string, unknown[]>> {
  const h = await connect({ dataDir: dir });
  try {
    const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(h.db)).rows.map((r) => r.name).filter((t) => !NOT_BACKED_UP.has(t));
    const all: Record<string, unknown[]> = {};
    for (const t of tables) all[t] = (await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by 1`.execute(h.db)).rows;
    return all;
  } finally {
    await h.close();
  }
}

async function login(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return res.status;
}

// embedded directories only: the PostgreSQL run (TEST_DATABASE_URL) would repeat it unchanged
describe.skipIf(process.env['TEST_DATABASE_URL'])('CLI commands beside a running server go through its control socket', () => {
  const base = mkdtempSync(join(tmpdir(), 'fazhi-sock-'));
  const dir = join(base, 'data');
  const socket = join(dir, CONTROL_SOCKET);
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  });

  it('runs backup, audit verify and checkpoints, indicators verify and user add in the server, refuses restore and migrate, and the backup restores to equal data', async () => {
    const added = await runCli(['user', 'add', '--data', dir, '--username', 'sockadmin', '--name', '管理员', '--org', '330726001000', '--org-name', '某某镇', '--role', 'sysadmin', '--password', PASSWORD], EMBEDDED);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);

    const server = await startServer(dir);
    children.push(server.child);
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    const via = `（通过正在运行的服务进程 PID ${server.child.pid} 执行）`;

    const verified = await runCli(['audit', 'verify', '--data', dir], EMBEDDED);
    expect(verified.stderr).toBe(`${via}\n`);
    expect(verified.stdout).toMatch(/^审计日志完整：已核验 \d+ 条，哈希链连续，\d+ 个检查点均吻合。\n$/);
    expect(verified.code).toBe(0);

    // the auditor's checkpoint export and a verify against it, both with files relative to the shell
    const exported = await runCli(['audit', 'checkpoints', '--out', 'checkpoints.jsonl', '--data', dir], EMBEDDED, { cwd: base });
    expect(exported.stderr).toBe(`${via}\n`);
    expect(exported.code).toBe(0);
    expect(statSync(join(base, 'checkpoints.jsonl')).mode & 0o777).toBe(0o600);
    const anchored = await runCli(['audit', 'verify', '--anchors=checkpoints.jsonl', '--data', dir], EMBEDDED, { cwd: base });
    expect(anchored.stdout).toMatch(/^审计日志完整：/);
    expect(anchored.code).toBe(0);

    const indicators = await runCli(['indicators', 'verify', '--data', dir], EMBEDDED);
    expect(indicators.stderr).toBe(`${via}\n`);
    expect(indicators.stdout).toMatch(/核对一致：.*统计台账与台账记录重新计数的结果完全相同。/);
    expect(indicators.code).toBe(0);

    // a write goes through the server's own handle: the server sees the user at once
    const user = await runCli(['user', 'add', '--data', dir, '--username', 'sockclerk', '--org', '330726001000', '--role', 'sysadmin', '--password', PASSWORD], EMBEDDED);
    expect(user.stderr).toBe(`${via}\n`);
    expect(user.code).toBe(0);
    expect(await login(server.url, 'sockclerk', PASSWORD)).toBe(200);
    // a refusal the server makes comes back with its exit code
    const again = await runCli(['user', 'add', '--data', dir, '--username', 'sockclerk', '--org', '330726001000', '--role', 'sysadmin'], EMBEDDED);
    expect(again.stderr).toBe(`${via}\n用户名 sockclerk 已存在\n`);
    expect(again.code).toBe(1);

    // a relative --out is the CLI's: resolved against its working directory, written by the server, owner-only
    const backedUp = await runCli(['backup', '--out', 'running.fzb', '--data', dir], EMBEDDED, { cwd: base });
    expect(backedUp.stderr).toBe(`${via}\n`);
    expect(backedUp.stdout).toContain(`备份完成：${join(base, 'running.fzb')}`);
    expect(backedUp.code).toBe(0);
    const file = join(base, 'running.fzb');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const holder = new RegExp(`PID ${server.child.pid}，命令：.*serve --data.*请先停止该进程`);
    for (const args of [['restore', file, '--data', dir], ['migrate', '--data', dir]]) {
      const r = await runCli(args, EMBEDDED);
      expect(r.code, args[0]).not.toBe(0);
      expect(r.stderr, args[0]).toMatch(holder);
      expect(r.stderr, args[0]).not.toContain(via);
    }

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(socket)).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    const fresh = join(base, 'restored');
    const restored = await runCli(['restore', file, '--data', fresh], EMBEDDED);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const [original, copy] = [await contents(dir), await contents(fresh)];
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    // the server's checkpoint at shutdown came after the backup; everything else is as the backup saw it
    const checkpoints = original['audit_checkpoint'] ?? [];
    expect(checkpoints.at(-1)).toMatchObject({ reason: 'stop' });
    original['audit_checkpoint'] = checkpoints.slice(0, -1);
    for (const t of Object.keys(original)) expect(copy[t], t).toEqual(original[t]);
    expect(original['app_user']?.length).toBe(2);
    const h = await connect({ dataDir: dir });
    const created = await h.db.selectFrom('audit_log').select(['actor_name', 'ip']).where('entity', '=', 'user').where('action', '=', 'create').orderBy('id').execute();
    await h.close();
    expect(created).toEqual([
      { actor_name: 'cli', ip: 'cli' },
      { actor_name: 'cli', ip: 'cli' },
    ]);
  }, 600_000);

  it('a socket left by a server killed with SIGKILL does not stop the next server, whose own socket answers', async () => {
    const killed = await startServer(dir);
    children.push(killed.child);
    const before = statSync(socket).ino;
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(existsSync(socket)).toBe(true);

    const server = await startServer(dir);
    children.push(server.child);
    expect(statSync(socket).ino).not.toBe(before);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    const verified = await runCli(['audit', 'verify', '--data', dir], EMBEDDED);
    expect(verified.stderr).toBe(`（通过正在运行的服务进程 PID ${server.child.pid} 执行）\n`);
    expect(verified.code).toBe(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(socket)).toBe(false);
  }, 600_000);
});
