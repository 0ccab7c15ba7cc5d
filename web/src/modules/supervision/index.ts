import { lazy } from 'react';
import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 执法监督: scoring a 案卷评查 plan's drawn files beside the case file; the plan's and 意见书's lists are the generic ledger pages */
export const supervisionModule = defineWebModule({
  name: 'supervision',
  prefix: '/supervision',
  pages: [
    { path: 'reviews/:id/cases/:caseId', title: '案卷评分', permission: 'supervision.review.read', component: lazyPage(() => import('./ScorePage.tsx'), 'ScorePage') },
    { path: 'clues', title: '监督线索', permission: 'supervision.clue.read', component: lazyPage(() => import('./CluesPage.tsx'), 'CluesPage') },
  ],
  mainPanels: ['supervision.review'],
  recordPanels: {
    'supervision.review': lazy(async () => ({ default: (await import('./ReviewPanel.tsx')).ReviewPanel })),
    'supervision.opinion': lazy(async () => ({ default: (await import('./InstrumentPanel.tsx')).InstrumentPanel })),
    'supervision.activity': lazy(async () => ({ default: (await import('./ActivityPanel.tsx')).ActivityPanel })),
  },
  permissionGroups: { supervision: '执法监督' },
  auditLabels: {
    entities: { 'supervision.review': '案卷评查', 'supervision.opinion': '行政执法监督文书', 'supervision.sheet': '案卷评查标准', 'supervision.activity': '监督活动', 'supervision.supervisor': '监督员', 'supervision.contact_point': '监督联系点', 'supervision.contact_report': '联系点报告', 'supervision.subject': '行政执法主体' },
    actions: { draw_commit: '承诺随机种子', draw: '随机抽取', score: '案卷评分', draw_units: '随机抽取被监督单位' },
    fields: { caseNo: '案号', before: '原评分', after: '评分', deductions: '扣分项', vetoes: '否决项', seed: '随机种子', listHash: '名录SHA-256值', result: '抽取结果', candidates: '可抽取案卷数', sheetVersion: '评查标准版本', thresholds: '等次分数线', seedHash: '种子SHA-256值', listText: '冻结名录', rule: '抽取规则' },
  },
});
