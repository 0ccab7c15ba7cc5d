import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 法治政府建设年度报告: writing, submitting, reviewing, publishing, and the county's roll-up */
export const reportsModule = defineWebModule({
  name: 'reports',
  prefix: '/reports',
  pages: [
    { path: 'annual', title: '年度报告', permission: 'report.read', component: lazyPage(() => import('./AnnualReportPage.tsx'), 'AnnualReportPage') },
    { path: 'annual/:id', title: '查看年度报告', permission: 'report.read', component: lazyPage(() => import('./AnnualReportPage.tsx'), 'ReportViewPage') },
    { path: 'enforcement-stats', title: '行政执法统计年报', permission: 'report.read', component: lazyPage(() => import('./EnforcementStatsPage.tsx'), 'EnforcementStatsPage') },
    { path: 'reconciliation', title: '三报对账', permission: 'report.read', component: lazyPage(() => import('./ReconciliationPage.tsx'), 'ReconciliationPage') },
    { path: 'template', title: '年度报告模板', permission: 'report.template', component: lazyPage(() => import('./TemplatePage.tsx'), 'TemplatePage') },
    { path: 'rollup', title: '下级报送情况', permission: 'report.rollup', component: lazyPage(() => import('./RollupPage.tsx'), 'RollupPage') },
  ],
  publicPages: [
    { path: '/public', component: lazyPage(() => import('../../public/PublicReportsPage.tsx'), 'PublicReportsPage'), nav: { label: '法治政府建设年度报告', order: 10 } },
    { path: '/public/reports/:id', component: lazyPage(() => import('../../public/PublicReportPage.tsx'), 'PublicReportPage') },
    { path: '/public/enforcement-stats', component: lazyPage(() => import('../../public/PublicEnforcementStatsPage.tsx'), 'PublicEnforcementStatsPage'), nav: { label: '行政执法统计年报', order: 12 } },
    { path: '/public/enforcement-stats/:id', component: lazyPage(() => import('../../public/PublicEnforcementStatsPage.tsx'), 'PublicEnforcementStatsReportPage') },
  ],
  permissionGroups: { report: '年度报告', review: '报告审查' },
  auditLabels: {
    entities: { 'report.annual': '年度报告', 'report.enforcement-stats': '行政执法统计年报', 'report.enforcement-stats.layout': '统计年报表式', review: '报告审查' },
    actions: { update: '修改', submit: '提交', return: '退回', secrecy_review: '保密审查', publish: '公开发布', correction: '发起更正', review: '数字审查' },
  },
});
