import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { caseRules, KINDS, organRules, OUTCOMES, STAGES } from './reconsideration.rules.ts';
import { ORGAN_ROLES, reconsiderationCaseWorkflow, reconsiderationOrganWorkflow } from './reconsideration.workflow.ts';

// the acts towns and county departments are actually challenged on; 行政协议 and 行政裁决 (land title disputes) are common for towns
export const ACT_CATEGORIES = ['行政处罚', '行政强制', '行政许可', '信息公开', '征收补偿', '不履行法定职责', '行政协议', '行政裁决', '其他'] as const;

export const caseLedger = defineLedger({
  name: 'reconsideration.case',
  // answer within 10 working days (5 simplified), defence within 15 days; the organ decides within 60 (+30) or 30 days (simplified)
  workflow: reconsiderationCaseWorkflow(),
  table: 'reconsideration_case',
  label: '行政复议和行政应诉案件',
  noun: '案件',
  module: 'reconsideration',
  titleFields: ['case_no', 'act'],
  defaultSort: { field: 'filed_on', dir: 'desc' },
  dateField: 'filed_on',
  uniqueFields: ['case_no'],
  fields: [
    { name: 'kind', label: '案件类型', type: 'dict', required: true, options: KINDS, filter: true, list: true, group: '案件' },
    { name: 'case_no', label: '案号', type: 'text', required: true, maxLength: 50, searchable: true, list: true, group: '案件', hint: '复议如“演府复〔2025〕12号”，诉讼如“（2025）演0101行初12号”' },
    { name: 'filed_on', label: '受理（立案）日期', type: 'date', required: true, filter: true, list: true, group: '案件' },
    { name: 'received_on', label: '收到答复（应诉）通知书日期', type: 'date', required: true, filter: true, group: '案件', hint: '复议：收到申请书副本之日起10个工作日内（简易程序5个工作日内）提交书面答复和证据（行政复议法第四十八、五十四、八十八条）；诉讼：收到起诉状副本之日起15日内提交答辩状和证据（行政诉讼法第六十七条）' },
    { name: 'organ', label: '复议机关（审理法院）', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, group: '案件' },
    { name: 'procedure', label: '审理程序', type: 'dict', options: ['普通程序', '简易程序'], filter: true, group: '案件', hint: '行政复议法第六十二条：普通程序60日内决定（经批准可延长30日），简易程序30日内决定' },
    { name: 'stage', label: '办理阶段', type: 'dict', required: true, options: STAGES, filter: true, list: true, group: '案件', hint: '行政复议：受理、审理、决定；行政诉讼：一审、二审、再审、执行' },
    { name: 'appeal_case_no', label: '二审（再审）案号', type: 'text', maxLength: 50, searchable: true, group: '案件' },
    { name: 'after_reconsideration', label: '是否经复议后起诉', type: 'bool', filter: true, group: '案件' },
    { name: 'applicant_type', label: '申请人（原告）类型', type: 'dict', required: true, options: ['自然人', '法人或其他组织'], filter: true, group: '当事人' },
    { name: 'applicant_person', label: '申请人（原告）姓名', type: 'text', maxLength: 40, personal: 'name', group: '当事人' },
    { name: 'applicant_org', label: '申请人（原告）单位名称', type: 'text', maxLength: 80, searchable: true, group: '当事人' },
    { name: 'applicant_id', label: '申请人（原告）证件号码', type: 'party_id', personal: 'id_number', group: '当事人' },
    { name: 'applicant_phone', label: '申请人（原告）联系电话', type: 'phone', personal: 'phone', group: '当事人' },
    { name: 'applicant_count', label: '申请人（原告）人数', type: 'int', required: true, min: 1, max: 9999, group: '当事人' },
    { name: 'respondent', label: '被申请人（被告）', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '当事人' },
    { name: 'co_respondent', label: '共同被申请人（共同被告）', type: 'text', maxLength: 60, searchable: true, group: '当事人', hint: '复议维持后起诉的，复议机关为共同被告' },
    { name: 'act_category', label: '行政行为类别', type: 'dict', required: true, options: ACT_CATEGORIES, filter: true, list: true, group: '被申请（被诉）行为' },
    { name: 'act', label: '被申请（被诉）行政行为', type: 'text', required: true, maxLength: 200, searchable: true, list: true, group: '被申请（被诉）行为' },
    { name: 'act_doc_no', label: '行政行为文书编号', type: 'text', maxLength: 60, searchable: true, group: '被申请（被诉）行为' },
    { name: 'act_on', label: '行政行为作出日期', type: 'date', group: '被申请（被诉）行为' },
    { name: 'claim', label: '请求事项', type: 'textarea', maxLength: 2000, searchable: true, group: '被申请（被诉）行为' },
    { name: 'answered_on', label: '提交答复（答辩）日期', type: 'date', filter: true, group: '应诉' },
    { name: 'handler', label: '承办人', type: 'text', maxLength: 40, group: '应诉' },
    { name: 'agent', label: '委托代理人', type: 'text', maxLength: 80, group: '应诉', hint: '法律顾问、律师事务所及律师' },
    { name: 'hearing_on', label: '开庭（听证）日期', type: 'date', filter: true, group: '应诉' },
    { name: 'head_appeared', label: '负责人是否出庭应诉（参加听证）', type: 'bool', filter: true, list: true, group: '应诉', hint: '行政诉讼法第三条：被诉行政机关负责人应当出庭应诉；行政复议法第五十一条：被申请人的负责人应当参加听证' },
    { name: 'head_name', label: '出庭负责人', type: 'text', maxLength: 20, group: '应诉' },
    { name: 'head_title', label: '出庭负责人职务', type: 'text', maxLength: 30, group: '应诉' },
    { name: 'head_absence_reason', label: '负责人未出庭理由', type: 'text', maxLength: 200, group: '应诉' },
    { name: 'outcome', label: '决定（裁判）结果', type: 'dict', options: OUTCOMES, filter: true, list: true, group: '结果', hint: '以最新一级的决定或裁判为准' },
    { name: 'decided_on', label: '决定（裁判）日期', type: 'date', filter: true, group: '结果' },
    { name: 'lost', label: '是否败诉（被纠错）', type: 'bool', filter: true, list: true, group: '结果', hint: '撤销、变更、确认违法、确认无效、责令履行为败诉（被纠错）；调解、其他按实际情况判断' },
    { name: 'closed_on', label: '结案日期', type: 'date', filter: true, group: '结果' },
    { name: 'risk_notes', label: '风险分析及败诉原因、整改措施', type: 'textarea', maxLength: 3000, searchable: true, group: '结果' },
    { name: 'remarks', label: '备注', type: 'text', maxLength: 200, group: '结果' },
  ],
  rules: caseRules,
});

/** the decisions a 复议机关 makes on the merits (行政复议法 2023 arts. 63–69): 驳回 is 驳回行政复议请求 (art. 69) */
export const ORGAN_DECISIONS = ['变更', '撤销', '确认违法', '责令履行', '确认无效', '维持', '驳回'] as const;
/** why a reconsideration ends without a decision (art. 41); withdrawal is the common one (art. 74) */
export const TERMINATION_REASONS = ['申请人撤回申请', '申请人死亡且无近亲属或近亲属放弃', '法人或其他组织终止且无承受人或承受人放弃', '申请人与被申请人达成和解', '经调解达成协议', '其他法定情形'] as const;

export const organLedger = defineLedger({
  name: 'reconsideration.organ',
  // received → acceptance review (5 working days) → ordinary (60 +30) or simplified (30) → opinion → the head decides
  workflow: reconsiderationOrganWorkflow(),
  table: 'reconsideration_organ',
  label: '行政复议案件（复议机关）',
  noun: '复议案件',
  module: 'reconsideration',
  orgLevels: ['county'],
  roles: { create: ORGAN_ROLES.register, update: ORGAN_ROLES.register, import: ORGAN_ROLES.register, withdraw: ['county_admin', 'leader'] },
  titleFields: ['case_no', 'respondent'],
  defaultSort: { field: 'received_on', dir: 'desc' },
  dateField: 'received_on',
  uniqueFields: ['case_no'],
  fields: [
    { name: 'case_no', label: '复议案号', type: 'text', required: true, maxLength: 50, searchable: true, list: true, group: '申请', numbered: { series: 'reconsideration.organ_case_no', label: '行政复议案号', defaultFormat: '{机关简称}府复〔{年}〕{序号}号', assignOn: 'create', yearFrom: 'received_on' } },
    { name: 'received_on', label: '收到申请日期', type: 'date', required: true, filter: true, list: true, group: '申请', hint: '行政复议法第三十条：自收到申请之日起5个工作日内审查，期满未作出不予受理决定的视为受理' },
    { name: 'apply_method', label: '申请方式', type: 'dict', required: true, options: ['书面申请', '口头申请', '网上申请', '邮寄'], filter: true, group: '申请' },
    { name: 'applicant_type', label: '申请人类型', type: 'dict', required: true, options: ['自然人', '法人或其他组织'], filter: true, group: '申请人' },
    { name: 'applicant_person', label: '申请人姓名', type: 'text', maxLength: 40, personal: 'name', group: '申请人' },
    { name: 'applicant_org', label: '申请人单位名称', type: 'text', maxLength: 80, searchable: true, group: '申请人' },
    { name: 'applicant_phone', label: '申请人联系电话', type: 'phone', personal: 'phone', group: '申请人' },
    { name: 'respondent', label: '被申请人', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '被申请行为', hint: '行政复议法第二十四条：对本级人民政府工作部门、下一级人民政府（乡镇人民政府）的行政行为不服的，向县级人民政府申请' },
    { name: 'act_category', label: '行政行为类别', type: 'dict', required: true, options: ACT_CATEGORIES, filter: true, list: true, group: '被申请行为' },
    { name: 'act', label: '被申请行政行为', type: 'text', required: true, maxLength: 200, searchable: true, list: true, group: '被申请行为' },
    { name: 'claim', label: '复议请求', type: 'textarea', maxLength: 2000, searchable: true, redact: true, group: '被申请行为' },
    { name: 'accepted_on', label: '受理日期', type: 'date', filter: true, group: '受理审查' },
    { name: 'rejected_on', label: '不予受理决定日期', type: 'date', group: '受理审查' },
    { name: 'reject_reason', label: '不予受理理由', type: 'text', maxLength: 300, group: '受理审查', hint: '行政复议法第三十条：不符合受理条件的，在审查期限内决定不予受理并说明理由' },
    { name: 'review_opinion', label: '审理意见', type: 'textarea', maxLength: 3000, redact: true, group: '审理' },
    { name: 'proposed_kind', label: '拟作决定', type: 'dict', options: ORGAN_DECISIONS, group: '审理' },
    { name: 'decision_kind', label: '复议决定', type: 'dict', options: ORGAN_DECISIONS, filter: true, list: true, group: '决定', hint: '行政复议法第六十三条至第六十九条：变更、撤销、确认违法、责令履行、确认无效、维持、驳回行政复议请求' },
    { name: 'decided_on', label: '决定日期', type: 'date', filter: true, group: '决定' },
    { name: 'decision_no', label: '复议决定书文号', type: 'text', maxLength: 50, searchable: true, group: '决定', numbered: { series: 'reconsideration.organ_decision_no', label: '行政复议决定书文号', defaultFormat: '{机关简称}府复决〔{年}〕{序号}号', assignOn: { transition: 'decide' }, yearFrom: 'decided_on' } },
    { name: 'termination_reason', label: '终止理由', type: 'dict', options: TERMINATION_REASONS, filter: true, group: '决定' },
    { name: 'terminated_on', label: '终止日期', type: 'date', group: '决定' },
    { name: 'publication', label: '决定书公开', type: 'dict', options: ['公开', '不予公开'], filter: true, list: true, group: '公开', hint: '行政复议法第七十九条：根据被申请行政复议的行政行为的公开情况，按照国家有关规定将行政复议决定书向社会公开' },
    { name: 'nonpublication_reason', label: '不予公开理由', type: 'text', maxLength: 200, group: '公开', hint: '如：被申请行政复议的行政行为未公开，或决定书涉及国家秘密、商业秘密、个人隐私' },
    { name: 'published_on', label: '公开日期', type: 'date', filter: true, group: '公开' },
    { name: 'public_text', label: '决定书公开文本', type: 'textarea', maxLength: 10000, redact: true, group: '公开', hint: '决定书正文；在政务公开网站上自动遮蔽身份证号码、电话号码和申请人姓名等个人信息' },
  ],
  rules: organRules,
});
