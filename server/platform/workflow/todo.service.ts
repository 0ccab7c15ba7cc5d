import { reportObligationTodos } from '../reports/report-reminders.ts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { TodoCount, TodoDeadline, TodoItem, TodoList } from '../../../common/todo.types.ts';
import type { IsoDate } from '../calendar/calendar.ts';
import { loadCalendar } from '../calendar/calendar.repository.ts';
import { can, type Ctx } from '../http/context.ts';
import { titleOf, type Row } from '../ledger/ledger.service.ts';
import { perm, type LedgerDef } from '../ledger/ledger.types.ts';
import type { Platform } from '../module.ts';
import { daysLeft, hoursLeft } from './deadlines.service.ts';
import { chinaDate, stateLabel } from './workflow.engine.ts';
import { transitionPermission, type TransitionDef } from './workflow.types.ts';

export type { TodoItem, TodoList, TodoCount };

type Values = Readonly<Record<string, unknown>>;

export const todoQuery = z.object({
  module: z.string().max(60).optional(),
  ledger: z.string().max(80).optional(),
  step: z.string().regex(/^[a-z][a-z0-9_]*$/, '办理事项名称有误').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TodoQuery = z.infer<typeof todoQuery>;
export const TODO_LABELS = { module: '工作领域', ledger: '台账', step: '办理事项', page: '页码', pageSize: '每页条数' };

/** the transitions of a ledger's workflow marked as to-do steps */
export function todoSteps(l: LedgerDef): TransitionDef[] {
  return (l.workflow?.transitions ?? []).filter((t) => t.todo);
}

export const todoLabel = (t: TransitionDef): string => (typeof t.todo === 'object' && t.todo.label) || t.label;

/** the to-do steps due on a record in `state` with these values (whoever may do them) */
export function dueSteps(l: LedgerDef, state: string | null, values: Values): TransitionDef[] {
  if (state === null) return [];
  return todoSteps(l).filter((t) => t.from.includes(state) && (typeof t.todo !== 'object' || !t.todo.when || t.todo.when(values)));
}

/** the ledgers whose to-do steps the user may do, with those steps, narrowed by module or ledger */
function myLedgers(ctx: Ctx, platform: Pick<Platform, 'ledgers' | 'modules'>, q: Pick<TodoQuery, 'module' | 'ledger'>): Array<{ l: LedgerDef; steps: TransitionDef[] }> {
  return platform.ledgers
    .all()
    .filter((l) => l.workflow && can(ctx, perm(l, 'read')) && (!q.module || l.module === q.module) && (!q.ledger || l.name === q.ledger))
    .map((l) => ({ l, steps: todoSteps(l).filter((t) => can(ctx, transitionPermission(l, t))) }))
    .filter((x) => x.steps.length > 0);
}

interface Found extends TodoItem {
  sortKey: string;
}

/**
 * every to-do of the user in one ledger: one query filtered by the states the user's steps start from, with the
 * time the record entered its state, the steps that stay in the state already done since then, and the nearest
 * running clock, each read by a lateral subquery on the (ledger, record_id) indexes
 */
async function ledgerTodos(ctx: Ctx, l: LedgerDef, steps: readonly TransitionDef[], today: IsoDate, cal: Awaited<ReturnType<typeof loadCalendar>>, orgNames: ReadonlyMap<string, string>): Promise<Found[]> {
  const wf = l.workflow;
  if (!wf || !ctx.scope.codes.length) return [];
  const states = [...new Set(steps.flatMap((t) => t.from))];
  const staying = steps.filter((t) => t.to === undefined).map((t) => t.name);
  const result = await sql<Row>`
    select r.*, ev.todo_since, dn.todo_done, c.clock_id as todo_clock_id, c.label as todo_clock_label, to_char(c.due, 'YYYY-MM-DD') as todo_due, c.unit as todo_unit, c.status as todo_clock_status, c.due_soon as todo_due_soon, c.due_at as todo_due_at
    from ${sql.table(l.table)} r
    left join lateral (
      select max(e.at) as todo_since from workflow_event e
      where e.ledger = ${l.name} and e.record_id = r.id and e.to_state = r.state and (e.from_state is null or e.from_state <> r.state)
    ) ev on true
    left join lateral (
      select coalesce(json_agg(distinct d.transition), '[]'::json) as todo_done from workflow_event d
      where ${staying.length ? sql`d.ledger = ${l.name} and d.record_id = r.id and d.transition in (${sql.join(staying)}) and d.at >= coalesce(ev.todo_since, '-infinity'::timestamptz)` : sql`false`}
    ) dn on true
    left join lateral (
      select wc.clock_id, wc.label, wc.due, wc.due_at, wc.unit, wc.status, wc.due_soon from workflow_clock wc
      where wc.ledger = ${l.name} and wc.record_id = r.id and wc.status in ('running', 'paused')
      order by wc.due nulls last, wc.due_at nulls last, wc.id limit 1
    ) c on true
    where r.status = 'active' and r.org_code in (${sql.join(ctx.scope.codes)}) and r.state in (${sql.join(states)})
  `.execute(ctx.tx);
  const titleCols = l.titleFields.filter((n) => !l.fields.find((f) => f.name === n)?.personal);
  const out: Found[] = [];
  for (const r of result.rows) {
    const state = String(r['state']);
    // personal fields stay encrypted: a step's condition reads only whether they are filled
    const values: Values = Object.fromEntries(l.fields.map((f) => [f.name, r[f.name]]));
    const rawDone = r['todo_done'];
    const done = new Set<string>(typeof rawDone === 'string' ? (JSON.parse(rawDone) as string[]) : ((rawDone as string[] | null) ?? []));
    const due = (r['todo_due'] as string | null) ?? null;
    let deadline: TodoDeadline | null = null;
    if (due) {
      const unit = r['todo_unit'] as TodoDeadline['unit'];
      const status = r['todo_clock_status'] as TodoDeadline['status'];
      const dueAt = r['todo_due_at'] ? new Date(r['todo_due_at'] as string | Date).toISOString() : null;
      const late = dueAt !== null ? dueAt < ctx.now.toISOString() : due < today;
      deadline = { clockId: String(r['todo_clock_id']), label: String(r['todo_clock_label']), due, dueAt, unit, daysLeft: dueAt !== null ? hoursLeft(dueAt, ctx.now) : daysLeft(due, unit, today, cal), status, overdue: late, dueSoon: status === 'running' && !!r['todo_due_soon'] && due >= today && !late };
    } else if (r['todo_clock_id']) {
      // a working-day clock running into a year whose calendar is not loaded: said, not hidden
      deadline = { clockId: String(r['todo_clock_id']), label: String(r['todo_clock_label']), due: '', dueAt: null, unit: r['todo_unit'] as TodoDeadline['unit'], daysLeft: null, status: r['todo_clock_status'] as TodoDeadline['status'], overdue: false, dueSoon: false, uncomputable: true };
    }
    const sinceRaw = r['todo_since'] ?? r['updated_at'];
    const since = sinceRaw instanceof Date ? sinceRaw.toISOString() : new Date(String(sinceRaw)).toISOString();
    const recordId = Number(r['id']);
    for (const t of steps) {
      if (!t.from.includes(state) || done.has(t.name)) continue;
      if (typeof t.todo === 'object' && t.todo.when && !t.todo.when(values)) continue;
      out.push({
        ledger: l.name,
        ledgerLabel: l.label,
        module: l.module,
        recordId,
        title: titleOf(l, Object.fromEntries(titleCols.map((n) => [n, r[n]]))),
        orgCode: String(r['org_code']),
        orgName: orgNames.get(String(r['org_code'])) ?? String(r['org_code']),
        state,
        stateLabel: stateLabel(wf, state),
        step: t.name,
        stepLabel: todoLabel(t),
        dedicated: !!t.dedicated,
        since,
        deadline,
        link: `/ledgers/${l.name}/${recordId}`,
        sortKey: `${deadline?.due || '9999-99-99'}|${since}|${l.name}|${String(recordId).padStart(12, '0')}|${t.name}`,
      });
    }
  }
  return out;
}

async function allTodos(ctx: Ctx, platform: Pick<Platform, 'ledgers' | 'modules'>, q: Pick<TodoQuery, 'module' | 'ledger'>): Promise<{ items: Found[]; today: IsoDate }> {
  const today = chinaDate(ctx.now);
  const ledgers = myLedgers(ctx, platform, q);
  if (!ctx.scope.codes.length) return { items: [], today };
  const items: Found[] = [];
  if (ledgers.length) {
    const cal = await loadCalendar(ctx.tx);
    const orgNames = new Map((await ctx.tx.selectFrom('org').select(['code', 'name']).where('code', 'in', ctx.scope.codes).execute()).map((o) => [o.code, o.name]));
    for (const { l, steps } of ledgers) items.push(...(await ledgerTodos(ctx, l, steps, today, cal, orgNames)));
  }
  // a module's own to-dos (the annual report), which decide for themselves who may act
  for (const m of platform.modules) {
    if (!m.todos || (q.module && m.name !== q.module)) continue;
    for (const i of await m.todos(ctx)) {
      if (q.ledger && i.ledger !== q.ledger) continue;
      items.push({ ...i, sortKey: `${i.deadline?.due || '9999-99-99'}|${i.since}|${i.ledger}|${String(i.recordId).padStart(12, '0')}|${i.step}` });
    }
  }
  // the yearly reports a unit owes: near their day, overdue or urged by the county (report-reminders.ts)
  if (!q.module || q.module === 'reports') {
    for (const i of await reportObligationTodos(ctx, platform)) if (!q.ledger || i.ledger === q.ledger) items.push({ ...i, sortKey: `${i.deadline?.due || '9999-99-99'}|${i.since}|${i.ledger}|${i.orgCode}|${i.step}` });
  }
  return { items: items.sort((a, b) => a.sortKey.localeCompare(b.sortKey)), today };
}

/** 待办: the steps of records in the user's organisations that the user's roles may do now, nearest deadline first */
export async function listTodos(ctx: Ctx, platform: Pick<Platform, 'ledgers' | 'modules'>, q: TodoQuery): Promise<TodoList> {
  const { items, today } = await allTodos(ctx, platform, q);
  const steps = new Map<string, TodoList['steps'][number]>();
  for (const i of items) {
    const key = `${i.ledger}|${i.step}`;
    const s = steps.get(key) ?? { ledger: i.ledger, ledgerLabel: i.ledgerLabel, step: i.step, stepLabel: i.stepLabel, count: 0 };
    s.count += 1;
    steps.set(key, s);
  }
  const chosen = q.step ? items.filter((i) => i.step === q.step) : items;
  return {
    items: chosen.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(({ sortKey: _s, ...i }) => i),
    total: chosen.length,
    page: q.page,
    pageSize: q.pageSize,
    today,
    steps: [...steps.values()],
  };
}

/** how many to-dos wait for the user, and how many of them are overdue or due soon (the header bell) */
export async function countTodos(ctx: Ctx, platform: Pick<Platform, 'ledgers' | 'modules'>): Promise<TodoCount> {
  const { items } = await allTodos(ctx, platform, {});
  return { total: items.length, overdue: items.filter((i) => i.deadline?.overdue).length, dueSoon: items.filter((i) => i.deadline?.dueSoon).length };
}
