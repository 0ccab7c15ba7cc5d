import { defineModule } from '../../platform/module.ts';
import { seedEvaluationDemo } from './evaluation.demo.ts';
import { ASSESSORS, evaluationIndicators, resultLedger, roundLedger, taskLedger } from './evaluation.ledgers.ts';
import * as migration from './evaluation.migration.ts';
import { evaluationRoutes } from './evaluation.routes.ts';

const GROUP = '考核评估';

/**
 * 考核评估 and 示范创建: indicator systems as versioned data, the county's yearly 考核 of its towns (computed leaves from
 * the platform's figures, hand-scored leaves with evidence, one objection per unit, closing freezes, corrections with
 * a reason), the ranking, the task lists, and the result as figures of the annual report
 */
export const evaluationModule = defineModule({
  name: 'evaluation',
  label: '考核评估',
  ledgers: [roundLedger, resultLedger, taskLedger],
  indicators: evaluationIndicators,
  migrations: { '20261205004000-evaluation': migration },
  permissions: [
    { code: 'evaluation.round.score', label: '考核评估：计算自动评分项、人工评分', roles: ASSESSORS },
    { code: 'evaluation.system.publish', label: '考核评估：发布指标体系新版本', roles: ASSESSORS },
  ],
  nav: [
    { path: '/ledgers/evaluation.round', label: '考核评估', permission: 'evaluation.round.read', group: GROUP, icon: 'trophy', order: 1200, orgLevels: ['county'] },
    { path: '/evaluation/systems', label: '考核指标体系', permission: 'evaluation.round.read', group: GROUP, icon: 'cluster', order: 1201, orgLevels: ['county'] },
    { path: '/ledgers/evaluation.result', label: '本单位考核结果', permission: 'evaluation.result.read', group: GROUP, icon: 'trophy', order: 1202, orgLevels: ['town'] },
    { path: '/ledgers/evaluation.task', label: '法治建设任务清单', permission: 'evaluation.task.read', group: GROUP, icon: 'schedule', order: 1203 },
    { path: '/evaluation/progress', label: '任务完成进度', permission: 'evaluation.task.read', group: GROUP, icon: 'chart', order: 1204 },
  ],
  routes: evaluationRoutes,
  demo: seedEvaluationDemo,
});
