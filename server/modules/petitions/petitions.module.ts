import { sql } from 'kysely';
import { ledgerHomeItems } from '../../platform/ledger/ledger.home.ts';
import { defineModule } from '../../platform/module.ts';
import { seedPetitionsDemo } from './petitions.demo.ts';
import { petitionIndicators } from './petitions.indicators.ts';
import { petitionLedger } from './petitions.ledgers.ts';
import { seedHotlineDemo } from './hotline.demo.ts';
import { hotlineLedger } from './hotline.ledger.ts';

const LIST = '/ledgers/petitions.case';

/** 信访与投诉: letters, visits, assigned cases, online questions and 12345 hotline tickets */
export const petitionsModule = defineModule({
  name: 'petitions',
  label: '信访与投诉',
  ledgers: [petitionLedger, hotlineLedger],
  indicators: petitionIndicators,
  nav: [{ path: LIST, label: '信访及投诉登记', permission: 'petitions.case.read', group: '信访与投诉', icon: 'message', order: 200 },
    { path: '/ledgers/petitions.hotline', label: '12345热线工单', permission: 'petitions.hotline.read', group: '信访与投诉', icon: 'phone', order: 201 },
  ],
  // overdue warnings come from the statutory clock engine, not from here
  home: (ctx) =>
    ledgerHomeItems(ctx, petitionLedger, [
      { key: 'petitions.unaccepted', label: '待登记告知（转送）的信访件', where: sql`progress = '待受理'`, filter: 'f.progress=待受理', alert: 'warning' },
      { key: 'petitions.handling', label: '已受理正在办理的信访件', where: sql`progress = '办理中'`, filter: 'f.progress=办理中' },
      { key: 'petitions.replied', label: '已答复待回访办结', where: sql`progress = '已答复'`, filter: 'f.progress=已答复' },
      // the list has no filter for an open review: it links to the whole list
      { key: 'petitions.reviews', label: '复查、复核尚无结果', where: sql`review_requested_on is not null and review_reply_on is null or rereview_requested_on is not null and rereview_reply_on is null`, filter: '', hideWhenNone: true },
    ]),
  demo: async (ctx, platform) => {
    await seedPetitionsDemo(ctx, platform);
    await seedHotlineDemo(ctx, platform);
  },
});
