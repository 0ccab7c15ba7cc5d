import { sql } from 'kysely';
import { z } from 'zod';
import type { AuditEntryView } from '../../../common/admin.types.ts';
import type { Ctx } from '../http/context.ts';

export const auditQuery = z.object({
  user: z.string().trim().optional(),
  entity: z.string().trim().optional(),
  entityId: z.string().trim().optional(),
  action: z.string().trim().optional(),
  from: z.iso.date('须为日期 YYYY-MM-DD').optional(),
  to: z.iso.date('须为日期 YYYY-MM-DD').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const AUDIT_LABELS = { user: '用户', entity: '对象', action: '操作', from: '开始日期', to: '结束日期', page: '页码', pageSize: '每页条数' };

/** the 安全审计员's search over the log; entries with no organisation (logins of unknown users) are visible to the top level */
export async function searchAudit(ctx: Ctx, q: z.infer<typeof auditQuery>): Promise<{ items: AuditEntryView[]; total: number }> {
  let query = ctx.tx.selectFrom('audit_log');
  const topLevel = ctx.scope.root === ctx.actor.homeOrg && ctx.scope.codes.length > 0;
  query = query.where((eb) => (topLevel ? eb.or([eb('org_code', 'in', ctx.scope.codes), eb('org_code', 'is', null)]) : eb('org_code', 'in', ctx.scope.codes.length ? ctx.scope.codes : [''])));
  if (q.user) query = query.where('actor_name', '=', q.user);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', sql<Date>`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (q.to) query = query.where('at', '<', sql<Date>`((${q.to}::date + 1)::timestamp) at time zone 'Asia/Shanghai'`);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ id: String(r.id), at: new Date(r.at).toISOString(), actor: r.actor_name, ip: r.ip, orgCode: r.org_code, entity: r.entity, entityId: r.entity_id, action: r.action, diff: r.diff, hash: r.hash })),
  };
}
