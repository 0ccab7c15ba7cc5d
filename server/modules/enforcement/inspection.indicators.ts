import { defineIndicators } from '../../platform/indicators/indicator.types.ts';

const I = 'enforcement.inspection';
// an approved or made inspection is a visit to the enterprise; a joint inspection (综合查一次) is one record
const visited = { approved_on: { present: true }, cancelled_on: null };

// 行政执法统计年报: 行政检查 with its frequency (since 2025)
export const inspectionIndicators = defineIndicators([
  { id: 'enforcement.enterprise_inspections', kind: 'count', ledger: I, label: '涉企行政检查', unit: '次', where: visited, breakdown: 'plan_kind', description: '经批准或已实施的入企检查；多个部门联合检查（综合查一次）计为一次' },
  { id: 'enforcement.enterprise_inspected', kind: 'count', ledger: I, label: '被检查企业', unit: '家', where: visited, distinct: 'enterprise_uscc' },
  { id: 'enforcement.enterprise_inspection_frequency', kind: 'ratio', label: '企业平均受检次数', unit: '次', numerator: 'enforcement.enterprise_inspections', denominator: 'enforcement.enterprise_inspected', digits: 2, description: '涉企行政检查次数除以被检查企业数' },
  { id: 'enforcement.enterprise_inspection_results', kind: 'count', ledger: I, label: '涉企行政检查结果', unit: '次', where: { outcome: { present: true } }, breakdown: 'outcome' },
  { id: 'enforcement.joint_inspections', kind: 'count', ledger: I, label: '联合检查（综合查一次）', unit: '次', where: { ...visited, joint_orgs: { present: true } } },
  { id: 'enforcement.emergency_inspections', kind: 'count', ledger: I, label: '紧急检查事后补批', unit: '次', where: { emergency_reason: { present: true } } },
]);
