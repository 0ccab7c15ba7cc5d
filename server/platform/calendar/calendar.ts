import { AppError } from '../http/errors.ts';

/** a calendar date as YYYY-MM-DD; all arithmetic is on UTC day numbers, never local time */
export type IsoDate = string;

export type DayUnit = 'working' | 'calendar';

/** how a clock counts: in days of a DayUnit, or in hours (an urgent 12345 ticket signed within 1 hour) */
export type ClockUnit = DayUnit | 'hours';

/** the official working-day calendar: which years are known, and the exceptions to "Monday–Friday" */
export interface CalendarData {
  years: ReadonlySet<number>;
  /** State Council public holidays (法定节假日及调休放假), date → name such as 国庆节 */
  holidays: ReadonlyMap<IsoDate, string>;
  /** official make-up working days (调休上班, usually a Saturday or Sunday), date → the holiday they make up for */
  workdays: ReadonlyMap<IsoDate, string>;
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  working: boolean;
  reason: DayReason;
  /** holiday name, for 'holiday' and 'makeup' */
  name?: string;
}

export interface DeadlineResult {
  due: IsoDate;
  /** Chinese lines saying exactly how the date was counted */
  explanation: string[];
  /** the days that were not ordinary weekdays: skipped (weekend, holiday) or counted make-up days */
  notes: DayInfo[];
}

export interface CalendarDaysOptions {
  /** when the last day is not a working day, move the due date to the next working day (default true, verify per statute) */
  rollToWorkingDay?: boolean;
}

/** the calendar does not cover a year that the counting needs: refuse rather than guess */
export class CalendarError extends AppError {
  readonly year: number;
  constructor(year: number) {
    super('calendar_unknown_year', `工作日历缺少${year}年数据，无法计算工作日期限，请管理员导入${year}年节假日安排`);
    this.name = 'CalendarError';
    this.year = year;
  }
}

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** days since 1970-01-01 for a valid ISO date; throws validation_failed otherwise */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_RE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || fromDayNumber(ms / DAY_MS) !== date) {
    throw new AppError('validation_failed', `日期格式有误：“${date}”，应为有效日期，格式YYYY-MM-DD`);
  }
  return ms / DAY_MS;
}

export function assertIsoDate(date: IsoDate): void {
  toDayNumber(date);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function plusDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

export function weekdayOf(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

/** "周三" */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)] ?? '';
}

/** "2025-10-01（周三）" */
export function formatDay(date: IsoDate): string {
  return `${date}（${weekdayName(date)}）`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** classifies a day; a make-up working day beats the weekend, a holiday beats a weekday */
export function describeDay(date: IsoDate, cal: CalendarData): DayInfo {
  const year = yearOf(date);
  if (!cal.years.has(year)) throw new CalendarError(year);
  const weekday = weekdayOf(date);
  const makeup = cal.workdays.get(date);
  if (makeup !== undefined) return { date, weekday, working: true, reason: 'makeup', name: makeup };
  const holiday = cal.holidays.get(date);
  if (holiday !== undefined) return { date, weekday, working: false, reason: 'holiday', name: holiday };
  const weekend = weekday === 0 || weekday === 6;
  return { date, weekday, working: !weekend, reason: weekend ? 'weekend' : 'weekday' };
}

export function isWorkingDay(date: IsoDate, cal: CalendarData): boolean {
  return describeDay(date, cal).working;
}

/** one Chinese line for a skipped day or a counted make-up day */
export function describeNote(day: DayInfo): string {
  switch (day.reason) {
    case 'weekend':
      return `${formatDay(day.date)} 周末，不计`;
    case 'holiday':
      return `${formatDay(day.date)} 法定节假日（${day.name ?? ''}），不计`;
    case 'makeup':
      return `${formatDay(day.date)} 调休上班（${day.name ?? ''}），计为工作日`;
    case 'weekday':
      return `${formatDay(day.date)} 工作日`;
  }
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new AppError('validation_failed', `期限天数应为非负整数，收到：${n}`);
}

/**
 * the date on which n working days have elapsed, counting from the day after `from`
 * (weekends and public holidays skipped, make-up working days counted)
 */
export function addWorkingDays(from: IsoDate, n: number, cal: CalendarData): DeadlineResult {
  assertCount(n);
  const notes: DayInfo[] = [];
  let day = toDayNumber(from);
  for (let counted = 0; counted < n; ) {
    const info = describeDay(fromDayNumber(++day), cal);
    if (info.working) counted++;
    if (info.reason !== 'weekday') notes.push(info);
  }
  const due = fromDayNumber(day);
  return {
    due,
    notes,
    explanation: [
      `自${formatDay(from)}的次日起算${n}个工作日（跳过周末和法定节假日，调休上班日计入）`,
      ...notes.map(describeNote),
      `届满日：${formatDay(due)}`,
    ],
  };
}

/**
 * the date n calendar days after `from`; holidays inside the period are not skipped, but a last day that is
 * not a working day moves to the next working day unless rollToWorkingDay is false (verify per statute)
 */
export function addCalendarDays(from: IsoDate, n: number, cal: CalendarData, options: CalendarDaysOptions = {}): DeadlineResult {
  assertCount(n);
  const roll = options.rollToWorkingDay ?? true;
  const last = plusDays(from, n);
  const explanation = [`自${formatDay(from)}的次日起算${n}个自然日（期间节假日不扣除）`, `期间最后一日：${formatDay(last)}`];
  if (!roll) return { due: last, notes: [], explanation: [...explanation, `届满日：${formatDay(last)}（不顺延）`] };

  const notes: DayInfo[] = [];
  let due = last;
  for (let info = describeDay(due, cal); !info.working; info = describeDay(due, cal)) {
    notes.push(info);
    due = plusDays(due, 1);
  }
  if (notes.length) explanation.push('最后一日不是工作日，顺延至下一个工作日：', ...notes.map(describeNote));
  explanation.push(`届满日：${formatDay(due)}`);
  return { due, notes, explanation };
}

export function addDays(from: IsoDate, n: number, unit: DayUnit, cal: CalendarData, options: CalendarDaysOptions = {}): DeadlineResult {
  return unit === 'working' ? addWorkingDays(from, n, cal) : addCalendarDays(from, n, cal, options);
}

/** working days d with from < d ≤ to; negative when to is before from */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: CalendarData): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  return scanDays(from, to, cal).working;
}

/** the days in (from, to]: how many are working days, and which are not ordinary weekdays */
export function scanDays(from: IsoDate, to: IsoDate, cal: CalendarData): { working: number; notes: DayInfo[] } {
  const notes: DayInfo[] = [];
  let working = 0;
  for (let day = toDayNumber(from) + 1, end = toDayNumber(to); day <= end; day++) {
    const info = describeDay(fromDayNumber(day), cal);
    if (info.working) working++;
    if (info.reason !== 'weekday') notes.push(info);
  }
  return { working, notes };
}

/** calendar days from `from` to `to` (signed) */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** days between in the given unit: working days, or plain calendar days */
export function daysBetween(from: IsoDate, to: IsoDate, unit: DayUnit, cal: CalendarData): number {
  return unit === 'working' ? workingDaysBetween(from, to, cal) : calendarDaysBetween(from, to);
}

export function unitLabel(unit: ClockUnit): string {
  return unit === 'hours' ? '小时' : unit === 'working' ? '个工作日' : '个自然日';
}
