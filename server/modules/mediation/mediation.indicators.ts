import { defineIndicators } from '../../platform/indicators/indicator.types.ts';

export const mediationIndicators = defineIndicators([
  { id: 'mediation.cases', kind: 'count', ledger: 'mediation.case', label: '调处矛盾纠纷', unit: '件', breakdown: 'dispute_type', description: '期间受理的全部矛盾纠纷调解案件' },
  { id: 'mediation.cases_by_source', kind: 'count', ledger: 'mediation.case', label: '矛盾纠纷（按来源）', unit: '件', breakdown: 'source' },
  { id: 'mediation.screened', kind: 'count', ledger: 'mediation.case', label: '排查发现矛盾纠纷', unit: '件', where: { source: '排查' } },
  { id: 'mediation.closed', kind: 'count', ledger: 'mediation.case', label: '已办结调解案件', unit: '件', where: { outcome: ['调解成功', '调解不成', '终止调解'] }, breakdown: 'outcome' },
  { id: 'mediation.succeeded', kind: 'count', ledger: 'mediation.case', label: '调解成功', unit: '件', where: { outcome: '调解成功' } },
  { id: 'mediation.pending', kind: 'count', ledger: 'mediation.case', label: '正在调解', unit: '件', where: { outcome: '正在调解' } },
  { id: 'mediation.success_rate', kind: 'ratio', label: '调解成功率', unit: '%', numerator: 'mediation.succeeded', denominator: 'mediation.closed', digits: 1 },
  { id: 'mediation.written_agreements', kind: 'count', ledger: 'mediation.case', label: '签订书面调解协议', unit: '件', where: { agreement_type: '书面协议' } },
  { id: 'mediation.amount', kind: 'sum', ledger: 'mediation.case', field: 'amount', label: '纠纷涉及金额', unit: '万元' },
  { id: 'mediation.agreement_amount', kind: 'sum', ledger: 'mediation.case', field: 'agreement_amount', label: '协议涉及金额', unit: '万元', where: { outcome: '调解成功' } },
  { id: 'mediation.committees', kind: 'count', ledger: 'mediation.committee', label: '人民调解委员会', unit: '个', snapshot: true, breakdown: 'kind' },
  { id: 'mediation.mediators', kind: 'count', ledger: 'mediation.mediator', label: '人民调解员', unit: '名', snapshot: true, where: { active: true }, breakdown: 'kind' },
]);
