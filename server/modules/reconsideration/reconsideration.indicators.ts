import { defineIndicators } from '../../platform/indicators/indicator.types.ts';
import { CORRECTING_OUTCOMES } from './reconsideration.rules.ts';

const L = 'reconsideration.case';
const DECIDED = { lost: [true, false] } as const;

export const reconsiderationIndicators = defineIndicators([
  { id: 'reconsideration.cases', kind: 'count', ledger: L, label: '行政复议和行政诉讼案件', unit: '宗', breakdown: 'kind', description: '期间受理（立案）的、本机关为被申请人或被告的案件' },
  { id: 'reconsideration.litigations', kind: 'count', ledger: L, label: '涉及行政诉讼案件', unit: '宗', where: { kind: '行政诉讼' }, breakdown: 'act_category' },
  { id: 'reconsideration.reconsiderations', kind: 'count', ledger: L, label: '涉及行政复议案件', unit: '宗', where: { kind: '行政复议' }, breakdown: 'act_category' },
  { id: 'reconsideration.by_category', kind: 'count', ledger: L, label: '行政复议和行政诉讼案件（按行为类别）', unit: '宗', breakdown: 'act_category' },
  // the hearing places a record in the period: "负责人出庭应诉率100%" is about the hearings held that year
  { id: 'reconsideration.hearings', kind: 'count', ledger: L, label: '开庭审理的行政诉讼案件', unit: '宗', where: { kind: '行政诉讼', head_appeared: [true, false] }, dateField: 'hearing_on' },
  { id: 'reconsideration.head_appeared', kind: 'count', ledger: L, label: '负责人出庭应诉', unit: '宗', where: { kind: '行政诉讼', head_appeared: true }, dateField: 'hearing_on' },
  { id: 'reconsideration.head_appearance_rate', kind: 'ratio', label: '负责人出庭应诉率', unit: '%', numerator: 'reconsideration.head_appeared', denominator: 'reconsideration.hearings', digits: 0 },
  { id: 'reconsideration.litigations_decided', kind: 'count', ledger: L, label: '审结行政诉讼案件', unit: '宗', where: { kind: '行政诉讼', ...DECIDED }, dateField: 'decided_on', breakdown: 'outcome' },
  { id: 'reconsideration.litigations_lost', kind: 'count', ledger: L, label: '行政诉讼败诉', unit: '宗', where: { kind: '行政诉讼', lost: true }, dateField: 'decided_on', breakdown: 'outcome' },
  { id: 'reconsideration.litigation_loss_rate', kind: 'ratio', label: '行政诉讼败诉率', unit: '%', numerator: 'reconsideration.litigations_lost', denominator: 'reconsideration.litigations_decided', digits: 1 },
  { id: 'reconsideration.reconsiderations_decided', kind: 'count', ledger: L, label: '审结行政复议案件', unit: '宗', where: { kind: '行政复议', ...DECIDED }, dateField: 'decided_on', breakdown: 'outcome' },
  { id: 'reconsideration.reconsiderations_corrected', kind: 'count', ledger: L, label: '行政复议被纠错', unit: '宗', where: { kind: '行政复议', outcome: CORRECTING_OUTCOMES }, dateField: 'decided_on', breakdown: 'outcome', description: '撤销、变更、确认违法、确认无效、责令履行' },
  { id: 'reconsideration.correction_rate', kind: 'ratio', label: '行政复议被纠错率', unit: '%', numerator: 'reconsideration.reconsiderations_corrected', denominator: 'reconsideration.reconsiderations_decided', digits: 1 },
  { id: 'reconsideration.pending', kind: 'count', ledger: L, label: '尚未审结', unit: '宗', snapshot: true, where: { outcome: null }, breakdown: 'kind' },
  // for the 政府信息公开工作年度报告, section 四: 行政复议 / 直接起诉 / 复议后起诉, each by result
  { id: 'reconsideration.disclosure_reconsiderations', kind: 'count', ledger: L, label: '政府信息公开行政复议', unit: '件', where: { kind: '行政复议', act_category: '信息公开' }, breakdown: 'outcome' },
  { id: 'reconsideration.disclosure_direct_suits', kind: 'count', ledger: L, label: '政府信息公开行政诉讼（未经复议直接起诉）', unit: '件', where: { kind: '行政诉讼', act_category: '信息公开', after_reconsideration: false }, breakdown: 'outcome' },
  { id: 'reconsideration.disclosure_suits_after_reconsideration', kind: 'count', ledger: L, label: '政府信息公开行政诉讼（复议后起诉）', unit: '件', where: { kind: '行政诉讼', act_category: '信息公开', after_reconsideration: true }, breakdown: 'outcome' },
]);
