import { sql } from 'kysely';
import { countInScope } from '../../platform/ledger/ledger.query.ts';
import { defineModule, type HomeItem } from '../../platform/module.ts';
import { backfillTopPenalty } from './enforcement.backfill.ts';
import { certificateDeadlines } from './enforcement.certificates.ts';
import { seedEnforcementDemo } from './enforcement.demo.ts';
import { enforcementIndicators } from './enforcement.indicators.ts';
import { caseLedger, enforcementLedgers } from './enforcement.ledgers.ts';
import * as catalogMigration from './enforcement.catalog.migration.ts';
import * as drawMigration from './enforcement.draw.migration.ts';
import * as migration from './enforcement.migration.ts';
import { enforcementRoutes } from './enforcement.routes.ts';
import { repeatedInspectionAlerts } from './enforcement.service.ts';
import { finesGrowthHomeItems } from './enforcement.fines.ts';
import { seedInspectionDemo } from './inspection.demo.ts';
import { inspectionIndicators } from './inspection.indicators.ts';
import { inspectionLedgers } from './inspection.ledgers.ts';
import { inspectionRoutes } from './inspection.routes.ts';
import { inspectionHomeItems } from './inspection.service.ts';

const CASES = '/ledgers/enforcement.case';
const GROUP = '行政执法';

/** 行政执法: the three catalogs with discretion benchmarks, cases with their statutory steps, publication, 双随机 */
export const enforcementModule = defineModule({
  name: 'enforcement',
  label: '行政执法',
  ledgers: [...enforcementLedgers, ...inspectionLedgers],
  indicators: [...enforcementIndicators, ...inspectionIndicators],
  migrations: { '20261122001000-enforcement': migration, '20261122002000-enforcement-catalog': catalogMigration, '20261204001000-enforcement-draw-commit': drawMigration },
  permissions: [
    { code: 'enforcement.draw.create', label: '双随机抽查：抽取检查对象和执法人员', roles: ['clerk', 'reviewer', 'county_admin'] },
    { code: 'enforcement.catalog.publish', label: '执法事项清单：发布清单版本', roles: ['reviewer', 'county_admin'] },
  ],
  nav: [
    { path: CASES, label: '执法案件', permission: 'enforcement.case.read', group: GROUP, icon: 'audit', order: 1000 },
    { path: '/enforcement/catalog', label: '三张清单', permission: 'enforcement.matter.read', group: GROUP, icon: 'book', order: 1003 },
    { path: '/ledgers/enforcement.matter', label: '执法事项清单', permission: 'enforcement.matter.read', group: GROUP, icon: 'profile', order: 1005 },
    { path: '/ledgers/enforcement.inspection', label: '涉企行政检查', permission: 'enforcement.inspection.read', group: GROUP, icon: 'safety-certificate', order: 1001 },
    { path: '/ledgers/enforcement.inspection_plan', label: '行政检查计划', permission: 'enforcement.inspection_plan.read', group: GROUP, icon: 'schedule', order: 1004 },
    { path: '/enforcement/inspections', label: '涉企检查概况', permission: 'enforcement.inspection.read', group: GROUP, icon: 'alert', order: 1002 },
    { path: '/ledgers/enforcement.inspection_standard', label: '行政检查标准', permission: 'enforcement.inspection_standard.read', group: GROUP, icon: 'form', order: 1006 },
    { path: '/ledgers/enforcement.benchmark', label: '裁量基准', permission: 'enforcement.benchmark.read', group: GROUP, icon: 'reconciliation', order: 1010 },
    { path: '/enforcement/draws', label: '双随机抽查', permission: 'enforcement.case.read', group: GROUP, icon: 'file-search', order: 1015 },
    { path: '/ledgers/enforcement.target', label: '检查对象名录库', permission: 'enforcement.target.read', group: GROUP, icon: 'shop', order: 1020 },
    { path: '/ledgers/enforcement.inspector', label: '执法人员名录库', permission: 'enforcement.inspector.read', group: GROUP, icon: 'team', order: 1025 },
  ],
  // 顶格处罚 of decisions recorded before the field existed, derived from their own fine and range (audited)
  init: async (platform) => {
    const n = await backfillTopPenalty(platform.db);
    if (n > 0) platform.log.info({ records: n }, 'enforcement: top_penalty derived for earlier decisions');
  },
  // officers' certificates running out (执法证件有效期) in 到期事项
  deadlines: certificateDeadlines,
  routes: (api, platform) => {
    enforcementRoutes(api, platform);
    inspectionRoutes(api, platform);
  },
  home: async (ctx) => {
    if (!ctx.actor.permissions.has('enforcement.case.read') || ctx.scope.codes.length === 0) return [];
    const n = await countInScope(ctx, caseLedger, {
      open: sql`case_type = '行政处罚' and closed_on is null`,
      rectifying: sql`inspection_result = '责令整改' and followed_up_on is null`,
    });
    // overdue decisions and publications come from the statutory clock engine (到期事项), not from here
    const items: HomeItem[] = [
      { key: 'enforcement.open', label: '正在办理的行政处罚案件', count: n.open, link: `${CASES}?f.case_type=行政处罚&f.closed_on.present=0`, tone: 'normal' },
      { key: 'enforcement.rectifying', label: '责令整改待复查', count: n.rectifying, link: `${CASES}?f.inspection_result=责令整改&f.followed_up_on.present=0`, tone: n.rectifying > 0 ? 'warning' : 'normal' },
    ];
    const alerts = await repeatedInspectionAlerts(ctx, 60);
    if (alerts.length) items.push({ key: 'enforcement.repeated', label: '30日内被多个机关重复检查的对象', count: alerts.length, link: '/enforcement/draws', tone: 'warning' });
    items.push(...(await finesGrowthHomeItems(ctx)));
    items.push(...(await inspectionHomeItems(ctx)));
    return items;
  },
  demo: async (ctx, platform) => {
    await seedEnforcementDemo(ctx, platform);
    await seedInspectionDemo(ctx, platform);
  },
});
