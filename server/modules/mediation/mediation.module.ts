import { sql, type Kysely } from 'kysely';
import { defineModule } from '../../platform/module.ts';
import { seedMediationDemo } from './mediation.demo.ts';
import { mediationIndicators } from './mediation.indicators.ts';
import { caseLedger, committeeLedger, mediatorLedger } from './mediation.ledgers.ts';

/** 人民调解: committees, mediators and the dispute cases they handle */
export const mediationModule = defineModule({
  name: 'mediation',
  label: '人民调解',
  ledgers: [committeeLedger, mediatorLedger, caseLedger],
  indicators: mediationIndicators,
  nav: [
    { path: '/ledgers/mediation.case', label: '矛盾纠纷调解', permission: 'mediation.case.read', group: '人民调解', icon: 'solution', order: 100 },
    { path: '/ledgers/mediation.committee', label: '调解委员会', permission: 'mediation.committee.read', group: '人民调解', icon: 'team', order: 101 },
    { path: '/ledgers/mediation.mediator', label: '人民调解员', permission: 'mediation.mediator.read', group: '人民调解', icon: 'user', order: 102 },
  ],
  home: async (ctx) => {
    if (!ctx.actor.permissions.has('mediation.case.read') || ctx.scope.codes.length === 0) return [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger table
    const db = ctx.tx as unknown as Kysely<any>;
    const row = await db
      .selectFrom('mediation_case')
      .select([sql<number>`count(*) filter (where outcome = '正在调解')`.as('pending'), sql<number>`count(*) filter (where outcome = '正在调解' and received_on < current_date - 30)`.as('late')])
      .where('org_code', 'in', ctx.scope.codes)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return [
      { key: 'mediation.pending', label: '正在调解的纠纷', count: Number(row.pending), link: '/ledgers/mediation.case?f.outcome=正在调解', tone: 'normal' as const },
      { key: 'mediation.late', label: '受理超过一个月仍未办结', count: Number(row.late), link: '/ledgers/mediation.case?f.outcome=正在调解', tone: Number(row.late) > 0 ? ('danger' as const) : ('normal' as const) },
    ];
  },
  demo: seedMediationDemo,
});
