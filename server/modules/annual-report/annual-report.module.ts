import { defineModule } from '../../platform/module.ts';
import { publicReportRoutes } from './report.public.ts';
import * as migration from './report.migration.ts';
import * as unitsMigration from './report.units.migration.ts';
import { reportRoutes } from './report.routes.ts';
import { annualObligations, reportDeadlines, reportTodos } from './report.todos.ts';
import { reconciliationChecks } from './reconcile.service.ts';
import { setAnnualExtraChecks } from './report.service.ts';
import * as statsMigration from './stats.migration.ts';
import { statsRoutes } from './stats.routes.ts';
import { setStatsExtraChecks } from './stats.service.ts';
import { statsDemo } from './stats.demo.ts';

// each report's draft checks include the reconciliation with the other two (warnings, decision 0032)
setAnnualExtraChecks((ctx, platform, org, year) => reconciliationChecks(ctx, platform, org, year, { draftOf: 'annual' }));
setStatsExtraChecks((ctx, platform, org, year, table) => reconciliationChecks(ctx, platform, org, year, { draftOf: 'stats', statsTable: table }));

/** 法治政府建设年度报告: drafts written from the year's indicators, submission, secrecy review, publication, county roll-up */
export const annualReportModule = defineModule({
  name: 'annual-report',
  label: '年度报告',
  migrations: { '20261122000500-annual-report': migration, '20261204000100-report-version-units': unitsMigration, '20261205001000-enforcement-stats-layout': statsMigration },
  permissions: [
    { code: 'report.read', label: '年度报告：查看', roles: ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'] },
    { code: 'report.edit', label: '年度报告：起草编辑', roles: ['clerk', 'reviewer', 'leader', 'county_admin'] },
    { code: 'report.submit', label: '年度报告：提交与更正', roles: ['leader', 'county_admin'] },
    { code: 'report.return', label: '年度报告：退回下级报告', roles: ['county_admin'] },
    { code: 'report.secrecy', label: '年度报告：保密审查', roles: ['reviewer', 'county_admin'] },
    { code: 'report.publish', label: '年度报告：公开发布', roles: ['leader', 'county_admin'] },
    { code: 'report.rollup', label: '年度报告：下级报送情况与对比', roles: ['county_admin', 'supervisor'] },
    { code: 'report.template', label: '年度报告：调整报告模板', roles: ['county_admin'] },
  ],
  nav: [
    { path: '/reports/annual', label: '年度报告', permission: 'report.read', group: '年度报告', icon: 'file-text', order: 800 },
    { path: '/reports/enforcement-stats', label: '行政执法统计年报', permission: 'report.read', group: '年度报告', icon: 'table', order: 802 },
    { path: '/reports/reconciliation', label: '三报对账', permission: 'report.read', group: '年度报告', icon: 'reconciliation', order: 804 },
    { path: '/reports/rollup', label: '下级报送情况', permission: 'report.rollup', group: '年度报告', icon: 'cluster', order: 810 },
    { path: '/reports/template', label: '报告模板', permission: 'report.template', group: '年度报告', icon: 'form', order: 820 },
  ],
  demo: statsDemo,
  todos: reportTodos,
  deadlines: reportDeadlines,
  reportObligations: annualObligations,
  routes: (api, platform) => {
    reportRoutes(api, platform);
    statsRoutes(api, platform);
    publicReportRoutes(api, platform);
  },
});
