import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { caseRules, KINDS, OUTCOMES, STAGES } from './reconsideration.rules.ts';
import { reconsiderationCaseWorkflow } from './reconsideration.workflow.ts';

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
