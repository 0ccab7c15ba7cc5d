import pino from 'pino';
import { startPlatform } from '../bootstrap.ts';
import type { ConfigOverrides } from '../config/config.ts';
import { systemActor, type Actor } from '../http/context.ts';
import type { ModuleDefinition, Platform } from '../module.ts';

/** where a command runs: its output, and the running server's platform when it came over the control socket */
export interface CliEnv {
  overrides: ConfigOverrides;
  out: (line: string) => void;
  err: (line: string) => void;
  /** set when the server runs the command for a CLI process: use this platform, never open the directory again */
  platform?: Platform | undefined;
}

/** the actor of every write a CLI command makes, in its own process or through the server (audited with ip `cli`) */
export const cliActor: Actor = { ...systemActor, username: 'cli', displayName: '命令行' };

// the global options main.ts reads itself; the subcommands' own parsers must not see them
const GLOBAL = new Set(['--data', '--port']);

export function withoutGlobalOptions(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (GLOBAL.has(a)) i++;
    else if (![...GLOBAL].some((g) => a.startsWith(`${g}=`))) out.push(a);
  }
  return out;
}

/**
 * runs the command's body on the server's platform when there is one, otherwise on a platform started for it
 * (logs to stderr: stdout carries the command's output) and closed afterwards
 */
export async function withPlatform<T>(modules: () => Promise<ModuleDefinition[]>, env: Pick<CliEnv, 'overrides' | 'platform'>, fn: (platform: Platform) => Promise<T>): Promise<T> {
  if (env.platform) return fn(env.platform);
  const log = pino({ level: process.env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
  const started = await startPlatform(await modules(), env.overrides, process.env, log);
  try {
    return await fn(started.platform);
  } finally {
    await started.handle.close();
  }
}
