import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** the platform's workflow pages: deadlines, reminders, and the working-day calendar they are counted on */
export const workflowModule = defineWebModule({
  name: 'workflow',
  prefix: '/',
  pages: [
    { path: 'todos', title: '我的待办', permission: 'home.view', component: lazyPage(() => import('./TodosPage.tsx'), 'TodosPage') },
    { path: 'deadlines', title: '到期事项', permission: 'home.view', component: lazyPage(() => import('./DeadlinesPage.tsx'), 'DeadlinesPage') },
    { path: 'notifications', title: '我的提醒', permission: 'home.view', component: lazyPage(() => import('./NotificationsPage.tsx'), 'NotificationsPage') },
    { path: 'admin/notify-webhook', title: '提醒外发接口', permission: 'config.manage', component: lazyPage(() => import('./NotifyWebhookPage.tsx'), 'NotifyWebhookPage') },
    { path: 'admin/calendar', title: '工作日历', permission: 'calendar.manage', component: lazyPage(() => import('./CalendarPage.tsx'), 'CalendarPage') },
  ],
  auditLabels: {
    entities: { calendar: '工作日历', notification: '提醒', setting: '系统配置' },
    actions: { calendar_load: '导入工作日历', transition: '办理', clock_extend: '延长期限', workflow_sync: '办理状态与期限随记录更新', workflow_adopt: '纳入办理流程', clock_recomputed: '重新计算期限', deadline_scan: '到期扫描与提醒', read_all: '全部标为已读', calendar_correct: '更正工作日历', read: '已读' },
  },
});
