import type { Ctx } from '../http/context.ts';
import { titleOf } from '../ledger/ledger.service.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import { responsibleUsers } from './reminder.service.ts';
import { dueSteps, todoLabel } from './todo.service.ts';
import { stateLabel } from './workflow.engine.ts';
import type { AnyDb } from './workflow.repository.ts';
import { transitionPermission, type TransitionDef } from './workflow.types.ts';

type Values = Readonly<Record<string, unknown>>;

/** an in-app notification that names no clock: a hand-off (your turn) or a return (sent back to you) */
export interface PlainNotice {
  kind: 'handoff' | 'returned';
  orgCode: string;
  /** what it is about: a ledger, or another kind of record (annual_report) */
  ledger: string;
  recordId: number;
  /** the step it names (a transition) */
  key: string;
  title: string;
  body: string;
  link: string;
}

const db = (ctx: Ctx): AnyDb => ctx.tx as unknown as AnyDb;

/** inserts one notification per user (the actor never notifies himself), in the caller's transaction */
export async function notifyUsers(ctx: Ctx, userIds: readonly number[], n: PlainNotice): Promise<number> {
  const to = [...new Set(userIds)].filter((u) => u !== ctx.actor.id);
  if (!to.length) return 0;
  await db(ctx)
    .insertInto('notification')
    .values(to.map((u) => ({ user_id: u, org_code: n.orgCode, ledger: n.ledger, record_id: n.recordId, clock_id: n.key.slice(0, 60), kind: n.kind, due: null, title: n.title.slice(0, 300), body: n.body, link: n.link.slice(0, 200), created_at: ctx.now })))
    .execute();
  return to.length;
}

/** the active accounts of these user names */
export async function userIdsOf(ctx: Ctx, usernames: readonly string[]): Promise<number[]> {
  const names = [...new Set(usernames)].filter(Boolean);
  if (!names.length) return [];
  const rows = await ctx.tx.selectFrom('app_user').select('id').where('username', 'in', names).where('status', '=', 'active').execute();
  return rows.map((r) => Number(r.id));
}

/** the permissions of the to-do steps a record in `state` waits for: who a deadline reminder must reach besides the clerks */
export function stepPermissions(l: LedgerDef, state: string | null, values: Values): string[] {
  return [...new Set(dueSteps(l, state, values).map((t) => transitionPermission(l, t)))];
}

/** who a return goes back to: the last person other than the one returning who acted on the record, else its author */
async function lastActor(ctx: Ctx, l: LedgerDef, id: number, author: string): Promise<string> {
  const row = await db(ctx).selectFrom('workflow_event').select('actor').where('ledger', '=', l.name).where('record_id', '=', id).where('actor', '<>', ctx.actor.username).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? String(row.actor) : author;
}

export interface Moved {
  id: number;
  orgCode: string;
  transition: TransitionDef;
  from: string;
  to: string;
  before: Values;
  after: Values;
  author: string;
  note: string | undefined;
}

/**
 * after a transition, in its transaction: each to-do step that became due tells the users holding its permission in
 * the record's organisation (or the nearest one above that has any); a return tells the author or last actor
 */
export async function notifyTransition(ctx: Ctx, l: LedgerDef, m: Moved): Promise<number> {
  const wf = l.workflow;
  if (!wf) return 0;
  const visible = l.fields.filter((f) => !f.personal).map((f) => f.name);
  const title = titleOf(l, Object.fromEntries(visible.map((n) => [n, m.after[n]])));
  const link = `/ledgers/${l.name}/${m.id}`;
  let sent = 0;
  const waiting = new Set(dueSteps(l, m.from, m.before).map((t) => t.name));
  for (const step of dueSteps(l, m.to, m.after)) {
    if (waiting.has(step.name)) continue;
    const users = await responsibleUsers(ctx.tx, m.orgCode, transitionPermission(l, step));
    sent += await notifyUsers(ctx, users, {
      kind: 'handoff',
      orgCode: m.orgCode,
      ledger: l.name,
      recordId: m.id,
      key: step.name,
      title: `【待办】${l.label}：${title}`,
      body: `${ctx.actor.displayName}已办理“${m.transition.label}”，请办理“${todoLabel(step)}”（当前状态：${stateLabel(wf, m.to)}）。`,
      link,
    });
  }
  if (m.transition.returns) {
    const who = await userIdsOf(ctx, [await lastActor(ctx, l, m.id, m.author)]);
    sent += await notifyUsers(ctx, who, {
      kind: 'returned',
      orgCode: m.orgCode,
      ledger: l.name,
      recordId: m.id,
      key: m.transition.name,
      title: `【已退回】${l.label}：${title}`,
      body: `${ctx.actor.displayName}办理“${m.transition.label}”，已退回至“${stateLabel(wf, m.to)}”${m.note ? `：${m.note}` : ''}。`,
      link,
    });
  }
  return sent;
}
