import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit } from '../audit/audit.service.ts';
import type { DataScope, RoleView } from '../../../common/roles.ts';
import type { Database } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import { AppError, notFound, refused, type FieldError } from '../http/errors.ts';
import { adminOnlyPermissions, isSanyuanRole, ROLE_LABELS, type PermissionDef, type RoleCode } from './roles.ts';

export const DATA_SCOPES = ['own', 'subtree', 'listed'] as const;
export const ROLE_FIELD_LABELS = { name: '名称', description: '说明', permissions: '权限', dataScope: '数据范围', scopeOrgs: '指定单位', version: '版本' };

const name = z.string().trim().min(1, '请填写名称').max(20, '不能超过20个字');
const description = z.string().trim().max(200, '不能超过200个字');
const dataScope = z.enum(DATA_SCOPES, { message: '须为本单位、本单位及下级或指定单位' });
const scopeOrgs = z.array(z.string().min(1)).max(500, '不能超过500个单位');

export const roleCreate = z.object({ name, description: description.default(''), permissions: z.array(z.string()).default([]), dataScope: dataScope.default('subtree'), scopeOrgs: scopeOrgs.default([]) });
/** permissions for any role; name, description and data scope for a role the security administrator created */
export const roleUpdate = z.object({ permissions: z.array(z.string()).optional(), name: name.optional(), description: description.optional(), dataScope: dataScope.optional(), scopeOrgs: scopeOrgs.optional(), version: z.number().int() });


const invalid = (path: keyof typeof ROLE_FIELD_LABELS, message: string): AppError => {
  const label = ROLE_FIELD_LABELS[path];
  const errors: FieldError[] = [{ path, label, message: `${label}：${message}` }];
  return new AppError('validation_failed', `${label}${message}`, errors);
};

/** display names of roles: the fixed Chinese names of the built-in ones, the stored name of the others */
export async function roleNames(db: Kysely<Database>, codes: readonly string[]): Promise<Array<{ code: string; name: string }>> {
  const rows = codes.length ? await db.selectFrom('role').select(['code', 'name']).where('code', 'in', [...codes]).execute() : [];
  return codes.map((c) => ({ code: c, name: ROLE_LABELS[c as RoleCode]?.name ?? rows.find((r) => r.code === c)?.name ?? c }));
}

/** holders of each role, counting a role held in an extra unit once per user */
async function holders(ctx: Ctx): Promise<Map<string, number>> {
  const home = await ctx.tx.selectFrom('user_role').select(['user_id', 'role_code']).execute();
  const extra = await ctx.tx.selectFrom('user_unit_role').select(['user_id', 'role_code']).execute();
  const seen = new Map<string, Set<number>>();
  for (const r of [...home, ...extra]) {
    if (!seen.has(r.role_code)) seen.set(r.role_code, new Set());
    seen.get(r.role_code)?.add(r.user_id);
  }
  return new Map([...seen].map(([k, v]) => [k, v.size]));
}

export async function listRoles(ctx: Ctx): Promise<RoleView[]> {
  const rows = await ctx.tx.selectFrom('role').selectAll().orderBy('builtin', 'desc').orderBy('code').execute();
  const counts = await holders(ctx);
  return rows.map((r) => ({ code: r.code, name: r.name, description: r.description, builtin: r.builtin, permissions: [...r.permissions].sort(), dataScope: r.data_scope, scopeOrgs: [...r.scope_orgs], version: r.version, users: counts.get(r.code) ?? 0 }));
}

/** unknown permissions are a bad field; a 三员-only permission on a business role is refused and audited */
function checkPermissions(permissions: string[], catalog: PermissionDef[], code: string, tried: Record<string, unknown>): string[] {
  const known = new Set(catalog.map((p) => p.code));
  const unknown = permissions.filter((p) => !known.has(p));
  if (unknown.length) throw new AppError('validation_failed', `权限不存在：${unknown.join('、')}`, [{ path: 'permissions', label: '权限', message: `权限：不存在 ${unknown.join('、')}` }]);
  const next = [...new Set(permissions)].sort();
  const adminOnly = adminOnlyPermissions(catalog);
  const forbidden = next.filter((p) => adminOnly.has(p));
  if (forbidden.length) {
    const labels = forbidden.map((p) => catalog.find((c) => c.code === p)?.label ?? p);
    throw refused(`${labels.join('、')}是三员专有权限，不能授予业务角色`, { entity: 'role', entityId: code, action: 'refused_sanyuan', diff: { ...tried, adminOnly: forbidden } });
  }
  return next;
}

/** a name not used by another role, built-in names included */
async function checkName(ctx: Ctx, value: string, except?: string): Promise<void> {
  const taken = await ctx.tx.selectFrom('role').select('code').where('name', '=', value).$if(!!except, (q) => q.where('code', '!=', except ?? '')).executeTakeFirst();
  if (taken) throw invalid('name', `“${value}”已被其他角色使用`);
}

/** listed units: at least one, each an existing organisation within the acting administrator's scope */
function checkScope(ctx: Ctx, scope: DataScope, orgs: string[]): string[] {
  if (scope !== 'listed') return [];
  const next = [...new Set(orgs)].sort();
  if (next.length === 0) throw invalid('scopeOrgs', '数据范围为指定单位时，请至少选择一个单位');
  const outside = next.filter((c) => !ctx.scope.codes.includes(c));
  if (outside.length) throw invalid('scopeOrgs', `单位不存在或不在管辖范围内：${outside.join('、')}`);
  return next;
}

export async function createRole(ctx: Ctx, input: z.infer<typeof roleCreate>, catalog: PermissionDef[]): Promise<RoleView> {
  await checkName(ctx, input.name);
  const orgs = checkScope(ctx, input.dataScope, input.scopeOrgs);
  const customs = await ctx.tx.selectFrom('role').select('code').where('code', 'like', 'custom\\_%').execute();
  const n = Math.max(0, ...customs.map((r) => Number(r.code.slice('custom_'.length)) || 0)) + 1;
  const code = `custom_${n}`;
  const permissions = checkPermissions(input.permissions, catalog, code, { tried: 'create_role', role: code, permissions: input.permissions });
  await ctx.tx.insertInto('role').values({ code, name: input.name, description: input.description, builtin: false, permissions: JSON.stringify(permissions), data_scope: input.dataScope, scope_orgs: JSON.stringify(orgs) }).execute();
  await audit(ctx, { entity: 'role', entityId: code, action: 'create', diff: { name: input.name, description: input.description, permissions, dataScope: input.dataScope, scopeOrgs: orgs } });
  const made = (await listRoles(ctx)).find((r) => r.code === code);
  if (!made) throw notFound('角色');
  return made;
}

export async function updateRole(ctx: Ctx, code: string, input: z.infer<typeof roleUpdate>, catalog: PermissionDef[]): Promise<void> {
  const role = await ctx.tx.selectFrom('role').selectAll().where('code', '=', code).executeTakeFirst();
  if (!role) throw notFound('角色');
  if (role.version !== input.version) throw new AppError('stale_version', '该角色已被他人修改，请刷新后重试');
  const permissions = input.permissions ?? [...role.permissions];
  const tried = { tried: 'set_permissions', role: code, permissions: { from: [...role.permissions].sort(), to: [...new Set(permissions)].sort() } };
  // 三员 (GB/T 22239): the three roles are fixed; nobody changes them, not even the 安全保密管理员
  if (isSanyuanRole(code)) throw refused('系统管理员、安全保密管理员、安全审计员的权限是固定的，不能修改', { entity: 'role', entityId: code, action: 'refused_sanyuan', diff: tried });
  // permissions are checked when sent; the held ones may name permissions of modules not installed here
  const next = input.permissions ? checkPermissions(permissions, catalog, code, tried) : [...role.permissions].sort();
  const scope = input.dataScope ?? role.data_scope;
  const changesIdentity = (input.name !== undefined && input.name !== role.name) || (input.description !== undefined && input.description !== role.description);
  if (role.builtin && changesIdentity) throw invalid('name', '内置角色的名称和说明不能修改');
  if (role.builtin && scope !== 'subtree') throw invalid('dataScope', '内置角色的数据范围固定为本单位及下级');
  if (input.name !== undefined && input.name !== role.name) await checkName(ctx, input.name, code);
  const orgs = input.dataScope === undefined && input.scopeOrgs === undefined ? [...role.scope_orgs] : checkScope(ctx, scope, input.scopeOrgs ?? [...role.scope_orgs]);
  const after = { name: input.name ?? role.name, description: input.description ?? role.description, dataScope: scope, scopeOrgs: orgs };
  const beforeView = { name: role.name, description: role.description, dataScope: role.data_scope, scopeOrgs: [...role.scope_orgs].sort() };
  await ctx.tx
    .updateTable('role')
    .set({ permissions: JSON.stringify(next), name: after.name, description: after.description, data_scope: after.dataScope, scope_orgs: JSON.stringify(after.scopeOrgs), updated_at: ctx.now, version: role.version + 1 })
    .where('code', '=', code)
    .execute();
  const before = new Set(role.permissions);
  const granted = next.filter((p) => !before.has(p));
  const revoked = [...before].filter((p) => !next.includes(p)).sort();
  if (granted.length || revoked.length || input.permissions !== undefined) await audit(ctx, { entity: 'role', entityId: code, action: 'set_permissions', diff: { granted, revoked } });
  const changed = Object.fromEntries(
    (Object.keys(after) as Array<keyof typeof after>).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(beforeView[k])).map((k) => [k, { from: beforeView[k], to: after[k] }]),
  );
  if (Object.keys(changed).length) await audit(ctx, { entity: 'role', entityId: code, action: 'update', diff: changed });
}

/** only a role the security administrator created, and only while nobody holds it */
export async function deleteRole(ctx: Ctx, code: string, version?: number): Promise<void> {
  const role = await ctx.tx.selectFrom('role').selectAll().where('code', '=', code).executeTakeFirst();
  if (!role) throw notFound('角色');
  if (role.builtin) throw new AppError('conflict', `“${ROLE_LABELS[code as RoleCode]?.name ?? role.name}”是内置角色，不能删除`);
  if (version !== undefined && role.version !== version) throw new AppError('stale_version', '该角色已被他人修改，请刷新后重试');
  const users = (await holders(ctx)).get(code) ?? 0;
  if (users > 0) throw new AppError('conflict', `角色“${role.name}”还有${users}个用户在用，请先取消他们的这一角色再删除`);
  await ctx.tx.deleteFrom('role').where('code', '=', code).execute();
  await audit(ctx, { entity: 'role', entityId: code, action: 'delete', diff: { name: role.name, description: role.description, permissions: [...role.permissions].sort(), dataScope: role.data_scope, scopeOrgs: [...role.scope_orgs] } });
}
