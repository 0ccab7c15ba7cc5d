import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';

/**
 * The local control channel of `fazhi serve` on an embedded directory (decision 0007): a CLI command that finds the
 * directory owned by the server sends itself here and the server runs it on its own database handle.
 * Protocol, one JSON object a line. CLI → server: {"argv": [...]}. Server → CLI: {"pid": N}, then any number of
 * {"out": line} / {"err": line}, then {"exit": code}.
 */
export const CONTROL_SOCKET = 'fazhi.sock';
// sun_path holds 108 bytes with the terminating NUL
const MAX_SOCKET_PATH = 107;
const MAX_REQUEST = 1 << 20;

export interface ControlIo {
  out(line: string): void;
  err(line: string): void;
}
export type ControlHandler = (argv: string[], io: ControlIo) => Promise<number>;

export function controlSocketPath(dataDir: string): string {
  return join(resolve(dataDir), CONTROL_SOCKET);
}

export interface ControlChannel {
  readonly path: string;
  close(): Promise<void>;
}

/**
 * listens on DIR/fazhi.sock, readable and writable by the owner only (the CLI runs as the same OS user).
 * The caller holds the directory lock, so a socket already there is a dead server's and is replaced.
 */
export async function listenControl(dataDir: string, handler: ControlHandler, log: Logger): Promise<ControlChannel | null> {
  const path = controlSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    log.warn({ path }, 'data directory path too long for a control socket: CLI commands cannot run beside this server');
    return null;
  }
  rmSync(path, { force: true });
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
    serveConnection(socket, handler, log);
  });
  // the socket file is created by bind(), inside listen(): a restrictive umask for that instant means it is never wider than 0600
  const umask = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(umask);
  }
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  });
  chmodSync(path, 0o600);
  const ino = statSync(path).ino;
  const removeOwn = (): void => {
    try {
      if (statSync(path).ino === ino) rmSync(path, { force: true });
    } catch {
      // gone already
    }
  };
  process.once('exit', removeOwn);
  let closed: Promise<void> | null = null;
  return {
    path,
    close() {
      closed ??= new Promise<void>((done) => {
        server.close(() => {
          removeOwn();
          done();
        });
        // a command still running finishes in the server; its CLI is told the server went away
        for (const s of connections) s.destroy();
      });
      return closed;
    },
  };
}

function serveConnection(socket: Socket, handler: ControlHandler, log: Logger): void {
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  const send = (msg: Record<string, unknown>): void => {
    if (socket.writable) socket.write(`${JSON.stringify(msg)}\n`);
  };
  let buffered = '';
  let started = false;
  const onData = (chunk: string): void => {
    buffered += chunk;
    const nl = buffered.indexOf('\n');
    if (nl < 0) {
      if (buffered.length > MAX_REQUEST) socket.destroy();
      return;
    }
    socket.off('data', onData);
    if (started) return;
    started = true;
    let argv: unknown;
    try {
      argv = (JSON.parse(buffered.slice(0, nl)) as { argv?: unknown }).argv;
    } catch {
      argv = undefined;
    }
    send({ pid: process.pid });
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
      send({ err: '控制通道请求格式错误' });
      send({ exit: 2 });
      socket.end();
      return;
    }
    const command = argv.slice(0, 2).join(' ');
    log.info({ command }, 'running a CLI command for a local process');
    handler(argv, { out: (line) => send({ out: line }), err: (line) => send({ err: line }) })
      .catch((e: unknown) => {
        log.error({ command, err: e }, 'CLI command failed in the server');
        send({ err: e instanceof Error ? e.message : String(e) });
        return 1;
      })
      .then((code) => {
        send({ exit: code });
        socket.end();
      });
  };
  socket.on('data', onData);
}

/**
 * hands `argv` to the server listening in `dataDir`; null when none answers (no socket, or a dead server's),
 * so the caller reports the lock as before
 */
export function forwardToServer(dataDir: string, argv: string[], io: ControlIo): Promise<number | null> {
  const path = controlSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((done) => {
    let answered = false;
    let finished = false;
    const finish = (code: number | null): void => {
      if (finished) return;
      finished = true;
      socket.destroy();
      done(code);
    };
    const socket = connect(path);
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write(`${JSON.stringify({ argv })}\n`));
    socket.on('error', () => {
      if (!answered) finish(null);
    });
    const lines = createInterface({ input: socket, crlfDelay: Infinity });
    lines.on('line', (line) => {
      let msg: { pid?: number; out?: string; err?: string; exit?: number };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (typeof msg.pid === 'number') {
        answered = true;
        io.err(`（通过正在运行的服务进程 PID ${msg.pid} 执行）`);
      } else if (typeof msg.out === 'string') io.out(msg.out);
      else if (typeof msg.err === 'string') io.err(msg.err);
      else if (typeof msg.exit === 'number') finish(msg.exit);
    });
    socket.once('close', () => {
      if (finished) return;
      if (answered) io.err('服务进程在命令完成前断开了连接（服务可能已停止），请检查结果后重试');
      finish(answered ? 1 : null);
    });
  });
}
