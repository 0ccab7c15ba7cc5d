import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
// embedded only: PostgreSQL mode has no directory to own
export const EMBEDDED = { DATABASE_URL: undefined, FAZHI_SECRET_KEY: undefined };

/** runs the fazhi CLI as a child process with the same Node (24) that runs the tests */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, opts: { cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(opts.cwd ? { cwd: opts.cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** a real embedded `fazhi serve` on the directory, resolved once it listens (its control socket is open by then) */
export async function startServer(dir: string, extraEnv: Record<string, string | undefined> = {}): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, ...EMBEDDED, LOG_LEVEL: 'warn', ...extraEnv };
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
