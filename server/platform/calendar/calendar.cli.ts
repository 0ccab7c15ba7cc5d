import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { CliCommand } from '../../cli-commands.ts';
import { startPlatform } from '../bootstrap.ts';
import type { ConfigOverrides } from '../config/config.ts';
import { AppError } from '../http/errors.ts';
import { systemActor } from '../http/context.ts';
import type { ModuleDefinition, Platform } from '../module.ts';
import { loadCalendar } from './calendar.repository.ts';
import { decodeUpload } from './calendar.module.ts';
import { loadCalendarYear, parseUpload } from './calendar.service.ts';
import { calendarFromChineseDays, runDeadlineCli } from './deadline.cli.ts';
import { systemCtx } from '../workflow/workflow.service.ts';

type Out = (line: string) => void;

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

/** a database was named: --data DIR, or DATABASE_URL */
const databaseGiven = (overrides: ConfigOverrides): boolean => !!overrides.dataDir || !!overrides.databaseUrl || !!process.env['DATABASE_URL'];

// logs go to stderr: stdout carries the command's output (the due date on the first line)
export async function withPlatform<T>(modules: () => Promise<ModuleDefinition[]>, overrides: ConfigOverrides, fn: (platform: Platform) => Promise<T>): Promise<T> {
  const log = pino({ level: process.env['LOG_LEVEL'] ?? 'warn' }, pino.destination(2));
  const started = await startPlatform(await modules(), overrides, process.env, log);
  try {
    return await fn(started.platform);
  } finally {
    await started.handle.close();
  }
}

const LOAD_USAGE = [
  '用法：fazhi calendar load FILE [--data DIR]',
  '  FILE 为国务院办公厅节假日安排通知的一年数据，CSV 或 JSON：',
  '  CSV 每行“日期,类型,名称”，类型为 休 或 班，如 2027-01-01,休,元旦',
  '  JSON 如 {"year": 2027, "holidays": {"2027-01-01": "元旦"}, "workdays": {"2027-02-07": "春节"}}',
  '  导入后重新计算所有计时中的期限，届满日变化的逐条记入审计日志',
];

async function calendarLoad(args: string[], modules: () => Promise<ModuleDefinition[]>, overrides: ConfigOverrides, out: Out): Promise<number> {
  const { positionals } = parseArgs({ args: withoutGlobalOptions(args), allowPositionals: true, strict: false });
  const [sub, file] = positionals;
  if (sub !== 'load' || !file) {
    LOAD_USAGE.forEach((l) => out(l));
    return 2;
  }
  let text: string;
  try {
    text = decodeUpload(readFileSync(file));
  } catch (e) {
    out(`无法读取文件 ${file}：${(e as Error).message}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseUpload>;
  try {
    parsed = parseUpload(text);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    out(`${file}：${e.detail}`);
    e.errors.forEach((err) => out(`  ${err.message}`));
    return 2;
  }
  return withPlatform(modules, overrides, async (platform) => {
    const actor = { ...systemActor, username: 'cli', displayName: '命令行' };
    const r = await platform.db.transaction().execute((tx) => loadCalendarYear(systemCtx(platform, tx, new Date(), actor), platform.ledgers.all(), parsed, `文件:${basename(file)}`));
    out(`已${r.corrected ? '更正' : '导入'}${r.year}年工作日历：法定节假日${r.holidays}天，调休上班${r.workdays}天（来源：${r.source}）`);
    for (const a of r.added) out(`  新增 ${a}`);
    for (const d of r.removed) out(`  删除 ${d}`);
    out(`重新计算计时中的期限${r.recomputed}项，届满日变化${r.moved.length}项${r.moved.length ? '（已记入审计日志）：' : ''}`);
    for (const m of r.moved) out(`  ${m.ledger} #${m.recordId} ${m.label}：${m.from ?? '无法计算'} → ${m.to ?? '无法计算'}`);
    return 0;
  });
}

/** the CLI commands of the calendar; modules are passed in so the platform does not import them */
export function calendarCliCommands(modules: () => Promise<ModuleDefinition[]>): CliCommand[] {
  return [
    {
      name: 'deadline',
      usage: 'deadline --from YYYY-MM-DD --days N --working|--calendar   计算届满日（第一行为日期）；给出 --data 或 DATABASE_URL 时用数据库中的工作日历',
      async run(args, { overrides, out }) {
        const argv = withoutGlobalOptions(args);
        if (!databaseGiven(overrides)) return runDeadlineCli(argv, calendarFromChineseDays(), out);
        return withPlatform(modules, overrides, async (platform) => runDeadlineCli(argv, await loadCalendar(platform.db), out));
      },
    },
    {
      name: 'calendar',
      sub: 'load',
      usage: 'calendar load FILE                  导入或更正一年的节假日安排（CSV/JSON），并重新计算计时中的期限',
      run: (args, { overrides, out }) => calendarLoad(args, modules, overrides, out),
    },
  ];
}
