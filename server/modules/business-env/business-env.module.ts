import { sql, type Kysely } from 'kysely';
import { defineModule, type HomeItem } from '../../platform/module.ts';
import { seedBusinessEnvDemo } from './business-env.demo.ts';
import { businessEnvIndicators } from './business-env.indicators.ts';
import { complianceLedger, contactLedger, issueLedger, measureLedger } from './business-env.ledgers.ts';

/** 营商环境: leaders' contacts with enterprises, the problems raised and resolved, measures, and compliance guidance */
export const businessEnvModule = defineModule({
  name: 'business-env',
  label: '营商环境',
  ledgers: [contactLedger, issueLedger, measureLedger, complianceLedger],
  indicators: businessEnvIndicators,
  nav: [
    { path: '/ledgers/bizenv.issue', label: '企业问题建议办理', permission: 'bizenv.issue.read', group: '营商环境', icon: 'message', order: 600 },
    { path: '/ledgers/bizenv.contact', label: '政企沟通（联系企业）', permission: 'bizenv.contact.read', group: '营商环境', icon: 'team', order: 601 },
    { path: '/ledgers/bizenv.measure', label: '营商环境提升举措', permission: 'bizenv.measure.read', group: '营商环境', icon: 'rise', order: 602 },
    { path: '/ledgers/bizenv.compliance', label: '企业合规指导', permission: 'bizenv.compliance.read', group: '营商环境', icon: 'safety', order: 603 },
  ],
  home: async (ctx) => {
    if (ctx.scope.codes.length === 0) return [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables
    const db = ctx.tx as unknown as Kysely<any>;
    const today = ctx.now.toISOString().slice(0, 10);
    const items: HomeItem[] = [];
    if (ctx.actor.permissions.has('bizenv.issue.read')) {
      const row = await db
        .selectFrom('bizenv_issue')
        .select([sql<number>`count(*) filter (where resolution = '正在解决')`.as('open'), sql<number>`count(*) filter (where resolution = '正在解决' and deadline < ${today})`.as('late')])
        .where('org_code', 'in', ctx.scope.codes)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      items.push({ key: 'business-env.open_issues', label: '正在解决的企业问题建议', count: Number(row.open), link: '/ledgers/bizenv.issue?f.resolution=正在解决', tone: 'normal' });
      items.push({ key: 'business-env.late_issues', label: '超过办结时限的企业问题建议', count: Number(row.late), link: `/ledgers/bizenv.issue?f.resolution=正在解决&f.deadline.to=${today}`, tone: Number(row.late) > 0 ? 'danger' : 'normal' });
    }
    if (ctx.actor.permissions.has('bizenv.compliance.read')) {
      const row = await db
        .selectFrom('bizenv_compliance')
        .select(sql<number>`count(*)`.as('n'))
        .where('org_code', 'in', ctx.scope.codes)
        .where('status', '=', 'active')
        .where('outcome', '=', '限期整改中')
        .where('rectify_by', '<', today)
        .executeTakeFirstOrThrow();
      items.push({ key: 'business-env.rectification_due', label: '整改期限已到、待复查的企业', count: Number(row.n), link: `/ledgers/bizenv.compliance?f.outcome=限期整改中&f.rectify_by.to=${today}`, tone: Number(row.n) > 0 ? 'warning' : 'normal' });
    }
    return items;
  },
  demo: seedBusinessEnvDemo,
});
