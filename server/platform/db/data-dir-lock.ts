import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTROL_SOCKET } from '../cli/control-socket.ts';

/** what the lock file says about the process that holds the directory */
export interface LockOwner {
  pid: number;
  /** ISO time the lock was taken */
  since: string;
  command: string;
  /** Linux: boot id and start time of the process (clock ticks since boot), so a reused PID is not taken for the holder */
  boot?: string | undefined;
  start?: string | undefined;
}

export interface DataDirLock {
  readonly file: string;
  /** set when a lock left by a dead process was taken over */
  readonly tookOverFrom: LockOwner | null;
  release(): void;
}

/** a second process (or a second open in this one) on a directory someone already holds */
export class DataDirLockedError extends Error {
  readonly owner: LockOwner;
  /** the directory, resolved */
  readonly dir: string;
  constructor(dir: string, owner: LockOwner) {
    super(
      `数据目录 ${dir} 正由另一个进程使用（PID ${owner.pid}，命令：${owner.command}，自 ${localTime(owner.since)} 起）。` +
        `嵌入式数据库同一时间只能由一个进程打开，否则数据库会损坏。请先停止该进程（如 kill ${owner.pid}）再执行本命令，或通过正在运行的服务完成操作。`,
    );
    this.name = 'DataDirLockedError';
    this.owner = owner;
    this.dir = resolve(dir);
  }
}

export const LOCK_FILE = 'fazhi.lock';
const held = new Map<string, { fd: number; ino: number }>();

function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

// field 22 of /proc/<pid>/stat, after the parenthesised command name (which may itself hold spaces)
function procStart(pid: number | 'self'): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function bootId(): string | undefined {
  return readText('/proc/sys/kernel/random/boot_id');
}

/** whether the process named in the lock still runs (and is the same process, not a later one with its PID) */
export function ownerAlive(owner: LockOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.boot && bootId() && owner.boot !== bootId()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    // EPERM: it runs, under another user
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = owner.start ? procStart(owner.pid) : undefined;
  return !(owner.start && now && now !== owner.start);
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    return typeof o.pid === 'number' ? { pid: o.pid, since: String(o.since ?? ''), command: String(o.command ?? ''), boot: o.boot, start: o.start } : null;
  } catch {
    return null;
  }
}

/**
 * takes the directory for this process: an O_EXCL lock file with who holds it, released on close or exit;
 * a lock whose process is gone (killed, crashed, machine restarted) is taken over
 */
export function lockDataDir(dir: string, opts: { command?: string } = {}): DataDirLock {
  const file = join(resolve(dir), LOCK_FILE);
  if (held.has(file)) throw new DataDirLockedError(dir, parseOwner(readText(file) ?? '') ?? { pid: process.pid, since: '', command: 'this process' });
  let tookOverFrom: LockOwner | null = null;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
      let ino: number;
      let text: string;
      try {
        ino = statSync(file).ino;
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // released between our attempt and the look
      }
      const owner = parseOwner(text);
      // a lock file being written this instant has no content yet: give its writer a moment
      if (!owner && text === '' && attempt < 4) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      if (owner && ownerAlive(owner)) throw new DataDirLockedError(dir, owner);
      // remove the dead holder's file only if it is still the one we read
      try {
        if (statSync(file).ino === ino) unlinkSync(file);
      } catch {
        // someone else removed it first
      }
      tookOverFrom = owner ?? { pid: 0, since: '', command: '（无法读取的锁文件）' };
      continue;
    }
    const me: LockOwner = { pid: process.pid, since: new Date().toISOString(), command: opts.command ?? [process.argv0, ...process.argv.slice(1)].join(' '), boot: bootId(), start: procStart('self') };
    writeSync(fd, JSON.stringify(me));
    // a dead holder's control socket goes with its lock: no CLI command is sent to a server that is gone
    if (tookOverFrom) rmSync(join(resolve(dir), CONTROL_SOCKET), { force: true });
    const ino = fstatSync(fd).ino;
    held.set(file, { fd, ino });
    let released = false;
    return {
      file,
      tookOverFrom,
      release() {
        if (released) return;
        released = true;
        releaseFile(file);
      },
    };
  }
}

function releaseFile(file: string): void {
  const h = held.get(file);
  if (!h) return;
  held.delete(file);
  try {
    closeSync(h.fd);
  } catch {
    // already closed
  }
  try {
    // never remove a lock that a later holder took over
    if (existsSync(file) && statSync(file).ino === h.ino) unlinkSync(file);
  } catch {
    // gone already
  }
}

const releaseAll = (): void => {
  for (const file of [...held.keys()]) releaseFile(file);
};
// a normal exit (process.exit included) leaves no lock behind; a kill -9 leaves one the next start takes over
process.once('exit', releaseAll);
// a command interrupted by a signal releases too; where the process handles the signal itself (serve), that handler closes
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  const onSignal = (): void => {
    if (process.listenerCount(signal) > 1) return;
    releaseAll();
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  };
  process.on(signal, onSignal);
}
