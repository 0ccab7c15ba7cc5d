import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli-commands.ts';
import { cliActor, withoutGlobalOptions, withPlatform, type CliEnv } from '../cli/cli-env.ts';
import type { ConfigOverrides } from '../config/config.ts';
import { AppError } from '../http/errors.ts';
import type { ModuleDefinition } from '../module.ts';
import { loadCalendar } from './calendar.repository.ts';
import { decodeUpload } from './calendar.module.ts';
import { loadCalendarYear, parseUpload } from './calendar.service.ts';
import { calendarFromChineseDays, runDeadlineCli } from './deadline.cli.ts';
import { systemCtx } from '../workflow/workflow.service.ts';

/** a database was named: --data DIR, or DATABASE_URL */
const databaseGiven = (overrides: ConfigOverrides): boolean => !!overrides.dataDir || !!overrides.databaseUrl || !!process.env['DATABASE_URL'];

const LOAD_USAGE = [
  '用法：fazhi calendar load FILE [--data DIR]',
  '  FILE 为国务院办公厅节假日安排通知的一年数据，CSV 或 JSON：',
  '  CSV 每行“日期,类型,名称”，类型为 休 或 班，如 2027-01-01,休,元旦',
  '  JSON 如 {"year": 2027, "holidays": {"2027-01-01": "元旦"}, "workdays": {"2027-02-07": "春节"}}',
  '  导入后重新计算所有计时中的期限，届满日变化的逐条记入审计日志',
];

async function calendarLoad(args: string[], modules: () => Promise<ModuleDefinition[]>, env: CliEnv): Promise<number> {
  const { out } = env;
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
  return withPlatform(modules, env, async (platform) => {
    const r = await platform.db.transaction().execute((tx) => loadCalendarYear(systemCtx(platform, tx, new Date(), cliActor), platform.ledgers.all(), parsed, `文件:${basename(file)}`));
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
      forward: true,
      async run(args, env) {
        const { overrides, out } = env;
        const argv = withoutGlobalOptions(args);
        if (!env.platform && !databaseGiven(overrides)) return runDeadlineCli(argv, calendarFromChineseDays(), out);
        return withPlatform(modules, env, async (platform) => runDeadlineCli(argv, await loadCalendar(platform.db), out));
      },
    },
    {
      name: 'calendar',
      sub: 'load',
      usage: 'calendar load FILE                  导入或更正一年的节假日安排（CSV/JSON），并重新计算计时中的期限',
      forward: true,
      pathPositional: 1,
      run: (args, env) => calendarLoad(args, modules, env),
    },
  ];
}
