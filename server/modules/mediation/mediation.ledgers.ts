import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, forbiddenWhen, is, isNot, notGreaterThan, requiredWhen } from '../../platform/ledger/rules.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.types.ts';

export const DISPUTE_TYPES = ['婚姻家庭纠纷', '邻里纠纷', '房屋宅基地纠纷', '合同纠纷', '劳动争议', '损害赔偿纠纷', '山林土地纠纷', '征地拆迁纠纷', '道路交通事故纠纷', '医疗纠纷', '物业纠纷', '消费纠纷', '环境污染纠纷', '其他纠纷'] as const;
export const CASE_SOURCES = ['排查', '当事人申请', '移交', '依职权主动调解'] as const;
export const OUTCOMES = ['调解成功', '调解不成', '终止调解', '正在调解'] as const;
export const AGREEMENT_TYPES = ['书面协议', '口头协议', '无'] as const;

export const committeeLedger = defineLedger({
  name: 'mediation.committee',
  table: 'mediation_committee',
  label: '人民调解委员会',
  noun: '调委会',
  module: 'mediation',
  titleFields: ['name'],
  defaultSort: { field: 'name', dir: 'asc' },
  uniqueFields: ['name'],
  fields: [
    { name: 'name', label: '调委会名称', type: 'text', required: true, maxLength: 60, searchable: true, list: true },
    { name: 'kind', label: '类型', type: 'dict', required: true, options: ['村（居）人民调解委员会', '乡镇（街道）人民调解委员会', '行业性专业性人民调解委员会', '企事业单位人民调解委员会'], filter: true, list: true },
    { name: 'director', label: '主任', type: 'text', required: true, maxLength: 20, list: true },
    { name: 'members', label: '委员人数', type: 'int', required: true, min: 3, max: 50, hint: '人民调解法第九条：委员会由委员三至九人组成，行业性可多于九人', list: true },
    { name: 'phone', label: '联系电话', type: 'phone', list: true },
    { name: 'address', label: '办公地点', type: 'text', maxLength: 100 },
    { name: 'established_on', label: '成立日期', type: 'date' },
  ],
});

export const mediatorLedger = defineLedger({
  name: 'mediation.mediator',
  table: 'mediation_mediator',
  label: '人民调解员',
  noun: '调解员',
  module: 'mediation',
  titleFields: ['name'],
  defaultSort: { field: 'name', dir: 'asc' },
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 20, searchable: true, list: true },
    { name: 'gender', label: '性别', type: 'dict', required: true, options: ['男', '女'], filter: true, list: true },
    { name: 'committee_id', label: '所在调委会', type: 'ref', ref: 'mediation.committee', required: true, filter: true, list: true },
    { name: 'position', label: '职务', type: 'dict', required: true, options: ['主任', '副主任', '委员', '调解员'], list: true },
    { name: 'kind', label: '专兼职', type: 'dict', required: true, options: ['专职', '兼职'], filter: true, list: true },
    { name: 'id_number', label: '身份证号码', type: 'id_number', personal: 'id_number' },
    { name: 'phone', label: '手机号码', type: 'phone', personal: 'phone', list: true },
    { name: 'education', label: '学历', type: 'dict', options: ['初中及以下', '高中（中专）', '大专', '本科', '研究生'] },
    { name: 'certified', label: '是否持证', type: 'bool', filter: true },
    { name: 'training_hours', label: '本年度培训学时', type: 'int', min: 0, max: 500 },
    { name: 'active', label: '是否在册', type: 'bool', required: true, filter: true, list: true },
  ],
});

/** the setting that overrides the one-month mediation period, in calendar days */
export const MEDIATION_DAYS_SETTING = 'clock.mediation.days';

// 人民调解: customarily concluded within one month of acceptance (a local rule, so the period is a setting)
export const caseWorkflow = defineWorkflow({
  states: { mediating: { label: '调解中' }, closed: { label: '已办结', final: true } },
  initial: 'mediating',
  // cases are also edited as records (and imported): the state follows the outcome
  deriveState: (v) => (v['outcome'] === '正在调解' ? 'mediating' : 'closed'),
  transitions: [
    {
      name: 'close',
      label: '办结',
      from: ['mediating'],
      to: 'closed',
      todo: true,
      permission: 'mediation.case.update',
      captures: ['outcome', 'agreement_type', 'agreement_no', 'agreement_amount', 'performed', 'judicial_confirmation', 'referral', 'closed_on'],
      gates: { fields: ['closed_on'], checks: [{ message: '调解结果须为调解成功、调解不成或终止调解', check: (v) => !!v['outcome'] && v['outcome'] !== '正在调解' }] },
    },
  ],
  // performance of the agreement and the parties' application for 司法确认 come after the case is closed: the record
  // follows them by plain edit (decision 0011); the outcome and the dates stay the 办结 step's
  editable: ['performed', 'judicial_confirmation'],
  // a case is registered while it is being mediated; its outcome is 办结's
  startValues: { outcome: '正在调解' },
  clocks: [
    {
      id: 'mediate',
      rule: { id: 'mediation.case.mediate', label: '调解期限', days: 30, unit: 'calendar' },
      daysSetting: MEDIATION_DAYS_SETTING,
      start: { field: 'received_on' },
      stop: { field: 'closed_on' },
    },
  ],
});

export const caseLedger = defineLedger({
  name: 'mediation.case',
  table: 'mediation_case',
  label: '矛盾纠纷调解',
  noun: '调解案件',
  module: 'mediation',
  titleFields: ['case_no', 'summary'],
  defaultSort: { field: 'received_on', dir: 'desc' },
  dateField: 'received_on',
  uniqueFields: ['case_no'],
  fields: [
    { name: 'case_no', label: '案件编号', type: 'text', required: true, maxLength: 40, searchable: true, list: true, group: '受理', numbered: { series: 'mediation.case_no', label: '人民调解案件编号', defaultFormat: '（{年}）{机关简称}调字第{序号3}号', assignOn: 'create', yearFrom: 'received_on' } },
    { name: 'received_on', label: '受理日期', type: 'date', required: true, filter: true, list: true, group: '受理' },
    { name: 'source', label: '案件来源', type: 'dict', required: true, options: CASE_SOURCES, filter: true, list: true, group: '受理' },
    { name: 'dispute_type', label: '纠纷类型', type: 'dict', required: true, options: DISPUTE_TYPES, filter: true, list: true, group: '受理' },
    { name: 'summary', label: '纠纷概要', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '受理' },
    { name: 'description', label: '纠纷简要情况', type: 'textarea', maxLength: 2000, searchable: true, group: '受理' },
    { name: 'location', label: '纠纷发生地', type: 'text', maxLength: 60, searchable: true, filter: true, group: '受理' },
    { name: 'applicant_name', label: '申请人（一方当事人）', type: 'text', required: true, maxLength: 60, searchable: true, list: true, group: '当事人' },
    { name: 'applicant_id', label: '申请人证件号码', type: 'party_id', personal: 'id_number', group: '当事人' },
    { name: 'applicant_phone', label: '申请人联系电话', type: 'phone', personal: 'phone', group: '当事人' },
    { name: 'respondent_name', label: '被申请人（对方当事人）', type: 'text', required: true, maxLength: 60, searchable: true, group: '当事人' },
    { name: 'respondent_id', label: '被申请人证件号码', type: 'party_id', personal: 'id_number', group: '当事人' },
    { name: 'parties_count', label: '当事人人数', type: 'int', required: true, min: 2, max: 999, group: '当事人' },
    { name: 'amount', label: '涉及金额（万元）', type: 'decimal', min: 0, max: 1_000_000, group: '当事人' },
    { name: 'committee_id', label: '受理调委会', type: 'ref', ref: 'mediation.committee', required: true, filter: true, group: '调解' },
    { name: 'mediator_id', label: '承办调解员', type: 'ref', ref: 'mediation.mediator', required: true, filter: true, list: true, group: '调解' },
    { name: 'outcome', label: '调解结果', type: 'dict', required: true, options: OUTCOMES, filter: true, list: true, group: '调解' },
    { name: 'agreement_type', label: '协议形式', type: 'dict', options: AGREEMENT_TYPES, filter: true, group: '调解' },
    { name: 'agreement_no', label: '调解协议书编号', type: 'text', maxLength: 40, group: '调解' },
    { name: 'agreement_amount', label: '协议涉及金额（万元）', type: 'decimal', min: 0, max: 1_000_000, group: '调解' },
    { name: 'performed', label: '协议是否已履行', type: 'bool', group: '调解' },
    { name: 'judicial_confirmation', label: '是否申请司法确认', type: 'bool', group: '调解' },
    { name: 'referral', label: '未成功的引导去向', type: 'dict', options: ['引导诉讼', '引导仲裁', '转行政处理', '转信访', '当事人放弃'], group: '调解' },
    { name: 'closed_on', label: '结案日期', type: 'date', filter: true, group: '调解' },
  ],
  rules: [
    dateNotBefore('closed_on', 'received_on', '结案日期不能早于受理日期'),
    requiredWhen('closed_on', isNot('outcome', '正在调解'), '已结案的案件须填写结案日期'),
    forbiddenWhen('closed_on', is('outcome', '正在调解'), '正在调解的案件不应有结案日期'),
    { field: 'agreement_type', message: '调解成功须注明协议形式（书面或口头）', check: (r) => r['outcome'] !== '调解成功' || r['agreement_type'] === '书面协议' || r['agreement_type'] === '口头协议' },
    requiredWhen('agreement_no', is('agreement_type', '书面协议'), '书面协议须填写协议书编号'),
    notGreaterThan('agreement_amount', 'amount', '协议金额不能大于涉及金额'),
  ],
  workflow: caseWorkflow,
});
