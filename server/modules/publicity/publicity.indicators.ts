import { defineIndicators } from '../../platform/indicators/indicator.types.ts';
import { PRE_MEETING_KINDS } from './study.ledgers.ts';
import { SENDING_LAW_FORMS } from './publicity.ledgers.ts';

export const publicityIndicators = defineIndicators([
  // 普法宣传
  { id: 'publicity.activities', kind: 'count', ledger: 'publicity.activity', label: '开展普法宣传活动', unit: '次', breakdown: 'node', description: '期间开展的全部普法宣传活动，按宣传节点分列' },
  { id: 'publicity.activities_by_form', kind: 'count', ledger: 'publicity.activity', label: '普法宣传活动（按形式）', unit: '次', breakdown: 'form' },
  { id: 'publicity.activities_by_law', kind: 'count', ledger: 'publicity.activity', label: '普法宣传活动（按宣传的法律法规）', unit: '次', breakdown: 'laws', description: '一次活动宣传多部法律的，分别计入每部法律' },
  { id: 'publicity.activities_by_audience', kind: 'count', ledger: 'publicity.activity', label: '普法宣传活动（按宣传对象）', unit: '次', breakdown: 'audience' },
  { id: 'publicity.constitution_week', kind: 'count', ledger: 'publicity.activity', label: '开展“12·4”国家宪法日暨宪法宣传周活动', unit: '次', where: { node: '12·4 国家宪法日（宪法宣传周）' } },
  { id: 'publicity.civil_code_month', kind: 'count', ledger: 'publicity.activity', label: '开展民法典宣传月活动', unit: '次', where: { node: '民法典宣传月（5月）' } },
  { id: 'publicity.lectures', kind: 'count', ledger: 'publicity.activity', label: '举办法治讲座', unit: '场', where: { form: '法治讲座' } },
  { id: 'publicity.sending_law', kind: 'count', ledger: 'publicity.activity', label: '开展送法进村（社区）、进校园、进企业、进机关活动', unit: '次', where: { form: SENDING_LAW_FORMS }, breakdown: 'form' },
  { id: 'publicity.case_explanations', kind: 'count', ledger: 'publicity.activity', label: '开展以案释法活动', unit: '次', where: { form: '以案释法' } },
  { id: 'publicity.participants', kind: 'sum', ledger: 'publicity.activity', field: 'participants', label: '惠及群众', unit: '人次', breakdown: 'form', description: '普法活动受教育群众人次之和，线上宣传按阅读（观看）人次计' },
  { id: 'publicity.materials', kind: 'sum', ledger: 'publicity.activity', field: 'materials', label: '发放普法宣传资料', unit: '份', description: '宣传册、折页和宣传品份数之和' },
  { id: 'publicity.consultations', kind: 'sum', ledger: 'publicity.activity', field: 'consultations', label: '解答群众法律咨询', unit: '人次' },
  // “谁执法谁普法”责任清单
  { id: 'publicity.duties', kind: 'count', ledger: 'publicity.duty', label: '纳入“谁执法谁普法”责任清单的单位', unit: '个', breakdown: 'completed', description: '按清单印发日期计入期间' },
  // completion follows the activities recorded under each duty (and a labelled opening balance), never a typed status
  { id: 'publicity.duties_completed', kind: 'count', ledger: 'publicity.duty', label: '完成年度普法责任的单位', unit: '个', where: { completed: true }, description: '关联的普法活动（含注明来源的期初数）达到计划次数的清单事项' },
  { id: 'publicity.duty_activities', kind: 'count', ledger: 'publicity.activity', label: '落实“谁执法谁普法”责任清单开展普法活动', unit: '次', where: { duty_id: { present: true } }, description: '关联到责任清单事项的普法活动' },
  { id: 'publicity.duty_opening', kind: 'sum', ledger: 'publicity.duty', field: 'opening_times', label: '责任清单期初数（系统启用前已开展活动）', unit: '次', description: '清单事项中注明来源的期初数之和，单独列示，不含逐条录入的活动' },
  { id: 'publicity.duty_completion_rate', kind: 'ratio', label: '普法责任清单完成率', unit: '%', numerator: 'publicity.duties_completed', denominator: 'publicity.duties', digits: 0 },
  // 学法
  { id: 'publicity.study_sessions', kind: 'count', ledger: 'study.session', label: '组织领导干部学法', unit: '次', breakdown: 'kind' },
  { id: 'publicity.central_group_sessions', kind: 'count', ledger: 'study.session', label: '召开理论学习中心组专题学法', unit: '次', where: { kind: '党委（党组）理论学习中心组学法' } },
  { id: 'publicity.pre_meeting_sessions', kind: 'count', ledger: 'study.session', label: '开展会前学法', unit: '次', where: { kind: PRE_MEETING_KINDS }, breakdown: 'kind' },
  { id: 'publicity.xi_thought_sessions', kind: 'count', ledger: 'study.session', label: '专题学习习近平法治思想', unit: '次', where: { contents: '习近平法治思想' }, description: '学习内容含习近平法治思想的学法活动' },
  { id: 'publicity.study_attendance', kind: 'sum', ledger: 'study.session', field: 'attendees', label: '参加学法', unit: '人次' },
  { id: 'publicity.study_expected', kind: 'sum', ledger: 'study.session', field: 'planned', label: '应参加学法', unit: '人次' },
  { id: 'publicity.study_attendance_rate', kind: 'ratio', label: '学法参学率', unit: '%', numerator: 'publicity.study_attendance', denominator: 'publicity.study_expected', digits: 1 },
  // 培训
  { id: 'publicity.trainings', kind: 'count', ledger: 'study.training', label: '举办法治培训', unit: '场', breakdown: 'kind' },
  { id: 'publicity.trainees', kind: 'sum', ledger: 'study.training', field: 'trainees', label: '培训', unit: '人次', breakdown: 'kind', description: '各类法治培训参训人次之和' },
  { id: 'publicity.enforcement_trainees', kind: 'sum', ledger: 'study.training', field: 'trainees', label: '培训行政执法人员', unit: '人次', where: { kind: '行政执法人员培训' } },
  { id: 'publicity.legal_volunteer_trainees', kind: 'sum', ledger: 'study.training', field: 'trainees', label: '培训法律明白人', unit: '人次', where: { kind: '法律明白人培训' } },
  // 学法考试
  { id: 'publicity.exams', kind: 'count', ledger: 'study.exam', label: '组织学法考试', unit: '次', breakdown: 'kind' },
  { id: 'publicity.exam_required', kind: 'sum', ledger: 'study.exam', field: 'required', label: '学法考试应参考', unit: '人' },
  { id: 'publicity.exam_participants', kind: 'sum', ledger: 'study.exam', field: 'participants', label: '学法考试实际参考', unit: '人' },
  { id: 'publicity.exam_passed', kind: 'sum', ledger: 'study.exam', field: 'passed', label: '学法考试合格', unit: '人' },
  { id: 'publicity.exam_excellent', kind: 'sum', ledger: 'study.exam', field: 'excellent', label: '学法考试优秀', unit: '人' },
  { id: 'publicity.exam_participation_rate', kind: 'ratio', label: '学法考试参考率', unit: '%', numerator: 'publicity.exam_participants', denominator: 'publicity.exam_required', digits: 0 },
  { id: 'publicity.exam_pass_rate', kind: 'ratio', label: '学法考试合格率', unit: '%', numerator: 'publicity.exam_passed', denominator: 'publicity.exam_participants', digits: 0 },
  { id: 'publicity.exam_excellent_rate', kind: 'ratio', label: '学法考试优秀率', unit: '%', numerator: 'publicity.exam_excellent', denominator: 'publicity.exam_participants', digits: 0 },
]);
