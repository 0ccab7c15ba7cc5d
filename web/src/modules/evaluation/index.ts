import { lazy } from 'react';
import { defineWebModule, lazyPage } from '../../platform/module.ts';

/** 考核评估: the round's ranking and scores on its record page, the unit's result on its own, the systems and the task progress pages */
export const evaluationModule = defineWebModule({
  name: 'evaluation',
  prefix: '/evaluation',
  pages: [
    { path: 'systems', title: '考核指标体系', permission: 'evaluation.round.read', component: lazyPage(() => import('./SystemsPage.tsx'), 'SystemsPage') },
    { path: 'progress', title: '任务完成进度', permission: 'evaluation.task.read', component: lazyPage(() => import('./ProgressPage.tsx'), 'ProgressPage') },
  ],
  mainPanels: ['evaluation.round', 'evaluation.result'],
  recordPanels: {
    'evaluation.round': lazy(async () => ({ default: (await import('./RoundPanel.tsx')).RoundPanel })),
    'evaluation.result': lazy(async () => ({ default: (await import('./ResultPanel.tsx')).ResultPanel })),
  },
  permissionGroups: { evaluation: '考核评估' },
  auditLabels: {
    entities: { 'evaluation.round': '考核评估', 'evaluation.result': '考核结果', 'evaluation.task': '法治建设任务清单', 'evaluation.system': '考核指标体系' },
    actions: { compute: '计算自动评分项', score: '人工评分', correct_score: '更正得分' },
    fields: { code: '指标编号', points: '得分', reason: '理由', evidence: '佐证材料', changed: '变化项数', system: '指标体系', before: '原得分', after: '新得分', key: '指标体系标识', items: '指标数', total: '满分' },
  },
});
