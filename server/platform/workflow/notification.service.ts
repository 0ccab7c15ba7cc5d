import { sql } from 'kysely';
import { z } from 'zod';
import { audit } from '../audit/audit.service.ts';
import type { Ctx } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { AnyDb } from './workflow.repository.ts';

export interface NotificationView {
  id: number;
  /** a clock due soon or overdue, a hand-off (your turn) or a return (sent back to you) */
  kind: 'due_soon' | 'overdue' | 'handoff' | 'returned' | 'urge';
  ledger: string;
  recordId: number;
  /** the clock, or for a hand-off or a return the step it names */
  clockId: string;
  due: string | null;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

export const notificationQuery = z.object({
  unread: z.enum(['1', '0', 'true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const db = (ctx: Ctx): AnyDb => ctx.tx as unknown as AnyDb;

function me(ctx: Ctx): number {
  if (ctx.actor.id === null) throw new AppError('unauthenticated');
  return ctx.actor.id;
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** the signed-in user's notifications, newest first, with the unread count for the badge */
export async function listNotifications(ctx: Ctx, q: z.infer<typeof notificationQuery>): Promise<{ items: NotificationView[]; total: number; unread: number; page: number; pageSize: number }> {
  const userId = me(ctx);
  const onlyUnread = q.unread === '1' || q.unread === 'true';
  // a reminder resolved by what it asked for (the report came) is no longer listed
  let base = db(ctx).selectFrom('notification').where('user_id', '=', userId).where('resolved_at', 'is', null);
  if (onlyUnread) base = base.where('read_at', 'is', null);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const unread = await db(ctx).selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'kind', 'ledger', 'record_id', 'clock_id', 'title', 'body', 'link', 'created_at', 'read_at', sql<string>`to_char(due, 'YYYY-MM-DD')`.as('due')])
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({ id: Number(r.id), kind: r.kind, ledger: r.ledger, recordId: Number(r.record_id), clockId: r.clock_id, due: r.due, title: r.title, body: r.body, link: r.link, createdAt: iso(r.created_at), readAt: r.read_at === null ? null : iso(r.read_at) })),
    total: Number(total.n),
    unread: Number(unread.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

// reading a reminder is audited: it is the record that the responsible person was told
export async function markRead(ctx: Ctx, id: number): Promise<{ unread: number }> {
  const userId = me(ctx);
  const row = await db(ctx).selectFrom('notification').select(['id', 'read_at', 'ledger', 'record_id', 'org_code']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('提醒');
  if (row.read_at === null) {
    await db(ctx).updateTable('notification').set({ read_at: ctx.now }).where('id', '=', id).execute();
    await audit(ctx, { entity: 'notification', entityId: id, action: 'read', orgCode: row.org_code, diff: { ledger: row.ledger, recordId: Number(row.record_id) } });
  }
  return { unread: await unreadCount(ctx) };
}

export async function markAllRead(ctx: Ctx): Promise<{ marked: number; unread: number }> {
  const userId = me(ctx);
  const res = await db(ctx).updateTable('notification').set({ read_at: ctx.now }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  const marked = Number(res.numUpdatedRows);
  if (marked) await audit(ctx, { entity: 'notification', entityId: 'all', action: 'read_all', orgCode: null, diff: { marked } });
  return { marked, unread: 0 };
}

export async function unreadCount(ctx: Ctx): Promise<number> {
  const row = await db(ctx).selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', me(ctx)).where('read_at', 'is', null).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
