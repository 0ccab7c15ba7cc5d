// the shapes of the workflow, deadline and calendar API (server/platform: workflow, calendar), shared by the server and the web app
// type-only: no runtime code here; dates are strings YYYY-MM-DD

/** how a time limit counts: working days (the statutory calendar), calendar days, or hours (an urgent ticket's limit) */
type DayUnit = 'working' | 'calendar' | 'hours';

export type ClockStatus = 'pending' | 'running' | 'paused' | 'stopped' | 'error';

/** what a computation of a clock yields, as stored */
export interface ClockReading {
  status: ClockStatus;
  /** the last day (Beijing); for an hours clock the day of dueAt */
  due: string | null;
  /** an hours clock's due moment (ISO instant, UTC); null for day clocks */
  dueAt: string | null;
  unit: DayUnit;
  totalDays: number;
  daysLeft: number | null;
  extended: boolean;
  dueSoon: boolean;
  overdue: boolean;
  explanation: string[];
  error: string | null;
}

/** a clock of a record's timeline (GET /api/ledgers/:name/:id/timeline) */
export interface TimelineClock extends ClockReading {
  id: string;
  label: string;
  extension: { days: number; noticeKind: string | null; permitted: boolean; available: boolean } | null;
}

/**
 * a record's workflow read today (GET /api/ledgers/:name/:id/timeline): the parts the server and the web app describe
 * alike; each side adds its own typing of the transitions and the events
 */
export interface TimelineBase {
  ledger: string;
  recordId: number;
  title: string;
  version: number;
  state: string | null;
  stateLabel: string;
  final: boolean;
  states: Array<{ name: string; label: string; final: boolean }>;
  clocks: TimelineClock[];
  /** the nearest due date of a clock still running */
  nextDue: { clock: string; label: string; due: string; dueAt: string | null; overdue: boolean; dueSoon: boolean } | null;
}

/** one line of GET /api/deadlines */
export interface DeadlineItem {
  ledger: string;
  ledgerLabel: string;
  module: string;
  recordId: number;
  title: string;
  orgCode: string;
  orgName: string;
  clockId: string;
  clockLabel: string;
  status: ClockStatus;
  due: string | null;
  /** an hours clock's due moment (ISO instant); null for day clocks and declared deadlines */
  dueAt: string | null;
  unit: DayUnit;
  /** from today (an hours clock: from now) to the due date in the clock's unit; negative when overdue */
  daysLeft: number | null;
  dueSoon: boolean;
  overdue: boolean;
  error: string | null;
  link: string;
}

/** a due date moved by a recomputation (e.g. after a calendar correction) */
export interface ClockChange {
  ledger: string;
  recordId: number;
  orgCode: string;
  clockId: string;
  label: string;
  from: string | null;
  to: string | null;
}

/** a year the calendar knows, with where it came from and who loaded it (GET /api/calendar/years) */
export interface CalendarYearSummary {
  year: number;
  source: string | null;
  loadedBy: string | null;
  loadedAt: string | null;
  holidays: number;
  workdays: number;
}

/** what loading a year's calendar did (POST /api/calendar/load) */
/** POST /api/calendar/preview: what loading a file would change, before anything is replaced */
export interface CalendarPreview extends CalendarChange {
  days: Array<{ date: string; kind: 'holiday' | 'workday'; name: string; weekday: string }>;
}

/** a year's holidays as loaded or about to be: how many, and what changed against the stored year */
export interface CalendarChange {
  year: number;
  source: string;
  /** a year replaced (corrected) rather than loaded for the first time */
  corrected: boolean;
  holidays: number;
  workdays: number;
  added: string[];
  removed: string[];
}

/** POST /api/calendar/load: the change made, and the running clocks recomputed on the new calendar */
export interface CalendarLoadResult extends CalendarChange {
  recomputed: number;
  moved: ClockChange[];
}
