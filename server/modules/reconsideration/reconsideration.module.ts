import { sql } from 'kysely';
import { ledgerHomeItems } from '../../platform/ledger/ledger.home.ts';
import { defineModule } from '../../platform/module.ts';
import { seedReconsiderationDemo } from './reconsideration.demo.ts';
import { reconsiderationIndicators } from './reconsideration.indicators.ts';
import { caseLedger, organLedger } from './reconsideration.ledgers.ts';
import { publicReconsiderationRoutes } from './reconsideration.public.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

const LIST = '/ledgers/reconsideration.case';

/** 行政复议与行政诉讼: cases where the town or a county department is the respondent or defendant */
export const reconsiderationModule = defineModule({
  name: 'reconsideration',
  label: '复议与诉讼',
  ledgers: [caseLedger, organLedger],
  indicators: reconsiderationIndicators,
  nav: [
    { path: LIST, label: '行政复议和行政应诉案件', permission: 'reconsideration.case.read', group: '复议与诉讼', icon: 'audit', order: 300 },
    // the county government as 复议机关: its office's own cases, for county users only (a town is the respondent)
    { path: '/ledgers/reconsideration.organ', label: '行政复议案件（复议机关）', permission: 'reconsideration.organ.read', group: '复议与诉讼', icon: 'audit', order: 301, orgLevels: ['county'] },
  ],
  home: (ctx) => {
    const today = chinaDate(ctx.now);
    const soon = chinaDate(new Date(ctx.now.getTime() + 30 * 86_400_000));
    return ledgerHomeItems(ctx, caseLedger, [
      { key: 'reconsideration.pending', label: '尚未审结的复议、诉讼案件', where: sql`outcome is null`, filter: 'f.stage=受理,审理,一审,二审,再审' },
      { key: 'reconsideration.unanswered', label: '尚未提交答复（答辩）', where: sql`outcome is null and answered_on is null`, filter: 'f.stage=受理,审理,一审', alert: 'warning' },
      { key: 'reconsideration.hearings', label: '30日内开庭（听证），请安排负责人出庭', where: sql`hearing_on >= ${today} and hearing_on <= ${soon}`, filter: `f.hearing_on.from=${today}&f.hearing_on.to=${soon}`, alert: 'warning' },
    ]);
  },
  demo: seedReconsiderationDemo,
  routes: (api, platform) => publicReconsiderationRoutes(api, platform),
});
