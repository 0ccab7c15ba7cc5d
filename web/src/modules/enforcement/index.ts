import { lazy } from 'react';
import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 行政执法: the three catalogs and their versions, the decision and documents of a case, 双随机 draws, and the public site's 执法公示 */
export const enforcementModule = defineWebModule({
  name: 'enforcement',
  prefix: '/enforcement',
  pages: [
    { path: 'catalog', title: '三张清单', permission: 'enforcement.matter.read', component: lazyPage(() => import('./CatalogPage.tsx'), 'CatalogPage') },
    { path: 'inspections', title: '涉企检查概况', permission: 'enforcement.inspection.read', component: lazyPage(() => import('./InspectionsPage.tsx'), 'InspectionsPage') },
    { path: 'inspections/:id/field', title: '现场检查', permission: 'enforcement.inspection.read', component: lazyPage(() => import('./FieldInspectionPage.tsx'), 'FieldInspectionPage') },
    { path: 'draws', title: '双随机抽查', permission: 'enforcement.case.read', component: lazyPage(() => import('./DrawsPage.tsx'), 'DrawsPage') },
  ],
  recordPanels: {
    'enforcement.case': lazy(async () => ({ default: (await import('./CasePanel.tsx')).CasePanel })),
    'enforcement.inspection': lazy(async () => ({ default: (await import('./InspectionPanel.tsx')).InspectionPanel })),
  },
  publicPages: [
    { path: '/public/enforcement', component: lazyPage(() => import('./PublicEnforcementPages.tsx'), 'PublicDecisionsPage'), nav: { label: '行政执法公示', order: 20 } },
    { path: '/public/enforcement/catalog', component: lazyPage(() => import('./PublicEnforcementPages.tsx'), 'PublicCatalogPage') },
    { path: '/public/enforcement/draws', component: lazyPage(() => import('./PublicEnforcementPages.tsx'), 'PublicDrawsPage') },
    { path: '/public/inspections', component: lazyPage(() => import('./PublicInspectionPage.tsx'), 'PublicInspectionPage') },
    { path: '/public/inspections/:code', component: lazyPage(() => import('./PublicInspectionPage.tsx'), 'PublicInspectionPage') },
    { path: '/public/enforcement/draws/:id', component: lazyPage(() => import('./PublicEnforcementPages.tsx'), 'PublicDrawPage') },
    { path: '/public/enforcement/benchmarks', component: lazyPage(() => import('./PublicEnforcementPages.tsx'), 'PublicBenchmarksPage') },
  ],
  permissionGroups: { enforcement: '行政执法' },
  auditLabels: {
    entities: { 'enforcement.matter': '执法事项', 'enforcement.benchmark': '裁量基准', 'enforcement.case': '执法案件', 'enforcement.target': '检查对象', 'enforcement.inspector': '执法人员', 'enforcement.draw': '双随机抽取', 'enforcement.catalog': '执法事项清单版本', 'enforcement.inspection': '涉企行政检查', 'enforcement.inspection_standard': '行政检查标准', 'enforcement.inspection_plan': '行政检查计划' },
    actions: { draw: '随机抽取（揭示种子）', draw_commit: '随机抽取：承诺种子', draw_freeze: '随机抽取：冻结名录', draw_cancel: '随机抽取：作废', draw_task: '生成检查任务', document: '制作执法文书', document_number: '编执法文书文号', publish: '公开发布', create_from_inspection: '行政检查转立案', top_penalty_backfill: '补记顶格处罚认定', sign: '现场签名' },
    fields: { document: '文书', docNo: '文号', seed: '随机种子', seedHash: '种子承诺值（SHA-256）', listHash: '名录SHA-256值', reason: '理由', title: '名称', domain: '执法领域', targetCount: '抽取对象数', targets: '名录库对象数', inspectors: '名录库人员数', result: '抽取结果', counts: '事项构成', publishedOn: '发布日期' },
  },
});
