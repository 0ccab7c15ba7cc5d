import { z } from 'zod';
import { audit } from '../audit/audit.service.ts';
import type { Api } from '../http/route.ts';
import type { Platform } from '../module.ts';
import { getSetting, NOTIFY_WEBHOOK_URL_SETTING, setSetting } from '../settings.ts';
import { TODO_LABELS, countTodos, listTodos, todoQuery } from './todo.service.ts';

const webhookBody = z.object({
  url: z
    .string()
    .trim()
    .max(500, '不能超过500个字符')
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), '须为 http:// 或 https:// 开头的地址，留空表示关闭'),
});

/** the 待办 centre and the province's outgoing notification hook */
export function todoRoutes(api: Api, platform: Platform): void {
  const tags = ['待办'];
  api.route({
    method: 'GET',
    url: '/api/todos',
    access: 'authenticated',
    summary: '我的待办：本人角色可办理、正在等待办理的事项（按期限先后，可按工作领域、台账、办理事项筛选）',
    tags,
    query: todoQuery,
    labels: TODO_LABELS,
    handler: (ctx, { query }) => listTodos(ctx, platform, query),
  });
  api.route({
    method: 'GET',
    url: '/api/todos/count',
    access: 'authenticated',
    summary: '我的待办数（含已超期、即将到期数）',
    tags,
    handler: (ctx) => countTodos(ctx, platform),
  });
  api.route({
    method: 'GET',
    url: '/api/admin/notify-webhook',
    access: 'config.manage',
    summary: '提醒外发接口（短信、邮件网关）地址',
    tags,
    handler: async (ctx) => ({ url: (await getSetting<string>(ctx.tx, NOTIFY_WEBHOOK_URL_SETTING)) ?? '' }),
  });
  api.route({
    method: 'PUT',
    url: '/api/admin/notify-webhook',
    access: 'config.manage',
    write: true,
    summary: '设置提醒外发接口地址（留空关闭）；每条新提醒以 JSON 推送，只含用户编号和链接',
    tags,
    body: webhookBody,
    labels: { url: '外发接口地址' },
    handler: async (ctx, { body }) => {
      const before = (await getSetting<string>(ctx.tx, NOTIFY_WEBHOOK_URL_SETTING)) ?? '';
      await setSetting(ctx.tx, NOTIFY_WEBHOOK_URL_SETTING, body.url);
      await audit(ctx, { entity: 'setting', entityId: NOTIFY_WEBHOOK_URL_SETTING, action: 'update', orgCode: null, diff: { url: { from: before, to: body.url } } });
      return { url: body.url };
    },
  });
}
