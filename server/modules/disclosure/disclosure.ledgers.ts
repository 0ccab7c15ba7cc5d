import { defineLedger, type CrossFieldRule } from '../../platform/ledger/ledger.types.ts';
import { SUPPLEMENT_DAYS, supplementDeadline } from './disclosure.clock.ts';
import { dateNotBefore, filled, forbiddenWhen, isNot, requiredWhen } from '../../platform/ledger/rules.ts';
import { APPLICANT_KINDS, APPLICATION_CHANNELS, CONSULT_OPINIONS, CONSULT_PARTIES, ITEM_CATEGORIES, OUTCOME_REASONS, OUTCOMES, PUBLISH_CHANNELS, reasonsOf, SECRECY_RESULTS, SUPPLY_FORMS, TOWN_CATEGORIES, TOWN_CATEGORIES_SETTING } from './disclosure.taxonomy.ts';
import { FEE_BASES } from './disclosure.fees.ts';
import { itemHoldsPersonalData, REDACTION_UNCONFIRMED } from './disclosure.redaction.ts';
import { applicationWorkflow, isPublishable, itemWorkflow } from './disclosure.workflow.ts';
import { RECEIPT_HINT, receiptRules } from './disclosure.receipt.ts';
import { REASON_RESULTS } from './disclosure.excessive.ts';

/** 政府信息公开条例 art. 30: 补正 is asked for within 7 working days of receipt; the message names the last day */
function supplementWithinSevenDays(): CrossFieldRule {
  let due = '';
  return {
    field: 'supplement_requested_on',
    get message() {
      return `应在收到申请之日起${SUPPLEMENT_DAYS}个工作日内（最迟${due}）一次性告知补正，逾期不得再要求补正（政府信息公开条例第三十条）`;
    },
    check: (r) => {
      if (!filled(r, 'supplement_requested_on')) return true;
      const last = supplementDeadline(r['received_on']);
      if (last === null || last === 'unknown') return true;
      due = last;
      return String(r['supplement_requested_on']) <= last;
    },
  };
}

export const itemLedger = defineLedger({
  name: 'disclosure.item',
  table: 'disclosure_item',
  label: '主动公开政府信息',
  noun: '公开信息',
  module: 'disclosure',
  titleFields: ['title'],
  defaultSort: { field: 'made_on', dir: 'desc' },
  dateField: 'published_on',
  workflow: itemWorkflow(),
  fields: [
    { name: 'title', label: '标题', type: 'text', redact: true, required: true, maxLength: 200, searchable: true, list: true, group: '信息' },
    { name: 'category', label: '公开类别', type: 'dict', required: true, options: ITEM_CATEGORIES, filter: true, list: true, group: '信息' },
    { name: 'town_category', label: '乡镇主动公开事项', type: 'dict', options: TOWN_CATEGORIES, optionsSetting: TOWN_CATEGORIES_SETTING, filter: true, group: '信息', hint: '政府信息公开条例第二十一条：乡（镇）人民政府还应主动公开的事项，以及县级确定的本地事项；公开网站按此归类' },
    { name: 'doc_no', label: '文号', type: 'text', maxLength: 60, searchable: true, group: '信息' },
    { name: 'issuing_unit', label: '发布机构（承办科室）', type: 'text', maxLength: 60, filter: true, group: '信息' },
    { name: 'made_on', label: '信息形成（变更）日期', type: 'date', required: true, filter: true, list: true, group: '信息', hint: '政府信息公开条例第二十六条：自该信息形成或者变更之日起20个工作日内予以公开' },
    { name: 'summary', label: '内容概述', type: 'text', redact: true, maxLength: 500, searchable: true, group: '信息' },
    { name: 'content', label: '正文', type: 'textarea', redact: true, maxLength: 50000, searchable: true, group: '信息' },
    { name: 'secrecy_submitted_on', label: '送保密审查日期', type: 'date', filter: true, group: '保密审查' },
    { name: 'secrecy_result', label: '保密审查结论', type: 'dict', options: SECRECY_RESULTS, filter: true, list: true, group: '保密审查', hint: '未经保密审查同意公开的信息不得发布' },
    { name: 'secrecy_reviewer', label: '审查人', type: 'text', maxLength: 40, group: '保密审查' },
    { name: 'secrecy_reviewed_on', label: '审查日期', type: 'date', group: '保密审查' },
    { name: 'redaction_confirmed', label: '已确认脱敏预览', type: 'bool', group: '保密审查', hint: '正文中的身份证号码、电话号码、银行卡号、邮箱在公开网站上遮盖显示；含有个人信息的，须确认脱敏预览后方可同意公开' },
    { name: 'secrecy_opinion', label: '审查意见', type: 'text', maxLength: 500, group: '保密审查' },
    { name: 'published_on', label: '公开日期', type: 'date', filter: true, list: true, group: '发布' },
    { name: 'channels', label: '公开渠道', type: 'dicts', options: PUBLISH_CHANNELS, filter: true, group: '发布' },
    { name: 'url', label: '网址', type: 'text', maxLength: 300, group: '发布' },
    { name: 'revoked_on', label: '撤回公开日期', type: 'date', filter: true, group: '撤回', hint: '办理撤回时自动记录' },
    { name: 'revoke_reason', label: '撤回理由', type: 'text', maxLength: 1000, group: '撤回' },
  ],
  rules: [
    { field: 'redaction_confirmed', message: REDACTION_UNCONFIRMED, check: (r) => !isPublishable(r['secrecy_result']) || r['redaction_confirmed'] === true || !itemHoldsPersonalData(r) },
    forbiddenWhen('published_on', (r) => !isPublishable(r['secrecy_result']), '未经保密审查同意公开的信息不得发布'),
    requiredWhen('secrecy_reviewed_on', (r) => filled(r, 'secrecy_result'), '填写审查结论的须填写审查日期'),
    requiredWhen('secrecy_reviewer', (r) => filled(r, 'secrecy_result'), '填写审查结论的须填写审查人'),
    requiredWhen('secrecy_result', (r) => filled(r, 'secrecy_reviewed_on'), '填写审查日期的须填写审查结论'),
    dateNotBefore('secrecy_reviewed_on', 'made_on', '审查日期不能早于信息形成日期'),
    dateNotBefore('published_on', 'secrecy_reviewed_on', '公开日期不能早于保密审查日期'),
    dateNotBefore('published_on', 'made_on', '公开日期不能早于信息形成日期'),
  ],
});

export const applicationLedger = defineLedger({
  name: 'disclosure.application',
  table: 'disclosure_application',
  label: '依申请公开登记',
  noun: '申请',
  module: 'disclosure',
  titleFields: ['app_no', 'subject'],
  defaultSort: { field: 'received_on', dir: 'desc' },
  dateField: 'received_on',
  uniqueFields: ['app_no'],
  workflow: applicationWorkflow(),
  fields: [
    { name: 'app_no', label: '申请编号', type: 'text', required: true, maxLength: 40, searchable: true, list: true, group: '申请', numbered: { series: 'disclosure.app_no', label: '政府信息公开申请编号', defaultFormat: '{机关简称}依申〔{年}〕{序号3}号', assignOn: 'create', yearFrom: 'received_on' } },
    { name: 'channel', label: '申请方式', type: 'dict', required: true, options: APPLICATION_CHANNELS, filter: true, group: '申请', hint: '政府信息公开条例第三十一条：申请方式决定以哪一天为收到申请之日' },
    { name: 'submitted_on', label: '提交日期', type: 'date', group: '申请', hint: '当面提交的，提交之日为收到申请之日；其他方式可填写申请人寄出或发送的日期' },
    { name: 'signed_on', label: '签收日期', type: 'date', group: '申请', hint: '以挂号信、快递等需签收的邮寄方式提交的，以本机关签收之日为收到申请之日' },
    { name: 'confirmed_on', label: '与申请人确认日期', type: 'date', group: '申请', hint: '平常信函应于收到当日与申请人确认，确认之日为收到申请之日；互联网、传真提交的，以双方确认之日为收到申请之日' },
    { name: 'received_on', label: '收到申请日期', type: 'date', required: true, filter: true, list: true, group: '申请', hint: RECEIPT_HINT },
    { name: 'applicant_kind', label: '申请人类型', type: 'dict', required: true, options: APPLICANT_KINDS, filter: true, list: true, group: '申请人', hint: '按年度报告表格：自然人，或法人和其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）' },
    { name: 'applicant_name', label: '申请人姓名（联系人）', type: 'text', required: true, maxLength: 40, personal: 'name', group: '申请人' },
    { name: 'applicant_id', label: '身份证件号码', type: 'id_number', personal: 'id_number', group: '申请人' },
    { name: 'org_name', label: '法人或其他组织名称', type: 'text', maxLength: 100, searchable: true, group: '申请人' },
    { name: 'uscc', label: '统一社会信用代码', type: 'uscc', group: '申请人' },
    { name: 'phone', label: '联系电话', type: 'phone', personal: 'phone', group: '申请人' },
    { name: 'address', label: '通信地址', type: 'text', maxLength: 200, personal: 'address', group: '申请人' },
    { name: 'subject', label: '申请事项', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '申请' },
    { name: 'content', label: '申请公开的政府信息内容描述', type: 'textarea', required: true, maxLength: 5000, searchable: true, group: '申请' },
    { name: 'supply_form', label: '获取信息方式', type: 'dict', options: SUPPLY_FORMS, group: '申请' },
    { name: 'handler', label: '承办人', type: 'text', maxLength: 40, group: '办理' },
    { name: 'supplement_requested_on', label: '告知补正日期', type: 'date', filter: true, group: '办理', hint: '政府信息公开条例第三十条：申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正；答复期限自收到补正的申请之日起计算' },
    { name: 'supplement_items', label: '需要补正的事项', type: 'textarea', maxLength: 1000, group: '办理', hint: '一次性说明需要补正的全部事项' },
    { name: 'supplement_due_on', label: '补正期限', type: 'date', group: '办理', hint: '给予申请人的合理补正期限的最后一日；申请人无正当理由逾期不补正的，视为放弃申请' },
    { name: 'supplement_notice_no', label: '补正告知书文号', type: 'text', maxLength: 60, searchable: true, group: '办理', numbered: { series: 'disclosure.supplement_notice_no', label: '补正告知书文号', defaultFormat: '{机关简称}政信补〔{年}〕{序号}号', assignOn: { transition: 'request_supplement' }, yearFrom: 'supplement_requested_on' } },
    { name: 'supplement_received_on', label: '收到补正材料日期', type: 'date', group: '办理', hint: '答复期限自收到补正的申请之日起重新计算' },
    { name: 'lapsed_on', label: '视为放弃申请日期', type: 'date', group: '办理', hint: '政府信息公开条例第三十条：申请人无正当理由逾期不补正的，视为放弃申请，不再处理；补正期限届满后方可办理' },
    { name: 'consult_party', label: '征求意见对象', type: 'dict', options: CONSULT_PARTIES, group: '办理', hint: '第三方（第三十二条）或共同制作该信息的其他行政机关（第三十四条），均应自收到征求意见书之日起15个工作日内提出意见' },
    { name: 'consult_with', label: '被征求意见的第三方或机关', type: 'text', redact: true, maxLength: 200, group: '办理' },
    { name: 'consult_sent_on', label: '发出征求意见书日期', type: 'date', group: '办理', hint: '政府信息公开条例第三十三条第三款：征求第三方和其他机关意见所需时间不计算在答复期限内' },
    { name: 'consult_notice_no', label: '征求意见书文号', type: 'text', maxLength: 60, searchable: true, group: '办理', numbered: { series: 'disclosure.consult_notice_no', label: '征求意见书文号', defaultFormat: '{机关简称}政信征〔{年}〕{序号}号', assignOn: { transition: 'consult' }, yearFrom: 'consult_sent_on' } },
    { name: 'consult_replied_on', label: '收到意见日期', type: 'date', group: '办理', hint: '逾期未提出意见的，填写意见期限届满后的日期' },
    { name: 'consult_opinion', label: '被征求意见方的意见', type: 'dict', options: CONSULT_OPINIONS, group: '办理', hint: '第三方逾期未提出意见的，由本机关决定是否公开；共同制作机关逾期未提出意见的，视为同意公开' },
    { name: 'extension_approved_on', label: '批准延期日期', type: 'date', filter: true, group: '办理', hint: '政府信息公开条例第三十三条：经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日' },
    { name: 'extension_reason', label: '延期理由', type: 'text', maxLength: 200, group: '办理' },
    { name: 'extension_notice_no', label: '延期答复告知书文号', type: 'text', maxLength: 60, searchable: true, group: '办理', numbered: { series: 'disclosure.extension_notice_no', label: '延期答复告知书文号', defaultFormat: '{机关简称}政信延〔{年}〕{序号}号', assignOn: { transition: 'extend' }, yearFrom: 'extension_approved_on' } },
    { name: 'reasons_asked_on', label: '要求说明理由日期', type: 'date', filter: true, group: '申请理由', hint: '政府信息公开条例第三十五条：申请人申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由（合理范围由本地设置）' },
    { name: 'reasons_due_on', label: '说明理由期限', type: 'date', group: '申请理由', hint: '给予申请人说明理由的期限的最后一日' },
    { name: 'reasons_notice_no', label: '说明理由告知书文号', type: 'text', maxLength: 60, searchable: true, group: '申请理由', numbered: { series: 'disclosure.reasons_notice_no', label: '说明理由告知书文号', defaultFormat: '{机关简称}政信理〔{年}〕{序号}号', assignOn: { transition: 'ask_reasons' }, yearFrom: 'reasons_asked_on' } },
    { name: 'reasons_received_on', label: '收到理由说明日期', type: 'date', group: '申请理由' },
    { name: 'reasons_result', label: '理由审查结论', type: 'dict', options: REASON_RESULTS, filter: true, group: '申请理由', hint: '理由不合理（或逾期未说明理由）的，告知申请人不予处理；理由合理但无法在规定期限内答复的，可以确定延迟答复的合理期限并告知申请人' },
    { name: 'reasons_judged_on', label: '理由审查日期', type: 'date', group: '申请理由' },
    { name: 'delayed_due_on', label: '延迟答复期限', type: 'date', group: '申请理由', hint: '政府信息公开条例第三十五条：理由合理但无法在第三十三条规定的期限内答复的，确定延迟答复的合理期限；答复期限届满日以此为准' },
    { name: 'delay_notice_no', label: '延迟答复告知书文号', type: 'text', maxLength: 60, searchable: true, group: '申请理由', numbered: { series: 'disclosure.delay_notice_no', label: '延迟答复告知书文号', defaultFormat: '{机关简称}政信迟〔{年}〕{序号}号', assignOn: { transition: 'judge_reasons' }, yearFrom: 'reasons_judged_on', when: (v) => v['delayed_due_on'] !== null && v['delayed_due_on'] !== undefined && v['delayed_due_on'] !== '' } },
    { name: 'fee_basis', label: '信息处理费计收方式', type: 'dict', options: FEE_BASES, group: '信息处理费', hint: '政府信息公开条例第四十二条：申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费；按件或按量计收，不得同时适用（国办函〔2020〕109号）' },
    { name: 'fee_count', label: '本自然月累计申请件数（含本件）', type: 'int', min: 1, max: 100000, group: '信息处理费', hint: '按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的不收费' },
    { name: 'fee_pages', label: '提供信息页数', type: 'int', min: 1, max: 1000000, group: '信息处理费', hint: '按量计收：同一申请30页以下（含30页）的不收费' },
    { name: 'fee_amount', label: '信息处理费（元）', type: 'decimal', group: '信息处理费' },
    { name: 'fee_notice_on', label: '发出收费通知日期', type: 'date', group: '信息处理费', hint: '发出收费通知和申请人缴费的时间不计算在答复期限内' },
    { name: 'fee_paid_on', label: '缴费日期', type: 'date', group: '信息处理费', hint: '申请人应自收到收费通知之日起20个工作日内缴费' },
    { name: 'fee_lapsed_on', label: '逾期未缴费终止日期', type: 'date', group: '信息处理费', hint: '申请人逾期未缴纳信息处理费的，视为放弃申请，不再处理' },
    { name: 'answered_on', label: '答复日期', type: 'date', filter: true, list: true, group: '答复', hint: '作出答复（或终止办理）的日期；未答复的申请结转下年度' },
    { name: 'outcome', label: '办理结果', type: 'dict', options: OUTCOMES, filter: true, list: true, group: '答复' },
    { name: 'outcome_reason', label: '具体情形', type: 'dict', options: OUTCOME_REASONS, filter: true, group: '答复', hint: '不予公开、无法提供、不予处理、其他处理须选择年度报告表格中的具体情形' },
    { name: 'reply_no', label: '答复书文号', type: 'text', maxLength: 60, searchable: true, group: '答复', hint: '生成答复书时自动编号' },
    { name: 'reply_note', label: '答复要点', type: 'textarea', maxLength: 2000, group: '答复' },
  ],
  rules: [
    ...receiptRules(),
    requiredWhen('org_name', isNot('applicant_kind', '自然人'), '法人或其他组织申请的须填写组织名称'),
    requiredWhen('outcome', (r) => filled(r, 'answered_on'), '已答复的须填写办理结果'),
    requiredWhen('answered_on', (r) => filled(r, 'outcome'), '填写办理结果的须填写答复日期'),
    requiredWhen('outcome_reason', (r) => reasonsOf(r['outcome']).length > 0, '请选择办理结果的具体情形'),
    { field: 'outcome_reason', message: '具体情形与办理结果不符', check: (r) => !filled(r, 'outcome_reason') || reasonsOf(r['outcome']).includes(String(r['outcome_reason'])) },
    dateNotBefore('supplement_requested_on', 'received_on', '告知补正日期不能早于收到申请日期'),
    supplementWithinSevenDays(),
    {
      field: 'supplement_requested_on',
      message: '工作日历缺少收到申请日期所在年度，无法核对7个工作日的告知补正期限，请管理员先载入该年度节假日安排',
      check: (r) => !filled(r, 'supplement_requested_on') || supplementDeadline(r['received_on']) !== 'unknown',
    },
    requiredWhen('supplement_requested_on', (r) => filled(r, 'supplement_received_on'), '收到补正材料的须填写告知补正日期'),
    dateNotBefore('supplement_received_on', 'supplement_requested_on', '收到补正材料日期不能早于告知补正日期'),
    dateNotBefore('consult_sent_on', 'received_on', '征求意见日期不能早于收到申请日期'),
    requiredWhen('consult_sent_on', (r) => filled(r, 'consult_replied_on'), '有第三方答复的须填写征求意见日期'),
    requiredWhen('extension_reason', (r) => filled(r, 'extension_approved_on'), '延期答复的须填写延期理由'),
    dateNotBefore('extension_approved_on', 'received_on', '批准延期日期不能早于收到申请日期'),
    dateNotBefore('answered_on', 'received_on', '答复日期不能早于收到申请日期'),
    dateNotBefore('answered_on', 'supplement_received_on', '答复日期不能早于收到补正材料日期'),
    { field: 'supplement_due_on', message: '补正期限应晚于告知补正日期，给申请人合理的补正时间', check: (r) => !filled(r, 'supplement_due_on') || !filled(r, 'supplement_requested_on') || String(r['supplement_due_on']) > String(r['supplement_requested_on']) },
    forbiddenWhen('lapsed_on', (r) => filled(r, 'supplement_received_on'), '已收到补正材料的申请不能视为放弃申请'),
    requiredWhen('supplement_requested_on', (r) => filled(r, 'lapsed_on'), '视为放弃申请的须先告知补正'),
    dateNotBefore('consult_replied_on', 'consult_sent_on', '收到意见日期不能早于发出征求意见书日期'),
    requiredWhen('fee_count', (r) => r['fee_basis'] === '按件计收', '按件计收的须填写本自然月累计申请件数'),
    requiredWhen('fee_pages', (r) => r['fee_basis'] === '按量计收', '按量计收的须填写提供信息页数'),
    requiredWhen('fee_basis', (r) => filled(r, 'fee_notice_on'), '发出收费通知的须选择计收方式'),
    dateNotBefore('fee_notice_on', 'received_on', '收费通知日期不能早于收到申请日期'),
    dateNotBefore('fee_paid_on', 'fee_notice_on', '缴费日期不能早于收费通知日期'),
    dateNotBefore('reasons_asked_on', 'received_on', '要求说明理由日期不能早于收到申请日期'),
    requiredWhen('reasons_due_on', (r) => filled(r, 'reasons_asked_on'), '要求说明理由的须填写说明理由期限'),
    { field: 'reasons_due_on', message: '说明理由期限应晚于要求说明理由日期，给申请人合理的时间', check: (r) => !filled(r, 'reasons_due_on') || !filled(r, 'reasons_asked_on') || String(r['reasons_due_on']) > String(r['reasons_asked_on']) },
    requiredWhen('reasons_asked_on', (r) => filled(r, 'reasons_result'), '审查申请理由的须先要求申请人说明理由'),
    dateNotBefore('reasons_received_on', 'reasons_asked_on', '收到理由说明日期不能早于要求说明理由日期'),
    dateNotBefore('reasons_judged_on', 'reasons_asked_on', '理由审查日期不能早于要求说明理由日期'),
    forbiddenWhen('reasons_received_on', (r) => r['reasons_result'] === '逾期未说明理由', '逾期未说明理由的不能填写收到理由说明日期'),
    forbiddenWhen('delayed_due_on', (r) => r['reasons_result'] !== '理由合理', '只有申请理由合理的才能确定延迟答复期限'),
    { field: 'delayed_due_on', message: '延迟答复期限应晚于理由审查日期', check: (r) => !filled(r, 'delayed_due_on') || !filled(r, 'reasons_judged_on') || String(r['delayed_due_on']) > String(r['reasons_judged_on']) },
    forbiddenWhen('fee_lapsed_on', (r) => filled(r, 'fee_paid_on'), '已缴费的申请不能按逾期未缴费终止'),
  ],
});
