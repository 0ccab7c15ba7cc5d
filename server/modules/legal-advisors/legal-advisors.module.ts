import { sql, type Kysely } from 'kysely';
import { defineModule, type HomeItem } from '../../platform/module.ts';
import { seedLegalAdvisorsDemo } from './legal-advisors.demo.ts';
import { legalAdvisorIndicators } from './legal-advisors.indicators.ts';
import { advisorLedger, affairLedger, reviewLedger, volunteerLedger } from './legal-advisors.ledgers.ts';

/** 法律顾问: the advisor roster, 法律明白人, legality and contract reviews, and the advisors' other legal work */
export const legalAdvisorsModule = defineModule({
  name: 'legal-advisors',
  label: '法律顾问',
  ledgers: [advisorLedger, volunteerLedger, reviewLedger, affairLedger],
  indicators: legalAdvisorIndicators,
  nav: [
    { path: '/ledgers/advisors.review', label: '合法性审查（合同审查）', permission: 'advisors.review.read', group: '法律顾问', icon: 'audit', order: 400 },
    { path: '/ledgers/advisors.affair', label: '法律顾问履职', permission: 'advisors.affair.read', group: '法律顾问', icon: 'schedule', order: 401 },
    { path: '/ledgers/advisors.advisor', label: '法律顾问聘用', permission: 'advisors.advisor.read', group: '法律顾问', icon: 'safety-certificate', order: 402 },
    { path: '/ledgers/advisors.volunteer', label: '法律明白人', permission: 'advisors.volunteer.read', group: '法律顾问', icon: 'team', order: 403 },
  ],
  home: async (ctx) => {
    if (ctx.scope.codes.length === 0) return [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables
    const db = ctx.tx as unknown as Kysely<any>;
    const today = ctx.now.toISOString().slice(0, 10);
    const in30 = new Date(ctx.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const items: HomeItem[] = [];
    if (ctx.actor.permissions.has('advisors.review.read')) {
      const row = await db
        .selectFrom('advisors_review')
        .select([sql<number>`count(*) filter (where progress <> '已出具意见')`.as('open'), sql<number>`count(*) filter (where progress = '审查中' and received_on < ${today}::date - 7)`.as('late')])
        .where('org_code', 'in', ctx.scope.codes)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      items.push({ key: 'legal-advisors.open_reviews', label: '尚未出具意见的审查事项', count: Number(row.open), link: '/ledgers/advisors.review?f.progress=审查中,退回补充材料', tone: 'normal' });
      items.push({ key: 'legal-advisors.late_reviews', label: '收件超过7日仍在审查', count: Number(row.late), link: '/ledgers/advisors.review?f.progress=审查中', tone: Number(row.late) > 0 ? 'warning' : 'normal' });
    }
    if (ctx.actor.permissions.has('advisors.advisor.read')) {
      const row = await db
        .selectFrom('advisors_advisor')
        .select(sql<number>`count(*)`.as('n'))
        .where('org_code', 'in', ctx.scope.codes)
        .where('status', '=', 'active')
        .where('engagement', '=', '在聘')
        .where('contract_end', '<=', in30)
        .executeTakeFirstOrThrow();
      items.push({ key: 'legal-advisors.expiring', label: '聘期30日内届满（或已届满）的法律顾问', count: Number(row.n), link: `/ledgers/advisors.advisor?f.engagement=在聘&f.contract_end.to=${in30}`, tone: Number(row.n) > 0 ? 'warning' : 'normal' });
    }
    return items;
  },
  demo: seedLegalAdvisorsDemo,
});
