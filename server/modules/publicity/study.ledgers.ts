import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { atMost, dateNotBefore, filled, is, notGreaterThan, numberOf, requiredWhen, text, yearOf } from '../../platform/ledger/rules.ts';

export const STUDY_KINDS = ['党委（党组）理论学习中心组学法', '党委（党组）会议会前学法', '政府常务会议（办公会议）会前学法', '机关干部集中学法', '专题法治讲座', '其他学法活动'] as const;
/** kinds held at the start of a meeting: the meeting must be named */
export const PRE_MEETING_KINDS = ['党委（党组）会议会前学法', '政府常务会议（办公会议）会前学法'] as const;

export const STUDY_CONTENTS = [
  '习近平法治思想', '宪法', '民法典', '行政处罚法', '行政许可法', '行政强制法', '行政复议法', '行政诉讼法', '国家赔偿法', '政府信息公开条例',
  '重大行政决策程序暂行条例', '法治政府建设实施纲要（2021—2025年）', '党政主要负责人履行推进法治建设第一责任人职责规定', '信访工作条例', '优化营商环境条例',
  '安全生产法', '国家安全法', '保守国家秘密法', '反有组织犯罪法', '反电信网络诈骗法', '乡村振兴促进法', '土地管理法', '未成年人保护法', '中国共产党纪律处分条例', '其他法律法规',
] as const;

export const LECTURER_ROLES = ['党政主要负责人', '班子成员（分管领导）', '法律顾问（律师）', '司法所工作人员', '上级部门干部', '党校（高校）教师', '其他'] as const;

export const TRAINING_KINDS = ['行政执法人员培训', '法律顾问培训', '人民调解员培训', '法律明白人培训', '村（社区）“两委”干部法治培训', '网格员法治培训', '领导干部法治培训', '公职人员学法用法培训', '普法志愿者培训', '其他培训'] as const;
export const TRAINING_MODES = ['集中面授', '线上培训', '以会代训', '案例研讨', '现场观摩', '模拟执法演练', '跟岗轮训'] as const;

export const EXAM_KINDS = ['年度学法用法考试', '行政执法人员学法考试', '领导干部任前法律知识考试', '法律知识测试', '其他考试'] as const;
export const EXAM_MODES = ['网上考试', '闭卷笔试', '开卷笔试'] as const;


export const sessionLedger = defineLedger({
  name: 'study.session',
  table: 'study_session',
  label: '领导干部学法',
  noun: '学法活动',
  module: 'publicity',
  titleFields: ['held_on', 'topic'],
  defaultSort: { field: 'held_on', dir: 'desc' },
  dateField: 'held_on',
  fields: [
    { name: 'held_on', label: '学习日期', type: 'date', required: true, filter: true, list: true, group: '学习' },
    { name: 'kind', label: '学法形式', type: 'dict', required: true, options: STUDY_KINDS, filter: true, list: true, group: '学习' },
    { name: 'meeting', label: '所在会议', type: 'text', maxLength: 60, hint: '会前学法填写会议名称和届次，如“镇党委会2025年第12次会议”', group: '学习' },
    { name: 'topic', label: '学习主题', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '学习' },
    { name: 'contents', label: '学习的法律法规', type: 'dicts', required: true, options: STUDY_CONTENTS, filter: true, group: '学习' },
    { name: 'in_plan', label: '是否列入年度学法计划', type: 'bool', filter: true, group: '学习' },
    { name: 'host', label: '主持人', type: 'text', maxLength: 20, group: '学习' },
    { name: 'lecturer', label: '主讲（领学）人', type: 'text', maxLength: 40, searchable: true, list: true, group: '学习' },
    { name: 'lecturer_role', label: '主讲人身份', type: 'dict', options: LECTURER_ROLES, filter: true, group: '学习' },
    { name: 'location', label: '学习地点', type: 'text', maxLength: 60, group: '学习' },
    { name: 'hours', label: '学习时长（小时）', type: 'decimal', min: 0.25, max: 24, group: '学习' },
    { name: 'planned', label: '应参加人数', type: 'int', required: true, min: 1, max: 5000, group: '参学' },
    { name: 'attendees', label: '实际参加人数', type: 'int', required: true, min: 0, max: 5000, list: true, group: '参学' },
    { name: 'absent_note', label: '缺席人员及原因', type: 'text', maxLength: 200, group: '参学' },
    { name: 'summary', label: '学习研讨情况', type: 'textarea', maxLength: 2000, searchable: true, hint: '签到表、学习笔记、研讨发言材料作为附件上传', group: '参学' },
  ],
  rules: [
    notGreaterThan('attendees', 'planned', '实际参加人数不能多于应参加人数'),
    requiredWhen('meeting', is('kind', ...PRE_MEETING_KINDS), '会前学法须填写所在会议'),
    requiredWhen('absent_note', (r) => !atMost(r, 'planned', 'attendees'), '有人员缺席的，须注明缺席人员及原因'),
  ],
});

export const trainingLedger = defineLedger({
  name: 'study.training',
  table: 'study_training',
  label: '法治培训',
  noun: '培训',
  module: 'publicity',
  titleFields: ['title'],
  defaultSort: { field: 'start_on', dir: 'desc' },
  dateField: 'start_on',
  fields: [
    { name: 'title', label: '培训名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '培训' },
    { name: 'kind', label: '培训类别', type: 'dict', required: true, options: TRAINING_KINDS, filter: true, list: true, group: '培训' },
    { name: 'mode', label: '培训方式', type: 'dict', required: true, options: TRAINING_MODES, filter: true, group: '培训' },
    { name: 'start_on', label: '开始日期', type: 'date', required: true, filter: true, list: true, group: '培训' },
    { name: 'end_on', label: '结束日期', type: 'date', required: true, group: '培训' },
    { name: 'organiser', label: '主办单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, group: '培训' },
    { name: 'location', label: '培训地点', type: 'text', maxLength: 60, group: '培训' },
    { name: 'lecturer', label: '授课人', type: 'text', maxLength: 100, searchable: true, group: '培训' },
    { name: 'content', label: '培训内容', type: 'textarea', maxLength: 2000, searchable: true, group: '培训' },
    { name: 'trainees', label: '参训人次', type: 'int', required: true, min: 1, max: 100_000, list: true, group: '成效' },
    { name: 'hours', label: '培训学时', type: 'decimal', required: true, min: 0.5, max: 200, hint: '每名学员获得的学时', group: '成效' },
    { name: 'assessed', label: '是否组织考核', type: 'bool', group: '成效' },
    { name: 'passed', label: '考核合格人数', type: 'int', min: 0, max: 100_000, group: '成效' },
  ],
  rules: [
    dateNotBefore('end_on', 'start_on', '结束日期不能早于开始日期'),
    notGreaterThan('passed', 'trainees', '考核合格人数不能多于参训人次'),
    { field: 'passed', message: '组织考核的须填写考核合格人数，未组织考核的不应填写', check: (r) => (r['assessed'] === true) === filled(r, 'passed') },
  ],
});

export const examLedger = defineLedger({
  name: 'study.exam',
  table: 'study_exam',
  label: '学法考试',
  noun: '考试',
  module: 'publicity',
  titleFields: ['name'],
  defaultSort: { field: 'exam_on', dir: 'desc' },
  dateField: 'exam_on',
  fields: [
    { name: 'exam_year', label: '考试年度', type: 'int', required: true, min: 2000, max: 2100, filter: true, list: true, group: '考试' },
    { name: 'name', label: '考试名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '考试' },
    { name: 'kind', label: '考试类别', type: 'dict', required: true, options: EXAM_KINDS, filter: true, list: true, group: '考试' },
    { name: 'mode', label: '考试形式', type: 'dict', required: true, options: EXAM_MODES, filter: true, group: '考试' },
    { name: 'exam_on', label: '考试日期', type: 'date', required: true, filter: true, list: true, group: '考试' },
    { name: 'organiser', label: '组织单位', type: 'text', required: true, maxLength: 60, group: '考试' },
    { name: 'candidates', label: '参考对象', type: 'text', maxLength: 100, hint: '如“镇机关全体干部职工、站所负责人”', group: '考试' },
    { name: 'pass_score', label: '合格分数线', type: 'int', required: true, min: 1, max: 100, hint: '按百分制', group: '成绩' },
    { name: 'excellent_score', label: '优秀分数线', type: 'int', required: true, min: 1, max: 100, group: '成绩' },
    { name: 'required', label: '应参考人数', type: 'int', required: true, min: 1, max: 100_000, group: '成绩' },
    { name: 'participants', label: '实际参考人数', type: 'int', required: true, min: 0, max: 100_000, list: true, group: '成绩' },
    { name: 'passed', label: '合格人数', type: 'int', required: true, min: 0, max: 100_000, list: true, group: '成绩' },
    { name: 'excellent', label: '优秀人数', type: 'int', required: true, min: 0, max: 100_000, list: true, group: '成绩' },
    { name: 'average_score', label: '平均分', type: 'decimal', min: 0, max: 100, group: '成绩' },
    { name: 'absent_note', label: '缺考情况说明', type: 'textarea', maxLength: 500, group: '成绩' },
  ],
  rules: [
    // an annual exam slips into the next January–March at the latest
    { field: 'exam_on', message: '考试日期应在考试年度内（最迟次年3月底）', check: (r) => yearOf(r, 'exam_on') === null || numberOf(r, 'exam_year') === null || yearOf(r, 'exam_on') === Number(r['exam_year']) || (yearOf(r, 'exam_on') === Number(r['exam_year']) + 1 && text(r, 'exam_on').slice(5, 7) <= '03') },
    notGreaterThan('participants', 'required', '实际参考人数不能多于应参考人数'),
    notGreaterThan('passed', 'participants', '合格人数不能多于实际参考人数'),
    notGreaterThan('excellent', 'passed', '优秀人数不能多于合格人数'),
    { field: 'excellent_score', message: '优秀分数线应高于合格分数线', check: (r) => numberOf(r, 'excellent_score') === null || numberOf(r, 'pass_score') === null || Number(r['excellent_score']) > Number(r['pass_score']) },
    requiredWhen('absent_note', (r) => !atMost(r, 'required', 'participants'), '有人缺考的，须说明缺考人员及原因'),
  ],
});
