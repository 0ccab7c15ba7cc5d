import { parseArgs } from 'node:util';
import { z } from 'zod';
import { computeClock } from '../workflow/clock.ts';
import { chinaDateTime, chinaInstant, TIME_RE } from '../workflow/hours-clock.ts';
import { addCalendarDays, addWorkingDays, CalendarError, isIsoDate, type CalendarData } from './calendar.ts';

export { calendarFromChineseDays } from './holiday-data.ts';

export const DEADLINE_USAGE = [
  '用法：fazhi deadline --from YYYY-MM-DD --days N --working|--calendar [--no-roll]',
  '      fazhi deadline --from YYYY-MM-DD --at HH:MM --hours N',
  '  --from      起算事件发生日（期限自次日起算）',
  '  --days      期限天数（正整数）',
  '  --working   按工作日计算（跳过周末和法定节假日，调休上班日计入）',
  '  --calendar  按自然日计算（最后一日为节假日的，顺延至下一个工作日）',
  '  --no-roll   按自然日计算时不顺延',
  '  --hours     按小时连续计算（紧急工单等，昼夜、节假日均计入），与 --at 同用',
  '  --at        起算时刻（北京时间，时:分）',
];

const flagsSchema = z
  .object({
    from: z
      .string({ error: '缺少 --from（起算日期，格式YYYY-MM-DD）' })
      .refine(isIsoDate, { error: (issue) => `--from 应为有效日期（YYYY-MM-DD），收到“${String(issue.input)}”` }),
    days: z
      .string({ error: '缺少 --days（期限天数）' })
      .regex(/^\d{1,4}$/, { error: (issue) => `--days 应为1至9999之间的整数，收到“${String(issue.input)}”` })
      .transform(Number)
      .refine((n) => n >= 1, { error: '--days 应至少为1' })
      .optional(),
    hours: z
      .string()
      .regex(/^\d{1,4}$/, { error: (issue) => `--hours 应为1至9999之间的整数，收到“${String(issue.input)}”` })
      .transform(Number)
      .refine((n) => n >= 1, { error: '--hours 应至少为1' })
      .optional(),
    at: z
      .string()
      .refine((v) => TIME_RE.test(v), { error: (issue) => `--at 应为时:分（如 09:15），收到“${String(issue.input)}”` })
      .optional(),
    working: z.boolean().default(false),
    calendar: z.boolean().default(false),
    'no-roll': z.boolean().default(false),
  })
  .refine((f) => (f.hours === undefined ? f.working !== f.calendar : !f.working && !f.calendar && f.days === undefined), { error: '请指定 --working（工作日）、--calendar（自然日）或 --hours（小时）三者之一', path: ['working'] })
  .refine((f) => f.hours !== undefined || f.days !== undefined, { error: '缺少 --days（期限天数）', path: ['days'] })
  .refine((f) => (f.hours === undefined) === (f.at === undefined), { error: '--hours 与 --at（起算时刻）须同时指定', path: ['at'] })
  .refine((f) => !(f.working && f['no-roll']), { error: '--no-roll 只适用于 --calendar', path: ['no-roll'] });

const PARSE_ERRORS: Record<string, string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: '无法识别的参数',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: '参数缺少取值或取值有误',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: '多余的参数',
};

/**
 * `fazhi deadline`: prints the due date (ISO) alone on the first line, then how it was counted.
 * Exit codes: 0 done, 1 the calendar lacks a year the counting needs, 2 bad flags.
 */
export async function runDeadlineCli(argv: string[], cal: CalendarData, out: (line: string) => void): Promise<number> {
  const args = argv[0] === 'deadline' ? argv.slice(1) : argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        days: { type: 'string' },
        working: { type: 'boolean' },
        calendar: { type: 'boolean' },
        'no-roll': { type: 'boolean' },
        hours: { type: 'string' },
        at: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    out(`参数有误：${PARSE_ERRORS[code] ?? '无法解析'}（${(e as Error).message}）`);
    DEADLINE_USAGE.forEach((line) => out(line));
    return 2;
  }
  if (values['help']) {
    DEADLINE_USAGE.forEach((line) => out(line));
    return 0;
  }
  const flags = flagsSchema.safeParse(values);
  if (!flags.success) {
    for (const issue of flags.error.issues) out(`参数有误：${issue.message}`);
    DEADLINE_USAGE.forEach((line) => out(line));
    return 2;
  }
  const { from, days, working, hours, at } = flags.data;
  if (hours !== undefined && at !== undefined) {
    const s = computeClock({ id: 'cli', label: '期限', days: hours, unit: 'hours' }, [{ kind: 'start', date: from, at: chinaInstant(from, at) }], cal, { today: from, now: new Date(chinaInstant(from, at)) });
    out(chinaDateTime(String(s.dueAt)));
    s.explanation.filter((l) => !l.startsWith('截至')).forEach((line) => out(line));
    return 0;
  }
  try {
    const n = days ?? 0;
    const result = working
      ? addWorkingDays(from, n, cal)
      : addCalendarDays(from, n, cal, { rollToWorkingDay: !flags.data['no-roll'] });
    out(result.due);
    result.explanation.forEach((line) => out(line));
    return 0;
  } catch (e) {
    if (e instanceof CalendarError) {
      out(e.detail);
      return 1;
    }
    throw e;
  }
}
