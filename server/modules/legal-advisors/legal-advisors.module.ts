import { sql } from 'kysely';
import { ledgerHomeItems } from '../../platform/ledger/ledger.home.ts';
import { defineModule } from '../../platform/module.ts';
import { seedLegalAdvisorsDemo } from './legal-advisors.demo.ts';
import { legalAdvisorRoutes } from './legal-advisors.routes.ts';
import { legalAdvisorIndicators } from './legal-advisors.indicators.ts';
import { advisorLedger, affairLedger, contractLedger, reviewLedger, volunteerLedger } from './legal-advisors.ledgers.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

/** 法律顾问: the advisor roster, 法律明白人, legality and contract reviews, and the advisors' other legal work */
export const legalAdvisorsModule = defineModule({
  name: 'legal-advisors',
  label: '法律顾问',
  ledgers: [advisorLedger, volunteerLedger, reviewLedger, contractLedger, affairLedger],
  indicators: legalAdvisorIndicators,
  nav: [
    { path: '/ledgers/advisors.review', label: '合法性审查（合同审查）', permission: 'advisors.review.read', group: '法律顾问', icon: 'audit', order: 400 },
    { path: '/ledgers/advisors.contract', label: '政府合同备案', permission: 'advisors.contract.read', group: '法律顾问', icon: 'file-protect', order: 404 },
    { path: '/ledgers/advisors.affair', label: '法律顾问履职', permission: 'advisors.affair.read', group: '法律顾问', icon: 'schedule', order: 401 },
    { path: '/ledgers/advisors.advisor', label: '法律顾问聘用', permission: 'advisors.advisor.read', group: '法律顾问', icon: 'safety-certificate', order: 402 },
    { path: '/ledgers/advisors.volunteer', label: '法律明白人', permission: 'advisors.volunteer.read', group: '法律顾问', icon: 'team', order: 403 },
  ],
  home: async (ctx) => {
    const in30 = chinaDate(new Date(ctx.now.getTime() + 30 * 86_400_000));
    return [
      ...(await ledgerHomeItems(ctx, reviewLedger, [
        { key: 'legal-advisors.open_reviews', label: '尚未出具意见的审查事项', where: sql`progress <> '已出具意见'`, filter: 'f.progress=审查中,退回补充材料' },
      ])),
      ...(await ledgerHomeItems(ctx, advisorLedger, [
        { key: 'legal-advisors.expiring', label: '聘期30日内届满（或已届满）的法律顾问', where: sql`engagement = '在聘' and contract_end <= ${in30}`, filter: `f.engagement=在聘&f.contract_end.to=${in30}`, alert: 'warning' },
      ])),
    ];
  },
  routes: (api, platform) => legalAdvisorRoutes(api, platform),
  demo: seedLegalAdvisorsDemo,
});
