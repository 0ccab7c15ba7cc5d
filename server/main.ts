#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { demoBanner, seedDemo } from './demo/demo.seed.ts';
import { modules } from './modules/index.ts';
import { anchorConfig, startAnchoring } from './platform/audit/audit-checkpoint.service.ts';
import { startPlatform, type Started } from './platform/bootstrap.ts';
import type { CliEnv } from './platform/cli/cli-env.ts';
import { withoutGlobalOptions } from './platform/cli/cli-env.ts';
import { forwardToServer, listenControl, type ControlChannel, type ControlIo } from './platform/cli/control-socket.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import type { Platform } from './platform/module.ts';
import { cliCommands, findCliCommand, withAbsolutePaths } from './cli-commands.ts';
import { ensureWebBuild } from './web-build.ts';

const USAGE = `法治 fazhi — 法治政府建设工作平台

用法: fazhi <命令> [选项]

  serve [--demo]            启动服务（--demo：空数据库时创建演示县与演示账号）
${cliCommands.map((c) => `  ${c.usage}`).join('\n')}

通用选项: --data DIR（嵌入式数据库目录，默认 ./data）或环境变量 DATABASE_URL；--port N
嵌入式数据目录同一时间只能由一个进程打开。服务运行时，${forwardedNames()} 由正在运行的服务进程代为执行；
其他命令（restore、migrate、demo）会被拒绝，请先停止服务。
`;

function forwardedNames(): string {
  return [...new Set(cliCommands.filter((c) => c.forward).map((c) => (c.sub ? `${c.name} ${c.sub}` : c.name)))].join('、');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({ args: rest, allowPositionals: true, strict: false, options: { data: { type: 'string' }, demo: { type: 'boolean' }, port: { type: 'string' } } });
  const dataDir = typeof values.data === 'string' ? values.data : undefined;
  const overrides = { dataDir, port: typeof values.port === 'string' ? Number(values.port) : undefined };
  const env: CliEnv = { overrides, out: (line) => console.log(line), err: (line) => console.error(line) };

  if (command === 'serve') return serve(overrides, values.demo === true);
  if (command === undefined || command === 'help' || command === '--help') {
    env.out(USAGE);
    return 0;
  }
  const cli = findCliCommand(argv);
  if (!cli) {
    env.err(`未知命令：${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await cli.run(rest, env);
  } catch (e) {
    // the directory is a running server's: a command safe beside it is run by that server, the rest are refused
    if (!(e instanceof DataDirLockedError) || !cli.forward) throw e;
    const forwarded = await forwardToServer(e.dir, [command, ...withAbsolutePaths(cli, withoutGlobalOptions(rest), process.cwd())], env);
    if (forwarded === null) throw e;
    return forwarded;
  }
}

/** a command a CLI process sent over the control socket, run on the server's own platform */
function runForServer(platform: Platform): (argv: string[], io: ControlIo) => Promise<number> {
  return async (argv, io) => {
    const cli = findCliCommand(argv);
    if (!cli?.forward) {
      io.err(`命令 ${argv.slice(0, 2).join(' ')} 不能在服务运行时执行，请先停止服务`);
      return 2;
    }
    return cli.run(argv.slice(1), { overrides: {}, out: io.out, err: io.err, platform });
  };
}

async function serve(overrides: { dataDir?: string | undefined; port?: number | undefined }, demo: boolean): Promise<number> {
  // the pages come from web/dist: build it first (a fresh clone has none), or refuse saying how (FAZHI_WEB=off: API only)
  if (process.env['FAZHI_WEB'] !== 'off') {
    const web = await ensureWebBuild();
    if (web.state === 'unbuildable') {
      console.error(web.message);
      return 1;
    }
    if (web.state === 'built') console.log(`网页已构建（${web.seconds.toFixed(1)} 秒，${web.reason}）`);
  }
  const started: Started = await startPlatform(modules, overrides);
  const { platform, handle } = started;
  if (demo && (await seedDemo(platform))) platform.log.info('demo county created');
  const { app } = await buildApp(platform);
  // the chain head is anchored at start, periodically, and at shutdown (decision 0008)
  const anchoring = await startAnchoring(platform.db, anchorConfig(platform.config), platform.config.auditCheckpointMinutes, platform.log);
  let control: ControlChannel | null = null;
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    platform.log.info({ signal }, 'shutting down');
    await control?.close();
    await app.close();
    await anchoring.stop().catch((err: unknown) => platform.log.error({ err }, 'audit checkpoint at shutdown failed'));
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  for (const m of platform.modules) await m.onServe?.(platform);
  await app.listen({ port: platform.config.port, host: platform.config.host });
  // an embedded directory is this process's alone: other commands on it come through here (PostgreSQL needs none)
  if (handle.kind === 'pglite' && !platform.config.dataDir.startsWith('memory://') && !closing) {
    try {
      control = await listenControl(platform.config.dataDir, runForServer(platform), platform.log);
    } catch (e) {
      platform.log.warn({ err: e }, 'no control socket: CLI commands cannot run beside this server');
    }
  }
  const where = `http://${platform.config.host}:${platform.config.port}`;
  console.log(`\n法治平台已启动：${where}  （数据：${platform.config.databaseUrl ? 'PostgreSQL' : platform.config.dataDir}）`);
  if (demo) console.log(demoBanner());
  return -1;
}

// stdout piped into a slow reader (`fazhi review --format json | less`) is written asynchronously: exit only once
// everything written has been handed over, or the reader gets a cut-off document
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}

async function exitWith(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) void exitWith(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    void exitWith(1);
  },
);
