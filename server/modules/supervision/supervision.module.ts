import { defineModule } from '../../platform/module.ts';
import { seedSupervisionDemo } from './supervision.demo.ts';
import { opinionLedger, reviewLedger, SUPERVISORS } from './supervision.ledgers.ts';
import * as migration from './supervision.migration.ts';
import { supervisionRoutes } from './supervision.routes.ts';

const GROUP = '执法监督';

/**
 * 行政执法监督 (行政执法监督条例, 国务院令第825号): the county 司法局's 案卷评查 of the towns' closed files on a versioned
 * scoring sheet, and its 监督意见书 with the unit's rectification and the supervisor's verification
 */
export const supervisionModule = defineModule({
  name: 'supervision',
  label: '执法监督',
  ledgers: [reviewLedger, opinionLedger],
  migrations: { '20261204100000-supervision': migration },
  permissions: [
    { code: 'supervision.review.score', label: '案卷评查：为抽中的案卷评分', roles: SUPERVISORS },
    { code: 'supervision.sheet.publish', label: '案卷评查：发布评查标准新版本', roles: SUPERVISORS },
  ],
  nav: [
    { path: '/ledgers/supervision.review', label: '案卷评查', permission: 'supervision.review.read', group: GROUP, icon: 'file-search', order: 1100, orgLevels: ['county'] },
    { path: '/ledgers/supervision.opinion', label: '行政执法监督意见书', permission: 'supervision.opinion.read', group: GROUP, icon: 'file-text', order: 1101 },
  ],
  routes: supervisionRoutes,
  demo: seedSupervisionDemo,
});
