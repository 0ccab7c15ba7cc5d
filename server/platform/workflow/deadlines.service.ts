import { sql } from 'kysely';
import { z } from 'zod';
import type { DeadlineItem } from '../../../common/workflow.types.ts';
import { calendarDaysBetween, plusDays, workingDaysBetween, type CalendarData, type ClockUnit, type IsoDate } from '../calendar/calendar.ts';
import { loadCalendar } from '../calendar/calendar.repository.ts';
import { can, type Ctx } from '../http/context.ts';
import type { HomeItem, Platform } from '../module.ts';
import { titleOf, type Row } from '../ledger/ledger.service.ts';
import { perm, type FieldDef, type LedgerDef } from '../ledger/ledger.types.ts';
import { getSetting } from '../settings.ts';
import { DUE_SOON_SETTING } from './workflow.service.ts';
import { chinaDate } from './workflow.engine.ts';
import type { AnyDb, ClockRowStatus } from './workflow.repository.ts';
import { isoDate as isoDateInRange } from '../http/validate.ts';

const isoDate = isoDateInRange();

export const deadlinesQuery = z.object({
  module: z.string().max(60).optional(),
  ledger: z.string().max(80).optional(),
  org: z.string().max(20).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** due within the next N days (today included): narrows `to`, never widens it */
  within: z.coerce.number().int().min(0).max(366).optional(),
  status: z.enum(['open', 'running', 'paused', 'due_soon', 'overdue']).default('open'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeadlinesQuery = z.infer<typeof deadlinesQuery>;
export const DEADLINES_LABELS = { module: '工作领域', ledger: '台账', org: '单位', from: '届满日起', to: '届满日止', within: '未来天数', status: '状态' };

export type { DeadlineItem };

const db = (ctx: Ctx): AnyDb => ctx.tx as unknown as AnyDb;

type Sources = Pick<Platform, 'ledgers'> & Partial<Pick<Platform, 'modules'>>;
type Filter = Omit<DeadlinesQuery, 'page' | 'pageSize'>;

/** the date fields of a ledger declared as deadlines (ledger.types.ts `FieldDef.deadline`) */
const dueFields = (l: LedgerDef): FieldDef[] => l.fields.filter((f) => f.type === 'date' && f.deadline);

/** the ledgers with clocks or deadline fields that the user may read, narrowed by module or ledger */
function visibleLedgers(ctx: Ctx, platform: Sources, q: Pick<DeadlinesQuery, 'module' | 'ledger'>): LedgerDef[] {
  return platform.ledgers
    .all()
    .filter((l) => (l.workflow?.clocks?.length || dueFields(l).length) && can(ctx, perm(l, 'read')))
    .filter((l) => (!q.module || l.module === q.module) && (!q.ledger || l.name === q.ledger));
}

const scopeCodes = (ctx: Ctx): string[] => (ctx.scope.codes.length ? ctx.scope.codes : ['']);

// one definition of "which clocks" for the list and the counts: in the user's scope, active records only
function scoped(ctx: Ctx, l: LedgerDef, q: Filter, today: IsoDate) {
  // an hours clock is overdue from its due moment, a day clock from the day after its due day
  const late = sql<boolean>`(case when c.due_at is null then c.due < ${today} else c.due_at < ${ctx.now} end)`;
  let query = db(ctx)
    .selectFrom('workflow_clock as c')
    .innerJoin(`${l.table} as r`, 'r.id', 'c.record_id')
    .where('c.ledger', '=', l.name)
    .where('r.status', '=', 'active')
    .where('r.org_code', 'in', scopeCodes(ctx))
    // the clock's own copy of the organisation lets the org-led index serve the query
    .where('c.org_code', 'in', scopeCodes(ctx));
  // narrowing to one unit's subtree, never widening past the user's scope
  if (q.org) query = query.where('r.org_code', 'in', sql<string>`(select code from org where path like ${`%/${q.org}/%`})`);
  if (q.from) query = query.where('c.due', '>=', q.from);
  if (q.to) query = query.where('c.due', '<=', q.to);
  if (q.within !== undefined) query = query.where('c.due', '<=', plusDays(today, q.within));
  switch (q.status) {
    case 'open':
      return query.where('c.status', 'in', ['running', 'paused', 'error']);
    case 'running':
      return query.where('c.status', '=', 'running');
    case 'paused':
      return query.where('c.status', '=', 'paused');
    case 'overdue':
      return query.where('c.status', 'in', ['running', 'paused']).where(late);
    case 'due_soon':
      return query.where('c.status', '=', 'running').where('c.due_soon', '=', true).where('c.due', '>=', today).where(sql<boolean>`not ${late}`);
  }
}

// a declared deadline field: set, its "done" field empty, in the user's scope; it runs in calendar days, never paused
function scopedField(ctx: Ctx, l: LedgerDef, f: FieldDef, q: Filter, today: IsoDate, soonDays: number) {
  const due = `r.${f.name}`;
  let query = db(ctx)
    .selectFrom(`${l.table} as r`)
    .where('r.status', '=', 'active')
    .where('r.org_code', 'in', scopeCodes(ctx))
    .where(due, 'is not', null)
    .where(`r.${f.deadline?.doneBy ?? f.name}`, 'is', null);
  if (q.org) query = query.where('r.org_code', 'in', sql<string>`(select code from org where path like ${`%/${q.org}/%`})`);
  if (q.from) query = query.where(due, '>=', q.from);
  if (q.to) query = query.where(due, '<=', q.to);
  if (q.within !== undefined) query = query.where(due, '<=', plusDays(today, q.within));
  switch (q.status) {
    case 'open':
    case 'running':
      return query;
    case 'paused':
      return query.where(sql<boolean>`false`);
    case 'overdue':
      return query.where(due, '<', today);
    case 'due_soon':
      return query.where(due, '>=', today).where(due, '<=', plusDays(today, soonDays));
  }
}

async function dueSoonDays(ctx: Ctx): Promise<number> {
  const soon = Number(await getSetting(ctx.tx, DUE_SOON_SETTING));
  return Number.isSafeInteger(soon) && soon >= 0 ? soon : 3;
}

/** the modules' own deadlines (not ledger records), filtered here the way the queries filter clocks */
async function moduleDeadlines(ctx: Ctx, platform: Sources, q: Filter, today: IsoDate): Promise<DeadlineItem[]> {
  const providers = (platform.modules ?? []).filter((m) => m.deadlines && (!q.module || m.name === q.module));
  if (!providers.length) return [];
  const within = q.org ? new Set((await ctx.tx.selectFrom('org').select('code').where('path', 'like', `%/${q.org}/%`).execute()).map((o) => o.code)) : null;
  const items = (await Promise.all(providers.map((m) => m.deadlines?.(ctx) ?? []))).flat();
  const until = q.within !== undefined ? plusDays(today, q.within) : null;
  return items.filter((d) => {
    if (!ctx.scope.codes.includes(d.orgCode) || (within && !within.has(d.orgCode)) || (q.ledger && d.ledger !== q.ledger)) return false;
    if ((q.from && (!d.due || d.due < q.from)) || (q.to && (!d.due || d.due > q.to)) || (until && (!d.due || d.due > until))) return false;
    switch (q.status) {
      case 'open':
        return d.status === 'running' || d.status === 'paused' || d.status === 'error';
      case 'running':
        return d.status === 'running';
      case 'paused':
        return d.status === 'paused';
      case 'overdue':
        return d.overdue;
      case 'due_soon':
        return d.dueSoon;
    }
  });
}

/** whole hours from now to an hours clock's due moment: a started hour of lateness counts, an unfinished hour left does not */
export function hoursLeft(dueAt: string, now: Date): number {
  const h = (new Date(dueAt).getTime() - now.getTime()) / 3_600_000;
  return h >= 0 ? Math.floor(h) : -Math.ceil(-h);
}

export function daysLeft(due: IsoDate | null, unit: ClockUnit, today: IsoDate, cal: CalendarData): number | null {
  if (!due || unit === 'hours') return null;
  if (unit === 'calendar') return calendarDaysBetween(today, due);
  try {
    return workingDaysBetween(today, due, cal);
  } catch {
    return null;
  }
}

/** 到期事项: every clock and declared deadline due or overdue in the user's organisation subtree, across all ledgers */
export async function listDeadlines(ctx: Ctx, platform: Sources, q: DeadlinesQuery): Promise<{ items: DeadlineItem[]; total: number; page: number; pageSize: number; today: IsoDate }> {
  const today = chinaDate(ctx.now);
  const ledgers = visibleLedgers(ctx, platform, q);
  const want = q.page * q.pageSize;
  const collected: Array<DeadlineItem & { sortKey: string }> = [];
  let total = 0;
  const cal = await loadCalendar(ctx.tx);
  const soonDays = await dueSoonDays(ctx);
  const orgNames = new Map((await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', scopeCodes(ctx)).execute()).map((o) => [o.code, o.name]));
  const sortKey = (due: string | null, ledger: string, id: number): string => `${due ?? '9999-99-99'}|${ledger}|${String(id).padStart(12, '0')}`;
  for (const l of ledgers) {
    const titleCols = l.titleFields.filter((n) => !l.fields.find((f) => f.name === n)?.personal);
    const base = (r: Row) => ({
      ledger: l.name,
      ledgerLabel: l.label,
      module: l.module,
      recordId: Number(r['record_id']),
      title: titleOf(l, Object.fromEntries(titleCols.map((n) => [n, r[n]]))),
      orgCode: String(r['org_code']),
      orgName: orgNames.get(String(r['org_code'])) ?? String(r['org_code']),
      link: `/ledgers/${l.name}/${Number(r['record_id'])}`,
    });
    if (l.workflow?.clocks?.length) {
      const count = await scoped(ctx, l, q, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      total += Number((count as { n: number }).n);
      const rows = (await scoped(ctx, l, q, today)
        .select(['c.record_id', 'c.clock_id', 'c.label', 'c.status', 'c.unit', 'c.due_at', 'c.due_soon', 'c.error', 'r.org_code', sql<string>`to_char(c.due, 'YYYY-MM-DD')`.as('due'), ...titleCols.map((n) => `r.${n}`)])
        .orderBy(sql`c.due asc nulls last`)
        .orderBy(sql`c.due_at asc nulls last`)
        .orderBy('c.id')
        .limit(want)
        .execute()) as Row[];
      for (const r of rows) {
        const due = (r['due'] as string | null) ?? null;
        const dueAt = r['due_at'] ? new Date(r['due_at'] as string | Date).toISOString() : null;
        const unit = r['unit'] as ClockUnit;
        const status = r['status'] as ClockRowStatus;
        const open = status === 'running' || status === 'paused';
        const late = dueAt !== null ? dueAt < ctx.now.toISOString() : due !== null && due < today;
        collected.push({
          ...base(r),
          clockId: String(r['clock_id']),
          clockLabel: String(r['label']),
          status,
          due,
          dueAt,
          unit,
          daysLeft: dueAt !== null ? hoursLeft(dueAt, ctx.now) : daysLeft(due, unit, today, cal),
          overdue: open && late,
          dueSoon: status === 'running' && !!r['due_soon'] && due !== null && due >= today && !late,
          error: (r['error'] as string | null) ?? null,
          sortKey: sortKey(due === null ? null : `${due}|${dueAt ?? '~'}`, l.name, Number(r['record_id'])),
        });
      }
    }
    for (const f of dueFields(l)) {
      const count = await scopedField(ctx, l, f, q, today, soonDays).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      total += Number((count as { n: number }).n);
      const rows = (await scopedField(ctx, l, f, q, today, soonDays)
        .select(['r.id as record_id', 'r.org_code', sql<string>`to_char(r.${sql.ref(f.name)}, 'YYYY-MM-DD')`.as('due'), ...titleCols.map((n) => `r.${n}`)])
        .orderBy(`r.${f.name}`)
        .orderBy('r.id')
        .limit(want)
        .execute()) as Row[];
      for (const r of rows) {
        const due = String(r['due']);
        collected.push({
          ...base(r),
          clockId: `field:${f.name}`,
          clockLabel: f.label,
          status: 'running',
          due,
          dueAt: null,
          unit: 'calendar',
          daysLeft: daysLeft(due, 'calendar', today, cal),
          overdue: due < today,
          dueSoon: due >= today && due <= plusDays(today, soonDays),
          error: null,
          sortKey: sortKey(`${due}|~`, l.name, Number(r['record_id'])),
        });
      }
    }
  }
  const extra = await moduleDeadlines(ctx, platform, q, today);
  total += extra.length;
  for (const d of extra) collected.push({ ...d, sortKey: sortKey(d.due === null ? null : `${d.due}|~`, d.ledger, d.recordId) });
  const items = collected
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
    .slice((q.page - 1) * q.pageSize, want)
    .map(({ sortKey: _s, ...item }) => item);
  return { items, total, page: q.page, pageSize: q.pageSize, today };
}

/** how many clocks and declared deadlines in the user's scope are overdue and due soon */
export async function deadlineCounts(ctx: Ctx, platform: Sources): Promise<{ overdue: number; dueSoon: number }> {
  const today = chinaDate(ctx.now);
  const soonDays = await dueSoonDays(ctx);
  let overdue = 0;
  let dueSoon = 0;
  const n = (row: unknown): number => Number((row as { n: number }).n);
  for (const l of visibleLedgers(ctx, platform, {})) {
    if (l.workflow?.clocks?.length) {
      overdue += n(await scoped(ctx, l, { status: 'overdue' }, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
      dueSoon += n(await scoped(ctx, l, { status: 'due_soon' }, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    }
    for (const f of dueFields(l)) {
      overdue += n(await scopedField(ctx, l, f, { status: 'overdue' }, today, soonDays).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
      dueSoon += n(await scopedField(ctx, l, f, { status: 'due_soon' }, today, soonDays).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    }
  }
  overdue += (await moduleDeadlines(ctx, platform, { status: 'overdue' }, today)).length;
  dueSoon += (await moduleDeadlines(ctx, platform, { status: 'due_soon' }, today)).length;
  return { overdue, dueSoon };
}

/** the home page's lines: my organisation's overdue and due-soon items, each linking to the 到期事项 view */
export async function deadlineHomeItems(ctx: Ctx, platform: Sources): Promise<HomeItem[]> {
  if (!ctx.scope.codes.length || (!visibleLedgers(ctx, platform, {}).length && !platform.modules?.some((m) => m.deadlines))) return [];
  const { overdue, dueSoon } = await deadlineCounts(ctx, platform);
  return [
    { key: 'deadlines.overdue', label: '已超期事项', count: overdue, link: '/deadlines?status=overdue', tone: overdue > 0 ? 'danger' : 'normal' },
    { key: 'deadlines.due_soon', label: '即将到期事项', count: dueSoon, link: '/deadlines?status=due_soon', tone: dueSoon > 0 ? 'warning' : 'normal' },
  ];
}

/** the first and last day of each month of a year: [from, to] */
export function monthsOf(year: number): Array<{ from: IsoDate; to: IsoDate }> {
  return Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    return { from: `${year}-${m}-01` as IsoDate, to: `${year}-${m}-${String(new Date(Date.UTC(year, i + 1, 0)).getUTCDate()).padStart(2, '0')}` as IsoDate };
  });
}

/**
 * the home chart of deadlines: month by month of the year, the open clocks and declared deadlines falling due in the
 * month and how many of them are overdue, counted by the queries 到期事项 lists and the home counters count with
 * (each month's figure is the list /deadlines?status=…&from=…&to= shows)
 */
export async function deadlineMonths(ctx: Ctx, platform: Sources, year: number): Promise<Array<{ from: IsoDate; to: IsoDate; open: number; overdue: number }>> {
  const today = chinaDate(ctx.now);
  const soonDays = await dueSoonDays(ctx);
  const months = monthsOf(year).map((m) => ({ ...m, open: 0, overdue: 0 }));
  if (!ctx.scope.codes.length) return months;
  const from = months[0]?.from;
  const to = months[11]?.to;
  const add = (rows: Array<{ m: unknown; n: unknown }>, key: 'open' | 'overdue'): void => {
    for (const r of rows) {
      const month = months[Number(r.m) - 1];
      if (month) month[key] += Number(r.n);
    }
  };
  for (const l of visibleLedgers(ctx, platform, {})) {
    for (const status of ['open', 'overdue'] as const) {
      if (l.workflow?.clocks?.length) {
        const rows = await scoped(ctx, l, { status, from, to }, today)
          .select([sql<number>`extract(month from c.due)`.as('m'), sql<number>`count(*)`.as('n')])
          .groupBy(sql`extract(month from c.due)`)
          .execute();
        add(rows as Array<{ m: unknown; n: unknown }>, status);
      }
      for (const f of dueFields(l)) {
        const rows = await scopedField(ctx, l, f, { status, from, to }, today, soonDays)
          .select([sql<number>`extract(month from ${sql.ref(`r.${f.name}`)})`.as('m'), sql<number>`count(*)`.as('n')])
          .groupBy(sql`extract(month from ${sql.ref(`r.${f.name}`)})`)
          .execute();
        add(rows as Array<{ m: unknown; n: unknown }>, status);
      }
    }
  }
  for (const status of ['open', 'overdue'] as const) {
    for (const d of await moduleDeadlines(ctx, platform, { status, from, to }, today)) {
      const month = d.due ? months[Number(d.due.slice(5, 7)) - 1] : undefined;
      if (month) month[status] += 1;
    }
  }
  return months;
}
