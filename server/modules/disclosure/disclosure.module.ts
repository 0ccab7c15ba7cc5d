import { sql } from 'kysely';
import { countInScope } from '../../platform/ledger/ledger.query.ts';
import { defineModule, type HomeItem } from '../../platform/module.ts';
import { loadCalendar } from '../../platform/calendar/calendar.repository.ts';
import { useCalendar } from './disclosure.clock.ts';
import { seedDisclosureDemo } from './disclosure.demo.ts';
import { disclosureIndicators } from './disclosure.indicators.ts';
import { applicationLedger, itemLedger } from './disclosure.ledgers.ts';
import * as migration from './disclosure.migration.ts';
import * as receiptMigration from './disclosure.receipt.migration.ts';
import { publicDisclosureRoutes } from './disclosure.public.ts';
import { disclosureRoutes } from './disclosure.routes.ts';
import { redactionPreviewRoute } from './disclosure.preview.ts';
import { noticeRoutes } from './disclosure.notices.routes.ts';
import { disclosureObligations, disclosureReportDeadlines } from './disclosure.deadlines.ts';

const ITEMS = '/ledgers/disclosure.item';
const APPS = '/ledgers/disclosure.application';
const GROUP = '政务公开';

/** 政府信息公开: proactive publication with secrecy review, applications on request, the annual disclosure report */
export const disclosureModule = defineModule({
  name: 'disclosure',
  label: '政务公开',
  ledgers: [itemLedger, applicationLedger],
  indicators: disclosureIndicators,
  migrations: { '20261122001100-disclosure': migration, '20261204001100-disclosure-receipt': receiptMigration },
  permissions: [
    { code: 'disclosure.report.read', label: '政府信息公开年度报告：查看', roles: ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'] },
    { code: 'disclosure.report.edit', label: '政府信息公开年度报告：编辑', roles: ['clerk', 'reviewer', 'leader', 'county_admin'] },
    { code: 'disclosure.report.finalise', label: '政府信息公开年度报告：定稿', roles: ['leader', 'county_admin'] },
    { code: 'disclosure.report.publish', label: '政府信息公开年度报告：公开发布', roles: ['leader', 'county_admin'] },
  ],
  nav: [
    { path: ITEMS, label: '主动公开信息', permission: 'disclosure.item.read', group: GROUP, icon: 'global', order: 1100 },
    { path: APPS, label: '依申请公开登记', permission: 'disclosure.application.read', group: GROUP, icon: 'file-search', order: 1110 },
    { path: '/disclosure/report', label: '政府信息公开工作年度报告', permission: 'disclosure.report.read', group: GROUP, icon: 'file-text', order: 1120 },
  ],
  routes: (api, platform) => {
    disclosureRoutes(api, platform);
    publicDisclosureRoutes(api, platform);
    redactionPreviewRoute(api);
    noticeRoutes(api, platform);
  },
  home: async (ctx) => {
    const items: HomeItem[] = [];
    if (ctx.scope.codes.length === 0) return items;
    if (ctx.actor.permissions.has('disclosure.item.read')) {
      const n = await countInScope(ctx, itemLedger, { reviewing: sql`secrecy_submitted_on is not null and secrecy_result is null`, waiting: sql`secrecy_result in ('同意公开', '删除涉密内容后公开') and published_on is null` });
      items.push({ key: 'disclosure.reviewing', label: '待保密审查的公开信息', count: n.reviewing, link: `${ITEMS}?f.secrecy_submitted_on.present=1&f.secrecy_result.present=0`, tone: n.reviewing > 0 ? 'warning' : 'normal' });
      items.push({ key: 'disclosure.waiting', label: '审查通过待发布的公开信息', count: n.waiting, link: `${ITEMS}?f.secrecy_result=同意公开,删除涉密内容后公开&f.published_on.present=0`, tone: n.waiting > 0 ? 'warning' : 'normal' });
    }
    if (ctx.actor.permissions.has('disclosure.application.read')) {
      const n = await countInScope(ctx, applicationLedger, { pending: sql`answered_on is null` });
      items.push({ key: 'disclosure.pending', label: '正在办理的政府信息公开申请', count: n.pending, link: `${APPS}?f.answered_on.present=0`, tone: 'normal' });
    }
    return items;
  },
  deadlines: disclosureReportDeadlines,
  reportObligations: disclosureObligations,
  demo: seedDisclosureDemo,
  // the 补正 rule (7 working days of receipt) reads the working-day calendar
  init: (platform) => useCalendar(() => loadCalendar(platform.db)),
});
