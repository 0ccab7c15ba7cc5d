import { sql, type Kysely } from 'kysely';
import { defineModule, type HomeItem } from '../../platform/module.ts';
import { seedPetitionsDemo } from './petitions.demo.ts';
import { petitionIndicators } from './petitions.indicators.ts';
import { petitionLedger } from './petitions.ledgers.ts';

const LIST = '/ledgers/petitions.case';

/** 信访与投诉: letters, visits, assigned cases, online questions and 12345 hotline tickets */
export const petitionsModule = defineModule({
  name: 'petitions',
  label: '信访与投诉',
  ledgers: [petitionLedger],
  indicators: petitionIndicators,
  nav: [{ path: LIST, label: '信访及投诉登记', permission: 'petitions.case.read', group: '信访与投诉', icon: 'message', order: 200 }],
  home: async (ctx) => {
    if (!ctx.actor.permissions.has('petitions.case.read') || ctx.scope.codes.length === 0) return [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger table
    const db = ctx.tx as unknown as Kysely<any>;
    const row = await db
      .selectFrom('petitions_case')
      .select([
        sql<number>`count(*) filter (where progress = '待受理')`.as('unaccepted'),
        sql<number>`count(*) filter (where progress = '办理中')`.as('handling'),
        sql<number>`count(*) filter (where progress = '已答复')`.as('replied'),
        sql<number>`count(*) filter (where review_requested_on is not null and review_reply_on is null or rereview_requested_on is not null and rereview_reply_on is null)`.as('reviews'),
      ])
      .where('org_code', 'in', ctx.scope.codes)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    // overdue warnings come from the statutory clock engine, not from here
    const items: HomeItem[] = [
      { key: 'petitions.unaccepted', label: '待作出受理决定的信访件', count: Number(row.unaccepted), link: `${LIST}?f.progress=待受理`, tone: Number(row.unaccepted) > 0 ? 'warning' : 'normal' },
      { key: 'petitions.handling', label: '已受理正在办理的信访件', count: Number(row.handling), link: `${LIST}?f.progress=办理中`, tone: 'normal' },
      { key: 'petitions.replied', label: '已答复待回访办结', count: Number(row.replied), link: `${LIST}?f.progress=已答复`, tone: 'normal' },
    ];
    if (Number(row.reviews) > 0) items.push({ key: 'petitions.reviews', label: '复查、复核尚无结果', count: Number(row.reviews), link: LIST, tone: 'normal' });
    return items;
  },
  demo: seedPetitionsDemo,
});
