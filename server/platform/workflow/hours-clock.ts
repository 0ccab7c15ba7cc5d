import { assertIsoDate, type IsoDate } from '../calendar/calendar.ts';
import type { ClockEvent, ClockRule, ClockState } from './clock.ts';
import { ClockError } from './clock.ts';

const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** 'HH:MM' (00:00–23:59), the time a step was taken on its day */
export const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** the instant of a Beijing day and time ('HH:MM'); the day's start when no time is given */
export function chinaInstant(date: IsoDate, time?: string | null): string {
  assertIsoDate(date);
  const t = time && TIME_RE.test(time) ? time : '00:00';
  return new Date(`${date}T${t}:00+08:00`).toISOString();
}

/** '2026-12-04 09:15': how an instant reads in Beijing time */
export function chinaDateTime(at: string | number | Date): string {
  const d = new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** the moment an event of an hours clock takes effect: its recorded instant, else the start of its day in Beijing */
export const eventInstant = (e: ClockEvent): number => new Date(e.at ?? chinaInstant(e.date)).getTime();

/** whole hours from a to b, counted the way a person does: a started hour of lateness counts, an unfinished hour left does not */
function hoursBetween(fromMs: number, toMs: number): number {
  const h = (toMs - fromMs) / HOUR_MS;
  return h >= 0 ? Math.floor(h) : -Math.ceil(-h);
}

interface Run {
  from: number;
  to: number | null;
}

/**
 * an hours clock: the same events as a day clock (start, pause, resume, restart, extend, stop), each at its instant
 * (`at`, else the start of its Beijing day); the period runs continuously, nights and holidays included, from the
 * start instant (国办发〔2020〕53号 practice: an urgent ticket is signed within 1 hour, answered within 24). Pure.
 */
export function computeHoursClock(rule: ClockRule, events: readonly ClockEvent[], options: { today: IsoDate; now?: Date; dueSoon: (due: IsoDate) => boolean }): ClockState {
  const label = `${rule.label}：期限${rule.days}小时${rule.extension ? `，经批准可延长${rule.extension.days}小时` : ''}`;
  const lines = [label];
  const runs: Run[] = [];
  let total = rule.days * HOUR_MS;
  let extended = false;
  let state: 'idle' | 'running' | 'paused' | 'stopped' = 'idle';
  let stoppedAt: number | null = null;
  let last = -Infinity;
  const usedMs = (until: number): number => runs.reduce((n, r) => n + Math.max(0, Math.min(r.to ?? until, until) - r.from), 0);
  for (const e of events) {
    const at = eventInstant(e);
    if (Number.isNaN(at)) throw new ClockError('clock_invalid_events', `计时事件的时间有误：${String(e.at)}`);
    if (at < last) throw new ClockError('clock_invalid_events', `计时事件须按时间先后排列：${chinaDateTime(at)}早于前一事件`);
    last = at;
    const why = e.reason ? `（${e.reason}）` : '';
    const when = chinaDateTime(at);
    const open = runs.at(-1);
    const bad = (): never => {
      throw new ClockError('clock_invalid_events', `计时状态不允许此事件：${e.kind}（${when}）`);
    };
    switch (e.kind) {
      case 'start':
        if (state !== 'idle') bad();
        runs.push({ from: at, to: null });
        lines.push(`${when} 起算${why}`);
        state = 'running';
        break;
      case 'pause':
        if (state !== 'running' || !open) bad();
        else open.to = at;
        lines.push(`${when} 暂停计时${why}，此前已计${hoursBetween(0, usedMs(at))}小时`);
        state = 'paused';
        break;
      case 'resume':
        if (state !== 'paused') bad();
        runs.push({ from: at, to: null });
        lines.push(`${when} 恢复计时${why}`);
        state = 'running';
        break;
      case 'restart':
        if (state !== 'running' && state !== 'paused') bad();
        runs.length = 0;
        runs.push({ from: at, to: null });
        total = rule.days * HOUR_MS;
        extended = false;
        lines.push(`${when} 重新起算${why}，重新计算${rule.days}小时`);
        state = 'running';
        break;
      case 'extend':
        if (state !== 'running' && state !== 'paused') bad();
        if (!rule.extension) throw new ClockError('clock_no_extension', `“${rule.label}”没有可延长的期限`);
        if (extended) throw new ClockError('clock_extension_used', `“${rule.label}”已延长过一次期限，不能再次延长`);
        total += rule.extension.days * HOUR_MS;
        extended = true;
        lines.push(`${when} 延长期限${rule.extension.days}小时${why}`);
        break;
      case 'stop':
        if (state !== 'running' && state !== 'paused') bad();
        if (open && open.to === null) open.to = at;
        stoppedAt = at;
        lines.push(`${when} 停止计时${why}`);
        state = 'stopped';
        break;
    }
  }
  if (state === 'idle') throw new ClockError('clock_invalid_events', `“${rule.label}”尚未起算：缺少起算事件`);
  const now = options.now?.getTime() ?? new Date(chinaInstant(options.today, '23:59')).getTime();
  const ref = stoppedAt ?? now;
  const used = usedMs(ref);
  // the due instant: the last running stretch started with what the earlier ones left; unknown while paused
  let dueMs: number | null = null;
  const lastRun = runs.at(-1);
  if (lastRun && state !== 'paused') {
    const earlier = runs.slice(0, -1).reduce((n, r) => n + ((r.to ?? r.from) - r.from), 0);
    dueMs = lastRun.from + (total - earlier);
  }
  const due = dueMs === null ? null : chinaDateTime(dueMs).slice(0, 10);
  const dueAt = dueMs === null ? null : new Date(dueMs).toISOString();
  const overdue = dueMs !== null && ref > dueMs;
  const totalHours = total / HOUR_MS;
  const usedHours = hoursBetween(0, used);
  const left = state === 'paused' || dueMs === null ? totalHours - usedHours : hoursBetween(ref, dueMs);
  if (dueMs !== null) lines.push(`届满时间：${chinaDateTime(dueMs)}（北京时间）`);
  const refText = chinaDateTime(ref);
  if (state === 'running') lines.push(overdue ? `截至${refText}已超期${-left}小时` : `截至${refText}已用${usedHours}小时，剩余${left}小时`);
  else if (state === 'paused') lines.push(`暂停中：已用${usedHours}小时，恢复计时后剩余${Math.max(left, 0)}小时`);
  else lines.push(overdue ? `于${refText}办结，超期${-left}小时` : `于${refText}办结，在期限内`);
  const dueSoon = state === 'running' && due !== null && !overdue && options.dueSoon(due);
  return { status: state, due, dueAt, unit: 'hours', totalDays: totalHours, extended, daysUsed: usedHours, daysLeft: left, overdue, dueSoon, explanation: lines };
}
