import { z } from 'zod';
import { audit } from '../audit/audit.service.ts';
import type { Ctx } from '../http/context.ts';
import { AppError, notFound, refused } from '../http/errors.ts';
import { adminOnlyPermissions, isSanyuanRole, type PermissionDef } from './roles.ts';

export const roleUpdate = z.object({ permissions: z.array(z.string()), version: z.number().int() });

export async function listRoles(ctx: Ctx): Promise<Array<{ code: string; name: string; description: string; builtin: boolean; permissions: string[]; version: number; users: number }>> {
  const rows = await ctx.tx.selectFrom('role').selectAll().orderBy('builtin', 'desc').orderBy('code').execute();
  const counts = await ctx.tx.selectFrom('user_role').select(['role_code']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('role_code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, description: r.description, builtin: r.builtin, permissions: [...r.permissions].sort(), version: r.version, users: Number(counts.find((c) => c.role_code === r.code)?.n ?? 0) }));
}

export async function updateRolePermissions(ctx: Ctx, code: string, input: z.infer<typeof roleUpdate>, catalog: PermissionDef[]): Promise<void> {
  const role = await ctx.tx.selectFrom('role').selectAll().where('code', '=', code).executeTakeFirst();
  if (!role) throw notFound('角色');
  if (role.version !== input.version) throw new AppError('stale_version', '该角色已被他人修改，请刷新后重试');
  const known = new Set(catalog.map((p) => p.code));
  const unknown = input.permissions.filter((p) => !known.has(p));
  if (unknown.length) throw new AppError('validation_failed', `权限不存在：${unknown.join('、')}`, [{ path: 'permissions', label: '权限', message: `权限：不存在 ${unknown.join('、')}` }]);
  const next = [...new Set(input.permissions)].sort();
  const tried = { tried: 'set_permissions', role: code, permissions: { from: [...role.permissions].sort(), to: next } };
  // 三员 (GB/T 22239): the three roles' permission sets are fixed; nobody changes them, not even the 安全保密管理员
  if (isSanyuanRole(code)) throw refused('系统管理员、安全保密管理员、安全审计员的权限是固定的，不能修改', { entity: 'role', entityId: code, action: 'refused_sanyuan', diff: tried });
  const adminOnly = adminOnlyPermissions(catalog);
  const forbidden = next.filter((p) => adminOnly.has(p));
  if (forbidden.length) {
    const labels = forbidden.map((p) => catalog.find((c) => c.code === p)?.label ?? p);
    throw refused(`${labels.join('、')}是三员专有权限，不能授予业务角色`, { entity: 'role', entityId: code, action: 'refused_sanyuan', diff: { ...tried, adminOnly: forbidden } });
  }
  await ctx.tx.updateTable('role').set({ permissions: JSON.stringify(next), updated_at: ctx.now, version: role.version + 1 }).where('code', '=', code).execute();
  const before = new Set(role.permissions);
  await audit(ctx, {
    entity: 'role',
    entityId: code,
    action: 'set_permissions',
    diff: { granted: next.filter((p) => !before.has(p)), revoked: [...before].filter((p) => !next.includes(p)).sort() },
  });
}
