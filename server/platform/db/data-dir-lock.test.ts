import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'fazhi-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// the PID of a process that has already exited
const deadPid = (): number => {
  // the child's own PID from spawnSync, not its output: a loaded machine may cut a child short before it prints
  const { pid } = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  if (!pid) throw new Error('could not start a child process');
  return pid;
};

describe('data directory lock', () => {
  it('refuses a second holder, naming the process, its command and since when', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir, { command: 'fazhi serve --data x' });
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      try {
        lockDataDir(dir);
      } catch (e) {
        expect((e as Error).message).toContain(`PID ${process.pid}`);
        expect((e as Error).message).toContain('fazhi serve --data x');
        expect((e as Error).message).toMatch(/请先停止该进程/);
      }
    } finally {
      lock.release();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a process that no longer runs, and says whose it was', () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, since: '2026-01-01T00:00:00.000Z', command: 'fazhi serve' }));
    const lock = lockDataDir(dir);
    try {
      expect(lock.tookOverFrom?.pid).toBe(pid);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    } finally {
      lock.release();
    }
  });

  it('takes over a lock whose PID now belongs to another process (started later than the holder)', () => {
    const dir = tempDir();
    // this process is alive, but the lock names a different start time: the PID was reused
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, since: '2026-01-01T00:00:00.000Z', command: 'fazhi serve', start: '1' }));
    const lock = lockDataDir(dir);
    expect(lock.tookOverFrom?.pid).toBe(process.pid);
    lock.release();
  });

  it('does not remove a lock that a later holder took over', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    rmSync(join(dir, LOCK_FILE));
    const other = JSON.stringify({ pid: 1, since: '2026-01-01T00:00:00.000Z', command: 'other' });
    writeFileSync(join(dir, LOCK_FILE), other);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });
});
