import { parseArgs } from 'node:util';
import type { CliCommand } from '../../cli-commands.ts';
import { withPlatform, withoutGlobalOptions } from '../cli/cli-env.ts';
import { isIsoDate } from '../calendar/calendar.ts';
import type { ModuleDefinition } from '../module.ts';
import { scanDeadlines } from './reminder.service.ts';

const SCAN_USAGE = ['用法：fazhi reminders scan [--date YYYY-MM-DD] [--data DIR]', '  扫描所有期限，标记即将到期和已超期事项并发送提醒（多台服务器同时运行时只有一台执行）'];

/** `fazhi reminders scan`: the daily scan on demand (cron, or a server that does not run `serve`) */
export function workflowCliCommands(modules: () => Promise<ModuleDefinition[]>): CliCommand[] {
  return [
    {
      name: 'reminders',
      sub: 'scan',
      usage: 'reminders scan [--date YYYY-MM-DD]  扫描期限、发送到期提醒（服务运行时每日自动执行）',
      forward: true,
      async run(args, env) {
        const { out } = env;
        const { values, positionals } = parseArgs({ args: withoutGlobalOptions(args), allowPositionals: true, strict: false, options: { date: { type: 'string' } } });
        const date = typeof values['date'] === 'string' ? values['date'] : undefined;
        if (positionals[0] !== 'scan' || (date !== undefined && !isIsoDate(date))) {
          SCAN_USAGE.forEach((l) => out(l));
          return 2;
        }
        return withPlatform(modules, env, async (platform) => {
          const r = await scanDeadlines(platform, date);
          if (r.skipped) out('另一进程正在扫描，本次跳过。');
          else out(`${r.today} 到期扫描：新纳入${r.adopted}条，重新计算${r.recomputed}项（届满日变化${r.moved.length}项），即将到期${r.dueSoon}项，已超期${r.overdue}项，发送提醒${r.notified}条`);
          return 0;
        });
      },
    },
  ];
}
