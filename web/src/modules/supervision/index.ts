import { lazy } from 'react';
import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 执法监督: scoring a 案卷评查 plan's drawn files beside the case file; the plan's and 意见书's lists are the generic ledger pages */
export const supervisionModule = defineWebModule({
  name: 'supervision',
  prefix: '/supervision',
  pages: [{ path: 'reviews/:id/cases/:caseId', title: '案卷评分', permission: 'supervision.review.read', component: lazyPage(() => import('./ScorePage.tsx'), 'ScorePage') }],
  mainPanels: ['supervision.review'],
  recordPanels: { 'supervision.review': lazy(async () => ({ default: (await import('./ReviewPanel.tsx')).ReviewPanel })) },
  permissionGroups: { supervision: '执法监督' },
  auditLabels: {
    entities: { 'supervision.review': '案卷评查', 'supervision.opinion': '行政执法监督意见书', 'supervision.sheet': '案卷评查标准' },
    actions: { draw: '随机抽取', score: '案卷评分' },
    fields: { caseNo: '案号', before: '原评分', after: '评分', deductions: '扣分项', vetoes: '否决项', seed: '随机种子', listHash: '名录SHA-256值', result: '抽取结果', candidates: '可抽取案卷数', sheetVersion: '评查标准版本', thresholds: '等次分数线' },
  },
});
