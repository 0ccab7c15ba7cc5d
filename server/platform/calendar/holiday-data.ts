import { z } from 'zod';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysPackage from 'chinese-days/package.json' with { type: 'json' };
import { AppError, type FieldError } from '../http/errors.ts';
import { isIsoDate, weekdayName, weekdayOf, yearOf, type CalendarData, type IsoDate } from './calendar.ts';
import { CONTROL_CHAR_MESSAGE, isCleanText } from '../http/validate.ts';

export type CalendarRowKind = 'holiday' | 'workday';

/** one row of the calendar table; year is the year of the State Council notice the row comes from */
export interface CalendarRow {
  date: IsoDate;
  kind: CalendarRowKind;
  name: string;
  year: number;
}

export const CHINESE_DAYS_SOURCE = `chinese-days@${chineseDaysPackage.version}`;

// chinese-days values look like "National Day,国庆节,3": English name, Chinese name, length
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function chineseName(value: string): string {
  const name = value.split(',')[1]?.trim() || value;
  return FULL_NAMES[name] ?? name;
}

/** every holiday and make-up working day in the chinese-days package (2004 to the latest year it has) */
export function chineseDaysRows(): CalendarRow[] {
  const toRows = (entries: Record<string, string>, kind: CalendarRowKind): CalendarRow[] =>
    Object.entries(entries).map(([date, value]) => ({ date, kind, name: chineseName(value), year: yearOf(date) }));
  return [...toRows(chineseDays.holidays, 'holiday'), ...toRows(chineseDays.workdays, 'workday')].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/** builds the calendar from rows; the known years are the given ones (default: the years the rows belong to) */
export function calendarFromRows(rows: readonly CalendarRow[], years: Iterable<number> = rows.map((r) => r.year)): CalendarData {
  const holidays = new Map<IsoDate, string>();
  const workdays = new Map<IsoDate, string>();
  for (const row of rows) (row.kind === 'holiday' ? holidays : workdays).set(row.date, row.name);
  return { years: new Set(years), holidays, workdays };
}

/** the calendar straight from the chinese-days package, without a database (CLI, tests) */
export function calendarFromChineseDays(): CalendarData {
  return calendarFromRows(chineseDaysRows());
}

// ---- administrator uploads ----

/** one problem in an uploaded file; line is 1-based, null when the problem is about the whole file */
export interface CalendarFileError {
  line: number | null;
  field: string;
  message: string;
}

export type CalendarFileResult =
  | { ok: true; year: number; rows: CalendarRow[] }
  | { ok: false; errors: CalendarFileError[] };

const FIELD_LABELS: Record<string, string> = { date: '日期', kind: '类型', name: '名称', year: '年度', file: '文件' };

const KIND_ALIASES: Record<string, CalendarRowKind> = { 休: 'holiday', 班: 'workday', holiday: 'holiday', workday: 'workday' };

/** accepts 2027-01-01, 2027-1-1 and 2027/1/1 (as Excel writes dates) and yields YYYY-MM-DD */
function normalizeDate(value: string): string {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : value;
}

const rowSchema = z.object({
  date: z
    .string()
    .trim()
    .transform(normalizeDate)
    .refine(isIsoDate, { error: (issue) => `“${String(issue.input)}”不是有效日期，格式应为YYYY-MM-DD` }),
  kind: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const kind = KIND_ALIASES[v.toLowerCase()];
      if (kind) return kind;
      ctx.addIssue({ code: 'custom', message: `“${v}”无效，应为“休”或“班”（也可写 holiday / workday）` });
      return z.NEVER;
    }),
  name: z.string().trim().min(1, { error: '不能为空' }).max(40, { error: '不能超过40个字' }).refine(isCleanText, CONTROL_CHAR_MESSAGE),
});

const jsonFileSchema = z.object({
  year: z.number({ error: '应为年份数字，如2027' }).int({ error: '应为整数年份' }).min(2004, { error: '不能早于2004年' }).max(2100, { error: '不能晚于2100年' }),
  holidays: z.record(z.string(), z.string(), { error: '应为对象：{"2027-01-01": "元旦", …}' }),
  workdays: z.record(z.string(), z.string(), { error: '应为对象：{"2027-02-07": "春节", …}' }).default({}),
});

interface RawRow {
  line: number | null;
  /** where the row sits in the file, for messages: "date" for CSV, "holidays.2027-01-01" for JSON */
  path: string;
  input: { date: string; kind: string; name: string };
}

// "第3行 日期：…" for a CSV column, "第5行 名称（holidays.2027-01-01）：…" for a JSON entry
function fileError(line: number | null, field: string, message: string, label = FIELD_LABELS[field] ?? field): CalendarFileError {
  const where = line === null ? '' : `第${line}行 `;
  const place = label !== field && field.includes('.') ? `${label}（${field}）` : label;
  return { line, field, message: `${where}${place}：${message}` };
}

/**
 * parses an administrator's upload of one year's State Council holiday notice. Two formats:
 * - JSON: {"year": 2027, "holidays": {"2027-01-01": "元旦", …}, "workdays": {"2027-02-07": "春节", …}}
 * - CSV, one day per line: `date,kind,name`, e.g. `2027-01-01,休,元旦` or `2027-02-07,班,春节`
 *   (kind 休/班 or holiday/workday; optional header line; lines starting with # are comments)
 * List every day off of each holiday period (weekend days inside it may be listed too). Dates must fall in the notice's year, or in
 * December of the year before (a make-up day announced in the next year's notice). Returns every error found.
 */
export function parseCalendarFile(text: string): CalendarFileResult {
  const body = text.replace(/^\uFEFF/, '');
  return body.trimStart().startsWith('{') ? parseJson(body) : parseCsv(body);
}

function parseJson(text: string): CalendarFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [fileError(null, 'file', `JSON格式有误（${(e as Error).message}）`)] };
  }
  const parsed = jsonFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join('.') || 'file';
        return fileError(lineOf(text, `"${String(issue.path[0] ?? '')}"`), field, issue.message);
      }),
    };
  }
  const { year, holidays, workdays } = parsed.data;
  const raw = (entries: Record<string, string>, kind: string, key: string): RawRow[] =>
    Object.entries(entries).map(([date, name]) => ({ line: lineOf(text, `"${date}"`), path: `${key}.${date}`, input: { date, kind, name } }));
  return validateRows([...raw(holidays, 'holiday', 'holidays'), ...raw(workdays, 'workday', 'workdays')], year);
}

function parseCsv(text: string): CalendarFileResult {
  const rows: RawRow[] = [];
  const errors: CalendarFileError[] = [];
  text.split(/\r?\n/).forEach((content, i) => {
    const line = i + 1;
    const trimmed = content.trim();
    if (!trimmed || trimmed.startsWith('#') || /^(date|日期)\s*,/i.test(trimmed)) return;
    const cells = trimmed.split(',');
    if (cells.length !== 3) {
      errors.push(fileError(line, 'file', `应为3列“日期,类型,名称”，实际${cells.length}列`));
      return;
    }
    const [date = '', kind = '', name = ''] = cells;
    rows.push({ line, path: '', input: { date, kind, name } });
  });
  const result = validateRows(rows, mostCommonYear(rows));
  if (!errors.length) return result;
  return { ok: false, errors: [...errors, ...(result.ok ? [] : result.errors)].sort(byLine) };
}

function validateRows(raw: RawRow[], year: number): CalendarFileResult {
  const errors: CalendarFileError[] = [];
  const rows: CalendarRow[] = [];
  const seen = new Map<IsoDate, number | null>();
  for (const { line, path, input } of raw) {
    const parsed = rowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? 'file');
        errors.push(fileError(line, path || column, issue.message, FIELD_LABELS[column]));
      }
      continue;
    }
    const { date, kind, name } = parsed.data;
    const field = path || 'date';
    const label = FIELD_LABELS['date'];
    if (seen.has(date)) {
      const first = seen.get(date);
      errors.push(fileError(line, field, `${date}重复出现${first ? `（与第${first}行相同）` : ''}`, label));
      continue;
    }
    seen.set(date, line);
    if (!inNoticeYear(date, year)) errors.push(fileError(line, field, `${date}不属于${year}年的节假日安排`, label));
    const weekday = weekdayOf(date);
    if (kind === 'workday' && weekday !== 0 && weekday !== 6) {
      errors.push(fileError(line, field, `调休上班日应为周六或周日，${date}是${weekdayName(date)}`, label));
    }
    rows.push({ date, kind, name, year });
  }
  if (!errors.length && !rows.some((r) => r.kind === 'holiday')) {
    errors.push(fileError(null, 'file', '没有任何节假日（休）记录，请检查文件内容'));
  }
  return errors.length ? { ok: false, errors: errors.sort(byLine) } : { ok: true, year, rows: rows.sort((a, b) => a.date.localeCompare(b.date)) };
}

// the CSV has no year field: the notice's year is the one most of its dates fall in
function mostCommonYear(rows: readonly RawRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const date = normalizeDate(r.input.date.trim());
    if (isIsoDate(date)) counts.set(yearOf(date), (counts.get(yearOf(date)) ?? 0) + 1);
  }
  let best = 0;
  for (const [year, n] of counts) if (n > (counts.get(best) ?? 0) || (n === counts.get(best) && year > best)) best = year;
  return best;
}

// a notice for year Y may schedule a make-up day in late December of Y-1
function inNoticeYear(date: IsoDate, year: number): boolean {
  return yearOf(date) === year || date.startsWith(`${year - 1}-12-`);
}

function lineOf(text: string, needle: string): number | null {
  const at = text.indexOf(needle);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}

function byLine(a: CalendarFileError, b: CalendarFileError): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/** the upload errors as a validation_failed AppError (problem+json with per-field errors) */
export function calendarFileAppError(errors: readonly CalendarFileError[]): AppError {
  const fieldErrors: FieldError[] = errors.map((e) => ({
    path: e.line === null ? e.field : `line${e.line}.${e.field}`,
    label: FIELD_LABELS[e.field.split('.')[0] ?? ''] ?? e.field,
    message: e.message,
  }));
  return new AppError('validation_failed', `节假日文件有${errors.length}处错误`, fieldErrors);
}
