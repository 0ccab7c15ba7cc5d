import { defineIndicators } from '../../platform/indicators/indicator.types.ts';
import { PROCEDURE_RESULTS } from './decisions.rules.ts';

const DECIDED = { decided_on: { present: true } } as const;
// every procedure recorded: done or lawfully skipped (the ledger rules require the evidence or the reason with each)
const ALL_FIVE = { ...DECIDED, pp_result: PROCEDURE_RESULTS, er_result: PROCEDURE_RESULTS, ra_result: PROCEDURE_RESULTS, lr_date: { present: true }, cd_date: { present: true } };

export const decisionIndicators = defineIndicators([
  { id: 'decisions.catalog_items', kind: 'count', ledger: 'decisions.catalog_item', label: '重大行政决策目录事项', unit: '项', breakdown: 'catalog_status' },
  { id: 'decisions.catalog_published', kind: 'count', ledger: 'decisions.catalog_item', label: '向社会公布的目录事项', unit: '项', where: { catalog_status: '已公布' } },
  { id: 'decisions.made', kind: 'count', ledger: 'decisions.decision', label: '作出重大行政决策', unit: '项', where: DECIDED, dateField: 'decided_on', breakdown: 'kind' },
  { id: 'decisions.all_procedures', kind: 'count', ledger: 'decisions.decision', label: '履行五项法定程序的重大决策', unit: '项', where: ALL_FIVE, dateField: 'decided_on' },
  { id: 'decisions.all_procedures_rate', kind: 'ratio', label: '重大决策法定程序履行率', unit: '%', numerator: 'decisions.all_procedures', denominator: 'decisions.made', required: 100, description: '须为100%' },
  { id: 'decisions.collective', kind: 'count', ledger: 'decisions.decision', label: '经集体讨论决定的重大决策', unit: '项', where: { ...DECIDED, cd_date: { present: true } }, dateField: 'decided_on' },
  { id: 'decisions.collective_rate', kind: 'ratio', label: '重大决策事项集体讨论率', unit: '%', numerator: 'decisions.collective', denominator: 'decisions.made' },
  { id: 'decisions.leader_last', kind: 'count', ledger: 'decisions.decision', label: '主要负责人末位表态的重大决策', unit: '项', where: { ...DECIDED, leader_last: true }, dateField: 'decided_on' },
  { id: 'decisions.public_consultations', kind: 'count', ledger: 'decisions.decision', label: '公开征求意见的决策草案', unit: '项', where: { draft_published: true }, dateField: 'comment_from' },
  { id: 'decisions.published', kind: 'count', ledger: 'decisions.decision', label: '公布的重大决策', unit: '项', where: { published_on: { present: true } }, dateField: 'published_on' },
  { id: 'decisions.evaluated', kind: 'count', ledger: 'decisions.decision', label: '开展决策后评估', unit: '项', where: { evaluated_on: { present: true } }, dateField: 'evaluated_on' },
  { id: 'decisions.comments', kind: 'count', ledger: 'decisions.comment', label: '收到公众意见', unit: '条', breakdown: 'channel' },
  { id: 'decisions.comments_adopted', kind: 'count', ledger: 'decisions.comment', label: '采纳（含部分采纳）公众意见', unit: '条', where: { handling: ['采纳', '部分采纳'] }, breakdown: 'handling' },
  { id: 'decisions.comments_adoption_rate', kind: 'ratio', label: '公众意见采纳率', unit: '%', numerator: 'decisions.comments_adopted', denominator: 'decisions.comments', digits: 1 },

  { id: 'normdocs.issued', kind: 'count', ledger: 'normdocs.document', label: '制发行政规范性文件', unit: '件', where: { publish_on: { present: true } } },
  { id: 'normdocs.filed', kind: 'count', ledger: 'normdocs.document', label: '报送备案的规范性文件', unit: '件', where: { filed_on: { present: true } } },
  { id: 'normdocs.filing_rate', kind: 'ratio', label: '规范性文件报备率', unit: '%', numerator: 'normdocs.filed', denominator: 'normdocs.issued' },
  { id: 'normdocs.filed_on_time', kind: 'count', ledger: 'normdocs.document', label: '按时报备的规范性文件', unit: '件', where: { filed_on_time: true } },
  { id: 'normdocs.filing_timely_rate', kind: 'ratio', label: '规范性文件报备及时率', unit: '%', numerator: 'normdocs.filed_on_time', denominator: 'normdocs.issued', digits: 1 },
  { id: 'normdocs.reviewed', kind: 'count', ledger: 'normdocs.document', label: '合法性审核规范性文件', unit: '件', where: { legality_review_on: { present: true } }, dateField: 'legality_review_on', breakdown: 'legality_conclusion' },
  { id: 'normdocs.repealed', kind: 'count', ledger: 'normdocs.document', label: '废止规范性文件', unit: '件', where: { effect: '已废止' }, dateField: 'effect_changed_on' },
  { id: 'normdocs.in_force', kind: 'count', ledger: 'normdocs.document', label: '现行有效规范性文件', unit: '件', where: { effect: ['现行有效', '已修改'] }, snapshot: true },
  { id: 'normdocs.cleaned', kind: 'count', ledger: 'normdocs.cleanup', label: '清理规范性文件', unit: '件', breakdown: 'result' },
  { id: 'normdocs.cleanup_kept', kind: 'count', ledger: 'normdocs.cleanup', label: '清理后继续有效', unit: '件', where: { result: '继续有效' } },
  { id: 'normdocs.cleanup_amended', kind: 'count', ledger: 'normdocs.cleanup', label: '清理后修改', unit: '件', where: { result: '修改' } },
  { id: 'normdocs.cleanup_repealed', kind: 'count', ledger: 'normdocs.cleanup', label: '清理后废止', unit: '件', where: { result: '废止' } },
]);
