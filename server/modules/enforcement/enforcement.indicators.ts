import { defineIndicators } from '../../platform/indicators/indicator.types.ts';

const C = 'enforcement.case';
const M = 'enforcement.matter';
const valid = { matter_status: '有效' };

export const enforcementIndicators = defineIndicators([
  // 三张清单: "法定执法事项27项、赋权执法事项54项（其中自选39项）、可委托执法事项50项"
  { id: 'enforcement.matters', kind: 'count', ledger: M, label: '执法事项', unit: '项', snapshot: true, where: valid, breakdown: 'category' },
  { id: 'enforcement.matters_statutory', kind: 'count', ledger: M, label: '法定执法事项', unit: '项', snapshot: true, where: { ...valid, category: '法定' } },
  { id: 'enforcement.matters_delegated', kind: 'count', ledger: M, label: '赋权执法事项', unit: '项', snapshot: true, where: { ...valid, category: '赋权' } },
  { id: 'enforcement.matters_self_selected', kind: 'count', ledger: M, label: '自选赋权执法事项', unit: '项', snapshot: true, where: { ...valid, category: '赋权', self_selected: true } },
  { id: 'enforcement.matters_entrusted', kind: 'count', ledger: M, label: '可委托执法事项', unit: '项', snapshot: true, where: { ...valid, category: '可委托' } },
  { id: 'enforcement.matters_by_type', kind: 'count', ledger: M, label: '执法事项（按类型）', unit: '项', snapshot: true, where: valid, breakdown: 'matter_type' },
  // "录入案件516宗，其中行政处罚案件18宗（11宗已办结，7宗正在办理）、行政检查案件498宗"
  { id: 'enforcement.cases', kind: 'count', ledger: C, label: '录入执法案件', unit: '宗', breakdown: 'case_type' },
  { id: 'enforcement.cases_closed', kind: 'count', ledger: C, label: '执法案件已办结', unit: '宗', where: { closed_on: { present: true } }, breakdown: 'case_type' },
  { id: 'enforcement.cases_open', kind: 'count', ledger: C, label: '执法案件正在办理', unit: '宗', where: { closed_on: null }, breakdown: 'case_type' },
  { id: 'enforcement.cases_by_domain', kind: 'count', ledger: C, label: '执法案件（按领域）', unit: '宗', breakdown: 'domain' },
  { id: 'enforcement.penalty_cases', kind: 'count', ledger: C, label: '行政处罚案件', unit: '宗', where: { case_type: '行政处罚' }, breakdown: 'domain' },
  { id: 'enforcement.penalty_closed', kind: 'count', ledger: C, label: '行政处罚案件已办结', unit: '宗', where: { case_type: '行政处罚', closed_on: { present: true } } },
  { id: 'enforcement.penalty_open', kind: 'count', ledger: C, label: '行政处罚案件正在办理', unit: '宗', where: { case_type: '行政处罚', closed_on: null } },
  { id: 'enforcement.inspection_cases', kind: 'count', ledger: C, label: '行政检查案件', unit: '宗', where: { case_type: '行政检查' }, breakdown: 'inspection_result' },
  { id: 'enforcement.coercion_cases', kind: 'count', ledger: C, label: '行政强制案件', unit: '宗', where: { case_type: '行政强制' } },
  { id: 'enforcement.draws', kind: 'count', ledger: C, label: '开展“双随机”抽查', unit: '次', where: { case_type: '行政检查', source: '双随机抽查', draw_id: { present: true } }, distinct: 'draw_id', description: '抽查任务所属的不同抽取批次' },
  { id: 'enforcement.random_inspections', kind: 'count', ledger: C, label: '“双随机”抽查检查对象', unit: '家', where: { case_type: '行政检查', source: '双随机抽查' }, breakdown: 'inspection_result' },
  { id: 'enforcement.decisions', kind: 'count', ledger: C, label: '作出行政处罚决定', unit: '宗', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true } }, breakdown: 'amount_band' },
  { id: 'enforcement.decisions_by_kind', kind: 'count', ledger: C, label: '行政处罚决定（按处罚种类）', unit: '宗', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true } }, breakdown: 'penalty_kinds', description: '一宗案件并处多种处罚的，分别计入各处罚种类' },
  { id: 'enforcement.fines', kind: 'sum', ledger: C, field: 'amount', label: '罚款金额', unit: '元', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true } } },
  // the enforcement statistics report (行政执法统计年报): decisions by procedure, confiscations, coercive measures
  { id: 'enforcement.decisions_by_procedure', kind: 'count', ledger: C, label: '行政处罚决定（按程序）', unit: '宗', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true } }, breakdown: 'procedure' },
  { id: 'enforcement.confiscation_decisions', kind: 'count', ledger: C, label: '没收违法所得、没收非法财物的行政处罚决定', unit: '宗', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true }, penalty_kinds: ['没收违法所得', '没收非法财物'] } },
  { id: 'enforcement.confiscated', kind: 'sum', ledger: C, field: 'confiscated_value', label: '没收违法所得、非法财物价值', unit: '元', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true } } },
  { id: 'enforcement.coercion_decisions', kind: 'count', ledger: C, label: '作出行政强制决定', unit: '宗', dateField: 'decided_on', where: { case_type: '行政强制', decided_on: { present: true } } },
  { id: 'enforcement.first_violation_exempt', kind: 'count', ledger: C, label: '首违不罚', unit: '宗', dateField: 'decided_on', where: { first_violation_exempt: true, decided_on: { present: true } } },
  { id: 'enforcement.quick_minor', kind: 'count', ledger: C, label: '轻微速罚', unit: '宗', dateField: 'decided_on', where: { quick_minor: true, decided_on: { present: true } } },
  // 顶格处罚 (趋利性执法 signs for the supervisor): fines decided at the top of the applied benchmark, and their share
  // among the penalty decisions with a fine (the system records 顶格处罚 on every decision with a fine)
  { id: 'enforcement.fined_decisions', kind: 'count', ledger: C, label: '处以罚款的行政处罚决定', unit: '宗', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true }, top_penalty: { present: true } } },
  { id: 'enforcement.top_penalties', kind: 'count', ledger: C, label: '顶格处罚案件数', unit: '宗', dateField: 'decided_on', where: { case_type: '行政处罚', decided_on: { present: true }, top_penalty: true }, description: '罚款金额等于所适用裁量基准上限的行政处罚决定' },
  { id: 'enforcement.top_penalty_share', kind: 'ratio', label: '顶格处罚占比', unit: '%', numerator: 'enforcement.top_penalties', denominator: 'enforcement.fined_decisions', digits: 1, description: '顶格处罚案件占处以罚款的行政处罚决定的比例；比例偏高可能是趋利性执法的迹象' },
  // 重大执法决定法制审核: anything under 100% is a finding
  { id: 'enforcement.major_decisions', kind: 'count', ledger: C, label: '重大执法决定', unit: '宗', dateField: 'decided_on', where: { major: true, decided_on: { present: true } } },
  { id: 'enforcement.major_reviewed', kind: 'count', ledger: C, label: '经法制审核的重大执法决定', unit: '宗', dateField: 'decided_on', where: { major: true, decided_on: { present: true }, review_opinion: { present: true } } },
  { id: 'enforcement.major_review_rate', kind: 'ratio', label: '重大执法决定法制审核率', unit: '%', numerator: 'enforcement.major_reviewed', denominator: 'enforcement.major_decisions', digits: 1, required: 100, description: '须为100%，低于100%即为问题' },
  // 执法公示
  { id: 'enforcement.published', kind: 'count', ledger: C, label: '公示执法决定信息', unit: '条', dateField: 'decided_on', where: { decided_on: { present: true }, published_on: { present: true }, publication_withdrawn_on: null } },
  { id: 'enforcement.decided_all', kind: 'count', ledger: C, label: '作出执法决定', unit: '宗', dateField: 'decided_on', where: { decided_on: { present: true } } },
  // 公示及时性: published by the deadline computed at the decision (7 working days for a penalty, 20 for others)
  { id: 'enforcement.publication_due', kind: 'count', ledger: C, label: '应当公示的执法决定', unit: '宗', dateField: 'decided_on', where: { decided_on: { present: true }, publication_due_on: { present: true } } },
  { id: 'enforcement.published_in_time', kind: 'count', ledger: C, label: '按期公示的执法决定', unit: '宗', dateField: 'decided_on', where: { decided_on: { present: true }, publication_due_on: { present: true }, published_in_time: true } },
  { id: 'enforcement.publication_timeliness', kind: 'ratio', label: '执法决定按期公示率', unit: '%', numerator: 'enforcement.published_in_time', denominator: 'enforcement.publication_due', digits: 1, description: '行政处罚决定7个工作日内、其他执法决定20个工作日内公示的比例' },
  { id: 'enforcement.publication_rate', kind: 'ratio', label: '执法决定公示率', unit: '%', numerator: 'enforcement.published', denominator: 'enforcement.decided_all', digits: 1, description: '逾期未公示的在“到期事项”中列出' },
]);
