import { addWorkingDays, CalendarError, type CalendarData, type IsoDate } from '../../platform/calendar/calendar.ts';
import { computeClock, type ClockEvent, type ClockRule, type ClockState } from '../../platform/workflow/clock.ts';

// 政府信息公开条例 art. 33: 20 working days, +20 with approval
export const ANSWER_RULE: ClockRule = { id: 'disclosure.answer', label: '依申请公开答复期限', days: 20, unit: 'working', extension: { days: 20, unit: 'working' } };

const date = (v: unknown): IsoDate | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/** the answer clock's events as an application's dates imply them (补正 restarts, consultation and fees pause, one extension) */
export function applicationClockEvents(v: Readonly<Record<string, unknown>>): ClockEvent[] {
  const received = date(v['received_on']);
  if (!received) return [];
  const events: Array<ClockEvent & { order: number }> = [{ kind: 'start', date: received, reason: '收到申请', order: 0 }];
  const add = (kind: ClockEvent['kind'], field: string, reason: string, order: number): void => {
    const d = date(v[field]);
    if (d) events.push({ kind, date: d, reason, order });
  };
  add('pause', 'supplement_requested_on', '告知补正', 1);
  add('restart', 'supplement_received_on', '收到补正材料', 1);
  add('pause', 'consult_sent_on', '征求第三方意见', 1);
  add('resume', 'consult_replied_on', '第三方答复', 1);
  add('pause', 'fee_notice_on', '发出收费通知', 1);
  add('resume', 'fee_paid_on', '申请人缴费', 1);
  add('extend', 'extension_approved_on', '经批准延期答复', 1);
  add('stop', 'answered_on', '作出答复', 2);
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order).map(({ order: _order, ...e }) => e);
}

/** the answer clock of an application read on a day; null before receipt */
export function applicationClock(v: Readonly<Record<string, unknown>>, cal: CalendarData, today: IsoDate): ClockState | null {
  const events = applicationClockEvents(v);
  return events.length ? computeClock(ANSWER_RULE, events, cal, { today, deferredTo: date(v['delayed_due_on']) }) : null;
}

// 政府信息公开条例 art. 30: a request to complete the application (补正) within 7 working days of receipt
export const SUPPLEMENT_DAYS = 7;

/**
 * the working-day calendar the ledger's cross-field rules read (rules are synchronous): loaded when the platform
 * starts and reloaded in the background once it is a minute old, so a newly loaded year is seen within a minute
 */
let calendar: { data: CalendarData; at: number } | null = null;
let reload: (() => Promise<CalendarData>) | null = null;
let reloading = false;

export async function useCalendar(load: () => Promise<CalendarData>): Promise<void> {
  reload = load;
  calendar = { data: await load(), at: Date.now() };
}

function currentCalendar(): CalendarData | null {
  if (calendar && reload && !reloading && Date.now() - calendar.at > 60_000) {
    reloading = true;
    const load = reload;
    load()
      .then((data) => void (calendar = { data, at: Date.now() }))
      .catch(() => undefined)
      .finally(() => void (reloading = false));
  }
  return calendar?.data ?? null;
}

/**
 * the last day a 补正 may be asked for: the 7th working day after receipt; `unknown` when the calendar lacks the
 * year (never guessed), null when no calendar is loaded at all (pure unit tests)
 */
export function supplementDeadline(receivedOn: unknown, cal: CalendarData | null = currentCalendar()): IsoDate | 'unknown' | null {
  const received = date(receivedOn);
  if (!received || !cal) return null;
  try {
    return addWorkingDays(received, SUPPLEMENT_DAYS, cal).due;
  } catch (e) {
    if (e instanceof CalendarError) return 'unknown';
    throw e;
  }
}
