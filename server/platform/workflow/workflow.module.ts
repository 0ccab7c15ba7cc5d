import { deadlinesWorkbook } from './deadlines.export.ts';
import { z } from 'zod';
import { syncRoles } from '../bootstrap.ts';
import { defineModule, type Platform } from '../module.ts';
import { DEADLINES_LABELS, deadlineHomeItems, deadlinesQuery, listDeadlines } from './deadlines.service.ts';
import { listNotifications, markAllRead, markRead, notificationQuery } from './notification.service.ts';
import { afterBulkWrite } from '../db/after-bulk-write.ts';
import { scanDeadlines } from './reminder.service.ts';
import { scheduleDelivery } from './notify-delivery.ts';
import { todoRoutes } from './todo.routes.ts';
import { chinaDate } from './workflow.engine.ts';
import { adoptRecords } from './workflow.service.ts';
import { assertWorkflow, workflowPermissions } from './workflow.types.ts';
import { intId } from '../http/validate.ts';

const HOUR_MS = 3_600_000;

// the home page gets only a request context: the ledgers are looked up by the database it runs on
const registries = new WeakMap<object, Pick<Platform, 'ledgers' | 'modules'>>();

/** registers the permissions the ledgers' workflows derive (<ledger>.transition.<name>, <ledger>.clock.<id>.extend) */
async function registerWorkflowPermissions(platform: Platform): Promise<void> {
  const known = new Set(platform.permissions.map((p) => p.code));
  const fresh = platform.ledgers.all().flatMap(workflowPermissions).filter((p) => !known.has(p.code) && known.add(p.code));
  if (!fresh.length) return;
  platform.permissions.push(...fresh);
  await syncRoles(platform.db, platform.permissions);
}

/** runs the scan now and then once each day (checked hourly, so a restart or a sleeping machine catches up) */
function scheduleScan(platform: Platform): void {
  let lastDay = '';
  const run = async (): Promise<void> => {
    const today = chinaDate(new Date());
    if (today === lastDay) return;
    try {
      const r = await scanDeadlines(platform, today);
      await afterBulkWrite(platform.db);
      lastDay = today;
      platform.log.info({ today, skipped: r.skipped, adopted: r.adopted, recomputed: r.recomputed, moved: r.moved.length, dueSoon: r.dueSoon, overdue: r.overdue, notified: r.notified }, 'deadline scan');
    } catch (err) {
      platform.log.error({ err }, 'deadline scan failed');
    }
  };
  void run();
  setInterval(() => void run(), HOUR_MS).unref();
}

/** statutory clocks across ledgers: reminders, the notification centre and the 到期事项 view */
export const workflowModule = defineModule({
  name: 'workflow',
  label: '到期事项',
  nav: [
    { path: '/todos', label: '我的待办', permission: 'home.view', group: '工作台', icon: 'carry-out', order: 0 },
    { path: '/deadlines', label: '到期事项', permission: 'home.view', group: '工作台', icon: 'schedule', order: 1 },
    { path: '/admin/notify-webhook', label: '提醒外发接口', permission: 'config.manage', group: '系统管理', icon: 'notification', order: 907 },
  ],
  init: async (platform) => {
    for (const l of platform.ledgers.all()) if (l.workflow) assertWorkflow(l);
    registries.set(platform.db, platform);
    await registerWorkflowPermissions(platform);
  },
  // demo records arrive through insertMany without a state: take them in, so the demo shows due dates at once
  demo: async (ctx, platform) => {
    for (const l of platform.ledgers.all()) if (l.workflow) await adoptRecords(ctx, l);
  },
  onServe: async (platform) => {
    scheduleScan(platform);
    scheduleDelivery(platform.db, platform.log);
  },
  home: async (ctx) => {
    const registry = registries.get(ctx.tx);
    return registry ? deadlineHomeItems(ctx, registry) : [];
  },
  routes: (api, platform) => {
    todoRoutes(api, platform);
    const tags = ['到期事项'];
    api.route({
      method: 'GET',
      url: '/api/deadlines',
      access: 'authenticated',
      summary: '到期事项：本单位（含下级）各台账计时中、即将到期和已超期的期限，含台账中登记的办结、整改时限和报告报送期限（按工作领域、台账、单位、届满日筛选）',
      tags,
      query: deadlinesQuery,
      labels: DEADLINES_LABELS,
      handler: (ctx, { query }) => listDeadlines(ctx, platform, query),
    });
    api.route({
      method: 'GET',
      url: '/api/deadlines/export.xlsx',
      access: 'authenticated',
      summary: '到期事项导出（Excel）：与列表相同的筛选条件，全部页',
      tags,
      query: deadlinesQuery,
      labels: DEADLINES_LABELS,
      handler: async (ctx, { query }, _req, reply) => {
        const { body, today } = await platform.db.transaction().execute((tx) => deadlinesWorkbook({ ...ctx, tx }, platform, query));
        const name = `到期事项-${today}.xlsx`;
        return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`).send(body);
      },
    });
    api.route({
      method: 'GET',
      url: '/api/notifications',
      access: 'authenticated',
      summary: '我的提醒（含未读数）',
      tags,
      query: notificationQuery,
      handler: (ctx, { query }) => listNotifications(ctx, query),
    });
    api.route({
      method: 'POST',
      url: '/api/notifications/:id/read',
      access: 'authenticated',
      write: true,
      summary: '标记一条提醒为已读',
      tags,
      params: z.object({ id: intId('须为提醒编号') }),
      handler: (ctx, { params }) => markRead(ctx, params.id),
    });
    api.route({
      method: 'POST',
      url: '/api/notifications/read-all',
      access: 'authenticated',
      write: true,
      summary: '全部标记为已读',
      tags,
      handler: (ctx) => markAllRead(ctx),
    });
  },
});
