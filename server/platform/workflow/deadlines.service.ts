import { sql } from 'kysely';
import { z } from 'zod';
import type { DeadlineItem } from '../../../common/workflow.types.ts';
import { calendarDaysBetween, plusDays, workingDaysBetween, type CalendarData, type DayUnit, type IsoDate } from '../calendar/calendar.ts';
import { loadCalendar } from '../calendar/calendar.repository.ts';
import { can, type Ctx } from '../http/context.ts';
import type { HomeItem, Platform } from '../module.ts';
import { titleOf, type Row } from '../ledger/ledger.service.ts';
import { perm, type LedgerDef } from '../ledger/ledger.types.ts';
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

/** the ledgers with clocks that the user may read, narrowed by module or ledger */
function visibleLedgers(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, q: Pick<DeadlinesQuery, 'module' | 'ledger'>): LedgerDef[] {
  return platform.ledgers
    .all()
    .filter((l) => l.workflow?.clocks?.length && can(ctx, perm(l, 'read')))
    .filter((l) => (!q.module || l.module === q.module) && (!q.ledger || l.name === q.ledger));
}

// one definition of "which clocks" for the list and the counts: in the user's scope, active records only
function scoped(ctx: Ctx, l: LedgerDef, q: Omit<DeadlinesQuery, 'page' | 'pageSize'>, today: IsoDate) {
  let query = db(ctx)
    .selectFrom('workflow_clock as c')
    .innerJoin(`${l.table} as r`, 'r.id', 'c.record_id')
    .where('c.ledger', '=', l.name)
    .where('r.status', '=', 'active')
    .where('r.org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : [''])
    // the clock's own copy of the organisation lets the org-led index serve the query
    .where('c.org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']);
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
      return query.where('c.status', 'in', ['running', 'paused']).where('c.due', '<', today);
    case 'due_soon':
      return query.where('c.status', '=', 'running').where('c.due_soon', '=', true).where('c.due', '>=', today);
  }
}

export function daysLeft(due: IsoDate | null, unit: DayUnit, today: IsoDate, cal: CalendarData): number | null {
  if (!due) return null;
  if (unit === 'calendar') return calendarDaysBetween(today, due);
  try {
    return workingDaysBetween(today, due, cal);
  } catch {
    return null;
  }
}

/** 到期事项: every clock due or overdue in the user's organisation subtree, across all ledgers with workflows */
export async function listDeadlines(ctx: Ctx, platform: Pick<Platform, 'ledgers'>, q: DeadlinesQuery): Promise<{ items: DeadlineItem[]; total: number; page: number; pageSize: number; today: IsoDate }> {
  const today = chinaDate(ctx.now);
  const ledgers = visibleLedgers(ctx, platform, q);
  const want = q.page * q.pageSize;
  const collected: Array<DeadlineItem & { sortKey: string }> = [];
  let total = 0;
  const cal = await loadCalendar(ctx.tx);
  const orgNames = new Map((await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', ctx.scope.codes.length ? ctx.scope.codes : ['']).execute()).map((o) => [o.code, o.name]));
  for (const l of ledgers) {
    const count = await scoped(ctx, l, q, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    total += Number((count as { n: number }).n);
    const titleCols = l.titleFields.filter((n) => !l.fields.find((f) => f.name === n)?.personal);
    const rows = (await scoped(ctx, l, q, today)
      .select(['c.record_id', 'c.clock_id', 'c.label', 'c.status', 'c.unit', 'c.due_soon', 'c.error', 'r.org_code', sql<string>`to_char(c.due, 'YYYY-MM-DD')`.as('due'), ...titleCols.map((n) => `r.${n}`)])
      .orderBy(sql`c.due asc nulls last`)
      .orderBy('c.id')
      .limit(want)
      .execute()) as Row[];
    for (const r of rows) {
      const due = (r['due'] as string | null) ?? null;
      const unit = r['unit'] as DayUnit;
      const status = r['status'] as ClockRowStatus;
      const left = daysLeft(due, unit, today, cal);
      const open = status === 'running' || status === 'paused';
      collected.push({
        ledger: l.name,
        ledgerLabel: l.label,
        module: l.module,
        recordId: Number(r['record_id']),
        title: titleOf(l, Object.fromEntries(titleCols.map((n) => [n, r[n]]))),
        orgCode: String(r['org_code']),
        orgName: orgNames.get(String(r['org_code'])) ?? String(r['org_code']),
        clockId: String(r['clock_id']),
        clockLabel: String(r['label']),
        status,
        due,
        unit,
        daysLeft: left,
        overdue: open && due !== null && due < today,
        dueSoon: status === 'running' && !!r['due_soon'] && due !== null && due >= today,
        error: (r['error'] as string | null) ?? null,
        link: `/ledgers/${l.name}/${Number(r['record_id'])}`,
        sortKey: `${due ?? '9999-99-99'}|${l.name}|${String(r['record_id']).padStart(12, '0')}`,
      });
    }
  }
  const items = collected
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
    .slice((q.page - 1) * q.pageSize, want)
    .map(({ sortKey: _s, ...item }) => item);
  return { items, total, page: q.page, pageSize: q.pageSize, today };
}

/** how many clocks in the user's scope are overdue and due soon */
export async function deadlineCounts(ctx: Ctx, platform: Pick<Platform, 'ledgers'>): Promise<{ overdue: number; dueSoon: number }> {
  const today = chinaDate(ctx.now);
  let overdue = 0;
  let dueSoon = 0;
  for (const l of visibleLedgers(ctx, platform, {})) {
    const base = { status: 'overdue' as const };
    const a = await scoped(ctx, l, base, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const b = await scoped(ctx, l, { status: 'due_soon' }, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    overdue += Number((a as { n: number }).n);
    dueSoon += Number((b as { n: number }).n);
  }
  return { overdue, dueSoon };
}

/** the home page's lines: my organisation's overdue and due-soon items, each linking to the 到期事项 view */
export async function deadlineHomeItems(ctx: Ctx, platform: Pick<Platform, 'ledgers'>): Promise<HomeItem[]> {
  if (!ctx.scope.codes.length || !visibleLedgers(ctx, platform, {}).length) return [];
  const { overdue, dueSoon } = await deadlineCounts(ctx, platform);
  return [
    { key: 'deadlines.overdue', label: '已超期事项', count: overdue, link: '/deadlines?status=overdue', tone: overdue > 0 ? 'danger' : 'normal' },
    { key: 'deadlines.due_soon', label: '即将到期事项', count: dueSoon, link: '/deadlines?status=due_soon', tone: dueSoon > 0 ? 'warning' : 'normal' },
  ];
}
