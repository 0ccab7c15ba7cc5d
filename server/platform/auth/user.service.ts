import { randomBytes, randomInt } from 'node:crypto';
import { z } from 'zod';
import type { UserView } from '../../../common/admin.types.ts';
import { audit } from '../audit/audit.service.ts';
import { diffFields } from '../audit/canonical.ts';
import { mask } from '../crypto/mask.ts';
import { can, inScope, type Ctx } from '../http/context.ts';
import { AppError, notFound, refused } from '../http/errors.ts';
import { hashPassword, passwordProblems } from './password.ts';
import { roleNames } from './role.service.ts';
import { isSanyuanRole, ROLE_LABELS, type RoleCode } from './roles.ts';

export const userCreate = z.object({
  username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '须以字母开头，3～32位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(2, '至少2个字').max(32),
  orgCode: z.string().min(1, '请选择所属单位'),
  phone: z.string().regex(/^1\d{10}$/, '须为11位手机号').or(z.literal('')).optional(),
  // typed by the administrator, never generated and echoed back; the user must change it at first login
  initialPassword: z.string().min(1, '请输入初始密码').max(128, '不能超过128个字符'),
});
export const passwordReset = z.object({ password: z.string().min(1, '请输入临时密码').max(128, '不能超过128个字符') });
export const userUpdate = z.object({
  displayName: z.string().trim().min(2, '至少2个字').max(32),
  orgCode: z.string().min(1, '请选择所属单位'),
  phone: z.string().regex(/^1\d{10}$/, '须为11位手机号').or(z.literal('')).optional(),
  status: z.enum(['active', 'disabled']),
  version: z.number().int(),
});
/** the units a user holds roles in besides the home unit; the home unit's roles go through setUserRoles */
export const userUnits = z.object({
  units: z.array(z.object({ orgCode: z.string().min(1, '请选择单位'), roles: z.array(z.string()) })).max(50, '不能超过50个单位'),
});
export const USER_LABELS = { username: '用户名', displayName: '姓名', orgCode: '所属单位', phone: '手机号', initialPassword: '初始密码', password: '临时密码', status: '状态', roles: '角色' };

async function load(ctx: Ctx, where?: number): Promise<UserView[]> {
  if (ctx.scope.codes.length === 0) return [];
  let q = ctx.tx
    .selectFrom('app_user')
    .innerJoin('org', 'org.code', 'app_user.org_code')
    .select(['app_user.id', 'username', 'display_name', 'org_code', 'org.name as org_name', 'phone_enc', 'app_user.status', 'locked_until', 'must_change_password', 'last_login_at', 'app_user.version'])
    .where('org_code', 'in', ctx.scope.codes);
  if (where !== undefined) q = q.where('app_user.id', '=', where);
  const rows = await q.orderBy('org.path').orderBy('app_user.id').execute();
  const roles = rows.length
    ? await ctx.tx.selectFrom('user_role').selectAll().where('user_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  const extra = rows.length
    ? await ctx.tx.selectFrom('user_unit_role').innerJoin('org', 'org.code', 'user_unit_role.org_code').select(['user_id', 'org_code', 'org.name as org_name', 'role_code']).where('user_id', 'in', rows.map((r) => r.id)).orderBy('org.path').orderBy('role_code').execute()
    : [];
  const names = new Map((await roleNames(ctx.tx, [...new Set([...roles, ...extra].map((x) => x.role_code))])).map((n) => [n.code, n.name]));
  const fullPhone = can(ctx, 'user.manage');
  return rows.map((r) => {
    const mine = roles.filter((x) => x.user_id === r.id).map((x) => x.role_code).sort();
    const units: UserView['units'] = [];
    for (const x of extra.filter((e) => e.user_id === r.id)) {
      let u = units.find((v) => v.orgCode === x.org_code);
      if (!u) units.push((u = { orgCode: x.org_code, orgName: x.org_name, roles: [], roleNames: [] }));
      u.roles.push(x.role_code);
      u.roleNames.push(names.get(x.role_code) ?? x.role_code);
    }
    const phone = r.phone_enc ? ctx.cipher.decrypt(r.phone_enc) : null;
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      orgCode: r.org_code,
      orgName: r.org_name,
      phone: phone && !fullPhone ? mask(phone, 'phone') : phone,
      roles: mine,
      roleNames: mine.map((c) => names.get(c) ?? c),
      units,
      status: r.status,
      locked: !!r.locked_until && new Date(r.locked_until) > ctx.now,
      mustChangePassword: r.must_change_password,
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
      version: r.version,
    };
  });
}

export const listUsers = (ctx: Ctx): Promise<UserView[]> => load(ctx);

export async function getUser(ctx: Ctx, id: number): Promise<UserView> {
  const [u] = await load(ctx, id);
  if (!u) throw notFound('用户');
  return u;
}

/** a readable random one-time password that satisfies the policy; printed on the server console by the CLI only */
export function generatePassword(): string {
  const pick = (s: string): string => s[randomInt(s.length)] ?? 'x';
  const lower = 'abcdefghjkmnpqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  for (;;) {
    const p = `${pick(upper)}${pick(lower)}${pick(lower)}${pick(lower)}${pick(upper)}${pick(lower)}@${pick(digits)}${pick(digits)}${pick(digits)}${pick(digits)}`;
    if (passwordProblems(p).length === 0) return p;
  }
}

const SANYUAN_NOTE = '三员（系统管理员、安全保密管理员、安全审计员）';

/** the 三员 role an account holds, if any */
async function sanyuanRoleOf(ctx: Ctx, userId: number): Promise<string | undefined> {
  const rows = await ctx.tx.selectFrom('user_role').select('role_code').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role_code).find(isSanyuanRole);
}

/** no 三员 account may take over another (or itself widen its reach): their accounts are changed on the server only */
async function refuseOnSanyuanAccount(ctx: Ctx, user: UserView, tried: string): Promise<void> {
  const role = await sanyuanRoleOf(ctx, user.id);
  if (!role) return;
  throw refused(`${user.username} 是${ROLE_LABELS[role as RoleCode]?.name ?? role}账号：${SANYUAN_NOTE}账号不能通过系统修改、停用或重置密码，须由服务器管理人员用命令行办理（fazhi user reset-password）`, {
    entity: 'user',
    entityId: user.id,
    action: 'refused_sanyuan',
    orgCode: user.orgCode,
    diff: { tried, target: user.username, targetRole: role },
  });
}

function checkPassword(password: string, username: string, path: string, label: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new AppError('password_policy', `${label}${problems.join('；')}`, [{ path, label, message: `${label}：${problems.join('；')}` }]);
}

export async function createUser(ctx: Ctx, input: z.infer<typeof userCreate>): Promise<{ user: UserView }> {
  if (!inScope(ctx, input.orgCode)) throw new AppError('validation_failed', '所属单位不在管辖范围内', [{ path: 'orgCode', label: '所属单位', message: '所属单位：不存在或不在管辖范围内' }]);
  const taken = await ctx.tx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new AppError('conflict', `用户名 ${input.username} 已被使用`, [{ path: 'username', label: '用户名', message: `用户名：${input.username} 已被使用` }]);
  const password = input.initialPassword;
  checkPassword(password, input.username, 'initialPassword', '初始密码');
  const row = await ctx.tx
    .insertInto('app_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      org_code: input.orgCode,
      password_hash: await hashPassword(password),
      must_change_password: true,
      phone_enc: input.phone ? ctx.cipher.encrypt(input.phone) : null,
      locked_until: null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { entity: 'user', entityId: row.id, action: 'create', orgCode: input.orgCode, diff: diffFields(null, { username: input.username, display_name: input.displayName, org_code: input.orgCode, phone: input.phone ? mask(input.phone, 'phone') : null }) });
  return { user: await getUser(ctx, row.id) };
}

export async function updateUser(ctx: Ctx, id: number, input: z.infer<typeof userUpdate>): Promise<UserView> {
  const before = await getUser(ctx, id);
  await refuseOnSanyuanAccount(ctx, before, 'update');
  if (before.version !== input.version) throw new AppError('stale_version', '该账号已被他人修改，请刷新后重试');
  if (!inScope(ctx, input.orgCode)) throw new AppError('validation_failed', '所属单位不在管辖范围内', [{ path: 'orgCode', label: '所属单位', message: '所属单位：不在管辖范围内' }]);
  if (id === ctx.actor.id && input.status === 'disabled') throw new AppError('conflict', '不能停用自己的账号');
  await ctx.tx
    .updateTable('app_user')
    .set({ display_name: input.displayName, org_code: input.orgCode, status: input.status, phone_enc: input.phone ? ctx.cipher.encrypt(input.phone) : null, updated_at: ctx.now, version: before.version + 1 })
    .where('id', '=', id)
    .execute();
  if (input.status === 'disabled') await revokeAllSessions(ctx, id, 'disabled');
  const after = await getUser(ctx, id);
  await audit(ctx, {
    entity: 'user',
    entityId: id,
    action: 'update',
    orgCode: after.orgCode,
    diff: diffFields(
      { display_name: before.displayName, org_code: before.orgCode, status: before.status, phone: before.phone ? mask(before.phone, 'phone') : null },
      { display_name: after.displayName, org_code: after.orgCode, status: after.status, phone: after.phone ? mask(after.phone, 'phone') : null },
    ),
  });
  return after;
}

/**
 * 三员分立: an account with a 三员 role holds that one role and no other; the roles of a 三员 account are not
 * changed through the API; an account that becomes 三员 loses the password the system administrator may know
 */
export async function setUserRoles(ctx: Ctx, id: number, roles: string[]): Promise<UserView> {
  const before = await getUser(ctx, id);
  const next = [...new Set(roles)].sort();
  const known = new Set((await ctx.tx.selectFrom('role').select('code').execute()).map((r) => r.code));
  const unknown = next.filter((r) => !known.has(r));
  if (unknown.length) throw new AppError('validation_failed', `角色不存在：${unknown.join('、')}`, [{ path: 'roles', label: '角色', message: `角色：不存在 ${unknown.join('、')}` }]);
  if (id === ctx.actor.id) throw new AppError('conflict', '不能修改自己的角色');
  const refusal = (detail: string, reason: string, field: string): AppError =>
    refused(detail, { entity: 'user', entityId: id, action: 'refused_sanyuan', orgCode: before.orgCode, diff: { tried: 'set_roles', reason, target: before.username, roles: { from: before.roles, to: next } } }, [{ path: 'roles', label: '角色', message: `角色：${field}` }]);
  const admins = next.filter(isSanyuanRole);
  if (admins.length > 1) throw refusal('系统管理员、安全保密管理员、安全审计员须由不同人员担任，同一账号只能担任其中一种', 'two_sanyuan_roles', '三员须分立，同一账号只能担任其中一种');
  if (admins.length === 1 && next.length > 1) throw refusal(`${SANYUAN_NOTE}账号不能同时担任其他角色`, 'sanyuan_with_other_roles', '三员须分立，三员账号不能兼任其他角色');
  if (admins.length === 1 && before.units.length) throw refusal(`${SANYUAN_NOTE}账号不能兼任其他单位的角色，请先取消其兼任`, 'sanyuan_with_other_units', '三员须分立，三员账号不能兼任其他单位的角色');
  const held = before.roles.find(isSanyuanRole);
  if (held && (next.length !== 1 || next[0] !== held)) throw refusal(`${before.username} 是${ROLE_LABELS[held as RoleCode]?.name ?? held}账号：${SANYUAN_NOTE}账号的角色不能通过系统修改`, 'sanyuan_account', '三员账号的角色不能通过系统修改');
  if (next.join() === before.roles.join()) return before;
  await ctx.tx.deleteFrom('user_role').where('user_id', '=', id).execute();
  if (next.length) await ctx.tx.insertInto('user_role').values(next.map((r) => ({ user_id: id, role_code: r }))).execute();
  const becomesSanyuan = admins.length === 1;
  if (becomesSanyuan) {
    // whoever set this account's password must not keep it: the holder gets one from the server console
    await ctx.tx.updateTable('app_user').set({ password_hash: `!void:${randomBytes(16).toString('hex')}`, must_change_password: true, updated_at: ctx.now, version: before.version + 1 }).where('id', '=', id).execute();
    await revokeAllSessions(ctx, id, 'became_sanyuan');
  }
  await audit(ctx, { entity: 'user', entityId: id, action: 'set_roles', orgCode: before.orgCode, diff: { roles: { from: before.roles, to: next }, ...(becomesSanyuan ? { password: 'voided_until_cli_reset' } : {}) } });
  return getUser(ctx, id);
}

/**
 * roles held in units other than the home unit (decision 0042). 三员 roles are never held this way, and a 三员
 * account holds no role in another unit; each unit must be within the acting administrator's scope
 */
export async function setUserUnits(ctx: Ctx, id: number, units: z.infer<typeof userUnits>['units']): Promise<UserView> {
  const before = await getUser(ctx, id);
  if (id === ctx.actor.id) throw new AppError('conflict', '不能修改自己的角色');
  const known = new Set((await ctx.tx.selectFrom('role').select('code').execute()).map((r) => r.code));
  const next = new Map<string, string[]>();
  for (const [i, u] of units.entries()) {
    const at = (field: string, message: string): AppError => new AppError('validation_failed', message, [{ path: `units.${i}.${field}`, label: field === 'orgCode' ? '单位' : '角色', message }]);
    if (u.orgCode === before.orgCode) throw at('orgCode', '单位：所属单位的角色请在“分配角色”中设置，这里只填其他单位');
    if (!inScope(ctx, u.orgCode)) throw at('orgCode', `单位：${u.orgCode} 不存在或不在管辖范围内`);
    const unknown = u.roles.filter((r) => !known.has(r));
    if (unknown.length) throw at('roles', `角色：不存在 ${unknown.join('、')}`);
    const roles = [...new Set([...(next.get(u.orgCode) ?? []), ...u.roles])].sort();
    if (roles.length) next.set(u.orgCode, roles);
    else next.delete(u.orgCode);
  }
  const from = before.units.map((u) => ({ orgCode: u.orgCode, roles: [...u.roles].sort() }));
  const to = [...next].sort(([a], [b]) => a.localeCompare(b)).map(([orgCode, roles]) => ({ orgCode, roles }));
  const refusal = (detail: string, reason: string): AppError =>
    refused(detail, { entity: 'user', entityId: id, action: 'refused_sanyuan', orgCode: before.orgCode, diff: { tried: 'set_units', reason, target: before.username, units: { from, to } } }, [{ path: 'units', label: '兼任单位', message: `兼任单位：${detail}` }]);
  if (to.some((u) => u.roles.some(isSanyuanRole))) throw refusal(`${SANYUAN_NOTE}角色不能在其他单位兼任`, 'sanyuan_role_in_unit');
  const held = before.roles.find(isSanyuanRole);
  if (held && (to.length || from.length)) throw refusal(`${before.username} 是${ROLE_LABELS[held as RoleCode]?.name ?? held}账号：${SANYUAN_NOTE}账号不能兼任其他单位的角色`, 'sanyuan_account');
  if (JSON.stringify(from) === JSON.stringify(to)) return before;
  await ctx.tx.deleteFrom('user_unit_role').where('user_id', '=', id).execute();
  const rows = to.flatMap((u) => u.roles.map((r) => ({ user_id: id, org_code: u.orgCode, role_code: r })));
  if (rows.length) await ctx.tx.insertInto('user_unit_role').values(rows).execute();
  await audit(ctx, { entity: 'user', entityId: id, action: 'set_units', orgCode: before.orgCode, diff: { units: { from, to } } });
  return getUser(ctx, id);
}

/** the administrator types the temporary password (policy-checked); it is never returned. 三员 accounts: CLI only */
export async function resetPassword(ctx: Ctx, id: number, password: string): Promise<UserView> {
  const user = await getUser(ctx, id);
  await refuseOnSanyuanAccount(ctx, user, 'reset_password');
  checkPassword(password, user.username, 'password', '临时密码');
  await ctx.tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(password), must_change_password: true, failed_logins: 0, locked_until: null, updated_at: ctx.now, version: user.version + 1 })
    .where('id', '=', id)
    .execute();
  await revokeAllSessions(ctx, id, 'password_reset');
  await audit(ctx, { entity: 'user', entityId: id, action: 'password_reset', orgCode: user.orgCode });
  return getUser(ctx, id);
}

export async function unlockUser(ctx: Ctx, id: number): Promise<UserView> {
  const user = await getUser(ctx, id);
  await ctx.tx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
  await audit(ctx, { entity: 'user', entityId: id, action: 'unlock', orgCode: user.orgCode });
  return getUser(ctx, id);
}

async function revokeAllSessions(ctx: Ctx, userId: number, reason: string): Promise<void> {
  await ctx.tx.updateTable('session').set({ revoked_at: ctx.now, revoked_reason: reason }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
