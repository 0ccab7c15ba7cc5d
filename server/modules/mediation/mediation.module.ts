import { sql } from 'kysely';
import { ledgerHomeItems } from '../../platform/ledger/ledger.home.ts';
import { defineModule } from '../../platform/module.ts';
import { mediationRoutes } from './mediation.routes.ts';
import { seedMediationDemo } from './mediation.demo.ts';
import { mediationIndicators } from './mediation.indicators.ts';
import { caseLedger, committeeLedger, mediatorLedger } from './mediation.ledgers.ts';
import { chinaDate } from '../../platform/workflow/workflow.engine.ts';

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
  home: (ctx) =>
    ledgerHomeItems(ctx, caseLedger, [
      { key: 'mediation.pending', label: '正在调解的纠纷', where: sql`outcome = '正在调解'`, filter: 'f.outcome=正在调解' },
      { key: 'mediation.follow_up', label: '已达成协议待回访', where: sql`state = 'agreed'`, filter: 'state=agreed', hideWhenNone: true },
      // the list shows every case under mediation; the count, those received over a month ago
      { key: 'mediation.late', label: '受理超过一个月仍未办结', where: sql`outcome = '正在调解' and received_on < ${chinaDate(ctx.now)}::date - 30`, filter: 'f.outcome=正在调解', alert: 'danger' },
    ]),
  routes: (api, platform) => mediationRoutes(api, platform),
  demo: seedMediationDemo,
});
