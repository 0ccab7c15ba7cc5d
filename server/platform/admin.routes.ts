import { z } from 'zod';
import { anchorConfig, exportForAuditor, listCheckpoints, verifyAudit } from './audit/audit-checkpoint.service.ts';
import { AUDIT_LABELS, auditQuery, searchAudit } from './audit/audit-query.service.ts';
import { createRole, deleteRole, listRoles, roleCreate, ROLE_FIELD_LABELS, roleUpdate, updateRole } from './auth/role.service.ts';
import { listSessions, revokeSession } from './auth/session-admin.service.ts';
import { createUser, getUser, listUsers, passwordReset, resetPassword, setUserRoles, setUserUnits, unlockUser, USER_LABELS, userCreate, userUnits, userUpdate, updateUser } from './auth/user.service.ts';
import { adminOnlyPermissions, isSanyuanRole, ROLE_LABELS, type RoleCode } from './auth/roles.ts';
import { AppError } from './http/errors.ts';
import type { Api } from './http/route.ts';
import type { Platform } from './module.ts';
import { createOrg, importOrgs, listOrgs, ORG_KINDS, ORG_LABELS, orgInput, orgUpdate, setOrgStatus, updateOrg } from './orgs/org.service.ts';
import { readSheetRows } from './files/sheet.ts';
import { intId, isoDate, pageParam } from './http/validate.ts';
import { chinaDate } from './workflow/workflow.engine.ts';
import { stateOptions } from './workflow/state-filter.ts';

const idParam = z.object({ id: intId() });
const codeParam = z.object({ code: z.string().min(1) });

export function adminRoutes(api: Api, platform: Platform): void {
  const tags = ['系统管理'];
  // organisations
  api.route({ method: 'GET', url: '/api/orgs', access: ['org.read', 'org.manage'], summary: '组织机构列表', tags, handler: async (ctx) => ({ items: await listOrgs(ctx), kinds: ORG_KINDS }) });
  api.route({ method: 'POST', url: '/api/orgs', access: 'org.manage', write: true, summary: '新建组织机构', tags, body: orgInput, labels: ORG_LABELS, handler: (ctx, { body }) => createOrg(ctx, body) });
  api.route({ method: 'PUT', url: '/api/orgs/:code', access: 'org.manage', write: true, summary: '修改组织机构', tags, params: codeParam, body: orgUpdate, labels: ORG_LABELS, handler: (ctx, { params, body }) => updateOrg(ctx, params.code, body) });
  api.route({
    method: 'POST',
    url: '/api/orgs/:code/status',
    access: 'org.manage',
    write: true,
    summary: '撤销或恢复组织机构',
    tags,
    params: codeParam,
    body: z.object({ status: z.enum(['active', 'withdrawn']), reason: z.string().trim().min(2, '请填写原因').max(500, '不能超过500个字') }),
    labels: { status: '状态', reason: '原因' },
    handler: (ctx, { params, body }) => setOrgStatus(ctx, params.code, body.status, body.reason),
  });
  api.route({
    method: 'POST',
    url: '/api/orgs/import',
    access: 'org.manage',
    write: true,
    multipart: true,
    summary: '从电子表格导入组织机构（列：代码、名称、类型、上级代码、排序）；dryRun=1 只检查',
    tags,
    query: z.object({ dryRun: z.enum(['0', '1']).default('1') }),
    handler: async (ctx, { query }, req) => {
      const file = await req.file();
      if (!file) throw new AppError('validation_failed', '请上传文件', [{ path: 'file', label: '文件', message: '文件：请上传 .xlsx 或 .csv 文件' }]);
      const rows = await readSheetRows(await file.toBuffer(), file.filename);
      return importOrgs(ctx, rows, query.dryRun === '1');
    },
  });

  // users
  api.route({ method: 'GET', url: '/api/users', access: ['user.manage', 'role.manage'], summary: '用户列表', tags, handler: async (ctx) => ({ items: await listUsers(ctx) }) });
  api.route({ method: 'GET', url: '/api/users/:id', access: ['user.manage', 'role.manage'], summary: '用户详情', tags, params: idParam, handler: (ctx, { params }) => getUser(ctx, params.id) });
  api.route({ method: 'POST', url: '/api/users', access: 'user.manage', write: true, summary: '新建用户（管理员输入初始密码，首次登录须修改；不回显密码）', tags, body: userCreate, labels: USER_LABELS, handler: (ctx, { body }) => createUser(ctx, body) });
  api.route({ method: 'PUT', url: '/api/users/:id', access: 'user.manage', write: true, summary: '修改用户', tags, params: idParam, body: userUpdate, labels: USER_LABELS, handler: (ctx, { params, body }) => updateUser(ctx, params.id, body) });
  api.route({ method: 'POST', url: '/api/users/:id/reset-password', access: 'user.manage', write: true, summary: '重置业务账号密码（管理员输入临时密码，不回显；三员账号须用命令行）', tags, params: idParam, body: passwordReset, labels: USER_LABELS, handler: (ctx, { params, body }) => resetPassword(ctx, params.id, body.password) });
  api.route({ method: 'POST', url: '/api/users/:id/unlock', access: 'user.manage', write: true, summary: '解除锁定', tags, params: idParam, handler: (ctx, { params }) => unlockUser(ctx, params.id) });
  api.route({
    method: 'PUT',
    url: '/api/users/:id/roles',
    access: 'role.manage',
    write: true,
    summary: '分配角色（安全保密管理员）',
    tags,
    params: idParam,
    body: z.object({ roles: z.array(z.string()) }),
    labels: USER_LABELS,
    handler: (ctx, { params, body }) => setUserRoles(ctx, params.id, body.roles),
  });
  api.route({
    method: 'PUT',
    url: '/api/users/:id/units',
    access: 'role.manage',
    write: true,
    summary: '兼任其他单位：在本单位以外的单位所担任的角色（安全保密管理员）',
    tags,
    params: idParam,
    body: userUnits,
    labels: { units: '兼任单位', orgCode: '单位', roles: '角色' },
    handler: (ctx, { params, body }) => setUserUnits(ctx, params.id, body.units),
  });

  // roles and permissions
  api.route({
    method: 'GET',
    url: '/api/roles',
    access: ['role.manage', 'user.manage'],
    summary: '角色与权限',
    tags,
    handler: async (ctx) => {
      const adminOnly = adminOnlyPermissions(platform.permissions);
      return {
        // fixed: a 三员 role, whose permissions nobody changes; adminOnly: never granted to any other role
        items: (await listRoles(ctx)).map((r) => ({ ...r, name: ROLE_LABELS[r.code as RoleCode]?.name ?? r.name, fixed: isSanyuanRole(r.code) })),
        permissions: platform.permissions.map((p) => ({ code: p.code, label: p.label, adminOnly: adminOnly.has(p.code) })),
      };
    },
  });
  api.route({ method: 'POST', url: '/api/roles', access: 'role.manage', write: true, summary: '新建业务角色（名称、说明、权限、数据范围）', tags, body: roleCreate, labels: ROLE_FIELD_LABELS, handler: (ctx, { body }) => createRole(ctx, body, platform.permissions) });
  api.route({ method: 'PUT', url: '/api/roles/:code', access: 'role.manage', write: true, summary: '修改角色权限；自建角色还可改名称、说明与数据范围', tags, params: codeParam, body: roleUpdate, labels: ROLE_FIELD_LABELS, handler: (ctx, { params, body }) => updateRole(ctx, params.code, body, platform.permissions) });
  api.route({
    method: 'DELETE',
    url: '/api/roles/:code',
    access: 'role.manage',
    write: true,
    summary: '删除无人使用的自建角色',
    tags,
    params: codeParam,
    query: z.object({ version: z.coerce.number('须为整数').int('须为整数').optional() }),
    handler: async (ctx, { params, query }) => {
      await deleteRole(ctx, params.code, query.version);
      return { ok: true };
    },
  });

  // sessions
  api.route({ method: 'GET', url: '/api/sessions', access: 'session.manage', summary: '在线用户', tags, handler: async (ctx) => ({ items: await listSessions(ctx, { idleMinutes: platform.config.sessionIdleMinutes, maxHours: platform.config.sessionMaxHours }) }) });
  api.route({ method: 'DELETE', url: '/api/sessions/:id', access: 'session.manage', write: true, summary: '强制下线', tags, params: z.object({ id: z.string().min(16) }), handler: async (ctx, { params }) => { await revokeSession(ctx, params.id); return { ok: true }; } });

  // audit
  api.route({ method: 'GET', url: '/api/audit', access: 'audit.read', summary: '审计日志查询', tags: ['审计'], query: auditQuery.extend({ from: isoDate().optional(), to: isoDate().optional(), page: pageParam().default(1) }), labels: AUDIT_LABELS, handler: (ctx, { query }) => searchAudit(ctx, query) });
  // what the auditor needs to read entries of ledgers he may not open (三员): each ledger's field and state names
  api.route({
    method: 'GET',
    url: '/api/audit/vocabulary',
    access: 'audit.read',
    summary: '审计日志的中文词表：各台账的字段名称与办理状态名称',
    tags: ['审计'],
    handler: async () => ({
      ledgers: Object.fromEntries(
        platform.ledgers.all().map((l) => [l.name, { label: l.label, fields: Object.fromEntries(l.fields.map((f) => [f.name, f.label])), states: Object.fromEntries((stateOptions(l) ?? []).map((st) => [st.value, st.label])) }]),
      ),
    }),
  });
  const anchor = anchorConfig(platform.config);
  api.route({ method: 'POST', url: '/api/audit/verify', access: 'audit.read', summary: '核验审计日志：带密钥的哈希链与全部检查点（库内、锚定文件）', tags: ['审计'], handler: () => verifyAudit(platform.db, anchor) });
  api.route({
    method: 'POST',
    url: '/api/audit/verify/anchors',
    access: 'audit.read',
    multipart: true,
    summary: '核验审计日志，并对照审计员此前导出的检查点文件（JSON Lines）',
    tags: ['审计'],
    handler: async (_ctx, _i, req) => {
      const file = await req.file();
      if (!file) throw new AppError('validation_failed', '请上传导出的检查点文件', [{ path: 'file', label: '检查点文件', message: '检查点文件：请上传此前导出的 .jsonl 文件' }]);
      const text = (await file.toBuffer()).toString('utf8');
      return verifyAudit(platform.db, anchor, { anchors: { text, where: `导出的检查点文件 ${file.filename}` } });
    },
  });
  api.route({ method: 'GET', url: '/api/audit/checkpoints', access: 'audit.read', summary: '审计日志检查点（链头的签名记录）', tags: ['审计'], handler: async () => ({ items: (await listCheckpoints(platform.db)).reverse() }) });
  api.route({
    method: 'POST',
    url: '/api/audit/checkpoints/export',
    access: 'audit.read',
    summary: '记录当前链头并导出全部检查点（JSON Lines），供审计员离线保存，核验时用 --anchors 对照',
    tags: ['审计'],
    handler: async (ctx, _i, _req, reply) => {
      const { text } = await exportForAuditor(platform.db, anchor, ctx);
      const day = chinaDate(ctx.now);
      return reply.header('content-type', 'text/plain; charset=utf-8').header('content-disposition', `attachment; filename="audit-checkpoints-${day}.jsonl"`).send(text);
    },
  });
}
