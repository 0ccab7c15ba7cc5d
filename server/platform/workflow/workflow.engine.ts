import { addDays, plusDays, unitLabel, type CalendarData, type IsoDate } from '../calendar/calendar.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import type { ClockEvent, ClockEventKind, ClockRule } from './clock.ts';
import { chinaInstant, eventInstant, TIME_RE } from './hours-clock.ts';
import type { ClockDef, TimingGate, TransitionDef, WorkflowDef } from './workflow.types.ts';

/** a clock event as stored: what computeClock reads, plus who caused it and with which document */
export interface StoredClockEvent extends ClockEvent {
  transition?: string;
  by?: string;
  notice?: { id: number; name: string; hash: string };
}

/** one thing a gate found missing; path says what kind of thing (field name, attachments.<kind>, after.<transition>) */
export interface GateMiss {
  path: string;
  label: string;
  message: string;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** the date in China (UTC+8, no daylight saving) at a moment: deadlines are counted in Beijing days */
export function chinaDate(at: Date): IsoDate {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export function findTransition(wf: WorkflowDef, name: string): TransitionDef | undefined {
  return wf.transitions.find((t) => t.name === name);
}

export function stateLabel(wf: WorkflowDef, state: string | null): string {
  return state === null ? '未开始' : (wf.states[state]?.label ?? state);
}

/** what a gate finds missing before `t` may happen; empty when nothing is */
export function gateMisses(
  l: LedgerDef,
  t: TransitionDef,
  facts: { values: Readonly<Record<string, unknown>>; attachmentKinds: ReadonlySet<string>; done: ReadonlySet<string> },
): GateMiss[] {
  const wf = l.workflow;
  const misses: GateMiss[] = [];
  for (const name of t.gates?.after ?? []) {
    if (facts.done.has(name)) continue;
    const label = (wf && findTransition(wf, name)?.label) ?? name;
    misses.push({ path: `after.${name}`, label, message: `尚未办理“${label}”` });
  }
  for (const name of t.gates?.fields ?? []) {
    if (!isEmpty(facts.values[name])) continue;
    const label = l.fields.find((f) => f.name === name)?.label ?? name;
    misses.push({ path: name, label, message: `未填写“${label}”` });
  }
  for (const kind of t.gates?.attachments ?? []) {
    if (!facts.attachmentKinds.has(kind)) misses.push({ path: `attachments.${kind}`, label: kind, message: `缺少附件“${kind}”` });
  }
  for (const c of t.gates?.checks ?? []) {
    if (!c.check(facts.values)) misses.push({ path: 'check', label: t.label, message: c.explain?.(facts.values) ?? c.message });
  }
  return misses;
}

/** the rule in force: the declared one, with its days replaced by a configured number when there is one */
export function effectiveRule(c: ClockDef, configuredDays: unknown): ClockRule {
  const n = typeof configuredDays === 'string' ? Number(configuredDays) : configuredDays;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n !== c.rule.days ? { ...c.rule, days: n } : c.rule;
}

export const dateValue = (v: unknown): IsoDate | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : v instanceof Date ? v.toISOString().slice(0, 10) : null);

const ORDER: Record<ClockEventKind, number> = { start: 0, restart: 1, pause: 1, resume: 1, extend: 1, stop: 2 };

/**
 * the events computeClock replays: the stored ones (from transitions and extensions) and those a record's fields
 * imply (start on received_on, stop on closed_on); null when the clock has not started
 */
export function clockEvents(l: LedgerDef, c: ClockDef, stored: readonly StoredClockEvent[], values: Readonly<Record<string, unknown>>): StoredClockEvent[] | null {
  let events = [...stored];
  const label = (name: string): string => l.fields.find((f) => f.name === name)?.label ?? name;
  if (c.start.field) {
    const start = dateValue(values[c.start.field]);
    const at = start && c.rule.unit === 'hours' ? { at: chinaInstant(start, timeOf(values, c.start.timeField)) } : {};
    if (start && (c.start.when?.(values) ?? true)) events = [{ kind: 'start', date: start, ...at, reason: label(c.start.field) }, ...events.filter((e) => e.kind !== 'start')];
  }
  if (c.extension?.field && !events.some((e) => e.kind === 'extend')) {
    const extended = dateValue(values[c.extension.field]);
    if (extended) events.push({ kind: 'extend', date: extended, reason: label(c.extension.field) });
  }
  if (c.stop?.field) {
    const stop = dateValue(values[c.stop.field]);
    const at = stop && c.rule.unit === 'hours' ? { at: chinaInstant(stop, timeOf(values, c.stop.timeField)) } : {};
    if (stop) events = [...events.filter((e) => e.kind !== 'stop'), { kind: 'stop', date: stop, ...at, reason: label(c.stop.field) }];
  }
  if (!events.some((e) => e.kind === 'start')) return null;
  // stable: same-day events keep their order, a start comes first and a stop last; an hours clock orders by instant
  const hours = c.rule.unit === 'hours';
  const instant = (e: StoredClockEvent): number => (hours ? eventInstant(e) : 0);
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.date.localeCompare(b.e.date) || instant(a.e) - instant(b.e) || ORDER[a.e.kind] - ORDER[b.e.kind] || a.i - b.i).map((x) => x.e);
}

/** a HH:MM time held by a field, or null */
export function timeOf(values: Readonly<Record<string, unknown>>, field: string | undefined): string | null {
  const v = field ? values[field] : null;
  return typeof v === 'string' && TIME_RE.test(v.trim()) ? v.trim() : null;
}

/**
 * the instant a step's clock event takes effect for an hours clock: the time its time field records on its date;
 * without one, now when the step is dated today, else the start of its day
 */
export function stepInstant(t: TransitionDef, date: IsoDate, values: Readonly<Record<string, unknown>>, now: Date): string {
  const time = timeOf(values, t.timeField);
  if (time) return chinaInstant(date, time);
  return date === chinaDate(now) ? now.toISOString() : chinaInstant(date);
}

/** a boolean setting turned off (false, 'false', '0'); unset counts as on */
const isOff = (v: unknown): boolean => v === false || v === 'false' || v === '0' || v === 0;

export type ClockPhase = 'idle' | 'running' | 'paused' | 'stopped';

/** where the stored events leave the clock, without computing dates */
export function phaseOf(events: readonly ClockEvent[] | null): ClockPhase {
  let phase: ClockPhase = 'idle';
  for (const e of events ?? []) {
    if (e.kind === 'start' || e.kind === 'resume' || e.kind === 'restart') phase = 'running';
    else if (e.kind === 'pause') phase = 'paused';
    else if (e.kind === 'stop') phase = 'stopped';
  }
  return phase;
}

/** what a transition does to a clock, in the order it is applied (a restart before anything else, a stop last) */
export function clockEffects(c: ClockDef, transition: string, settings?: ReadonlyMap<string, unknown>): ClockEventKind[] {
  const out: ClockEventKind[] = [];
  const has = (list: readonly string[] | undefined): boolean => !!list?.includes(transition);
  const restarts = !c.restartSetting || !isOff(settings?.get(c.restartSetting));
  if (has(c.restartOn) && restarts) out.push('restart');
  if (has(c.start.transitions)) out.push('start');
  if (has(c.pauseOn)) out.push('pause');
  if (has(c.resumeOn)) out.push('resume');
  if (has(c.extension?.on)) out.push('extend');
  if (has(c.stop?.transitions)) out.push('stop');
  return out;
}

/**
 * the stored events after a transition's effect, or null when it does not apply in the clock's phase
 * (a pause of a paused clock, the start of a clock already started); extensions are checked by computeClock
 */
export function withEffect(kind: ClockEventKind, stored: readonly StoredClockEvent[], phase: ClockPhase, event: StoredClockEvent): StoredClockEvent[] | null {
  switch (kind) {
    case 'start':
      return phase === 'idle' ? [...stored, event] : null;
    case 'restart':
      return phase === 'running' || phase === 'paused' ? [...stored, event] : phase === 'idle' ? [...stored, { ...event, kind: 'start' }] : null;
    case 'pause':
      return phase === 'running' ? [...stored, event] : null;
    case 'resume':
      return phase === 'paused' ? [...stored, event] : null;
    case 'extend':
      return [...stored, event];
    case 'stop':
      return phase === 'running' || phase === 'paused' ? [...stored, event] : null;
  }
}

// ---- timing gates: periods a step may not cut short ----

/** 2026年3月9日: how a date reads in a sentence */
export function chineseDay(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** the days in force: the declared number, replaced by a configured one (a non-negative integer) when there is one */
export function gateDays(g: TimingGate, configured: unknown): number {
  const n = typeof configured === 'string' && configured.trim() !== '' ? Number(configured) : configured;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : g.days;
}

/** a timing gate read on a record: the period runs from `start` to `ends` (inclusive); the step may be taken from notBefore */
export interface TimingReading {
  gate: string;
  start: IsoDate;
  ends: IsoDate;
  notBefore: IsoDate;
  /** “当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条）” */
  reason: string;
  /** the refusal: the reason and the date from which the step is allowed */
  message: string;
}

/**
 * where a timing gate stands on a record; null when it does not apply (not this kind of record, lifted by a waiver,
 * or its period has not started: the step it counts from has not happened, which other gates refuse)
 */
export function readTimingGate(
  t: TransitionDef,
  g: TimingGate,
  facts: { values: Readonly<Record<string, unknown>>; transitionDates: ReadonlyMap<string, IsoDate>; cal: CalendarData; configured?: unknown },
): TimingReading | null {
  if (g.when && !g.when(facts.values)) return null;
  if ((g.unless ?? []).some((f) => !isEmpty(facts.values[f]))) return null;
  const start = 'transition' in g.from ? (facts.transitionDates.get(g.from.transition) ?? null) : dateValue(facts.values[g.from.field]);
  if (!start) return null;
  const days = gateDays(g, facts.configured);
  const ends = addDays(start, days, g.unit, facts.cal, { rollToWorkingDay: g.rollToWorkingDay ?? true }).due;
  const notBefore = plusDays(ends, 1);
  const reason = `${g.reason(`${days}${unitLabel(g.unit)}`, chineseDay(ends))}（${g.statute}）`;
  return { gate: g.id, start, ends, notBefore, reason, message: `${reason}，${chineseDay(notBefore)}起方可${t.label}` };
}

/** the timing gates a step dated on these days would cut short (the transition's date and the date it records) */
export function timingMisses(readings: readonly TimingReading[], stepDates: readonly (IsoDate | null)[]): GateMiss[] {
  const dates = stepDates.filter((d): d is IsoDate => d !== null);
  return readings.filter((r) => dates.some((d) => d < r.notBefore)).map((r) => ({ path: `notBefore.${r.gate}`, label: r.reason, message: r.message }));
}
