import type { OnlineSession } from '../../../common/admin.types.ts';
import { audit } from '../audit/audit.service.ts';
import type { Ctx } from '../http/context.ts';
import { notFound } from '../http/errors.ts';

/** online users: sessions not revoked, not idle past the timeout nor past their lifetime, within the administrator's scope */
export async function listSessions(ctx: Ctx, limits: { idleMinutes: number; maxHours: number }): Promise<OnlineSession[]> {
  if (ctx.scope.codes.length === 0) return [];
  const since = new Date(ctx.now.getTime() - limits.idleMinutes * 60_000);
  const bornAfter = new Date(ctx.now.getTime() - limits.maxHours * 3_600_000);
  const rows = await ctx.tx
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('org', 'org.code', 'app_user.org_code')
    .select(['session.id', 'session.user_id', 'app_user.username', 'app_user.display_name', 'org.name as org_name', 'session.ip', 'session.user_agent', 'session.created_at', 'session.last_seen_at'])
    .where('session.revoked_at', 'is', null)
    .where('session.last_seen_at', '>', since)
    .where('session.created_at', '>', bornAfter)
    .where('app_user.org_code', 'in', ctx.scope.codes)
    .orderBy('session.last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    // the stored id is already a hash of the cookie; show a prefix so it can be named, never the token
    id: r.id.slice(0, 16),
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    orgName: r.org_name,
    ip: r.ip,
    userAgent: r.user_agent,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
  }));
}

export async function revokeSession(ctx: Ctx, idPrefix: string): Promise<void> {
  if (ctx.scope.codes.length === 0) throw notFound('会话');
  const s = await ctx.tx
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['session.id', 'app_user.username', 'app_user.org_code'])
    .where('session.id', 'like', `${idPrefix.replace(/[^0-9a-f]/g, '')}%`)
    .where('session.revoked_at', 'is', null)
    .where('app_user.org_code', 'in', ctx.scope.codes)
    .executeTakeFirst();
  if (!s || idPrefix.length < 16) throw notFound('会话');
  await ctx.tx.updateTable('session').set({ revoked_at: ctx.now, revoked_reason: 'forced' }).where('id', '=', s.id).execute();
  await audit(ctx, { entity: 'session', entityId: s.username, action: 'force_logout', orgCode: s.org_code });
}
