import { sql, type Kysely } from 'kysely';
import { defineModule } from '../../platform/module.ts';
import { seedReconsiderationDemo } from './reconsideration.demo.ts';
import { reconsiderationIndicators } from './reconsideration.indicators.ts';
import { caseLedger } from './reconsideration.ledgers.ts';

const LIST = '/ledgers/reconsideration.case';

/** 行政复议与行政诉讼: cases where the town or a county department is the respondent or defendant */
export const reconsiderationModule = defineModule({
  name: 'reconsideration',
  label: '复议与诉讼',
  ledgers: [caseLedger],
  indicators: reconsiderationIndicators,
  nav: [{ path: LIST, label: '行政复议和行政应诉案件', permission: 'reconsideration.case.read', group: '复议与诉讼', icon: 'audit', order: 300 }],
  home: async (ctx) => {
    if (!ctx.actor.permissions.has('reconsideration.case.read') || ctx.scope.codes.length === 0) return [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger table
    const db = ctx.tx as unknown as Kysely<any>;
    const today = ctx.now.toISOString().slice(0, 10);
    const soon = new Date(ctx.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const row = await db
      .selectFrom('reconsideration_case')
      .select([
        sql<number>`count(*) filter (where outcome is null)`.as('pending'),
        sql<number>`count(*) filter (where outcome is null and answered_on is null)`.as('unanswered'),
        sql<number>`count(*) filter (where hearing_on >= ${today} and hearing_on <= ${soon})`.as('hearings'),
      ])
      .where('org_code', 'in', ctx.scope.codes)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return [
      { key: 'reconsideration.pending', label: '尚未审结的复议、诉讼案件', count: Number(row.pending), link: `${LIST}?f.stage=受理,审理,一审,二审,再审`, tone: 'normal' as const },
      { key: 'reconsideration.unanswered', label: '尚未提交答复（答辩）', count: Number(row.unanswered), link: `${LIST}?f.stage=受理,审理,一审`, tone: Number(row.unanswered) > 0 ? ('warning' as const) : ('normal' as const) },
      { key: 'reconsideration.hearings', label: '30日内开庭（听证），请安排负责人出庭', count: Number(row.hearings), link: `${LIST}?f.hearing_on.from=${today}&f.hearing_on.to=${soon}`, tone: Number(row.hearings) > 0 ? ('warning' as const) : ('normal' as const) },
    ];
  },
  demo: seedReconsiderationDemo,
});
