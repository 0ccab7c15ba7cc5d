import { defineIndicators } from '../../platform/indicators/indicator.types.ts';
import { PUBLISHABLE } from './disclosure.workflow.ts';

const I = 'disclosure.item';
const A = 'disclosure.application';
const PUBLISHED = { published_on: { present: true }, secrecy_result: PUBLISHABLE } as const;

export const disclosureIndicators = defineIndicators([
  // "主动公开政府信息156条，其中领导分工1条、机构职能1条…"
  { id: 'disclosure.items_published', kind: 'count', ledger: I, label: '主动公开政府信息', unit: '条', where: PUBLISHED, dateField: 'published_on', breakdown: 'category' },
  { id: 'disclosure.items_made', kind: 'count', ledger: I, label: '形成的应主动公开信息', unit: '条', dateField: 'made_on', breakdown: 'category', description: '期间形成（变更）的主动公开信息，含尚未发布的' },
  { id: 'disclosure.items_reviewed', kind: 'count', ledger: I, label: '经保密审查的公开信息', unit: '条', where: { secrecy_result: { present: true } }, dateField: 'secrecy_reviewed_on', breakdown: 'secrecy_result' },
  { id: 'disclosure.items_review_rate', kind: 'ratio', label: '公开信息保密审查率', unit: '%', numerator: 'disclosure.items_reviewed', denominator: 'disclosure.items_made', digits: 0 },
  { id: 'disclosure.applications_received', kind: 'count', ledger: A, label: '本年新收政府信息公开申请', unit: '件', dateField: 'received_on', breakdown: 'applicant_kind' },
  { id: 'disclosure.applications_by_channel', kind: 'count', ledger: A, label: '政府信息公开申请（按申请方式）', unit: '件', dateField: 'received_on', breakdown: 'channel' },
  { id: 'disclosure.applications_answered', kind: 'count', ledger: A, label: '办结政府信息公开申请', unit: '件', where: { outcome: { present: true } }, dateField: 'answered_on', breakdown: 'outcome' },
  { id: 'disclosure.applications_disclosed', kind: 'count', ledger: A, label: '予以公开或部分公开', unit: '件', where: { outcome: ['予以公开', '部分公开'] }, dateField: 'answered_on', breakdown: 'outcome' },
  { id: 'disclosure.disclosure_rate', kind: 'ratio', label: '依申请公开的公开率', unit: '%', numerator: 'disclosure.applications_disclosed', denominator: 'disclosure.applications_answered', digits: 1 },
  { id: 'disclosure.applications_refused', kind: 'count', ledger: A, label: '不予公开', unit: '件', where: { outcome: '不予公开' }, dateField: 'answered_on', breakdown: 'outcome_reason' },
  { id: 'disclosure.applications_extended', kind: 'count', ledger: A, label: '延期答复的申请', unit: '件', where: { extension_approved_on: { present: true } }, dateField: 'extension_approved_on' },
]);
