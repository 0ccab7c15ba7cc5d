import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, forbiddenWhen, is, isNot, notGreaterThan, requiredWhen } from '../../platform/ledger/rules.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.types.ts';

export const DISPUTE_TYPES = ['婚姻家庭纠纷', '邻里纠纷', '房屋宅基地纠纷', '合同纠纷', '劳动争议', '损害赔偿纠纷', '山林土地纠纷', '征地拆迁纠纷', '道路交通事故纠纷', '医疗纠纷', '物业纠纷', '消费纠纷', '环境污染纠纷', '其他纠纷'] as const;
// 人民调解法 art. 17 (a party applies, or the committee mediates of its own accord), art. 18 (court and police refer),
// and the transfers a town sees: petitions routed to mediation, the 综治中心 dispatching a dispute
export const CASE_SOURCES = ['当事人申请', '排查', '依职权主动调解', '人民法院委派（委托）', '公安机关移交', '信访部门转交', '综治中心移交', '其他部门移交'] as const;
/** sources under which another body sent the dispute: the body and its own file number are recorded */
export const REFERRED_SOURCES: readonly string[] = ['人民法院委派（委托）', '公安机关移交', '信访部门转交', '综治中心移交', '其他部门移交'];
/** 人民调解法 art. 26: a mediation that fails ends with the parties told which channels remain */
export const REFERRALS = ['引导诉讼', '引导仲裁', '转行政处理', '转信访', '当事人放弃'] as const;
/** why a mediation was ended without a result (人民调解法 arts. 17, 25 and 26) */
export const TERMINATION_REASONS = ['当事人一方明确拒绝调解', '当事人撤回调解申请', '纠纷已由人民法院、公安机关或者其他行政机关受理', '纠纷可能激化，已报告有关机关', '其他'] as const;
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
    // the committee's members on the mediator roster, never a number typed beside it (decision 0030)
    { name: 'members', label: '委员人数', type: 'int', list: true, counted: { ledger: 'mediation.mediator', ref: 'committee_id', where: { position: ['主任', '副主任', '委员'], active: true } }, hint: '人民调解员名册中在册的主任、副主任、委员人数；人民调解法第九条：委员会由委员三至九人组成，行业性可多于九人' },
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

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** what 调解结案 must record for each outcome (人民调解法 arts. 26, 28–30) */
const OUTCOME_CHECKS = [
  { message: '调解结果须为调解成功、调解不成或终止调解', check: (v: Readonly<Record<string, unknown>>) => v['outcome'] === '调解成功' || v['outcome'] === '调解不成' || v['outcome'] === '终止调解' },
  { message: '调解成功须注明协议形式（书面协议或口头协议，人民调解法第二十八条）', check: (v: Readonly<Record<string, unknown>>) => v['outcome'] !== '调解成功' || v['agreement_type'] === '书面协议' || v['agreement_type'] === '口头协议' },
  { message: '调解成功须填写协议生效日期（书面协议自各方签名盖章之日起生效，口头协议自达成之日起生效，人民调解法第二十九条、第三十条）', check: (v: Readonly<Record<string, unknown>>) => v['outcome'] !== '调解成功' || set(v['agreement_effective_on']) },
  { message: '调解成功须记录协议内容及履行方式、期限（口头协议由调解员记录，人民调解法第二十八条、第二十九条）', check: (v: Readonly<Record<string, unknown>>) => v['outcome'] !== '调解成功' || set(v['agreement_content']) },
  { message: '调解不成须记录告知当事人的其他解决途径（人民调解法第二十六条）', check: (v: Readonly<Record<string, unknown>>) => v['outcome'] !== '调解不成' || set(v['referral']) },
  { message: '终止调解须注明终止原因', check: (v: Readonly<Record<string, unknown>>) => v['outcome'] !== '终止调解' || set(v['termination_reason']) },
];

/**
 * 人民调解 (人民调解法 2010): registered on acceptance (受理), mediated, then 调解结案 with its outcome — an agreement
 * (written, art. 29, or oral, art. 30) waits for the follow-up visit on its performance (art. 31); a failed mediation
 * records the channels the parties were told of (art. 26). The one-month period is a local rule (人民调解工作若干规定
 * 2002 art. 33), so it is a setting; the 30 days for 司法确认 (art. 33) run from the day the agreement took effect
 * when the parties mean to apply.
 */
export const caseWorkflow = defineWorkflow({
  states: {
    mediating: { label: '调解中' },
    agreed: { label: '已达成协议（待回访）' },
    closed: { label: '已办结', final: true },
    failed: { label: '调解不成', final: true },
    terminated: { label: '终止调解', final: true },
  },
  initial: 'mediating',
  // cases are also edited as records (and imported): the state follows the outcome and the follow-up visit
  deriveState: (v) => {
    switch (v['outcome']) {
      case '调解成功':
        return set(v['follow_up_on']) ? 'closed' : 'agreed';
      case '调解不成':
        return 'failed';
      case '终止调解':
        return 'terminated';
      default:
        return 'mediating';
    }
  },
  transitions: [
    {
      name: 'close',
      label: '调解结案',
      from: ['mediating'],
      to: 'closed',
      todo: { label: '调解结案' },
      permission: 'mediation.case.update',
      captures: ['outcome', 'agreement_type', 'agreement_effective_on', 'agreement_content', 'responsibility', 'agreement_amount', 'judicial_confirmation', 'referral', 'referral_note', 'termination_reason', 'closed_on'],
      gates: { fields: ['closed_on'], checks: OUTCOME_CHECKS },
      // the outcome decides where the case goes; a failed or ended mediation has nothing to follow up
      conclusion: { field: 'outcome', negative: ['调解不成', '终止调解'], blocks: ['follow_up', 'apply_confirmation'], states: { 调解成功: 'agreed', 调解不成: 'failed', 终止调解: 'terminated' } },
    },
    // art. 31: the committee watches over the agreement's performance and urges the parties to keep it
    {
      name: 'follow_up',
      label: '回访（履行情况）',
      from: ['agreed'],
      to: 'closed',
      todo: { label: '回访协议履行情况' },
      permission: 'mediation.case.update',
      captures: ['follow_up_on', 'performed', 'follow_up_note'],
      gates: { fields: ['follow_up_on', 'performed'] },
    },
    // art. 33: both parties may apply to the court for 司法确认 within 30 days of the agreement taking effect
    {
      name: 'apply_confirmation',
      label: '登记司法确认申请',
      from: ['agreed', 'closed'],
      todo: { label: '提醒当事人申请司法确认', when: (v) => v['judicial_confirmation'] === true && !set(v['confirmation_applied_on']) },
      permission: 'mediation.case.update',
      captures: ['confirmation_applied_on', 'confirmation_court'],
      gates: {
        fields: ['confirmation_applied_on', 'confirmation_court'],
        checks: [{ message: '只有达成调解协议的案件才能申请司法确认', check: (v) => v['outcome'] === '调解成功' }],
      },
    },
  ],
  // performance and the parties' intention to apply for 司法确认 may change after the case is closed: the record
  // follows them by plain edit (decision 0011); the outcome, the agreement and the dates stay their steps'
  editable: ['performed', 'judicial_confirmation'],
  // a case is registered while it is being mediated; its outcome is 调解结案's
  startValues: { outcome: '正在调解' },
  clocks: [
    {
      id: 'mediate',
      rule: { id: 'mediation.case.mediate', label: '调解期限', days: 30, unit: 'calendar' },
      daysSetting: MEDIATION_DAYS_SETTING,
      start: { field: 'received_on' },
      stop: { field: 'closed_on' },
    },
    {
      id: 'confirm',
      rule: { id: 'mediation.case.confirm', label: '司法确认申请期限', days: 30, unit: 'calendar' },
      start: { field: 'agreement_effective_on', when: (v) => v['outcome'] === '调解成功' && v['judicial_confirmation'] === true },
      stop: { field: 'confirmation_applied_on' },
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
  homeChart: '人民调解案件',
  uniqueFields: ['case_no'],
  duplicateKeys: [['applicant_name', 'respondent_name', 'received_on'], ['applicant_id', 'received_on']],
  fields: [
    { name: 'case_no', label: '案件编号', type: 'text', required: true, maxLength: 40, searchable: true, list: true, group: '受理', numbered: { series: 'mediation.case_no', label: '人民调解案件编号', defaultFormat: '（{年}）{机关简称}调字第{序号3}号', assignOn: 'create', yearFrom: 'received_on' } },
    { name: 'received_on', label: '受理日期', type: 'date', required: true, filter: true, list: true, group: '受理' },
    { name: 'source', label: '案件来源', type: 'dict', required: true, options: CASE_SOURCES, filter: true, list: true, group: '受理', hint: '人民调解法第十七条、第十八条：当事人申请，调委会主动调解，人民法院、公安机关告知或委派；信访部门、综治中心转交的注明转交单位' },
    { name: 'source_org', label: '委派（移交）单位', type: 'text', maxLength: 60, searchable: true, group: '受理', hint: '法院委派、公安或信访部门、综治中心等移交的，填写移交单位' },
    { name: 'source_ref', label: '移交单位案（件）号', type: 'text', maxLength: 60, searchable: true, group: '受理', hint: '如信访件编号、综治中心事件编号、法院案号' },
    { name: 'dispute_type', label: '纠纷类型', type: 'dict', required: true, options: DISPUTE_TYPES, optionsSetting: 'mediation.dispute_types', filter: true, list: true, group: '受理', hint: '司法部人民调解统计的纠纷类别；省、县增加的类别由县级管理员在“数据字典”中维护' },
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
    { name: 'agreement_type', label: '协议形式', type: 'dict', options: AGREEMENT_TYPES, filter: true, group: '调解协议' },
    {
      name: 'agreement_no',
      label: '调解协议书编号',
      type: 'text',
      maxLength: 40,
      group: '调解协议',
      numbered: { series: 'mediation.agreement_no', label: '人民调解协议书编号', defaultFormat: '{机关简称}调协字〔{年}〕{序号3}号', assignOn: { transition: 'close' }, yearFrom: 'agreement_effective_on', when: (v) => v['outcome'] === '调解成功' && v['agreement_type'] === '书面协议' },
    },
    { name: 'agreement_effective_on', label: '协议生效日期', type: 'date', filter: true, group: '调解协议', hint: '人民调解法第二十九条：书面协议自各方当事人签名、盖章或按指印，调解员签名并加盖调委会印章之日起生效；第三十条：口头协议自达成之日起生效' },
    { name: 'agreement_content', label: '协议内容（履行方式、期限）', type: 'textarea', maxLength: 2000, group: '调解协议', hint: '人民调解法第二十九条；口头协议由调解员记录协议内容（第二十八条）' },
    { name: 'responsibility', label: '各方当事人的责任', type: 'textarea', maxLength: 1000, group: '调解协议' },
    { name: 'agreement_amount', label: '协议涉及金额（万元）', type: 'decimal', min: 0, max: 1_000_000, group: '调解协议' },
    { name: 'judicial_confirmation', label: '当事人拟申请司法确认', type: 'bool', group: '调解协议', hint: '人民调解法第三十三条：双方当事人认为有必要的，自协议生效之日起30日内共同向人民法院申请司法确认' },
    { name: 'confirmation_applied_on', label: '司法确认申请日期', type: 'date', group: '调解协议' },
    { name: 'confirmation_court', label: '受理司法确认的人民法院', type: 'text', maxLength: 60, group: '调解协议' },
    { name: 'referral', label: '告知的其他解决途径', type: 'dict', options: REFERRALS, filter: true, group: '调解', hint: '人民调解法第二十六条：调解不成的，告知当事人可以依法通过仲裁、行政、司法等途径维护权利' },
    { name: 'referral_note', label: '告知情况', type: 'text', maxLength: 200, group: '调解', hint: '如：告知向某某劳动人事争议仲裁委员会申请仲裁' },
    { name: 'termination_reason', label: '终止调解原因', type: 'dict', options: TERMINATION_REASONS, group: '调解' },
    { name: 'closed_on', label: '结案日期', type: 'date', filter: true, group: '调解' },
    { name: 'follow_up_on', label: '回访日期', type: 'date', group: '回访' },
    { name: 'performed', label: '协议是否已履行', type: 'bool', group: '回访' },
    { name: 'follow_up_note', label: '回访情况', type: 'textarea', maxLength: 1000, group: '回访' },
  ],
  rules: [
    dateNotBefore('closed_on', 'received_on', '结案日期不能早于受理日期'),
    requiredWhen('closed_on', isNot('outcome', '正在调解'), '已结案的案件须填写结案日期'),
    forbiddenWhen('closed_on', is('outcome', '正在调解'), '正在调解的案件不应有结案日期'),
    { field: 'agreement_type', message: '调解成功须注明协议形式（书面或口头）', check: (r) => r['outcome'] !== '调解成功' || r['agreement_type'] === '书面协议' || r['agreement_type'] === '口头协议' },
    dateNotBefore('agreement_effective_on', 'received_on', '协议生效日期不能早于受理日期'),
    dateNotBefore('confirmation_applied_on', 'agreement_effective_on', '司法确认申请日期不能早于协议生效日期'),
    dateNotBefore('follow_up_on', 'agreement_effective_on', '回访日期不能早于协议生效日期'),
    forbiddenWhen('agreement_effective_on', isNot('outcome', '调解成功'), '未达成调解协议的案件不应有协议生效日期'),
    requiredWhen('source_org', (r) => REFERRED_SOURCES.includes(String(r['source'])), '委派、移交或转交的案件须填写委派（移交）单位'),
    notGreaterThan('agreement_amount', 'amount', '协议金额不能大于涉及金额'),
  ],
  workflow: caseWorkflow,
});
