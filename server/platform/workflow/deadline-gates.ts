import { CalendarError, type CalendarData, type IsoDate } from '../calendar/calendar.ts';
import { ClockError, computeClock, type ClockRule } from './clock.ts';
import { chineseDay, dateValue, readTimingGate, type GateMiss, type StoredClockEvent, type TimingReading } from './workflow.engine.ts';
import type { TimingGate, TransitionDef } from './workflow.types.ts';

/**
 * Latest-date gates and the extension deadline: the other side of the timing gates (see docs/decisions/0015).
 * A period the law grants someone to act (信访人 asks for 复查 within 30 days of the answer) ends on a last day;
 * a step taken after it is refused with that day named. A clock's extension must be granted before the clock runs
 * out: an expired period cannot be extended afterwards.
 */

/** the refusal of a step dated after the last day of its period */
export function latestMessage(t: Pick<TransitionDef, 'label'>, reading: TimingReading): string {
  return `${reading.reason}，最后一日为${chineseDay(reading.ends)}，已逾期，不能${t.label}`;
}

/**
 * the latest-date gates a step misses: the date the step records (the gate's `on` field, the day the request was
 * made) or, without one, the step's own date, later than the period's last day. A calendar period ending in a year
 * whose holiday calendar is not loaded is read without the move to a working day (never later than the true one).
 */
export function latestMisses(
  t: TransitionDef,
  facts: { values: Readonly<Record<string, unknown>>; transitionDates: ReadonlyMap<string, IsoDate>; cal: CalendarData; configured: ReadonlyMap<string, unknown> },
  date: IsoDate,
): GateMiss[] {
  const misses: GateMiss[] = [];
  for (const g of t.gates?.notAfter ?? []) {
    const reading = readLatest(t, g, { ...facts, configured: g.daysSetting ? facts.configured.get(g.daysSetting) : undefined });
    if (!reading) continue;
    const stepDate = g.on ? (dateValue(facts.values[g.on]) ?? date) : date;
    if (stepDate > reading.ends) misses.push({ path: `notAfter.${g.id}`, label: reading.reason, message: latestMessage(t, reading) });
  }
  return misses;
}

function readLatest(t: TransitionDef, g: TimingGate, facts: Parameters<typeof readTimingGate>[2]): TimingReading | null {
  try {
    return readTimingGate(t, g, facts);
  } catch (e) {
    if (!(e instanceof CalendarError) || g.unit !== 'calendar') throw e;
    return readTimingGate(t, { ...g, rollToWorkingDay: false }, facts);
  }
}

/**
 * refuses an extension dated after the clock's due date (an expired period cannot be extended); the events are the
 * clock's before the extension. A paused clock with days left has no due date yet and may be extended.
 */
export function assertExtendable(rule: ClockRule, events: readonly StoredClockEvent[], date: IsoDate, cal: CalendarData): void {
  // a second extension is refused as such by the clock itself
  const restarted = events.map((e) => e.kind).lastIndexOf('restart');
  if (events.slice(restarted + 1).some((e) => e.kind === 'extend')) return;
  let state;
  try {
    state = computeClock(rule, events, cal, { today: date });
  } catch (e) {
    // a calendar-day period ending in a year not loaded: its unmoved last day is never later than the true one, so an
    // extension on or before it is certainly in time; a later one needs the calendar
    if (!(e instanceof CalendarError) || rule.unit !== 'calendar') throw e;
    const unmoved = computeClock({ ...rule, rollToWorkingDay: false }, events, cal, { today: date });
    if (unmoved.status === 'stopped' || unmoved.due === null || date <= unmoved.due) return;
    throw e;
  }
  if (state.status === 'stopped' || state.due === null || date <= state.due) return;
  throw new ClockError('clock_extension_expired', `“${rule.label}”已于${chineseDay(state.due)}届满，届满后不能再延长（延长须在期限届满前批准）`);
}
