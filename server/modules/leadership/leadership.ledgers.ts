import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled, forbiddenWhen, is, isNot, requiredWhen } from '../../platform/ledger/rules.ts';

export const LEADER_ROLES = ['党委（党组）主要负责人', '政府（行政）主要负责人', '其他班子成员', '部门（站所）主要负责人'] as const;
export const PRINCIPAL_ROLES = ['党委（党组）主要负责人', '政府（行政）主要负责人'] as const;
export const MEETING_KINDS = ['党委（党组）会议', '政府常务会议（主任办公会议）', '党政联席会议', '法治建设领导小组（委员会）会议', '其他专题会议'] as const;
export const LAW_AGENDA = ['专题听取法治建设工作汇报', '研究部署法治建设工作', '研究解决法治建设重大问题', '审议法治建设重要文件', '述法评议'] as const;
export const ISSUE_CATEGORIES = ['法治工作机构和队伍建设', '综合行政执法改革', '法治建设经费保障', '重大矛盾纠纷和信访积案化解', '重大行政决策和重大项目法律风险', '法治阵地和公共法律服务体系建设', '执法监督发现问题整改', '历史遗留问题', '其他'] as const;
export const ISSUE_PROGRESS = ['正在推进', '已解决', '长期坚持'] as const;
export const REPORT_FORMS = ['会议述法', '书面述法', '年终述职中同步述法'] as const;
export const EVALUATIONS = ['好', '较好', '一般', '差'] as const;


/** 领导班子成员: who must report on their law duties (the denominator of 述法 coverage) */
export const leaderLedger = defineLedger({
  name: 'leadership.leader',
  table: 'leadership_leader',
  label: '领导班子成员名册',
  noun: '班子成员',
  module: 'leadership',
  titleFields: ['name', 'position'],
  defaultSort: { field: 'sort_no', dir: 'asc' },
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 20, searchable: true, list: true },
    { name: 'position', label: '职务', type: 'text', required: true, maxLength: 40, searchable: true, list: true, hint: '如：党委书记、镇长、党委委员、副镇长、司法所所长' },
    { name: 'role', label: '身份类别', type: 'dict', required: true, options: LEADER_ROLES, filter: true, list: true, hint: '党委和政府主要负责人是推进法治建设第一责任人' },
    { name: 'duties', label: '分管工作', type: 'textarea', maxLength: 300, searchable: true },
    { name: 'phone', label: '联系电话', type: 'phone', personal: 'phone' },
    { name: 'took_office_on', label: '任职日期', type: 'date', required: true },
    { name: 'in_office', label: '是否在任', type: 'bool', required: true, filter: true, list: true },
    { name: 'left_office_on', label: '离任日期', type: 'date' },
    { name: 'sort_no', label: '排序号', type: 'int', min: 0, max: 999 },
  ],
  rules: [
    dateNotBefore('left_office_on', 'took_office_on', '离任日期不能早于任职日期'),
    requiredWhen('left_office_on', is('in_office', false), '已离任的须填写离任日期'),
    forbiddenWhen('left_office_on', is('in_office', true), '在任的不应填写离任日期'),
  ],
});

/**
 * 会议台账: meetings where leaders heard rule-of-law reports or decided rule-of-law matters; law study
 * (中心组学法, 会前学法) is kept once, in the 领导干部学法 ledger (study.session), not here
 */
export const meetingLedger = defineLedger({
  name: 'leadership.meeting',
  table: 'leadership_meeting',
  label: '研究法治建设会议台账',
  noun: '会议',
  module: 'leadership',
  titleFields: ['meeting_on', 'topic'],
  defaultSort: { field: 'meeting_on', dir: 'desc' },
  dateField: 'meeting_on',
  fields: [
    { name: 'meeting_on', label: '会议日期', type: 'date', required: true, filter: true, list: true },
    { name: 'meeting_kind', label: '会议类型', type: 'dict', required: true, options: MEETING_KINDS, filter: true, list: true },
    { name: 'session', label: '会议届次', type: 'text', maxLength: 40, hint: '如：镇党委会2025年第12次会议' },
    { name: 'agenda_kind', label: '法治议题类别', type: 'dict', required: true, options: LAW_AGENDA, filter: true, list: true },
    { name: 'topic', label: '议题', type: 'text', required: true, maxLength: 120, searchable: true, list: true },
    { name: 'chaired_by', label: '主持人', type: 'text', required: true, maxLength: 20, searchable: true, list: true },
    { name: 'chair_role', label: '主持人身份', type: 'dict', required: true, options: LEADER_ROLES, filter: true },
    { name: 'reporter', label: '汇报人', type: 'text', maxLength: 40, searchable: true },
    { name: 'participants', label: '参会人数', type: 'int', required: true, min: 1, max: 2000 },
    { name: 'advisor_attended', label: '法律顾问是否列席', type: 'bool', filter: true },
    { name: 'content', label: '会议内容', type: 'textarea', maxLength: 3000, searchable: true },
    { name: 'decisions', label: '研究决定事项', type: 'textarea', maxLength: 2000, searchable: true },
    { name: 'issues_decided', label: '研究解决问题（个）', type: 'int', min: 0, max: 50 },
    { name: 'minutes_no', label: '会议纪要编号', type: 'text', maxLength: 40, searchable: true },
  ],
  rules: [
    requiredWhen('reporter', is('agenda_kind', '专题听取法治建设工作汇报'), '听取汇报的须填写汇报人'),
    requiredWhen('decisions', is('agenda_kind', '研究解决法治建设重大问题'), '研究解决重大问题的须填写研究决定事项'),
    { field: 'issues_decided', message: '研究解决重大问题的须填写解决问题个数（至少1个）', check: (r) => r['agenda_kind'] !== '研究解决法治建设重大问题' || Number(r['issues_decided'] ?? 0) >= 1 },
  ],
});

/** 重大事项、重要问题: what the leaders took up and resolved in rule-of-law work ("解决重大事项、重要问题2个") */
export const issueLedger = defineLedger({
  name: 'leadership.issue',
  table: 'leadership_issue',
  label: '法治建设重大事项（重要问题）台账',
  noun: '重大事项',
  module: 'leadership',
  titleFields: ['title'],
  defaultSort: { field: 'raised_on', dir: 'desc' },
  dateField: 'raised_on',
  fields: [
    { name: 'title', label: '事项（问题）名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'category', label: '类别', type: 'dict', required: true, options: ISSUE_CATEGORIES, filter: true, list: true },
    { name: 'source', label: '来源', type: 'dict', required: true, options: ['专题听取汇报', '督察反馈', '调研发现', '上级交办', '群众反映', '其他'], filter: true },
    { name: 'raised_on', label: '提出日期', type: 'date', required: true, filter: true, list: true },
    { name: 'meeting_id', label: '研究会议', type: 'ref', ref: 'leadership.meeting' },
    { name: 'lead_leader', label: '牵头领导', type: 'text', required: true, maxLength: 20, searchable: true, list: true },
    { name: 'responsible_unit', label: '责任单位', type: 'text', required: true, maxLength: 60, searchable: true },
    { name: 'description', label: '问题描述', type: 'textarea', maxLength: 2000, searchable: true },
    { name: 'measures', label: '解决措施', type: 'textarea', required: true, maxLength: 2000, searchable: true },
    { name: 'deadline', label: '完成时限', type: 'date', filter: true, deadline: { doneBy: 'resolved_on' } },
    { name: 'progress', label: '办理状态', type: 'dict', required: true, options: ISSUE_PROGRESS, filter: true, list: true },
    { name: 'resolved_on', label: '解决日期', type: 'date', filter: true },
    { name: 'result', label: '解决成效', type: 'textarea', maxLength: 2000, searchable: true },
  ],
  rules: [
    dateNotBefore('deadline', 'raised_on', '完成时限不能早于提出日期'),
    dateNotBefore('resolved_on', 'raised_on', '解决日期不能早于提出日期'),
    requiredWhen('resolved_on', is('progress', '已解决'), '已解决的须填写解决日期'),
    forbiddenWhen('resolved_on', isNot('progress', '已解决'), '未解决的不应填写解决日期'),
    requiredWhen('result', is('progress', '已解决'), '已解决的须填写解决成效'),
  ],
});

/** 述法: each leader's annual report on performing the duties of promoting rule of law */
export const lawReportLedger = defineLedger({
  name: 'leadership.law_report',
  table: 'leadership_law_report',
  label: '述法台账',
  noun: '述法记录',
  module: 'leadership',
  titleFields: ['report_year', 'position'],
  defaultSort: { field: 'reported_on', dir: 'desc' },
  dateField: 'reported_on',
  fields: [
    { name: 'report_year', label: '述法年度', type: 'int', required: true, min: 2015, max: 2100, filter: true, list: true },
    { name: 'leader_id', label: '述法人', type: 'ref', ref: 'leadership.leader', required: true, filter: true, list: true },
    { name: 'position', label: '述法时职务', type: 'text', required: true, maxLength: 40, searchable: true, list: true },
    { name: 'role', label: '身份类别', type: 'dict', required: true, options: LEADER_ROLES, filter: true, list: true },
    { name: 'form', label: '述法形式', type: 'dict', required: true, options: REPORT_FORMS, filter: true, list: true },
    { name: 'reported_on', label: '述法日期', type: 'date', required: true, filter: true, list: true },
    { name: 'meeting', label: '述法会议', type: 'text', maxLength: 80, hint: '会议述法填会议名称，如：2025年度党政主要负责人述法评议会' },
    { name: 'summary', label: '述法要点', type: 'textarea', maxLength: 3000, searchable: true },
    { name: 'evaluation', label: '评议等次', type: 'dict', options: EVALUATIONS, filter: true, list: true },
    { name: 'score', label: '测评得分', type: 'decimal', min: 0, max: 100 },
    { name: 'problems', label: '存在问题', type: 'textarea', maxLength: 2000 },
    { name: 'rectification', label: '整改措施', type: 'textarea', maxLength: 2000 },
  ],
  rules: [
    // 述法 reports on a year, at its end or early in the next one
    { field: 'reported_on', message: '述法日期须在述法年度内或次年', check: (r) => !filled(r, 'reported_on') || !filled(r, 'report_year') || [Number(r['report_year']), Number(r['report_year']) + 1].includes(Number(String(r['reported_on']).slice(0, 4))) },
    requiredWhen('meeting', is('form', '会议述法'), '会议述法须填写述法会议'),
    requiredWhen('rectification', is('evaluation', '一般', '差'), '评议等次为一般或差的须填写整改措施'),
  ],
});
