import { defineIndicators } from '../../platform/indicators/indicator.types.ts';
import { PRINCIPAL_ROLES } from './leadership.ledgers.ts';

export const leadershipIndicators = defineIndicators([
  { id: 'leadership.report_hearings', kind: 'count', ledger: 'leadership.meeting', label: '专题听取法治政府建设工作情况汇报', unit: '次', where: { agenda_kind: '专题听取法治建设工作汇报' }, breakdown: 'meeting_kind' },
  { id: 'leadership.law_meetings', kind: 'count', ledger: 'leadership.meeting', label: '研究法治建设工作会议', unit: '次', breakdown: 'agenda_kind', description: '听取汇报、研究部署、研究重大问题、审议重要文件和述法评议的全部会议' },
  { id: 'leadership.principal_chaired', kind: 'count', ledger: 'leadership.meeting', label: '党政主要负责人主持研究法治建设', unit: '次', where: { chair_role: [...PRINCIPAL_ROLES] } },
  { id: 'leadership.advisor_attended', kind: 'count', ledger: 'leadership.meeting', label: '法律顾问列席研究法治建设会议', unit: '次', where: { advisor_attended: true } },
  { id: 'leadership.issues_raised', kind: 'count', ledger: 'leadership.issue', label: '研究法治建设重大事项、重要问题', unit: '个', breakdown: 'category' },
  { id: 'leadership.issues_resolved', kind: 'count', ledger: 'leadership.issue', label: '解决法治政府建设重大事项、重要问题', unit: '个', where: { progress: '已解决' }, dateField: 'resolved_on', breakdown: 'category', description: '期间内解决的（按解决日期）' },
  { id: 'leadership.issues_open', kind: 'count', ledger: 'leadership.issue', label: '正在推进的重大事项、重要问题', unit: '个', where: { progress: '正在推进' } },
  { id: 'leadership.law_reports', kind: 'count', ledger: 'leadership.law_report', label: '开展述法', unit: '人次', breakdown: 'form' },
  { id: 'leadership.principal_law_reports', kind: 'count', ledger: 'leadership.law_report', label: '党政主要负责人述法', unit: '人次', where: { role: [...PRINCIPAL_ROLES] } },
  { id: 'leadership.law_reports_good', kind: 'count', ledger: 'leadership.law_report', label: '述法评议等次为“好”', unit: '人次', where: { evaluation: '好' } },
  { id: 'leadership.leaders', kind: 'count', ledger: 'leadership.leader', label: '在任领导班子成员和站所负责人', unit: '名', snapshot: true, where: { in_office: true }, breakdown: 'role' },
  { id: 'leadership.principal_leaders', kind: 'count', ledger: 'leadership.leader', label: '党政主要负责人', unit: '名', snapshot: true, where: { in_office: true, role: [...PRINCIPAL_ROLES] } },
  { id: 'leadership.law_report_coverage', kind: 'ratio', label: '述法覆盖率', unit: '%', numerator: 'leadership.law_reports', denominator: 'leadership.leaders', digits: 0 },
  { id: 'leadership.principal_law_report_coverage', kind: 'ratio', label: '党政主要负责人述法覆盖率', unit: '%', numerator: 'leadership.principal_law_reports', denominator: 'leadership.principal_leaders', digits: 0 },
]);
