import { sql } from 'kysely';
import { ledgerHomeItems } from '../../platform/ledger/ledger.home.ts';
import { defineModule } from '../../platform/module.ts';
import { seedBusinessEnvDemo } from './business-env.demo.ts';
import { businessEnvIndicators } from './business-env.indicators.ts';
import { complianceLedger, contactLedger, issueLedger, measureLedger } from './business-env.ledgers.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

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
    const today = chinaDate(ctx.now);
    return [
      ...(await ledgerHomeItems(ctx, issueLedger, [
        { key: 'business-env.open_issues', label: '正在解决的企业问题建议', where: sql`resolution = '正在解决'`, filter: 'f.resolution=正在解决' },
        { key: 'business-env.late_issues', label: '超过办结时限的企业问题建议', where: sql`resolution = '正在解决' and deadline < ${today}`, filter: `f.resolution=正在解决&f.deadline.to=${today}`, alert: 'danger' },
      ])),
      ...(await ledgerHomeItems(ctx, complianceLedger, [
        { key: 'business-env.rectification_due', label: '整改期限已到、待复查的企业', where: sql`outcome = '限期整改中' and rectify_by < ${today}`, filter: `f.outcome=限期整改中&f.rectify_by.to=${today}`, alert: 'warning' },
      ])),
    ];
  },
  demo: seedBusinessEnvDemo,
});
