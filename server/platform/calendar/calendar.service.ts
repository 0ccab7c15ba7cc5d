import { sql, type Kysely } from 'kysely';
import type { CalendarLoadResult, CalendarYearSummary } from '../../../common/workflow.types.ts';
import { audit } from '../audit/audit.service.ts';
import type { Ctx } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import { recomputeOpenClocks } from '../workflow/workflow.service.ts';
import { addDays, formatDay, weekdayName, type DayUnit, type IsoDate } from './calendar.ts';
import { loadCalendar, replaceYear } from './calendar.repository.ts';
import { calendarFileAppError, parseCalendarFile, type CalendarRow } from './holiday-data.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- calendar tables are not in the typed schema
type AnyDb = Kysely<any>;
const db = (ctx: Ctx): AnyDb => ctx.tx as unknown as AnyDb;

export type YearSummary = CalendarYearSummary;
export type LoadResult = CalendarLoadResult;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/** the years the calendar knows, with where each came from and who loaded it */
export async function calendarYears(ctx: Ctx): Promise<YearSummary[]> {
  const years = await db(ctx).selectFrom('calendar_year').selectAll().orderBy('year', 'desc').execute();
  const counts = await db(ctx).selectFrom('calendar_day').select(['year', 'kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['year', 'kind']).execute();
  const count = (year: number, kind: string): number => Number(counts.find((c) => Number(c.year) === year && c.kind === kind)?.n ?? 0);
  return years.map((y) => ({ year: Number(y.year), source: y.source ?? null, loadedBy: y.loaded_by ?? null, loadedAt: iso(y.loaded_at), holidays: count(Number(y.year), 'holiday'), workdays: count(Number(y.year), 'workday') }));
}

/** one year's holidays and make-up working days */
export async function calendarYear(ctx: Ctx, year: number) {
  const summary = (await calendarYears(ctx)).find((y) => y.year === year);
  if (!summary) throw notFound(`${year}年工作日历`);
  const rows = await db(ctx).selectFrom('calendar_day').select([sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'), 'kind', 'name']).where('year', '=', year).orderBy('date').execute();
  const day = (r: { date: string; name: string }) => ({ date: r.date, name: r.name, weekday: weekdayName(r.date) });
  return { ...summary, holidays: rows.filter((r) => r.kind === 'holiday').map(day), workdays: rows.filter((r) => r.kind === 'workday').map(day) };
}

/** parses an uploaded file (JSON or CSV, see parseCalendarFile); every problem becomes a per-line validation error */
export function parseUpload(text: string): { year: number; rows: CalendarRow[] } {
  const parsed = parseCalendarFile(text);
  if (!parsed.ok) throw calendarFileAppError(parsed.errors);
  return { year: parsed.year, rows: parsed.rows };
}

const describe = (r: { date: string; kind: string; name: string }): string => `${formatDay(r.date)} ${r.kind === 'holiday' ? '休' : '班'}（${r.name}）`;

/**
 * loads or corrects one year of the calendar: replaces it, audits what changed, then recomputes every running
 * clock of every ledger (each moved due date is audited with this load as the reason)
 */
/** what loading the file would change, read only: the administrator sees it before anything is replaced */
export async function previewCalendarYear(ctx: Ctx, file: { year: number; rows: readonly CalendarRow[] }, source: string) {
  const before = await db(ctx).selectFrom('calendar_day').select([sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'), 'kind', 'name']).where('year', '=', file.year).execute();
  const corrected = !!(await db(ctx).selectFrom('calendar_year').select('year').where('year', '=', file.year).executeTakeFirst());
  const key = (r: { date: string; kind: string; name: string }): string => `${r.date}|${r.kind}|${r.name}`;
  const old = new Set(before.map(key));
  const now = new Set(file.rows.map(key));
  const holidays = file.rows.filter((r) => r.kind === 'holiday').length;
  return {
    year: file.year,
    source: source.slice(0, 40),
    corrected,
    holidays,
    workdays: file.rows.length - holidays,
    added: file.rows.filter((r) => !old.has(key(r))).map(describe),
    removed: before.filter((r) => !now.has(key(r))).map(describe),
    days: [...file.rows].sort((a, b) => a.date.localeCompare(b.date)).map((r) => ({ date: r.date, kind: r.kind, name: r.name, weekday: weekdayName(r.date) })),
  };
}

export async function loadCalendarYear(ctx: Ctx, ledgers: readonly LedgerDef[], file: { year: number; rows: readonly CalendarRow[] }, source: string): Promise<LoadResult> {
  const { corrected, added, removed, source: src } = await previewCalendarYear(ctx, file, source);
  await replaceYear(db(ctx), file.year, file.rows, src, ctx.actor.username);
  const holidays = file.rows.filter((r) => r.kind === 'holiday').length;
  const workdays = file.rows.length - holidays;
  await audit(ctx, { entity: 'calendar', entityId: file.year, action: corrected ? 'calendar_correct' : 'calendar_load', orgCode: null, diff: { year: file.year, source: src, holidays, workdays, added, removed } });
  const what = corrected ? '更正' : '导入';
  const change = added.length || removed.length ? `：新增${added.length}项、删除${removed.length}项${added.length ? `（如${added[0]}）` : removed.length ? `（如${removed[0]}）` : ''}` : '，内容无变化';
  const { recomputed, moved } = await recomputeOpenClocks(ctx, ledgers, { reason: `${ctx.actor.username}${what}${file.year}年工作日历（来源：${src}）${change}` });
  return { year: file.year, source: src, corrected, holidays, workdays, added, removed, recomputed, moved };
}

/** a deadline counted on the database calendar, with the lines saying how */
export async function computeDeadline(ctx: Ctx, q: { from: IsoDate; days: number; unit: DayUnit; roll?: boolean }) {
  const result = addDays(q.from, q.days, q.unit, await loadCalendar(ctx.tx), { rollToWorkingDay: q.roll ?? true });
  return { from: q.from, days: q.days, unit: q.unit, due: result.due, explanation: result.explanation, notes: result.notes };
}
