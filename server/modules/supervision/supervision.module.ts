import { sql } from 'kysely';
import { defineModule } from '../../platform/module.ts';
import { seedSupervisionDemo } from './supervision.demo.ts';
import { activityLedger, contactPointLedger, contactReportLedger, opinionLedger, reviewLedger, subjectLedger, supervisorLedger, SUPERVISORS } from './supervision.ledgers.ts';
import * as commitMigration from './supervision.commit.migration.ts';
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
  ledgers: [reviewLedger, opinionLedger, activityLedger, supervisorLedger, contactPointLedger, contactReportLedger, subjectLedger],
  migrations: { '20261204100000-supervision': migration, '20261209100000-supervision-draw-commit': commitMigration },
  permissions: [
    { code: 'supervision.review.score', label: '案卷评查：为抽中的案卷评分', roles: SUPERVISORS },
    { code: 'supervision.sheet.publish', label: '案卷评查：发布评查标准新版本', roles: SUPERVISORS },
    // the leads are the supervision organ's own: the unit under supervision sees the instruments served on it, not the leads
    { code: 'supervision.clue.read', label: '执法监督线索：查看线索清单', roles: SUPERVISORS },
  ],
  nav: [
    { path: '/ledgers/supervision.review', label: '案卷评查', permission: 'supervision.review.read', group: GROUP, icon: 'file-search', order: 1100, orgLevels: ['county'] },
    { path: '/ledgers/supervision.opinion', label: '监督文书', permission: 'supervision.opinion.read', group: GROUP, icon: 'file-text', order: 1101 },
    { path: '/supervision/clues', label: '监督线索', permission: 'supervision.clue.read', group: GROUP, icon: 'alert', order: 1102, orgLevels: ['county'] },
    { path: '/ledgers/supervision.activity', label: '监督活动', permission: 'supervision.activity.read', group: GROUP, icon: 'audit', order: 1103, orgLevels: ['county'] },
    { path: '/ledgers/supervision.subject', label: '行政执法主体', permission: 'supervision.subject.read', group: GROUP, icon: 'bank', order: 1104, orgLevels: ['county'] },
    { path: '/ledgers/supervision.supervisor', label: '监督员名册', permission: 'supervision.supervisor.read', group: GROUP, icon: 'team', order: 1105, orgLevels: ['county'] },
    { path: '/ledgers/supervision.contact_point', label: '监督联系点', permission: 'supervision.contact_point.read', group: GROUP, icon: 'environment', order: 1106, orgLevels: ['county'] },
    { path: '/ledgers/supervision.contact_report', label: '联系点报告', permission: 'supervision.contact_report.read', group: GROUP, icon: 'message', order: 1107, orgLevels: ['county'] },
  ],
  // instruments recorded before the kind existed were all 意见书
  init: async (platform) => {
    await sql`update supervision_opinion set kind = '意见书' where kind is null`.execute(platform.db);
  },
  routes: supervisionRoutes,
  demo: seedSupervisionDemo,
});
