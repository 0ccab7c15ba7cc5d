import { computeHoursClock } from './hours-clock.ts';
import {
  addCalendarDays,
  addDays,
  assertIsoDate,
  daysBetween,
  describeNote,
  formatDay,
  isWorkingDay,
  plusDays,
  scanDays,
  unitLabel,
  type CalendarData,
  type ClockUnit,
  type DayUnit,
  type IsoDate,
} from '../calendar/calendar.ts';

/** a statutory time limit, e.g. 政府信息公开条例 art. 33: 20 working days, +20 with approval */
export interface ClockRule {
  id: string;
  label: string;
  /** the period in the rule's unit (hours for an hours clock) */
  days: number;
  unit: ClockUnit;
  /** granted at most once, in the same unit as the rule */
  extension?: { days: number; unit: ClockUnit };
  /** calendar-day rules: a due date on a non-working day moves to the next working day (default true, verify per statute) */
  rollToWorkingDay?: boolean;
}

/**
 * what happened to the clock; each event takes effect at the END of its day:
 * - start: counting begins the day after (the day of receipt is not counted)
 * - pause: the pause day still counts; the days after it do not (e.g. 政府信息公开条例 art. 32: time spent
 *   consulting a third party is excluded). Days already used stay used.
 * - resume: counting continues the day after with the days that were left
 * - restart: the clock starts over from the day after, with the full period and no extension (e.g. 政府信息公开条例
 *   art. 30: after 补正, the period is counted from receipt of the completed application)
 * - extend: adds the rule's extension, once (e.g. 政府信息公开条例 art. 33 para. 2)
 * - stop: the matter was concluded (answer issued, case decided); the stop day counts
 */
export type ClockEventKind = 'start' | 'pause' | 'resume' | 'restart' | 'extend' | 'stop';

export interface ClockEvent {
  kind: ClockEventKind;
  date: IsoDate;
  /** the instant (ISO) it happened, read by hours clocks (hours-clock.ts); day clocks read only the date */
  at?: string;
  reason?: string;
}

export interface ClockOptions {
  /** the day the clock is read on */
  today: IsoDate;
  /** dueSoon when the due date is at most this many working days away (default 3) */
  dueSoonDays?: number;
  /** a later day the organ fixed for its answer and told the party (政府信息公开条例 art. 35): due then, if later */
  deferredTo?: IsoDate | null;
  /** the moment an hours clock is read at (default: the end of `today` in Beijing) */
  now?: Date;
}

export type ClockStatus = 'running' | 'paused' | 'stopped';

export interface ClockState {
  status: ClockStatus;
  /** null while paused with days left: the due date depends on when it resumes */
  due: IsoDate | null;
  /** an hours clock's due instant (ISO, UTC); null for day clocks and while paused */
  dueAt: string | null;
  unit: ClockUnit;
  /** the period in force (hours for an hours clock): the rule's days, plus the extension once granted */
  totalDays: number;
  extended: boolean;
  /** days counted up to today (up to the stop day once stopped) */
  daysUsed: number;
  /** running: days from today to the due date (negative when overdue); paused: days left on resume; stopped: margin at the stop day */
  daysLeft: number;
  overdue: boolean;
  dueSoon: boolean;
  explanation: string[];
}

export type ClockErrorCode = 'clock_extension_used' | 'clock_no_extension' | 'clock_invalid_events' | 'clock_invalid_rule' | 'clock_extension_expired';

/** a clock that cannot be computed as asked; the message is for people */
export class ClockError extends Error {
  readonly code: ClockErrorCode;
  constructor(code: ClockErrorCode, message: string) {
    super(message);
    this.name = 'ClockError';
    this.code = code;
  }
}

/** a stretch of running time: days in (from, to] count; to is null while it runs */
interface Segment {
  from: IsoDate;
  to: IsoDate | null;
}

interface Replay {
  status: ClockStatus;
  segments: Segment[];
  totalDays: number;
  extended: boolean;
  stoppedOn: IsoDate | null;
  /** the clock was running (not paused) when stopped */
  stoppedRunning: boolean;
  lines: string[];
}

const STATUS_LABEL: Record<ClockStatus | 'idle', string> = { idle: '未开始', running: '计时中', paused: '暂停中', stopped: '已停止' };

const ALLOWED: Record<ClockEventKind, readonly (ClockStatus | 'idle')[]> = {
  start: ['idle'],
  pause: ['running'],
  resume: ['paused'],
  restart: ['running', 'paused'],
  extend: ['running', 'paused'],
  stop: ['running', 'paused'],
};

const EVENT_LABEL: Record<ClockEventKind, string> = { start: '起算', pause: '暂停', resume: '恢复', restart: '重新起算', extend: '延长', stop: '停止' };

/** replays the events and reads the clock on options.today; pure and deterministic */
export function computeClock(rule: ClockRule, events: readonly ClockEvent[], cal: CalendarData, options: ClockOptions): ClockState {
  checkRule(rule);
  if (rule.unit === 'hours') return computeHoursClock(rule, events, { today: options.today, ...(options.now ? { now: options.now } : {}), dueSoon: (due) => due >= options.today && withinWorkingDays(options.today, due, options.dueSoonDays ?? 3, cal) });
  const unit = rule.unit as DayUnit;
  const run = replay({ ...rule, unit }, events, cal);
  const u = unitLabel(unit);
  const ref = run.stoppedOn ?? options.today;
  assertIsoDate(options.today);

  const counted = dueWithinSegments(run, unit, cal);
  const rollable = unit === 'calendar' && (rule.rollToWorkingDay ?? true);
  const rolled = counted.raw && rollable ? addCalendarDays(counted.raw, 0, cal) : null;
  const periodDue = rolled?.due ?? counted.raw;
  const deferred = options.deferredTo && periodDue && options.deferredTo > periodDue ? options.deferredTo : null;
  const due = deferred ?? periodDue;

  const lines = [...run.lines, ...(counted.lines.length ? ['计时明细：', ...counted.lines] : [])];
  if (rolled && rolled.due !== counted.raw) lines.push('期间最后一日不是工作日，顺延至下一个工作日：', ...rolled.notes.map(describeNote));

  const daysUsed = usedUpTo(run.segments, ref, unit, cal);
  const daysLeft = run.status === 'paused' || due === null ? run.totalDays - daysUsed : daysBetween(ref, due, unit, cal);
  const overdue = due !== null && ref > due;
  const dueSoonDays = options.dueSoonDays ?? 3;
  const dueSoon = run.status === 'running' && due !== null && !overdue && withinWorkingDays(ref, due, dueSoonDays, cal);

  if (deferred) lines.push(`已确定延迟答复的合理期限并告知，期限延至${formatDay(deferred)}`);
  if (due) lines.push(`届满日：${formatDay(due)}`);
  switch (run.status) {
    case 'running':
      lines.push(overdue ? `截至${formatDay(ref)}已超期${-daysLeft}${u}` : `截至${formatDay(ref)}已用${daysUsed}${u}，剩余${daysLeft}${u}`);
      break;
    case 'paused':
      lines.push(`暂停中：已用${daysUsed}${u}，恢复计时后剩余${Math.max(daysLeft, 0)}${u}${overdue ? `（暂停前已超期${-daysLeft}${u}）` : ''}`);
      break;
    case 'stopped':
      lines.push(overdue ? `于${formatDay(ref)}办结，超期${-daysLeft}${u}` : `于${formatDay(ref)}办结，在期限内`);
      break;
  }
  return { status: run.status, due, dueAt: null, unit, totalDays: run.totalDays, extended: run.extended, daysUsed, daysLeft, overdue, dueSoon, explanation: lines };
}

function checkRule(rule: ClockRule): void {
  const positive = (n: number): boolean => Number.isSafeInteger(n) && n > 0;
  if (!positive(rule.days)) throw new ClockError('clock_invalid_rule', `期限规则“${rule.label}”的天数应为正整数`);
  if (rule.extension && (!positive(rule.extension.days) || rule.extension.unit !== rule.unit)) {
    throw new ClockError('clock_invalid_rule', `期限规则“${rule.label}”的延长期限应为正整数，且与原期限同为${rule.unit === 'hours' ? '小时' : rule.unit === 'working' ? '工作日' : '自然日'}`);
  }
}

function replay(rule: ClockRule & { unit: DayUnit }, events: readonly ClockEvent[], cal: CalendarData): Replay {
  const u = unitLabel(rule.unit);
  const ext = rule.extension ? `，经批准可延长${rule.extension.days}${u}` : '';
  const run: Replay = { status: 'running', segments: [], totalDays: rule.days, extended: false, stoppedOn: null, stoppedRunning: false, lines: [] };
  run.lines.push(`${rule.label}：期限${rule.days}${u}${ext}`);
  let state: ClockStatus | 'idle' = 'idle';
  let last: IsoDate | null = null;
  let used = 0;

  for (const event of events) {
    assertIsoDate(event.date);
    const allowed: readonly (ClockStatus | 'idle')[] | undefined = ALLOWED[event.kind];
    if (!allowed) throw new ClockError('clock_invalid_events', `未知的计时事件：${String(event.kind)}`);
    if (last !== null && event.date < last) {
      throw new ClockError('clock_invalid_events', `计时事件须按日期先后排列：${EVENT_LABEL[event.kind]}（${event.date}）早于前一事件（${last}）`);
    }
    if (!allowed.includes(state)) {
      throw new ClockError('clock_invalid_events', `计时${STATUS_LABEL[state]}，不能${EVENT_LABEL[event.kind]}（${event.date}）`);
    }
    last = event.date;
    const why = event.reason ? `（${event.reason}）` : '';
    const open = run.segments.at(-1);
    const close = (): void => {
      if (open && open.to === null) {
        open.to = event.date;
        used += daysBetween(open.from, event.date, rule.unit, cal);
      }
    };
    switch (event.kind) {
      case 'start':
        run.segments.push({ from: event.date, to: null });
        run.lines.push(`${formatDay(event.date)} 起算${why}，自次日开始计算`);
        state = 'running';
        break;
      case 'pause':
        close();
        run.lines.push(`${formatDay(event.date)} 暂停计时${why}，此前已计${used}${u}，暂停期间不计入期限`);
        state = 'paused';
        break;
      case 'resume': {
        const pausedOn = open?.to ?? event.date;
        run.segments.push({ from: event.date, to: null });
        const gap = pausedOn === event.date ? '' : `，${formatDay(plusDays(pausedOn, 1))}至${formatDay(event.date)}不计入`;
        run.lines.push(`${formatDay(event.date)} 恢复计时${why}${gap}，剩余${Math.max(run.totalDays - used, 0)}${u}自次日起继续计算`);
        state = 'running';
        break;
      }
      case 'restart':
        close();
        run.lines.push(`${formatDay(event.date)} 重新起算${why}：此前已计的${used}${u}${run.extended ? '及延长期限' : ''}不再计算，自次日起重新计算${rule.days}${u}`);
        run.segments = [{ from: event.date, to: null }];
        run.totalDays = rule.days;
        run.extended = false;
        used = 0;
        state = 'running';
        break;
      case 'extend':
        if (!rule.extension) throw new ClockError('clock_no_extension', `“${rule.label}”没有可延长的期限`);
        if (run.extended) throw new ClockError('clock_extension_used', `“${rule.label}”已延长过一次期限，不能再次延长`);
        run.totalDays += rule.extension.days;
        run.extended = true;
        run.lines.push(`${formatDay(event.date)} 延长期限${rule.extension.days}${u}${why}，总期限${run.totalDays}${u}`);
        break;
      case 'stop':
        run.stoppedRunning = state === 'running';
        close();
        run.stoppedOn = event.date;
        run.lines.push(`${formatDay(event.date)} 停止计时${why}，共计${used}${u}`);
        state = 'stopped';
        break;
    }
  }
  if (state === 'idle') throw new ClockError('clock_invalid_events', `“${rule.label}”尚未起算：缺少起算事件`);
  run.status = state;
  return run;
}

/**
 * the day the period runs out (before any roll to a working day), walking the running stretches in order,
 * and the lines that show how it was counted; raw is null while paused with days still left
 */
function dueWithinSegments(run: Replay, unit: DayUnit, cal: CalendarData): { raw: IsoDate | null; lines: string[] } {
  const lines: string[] = [];
  const u = unitLabel(unit);
  let used = 0;
  for (const [i, seg] of run.segments.entries()) {
    const lastOpen = i === run.segments.length - 1 && (seg.to === null || run.stoppedRunning);
    const span = seg.to === null ? 0 : daysBetween(seg.from, seg.to, unit, cal);
    // a stretch that used up exactly the days left leaves 0 days: then the next stretch's first day is the due date
    if (lastOpen || used + span > run.totalDays) {
      const raw = addDays(seg.from, run.totalDays - used, unit, cal, { rollToWorkingDay: false }).due;
      lines.push(...stretchLines(seg.from, raw, unit, cal, run.totalDays - used, u));
      return { raw, lines };
    }
    if (seg.to !== null) lines.push(...stretchLines(seg.from, seg.to, unit, cal, span, u));
    used += span;
  }
  return { raw: null, lines };
}

function stretchLines(from: IsoDate, to: IsoDate, unit: DayUnit, cal: CalendarData, count: number, u: string): string[] {
  if (to <= from) return [];
  const head = `${formatDay(plusDays(from, 1))}至${formatDay(to)}：计${count}${u}`;
  return unit === 'working' ? [head, ...scanDays(from, to, cal).notes.map((n) => `  ${describeNote(n)}`)] : [head];
}

/** whether `to` is at most n working days after `from`; looks only as far ahead as it must */
function withinWorkingDays(from: IsoDate, to: IsoDate, n: number, cal: CalendarData): boolean {
  let count = 0;
  for (let day = plusDays(from, 1); day <= to; day = plusDays(day, 1)) {
    if (isWorkingDay(day, cal) && ++count > n) return false;
  }
  return true;
}

/** days counted in the running stretches up to and including ref */
function usedUpTo(segments: readonly Segment[], ref: IsoDate, unit: DayUnit, cal: CalendarData): number {
  let used = 0;
  for (const seg of segments) {
    const end = seg.to === null || seg.to > ref ? ref : seg.to;
    if (end > seg.from) used += daysBetween(seg.from, end, unit, cal);
  }
  return used;
}
