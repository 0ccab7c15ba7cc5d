import { z } from 'zod';
import type { Platform } from '../module.ts';
import { type Api, SESSION_COOKIE } from '../http/route.ts';
import { AppError } from '../http/errors.ts';
import { switchableOrgs } from '../orgs/org.service.ts';
import { orgLevels } from '../ledger/org-levels.ts';
import { changePassword, login, logout, switchOrg } from './session.service.ts';
import { isDemoInstance } from '../settings.ts';
import { homeCharts } from '../ledger/home-charts.ts';
import { chinaDate } from '../workflow/workflow.engine.ts';
import { roleNames } from './role.service.ts';

// per address; wrong current passwords also count toward the account's lockout
export const CHANGE_PASSWORD_PER_MINUTE = 20;

const loginBody = z.object({ username: z.string().trim().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') });

export function authRoutes(api: Api, platform: Platform): void {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: platform.config.secureCookie };

  api.route({
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    summary: '登录',
    tags: ['账号'],
    body: loginBody,
    labels: { username: '用户名', password: '密码' },
    rateLimit: { max: 30, timeWindow: '1 minute' },
    handler: async (ctx, { body }, req, reply) => {
      const { token, mustChangePassword } = await login(platform.db, body.username, body.password, { ip: ctx.ip, userAgent: req.headers['user-agent'] ?? '', now: ctx.now });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return { ok: true, mustChangePassword };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/public/instance',
    access: 'public',
    summary: '实例信息（登录页用：是否演示环境）',
    tags: ['账号'],
    handler: async () => ({ name: '法治政府建设工作平台', demo: await isDemoInstance(platform.db), sessionIdleMinutes: platform.config.sessionIdleMinutes }),
  });

  api.route({
    method: 'POST',
    url: '/api/auth/logout',
    access: 'authenticated',
    beforePasswordChange: true,
    summary: '退出登录',
    tags: ['账号'],
    handler: async (ctx, _input, req, reply) => {
      if (req.session) await logout(platform.db, req.session, ctx.ip, ctx.now);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/auth/password',
    access: 'authenticated',
    beforePasswordChange: true,
    // not one transaction: a wrong current password must count toward the lockout even though the request fails
    summary: '修改密码（其他会话随之结束）',
    tags: ['账号'],
    rateLimit: { max: CHANGE_PASSWORD_PER_MINUTE, timeWindow: '1 minute' },
    body: z.object({ oldPassword: z.string().min(1, '请输入原密码'), newPassword: z.string().min(1, '请输入新密码') }),
    labels: { oldPassword: '原密码', newPassword: '新密码' },
    handler: async (ctx, { body }, req) => {
      if (!req.session) throw new AppError('unauthenticated');
      await changePassword(platform.db, req.session, body.oldPassword, body.newPassword, ctx.ip, ctx.now);
      return { ok: true };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/me',
    access: 'authenticated',
    beforePasswordChange: true,
    summary: '当前用户、权限、可切换单位与导航',
    tags: ['账号'],
    handler: async (ctx, _input, req) => {
      const info = req.session;
      if (!info) throw new AppError('unauthenticated');
      const orgs = await switchableOrgs(platform.db, info.actor.homeOrg, info.reach);
      const current = orgs.find((o) => o.code === info.scope.root);
      const level = (await orgLevels({ tx: platform.db }, [info.actor.homeOrg])).get(info.actor.homeOrg)?.level ?? '';
      const nav = platform.modules.flatMap((m) => m.nav ?? []).filter((n) => info.actor.permissions.has(n.permission) && (!n.orgLevels || n.orgLevels.includes(level)));
      return {
        user: { id: info.actor.id, username: info.actor.username, displayName: info.actor.displayName, homeOrg: info.actor.homeOrg },
        roles: await roleNames(platform.db, info.actor.roles),
        permissions: [...info.actor.permissions].sort(),
        currentOrg: current ?? null,
        orgs: orgs.map((o) => ({ code: o.code, name: o.name, kind: o.kind, parentCode: o.parentCode })),
        mustChangePassword: info.mustChangePassword,
        nav,
        demo: await isDemoInstance(platform.db),
        sessionIdleMinutes: platform.config.sessionIdleMinutes,
      };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/me/org',
    access: 'authenticated',
    write: true,
    summary: '切换当前单位（县级用户查看下属乡镇、部门）',
    tags: ['账号'],
    body: z.object({ code: z.string().min(1, '请选择单位') }),
    labels: { code: '单位' },
    handler: async (ctx, { body }, req) => {
      if (!req.session) throw new AppError('unauthenticated');
      await switchOrg(ctx.tx, req.session, body.code, ctx.ip, ctx.now);
      return { ok: true };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/home',
    access: 'authenticated',
    summary: '工作台：待办事项与统计',
    tags: ['账号'],
    handler: async (ctx) => {
      const items = [];
      for (const m of platform.modules) if (m.home) items.push(...(await m.home(ctx)));
      return { items };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/home/charts',
    access: 'authenticated',
    summary: '工作台：本年度各月案件数和到期事项（图表）',
    tags: ['账号'],
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    labels: { year: '年度' },
    handler: (ctx, { query }) => homeCharts(ctx, platform, query.year ?? Number(chinaDate(ctx.now).slice(0, 4))),
  });
}
