import { sql, type Kysely } from 'kysely';
import type { ClockReading, ClockStatus } from '../../../common/workflow.types.ts';
import type { IsoDate } from '../calendar/calendar.ts';
import type { StoredClockEvent } from './workflow.engine.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- workflow and ledger tables are not in the typed schema
export type AnyDb = Kysely<any>;

export type ClockRowStatus = ClockStatus;
export type { ClockReading };

export interface ClockRow extends ClockReading {
  id: number;
  orgCode: string;
  ledger: string;
  recordId: number;
  clockId: string;
  label: string;
  events: StoredClockEvent[];
  computedOn: IsoDate | null;
}

export interface EventRow {
  id: number;
  orgCode: string;
  ledger: string;
  recordId: number;
  transition: string;
  label: string;
  fromState: string | null;
  toState: string | null;
  onDate: IsoDate;
  at: string;
  actor: string;
  actorName: string;
  data: Record<string, unknown>;
}

export type NewEvent = Omit<EventRow, 'id' | 'at'> & { at: Date };

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/* eslint-disable @typescript-eslint/no-explicit-any -- raw rows of untyped tables */
function clockRow(r: any): ClockRow {
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    ledger: r.ledger,
    recordId: Number(r.record_id),
    clockId: r.clock_id,
    label: r.label,
    events: json(r.events) as StoredClockEvent[],
    status: r.status,
    due: r.due ?? null,
    dueAt: r.due_at ? iso(r.due_at) : null,
    unit: r.unit,
    totalDays: Number(r.total_days),
    daysLeft: r.days_left === null ? null : Number(r.days_left),
    extended: !!r.extended,
    dueSoon: !!r.due_soon,
    overdue: !!r.overdue,
    explanation: json(r.explanation) as string[],
    error: r.error ?? null,
    computedOn: r.computed_on ?? null,
  };
}

function eventRow(r: any): EventRow {
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    ledger: r.ledger,
    recordId: Number(r.record_id),
    transition: r.transition,
    label: r.label,
    fromState: r.from_state ?? null,
    toState: r.to_state ?? null,
    onDate: r.on_date,
    at: iso(r.at),
    actor: r.actor,
    actorName: r.actor_name,
    data: (json(r.data) ?? {}) as Record<string, unknown>,
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const eventValues = (e: NewEvent) => ({
  org_code: e.orgCode,
  ledger: e.ledger,
  record_id: e.recordId,
  transition: e.transition,
  label: e.label.slice(0, 60),
  from_state: e.fromState,
  to_state: e.toState,
  on_date: e.onDate,
  at: e.at,
  actor: e.actor,
  actor_name: e.actorName.slice(0, 60),
  data: JSON.stringify(e.data),
});

export async function insertEvents(db: AnyDb, events: readonly NewEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) await db.insertInto('workflow_event').values(events.slice(i, i + 500).map(eventValues)).execute();
}

export async function listEvents(db: AnyDb, ledger: string, recordId: number): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('workflow_event')
    .select(['id', 'org_code', 'ledger', 'record_id', 'transition', 'label', 'from_state', 'to_state', 'at', 'actor', 'actor_name', 'data', sql<string>`to_char(on_date, 'YYYY-MM-DD')`.as('on_date')])
    .where('ledger', '=', ledger)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map(eventRow);
}

/** the day of the record's last step (registration, import and edits do not count: a step may be recorded afterwards) */
export async function lastEventDate(db: AnyDb, ledger: string, recordId: number): Promise<IsoDate | null> {
  const row = await db
    .selectFrom('workflow_event')
    .select(sql<string>`to_char(max(on_date), 'YYYY-MM-DD')`.as('d'))
    .where('ledger', '=', ledger)
    .where('record_id', '=', recordId)
    .where('transition', 'not in', ['create', 'adopt', 'edit'])
    .executeTakeFirst();
  return (row?.d as string | null | undefined) ?? null;
}

const clockValues = (c: Omit<ClockRow, 'id'>, now: Date) => ({
  org_code: c.orgCode,
  ledger: c.ledger,
  record_id: c.recordId,
  clock_id: c.clockId,
  label: c.label.slice(0, 60),
  events: JSON.stringify(c.events),
  status: c.status,
  due: c.due,
  due_at: c.dueAt,
  unit: c.unit,
  total_days: c.totalDays,
  days_left: c.daysLeft,
  extended: c.extended,
  due_soon: c.dueSoon,
  overdue: c.overdue,
  explanation: JSON.stringify(c.explanation),
  error: c.error,
  computed_on: c.computedOn,
  updated_at: now,
});

const CLOCK_SELECT = ['id', 'org_code', 'ledger', 'record_id', 'clock_id', 'label', 'events', 'status', 'due_at', 'unit', 'total_days', 'days_left', 'extended', 'due_soon', 'overdue', 'explanation', 'error'] as const;

// to_char: a `date` read through pg could otherwise shift by a day
const dueCol = sql<string>`to_char(due, 'YYYY-MM-DD')`.as('due');
const computedCol = sql<string>`to_char(computed_on, 'YYYY-MM-DD')`.as('computed_on');

export async function clocksOf(db: AnyDb, ledger: string, recordIds: readonly number[]): Promise<ClockRow[]> {
  if (!recordIds.length) return [];
  const rows = await db.selectFrom('workflow_clock').select([...CLOCK_SELECT, dueCol, computedCol]).where('ledger', '=', ledger).where('record_id', 'in', [...recordIds]).orderBy('id').execute();
  return rows.map(clockRow);
}

/** clocks that can still move: not started (waiting for a date), running, paused, or not computable */
export async function openClocks(db: AnyDb, ledger: string, afterId: number, limit: number): Promise<ClockRow[]> {
  const rows = await db
    .selectFrom('workflow_clock')
    .select([...CLOCK_SELECT, dueCol, computedCol])
    .where('ledger', '=', ledger)
    .where('status', 'in', ['pending', 'running', 'paused', 'error'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(clockRow);
}

export async function insertClocks(db: AnyDb, clocks: ReadonlyArray<Omit<ClockRow, 'id'>>, now: Date): Promise<void> {
  for (let i = 0; i < clocks.length; i += 500) {
    await db
      .insertInto('workflow_clock')
      .values(clocks.slice(i, i + 500).map((c) => clockValues(c, now)))
      .onConflict((oc) => oc.columns(['org_code', 'ledger', 'record_id', 'clock_id']).doNothing())
      .execute();
  }
}

export async function updateClock(db: AnyDb, id: number, c: Omit<ClockRow, 'id'>, now: Date): Promise<void> {
  await db.updateTable('workflow_clock').set(clockValues(c, now)).where('id', '=', id).execute();
}

/** a record moved to another organisation: its clocks follow, so scoped lists stay right */
export async function moveClocks(db: AnyDb, ledger: string, recordId: number, orgCode: string): Promise<void> {
  await db.updateTable('workflow_clock').set({ org_code: orgCode }).where('ledger', '=', ledger).where('record_id', '=', recordId).where('org_code', '<>', orgCode).execute();
}

export async function doneTransitions(db: AnyDb, ledger: string, recordId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('workflow_event').select('transition').distinct().where('ledger', '=', ledger).where('record_id', '=', recordId).execute();
  return new Set(rows.map((r) => String(r.transition)));
}

/** the latest day each transition of the record was done on (a timing gate counts from it) */
export async function transitionDates(db: AnyDb, ledger: string, recordId: number): Promise<Map<string, IsoDate>> {
  const rows = await db
    .selectFrom('workflow_event')
    .select(['transition', sql<string>`to_char(max(on_date), 'YYYY-MM-DD')`.as('d')])
    .where('ledger', '=', ledger)
    .where('record_id', '=', recordId)
    .groupBy('transition')
    .execute();
  return new Map(rows.map((r) => [String(r.transition), String(r.d)]));
}

/** how many active records of a child ledger refer to the record and lack one of the fields */
export async function unansweredChildren(db: AnyDb, table: string, ref: string, recordId: number, fields: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<string>`count(*)`.as('n'))
    .where(ref, '=', recordId)
    .where('status', '=', 'active')
    .where((eb) => eb.or(fields.map((f) => eb(f, 'is', null))))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function attachmentKinds(db: AnyDb, ledger: string, recordId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('attachment').select('kind').distinct().where('owner', '=', ledger).where('owner_id', '=', recordId).where('status', '=', 'active').execute();
  return new Set(rows.map((r) => String(r.kind)));
}

export async function findAttachment(db: AnyDb, ledger: string, recordId: number, attachmentId: number): Promise<{ id: number; name: string; kind: string; hash: string } | null> {
  const row = await db.selectFrom('attachment').select(['id', 'name', 'kind', 'hash']).where('id', '=', attachmentId).where('owner', '=', ledger).where('owner_id', '=', recordId).where('status', '=', 'active').executeTakeFirst();
  return row ? { id: Number(row.id), name: String(row.name), kind: String(row.kind), hash: String(row.hash) } : null;
}
