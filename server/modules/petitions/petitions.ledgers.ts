import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { PROGRESS, petitionRules, progressOf } from './petitions.rules.ts';
import { petitionWorkflow } from './petitions.workflow.ts';

export const CHANNELS = ['来信', '来访', '上级交办', '网络问政', '12345热线', '其他'] as const;
export const REQUEST_KINDS = ['投诉', '求助', '咨询', '建议', '举报', '表扬', '其他'] as const;
// 国家信访局 信访事项内容分类, narrowed to what reaches a township
export const CATEGORIES = ['征地拆迁', '劳动社保', '城乡建设', '农村农业', '自然资源', '环境保护', '涉法涉诉', '民政', '教育医疗', '市场监管', '交通运输', '党务政务', '纪检监察', '其他'] as const;
// 信访工作条例 (2022) arts. 22–23, 31: registered, then within 15 days taken in (告知接收情况及处理途径), sent on to the
// competent organ, diverted into the procedure the matter belongs to (诉讼、仲裁、复议、行政程序), the petitioner told to
// go to the competent organ, or not taken again after 复核 (art. 36); there is no acceptance decision any more
export const ACCEPTANCE = ['受理', '转送有权机关', '导入相应程序', '告知向有权机关提出', '不再受理'] as const;
// 信访工作条例 arts. 29–31: the three classes of matters; only 申诉求决 has the 60-day limit (art. 34)
export const MATTER_CLASSES = ['建议意见', '检举控告', '申诉求决'] as const;
// 信访工作条例 art. 31 (1)–(4): the procedures a 申诉求决 matter is diverted into
export const DIVERSIONS = ['诉讼', '仲裁', '行政复议', '行政裁决', '行政确认', '行政许可', '行政处罚', '检察机关法律监督', '公安机关法律程序', '党员申诉、申请复审'] as const;
// 信访工作条例 art. 33
export const RESULT_KINDS = ['予以支持', '部分支持', '解释说明', '不予支持'] as const;
export const REPLY_METHODS = ['书面答复（处理意见书）', '当面答复', '电话答复', '网上答复', '短信答复'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意', '未评价'] as const;
export const REVIEW_RESULTS = ['维持', '变更', '撤销并责令重新办理'] as const;
// the offices and field stations of a township that actually take petitions; most are not in the org tree
export const HANDLING_UNITS = ['党政办公室', '信访办', '司法所', '综合行政执法队', '农业农村办', '规划建设办', '社会事务办', '经济发展办', '自然资源所', '生态环境办', '财政所', '劳动保障所', '派出所', '市场监管所', '中心学校', '卫生院', '供电所', '村（居）委会', '县直部门', '其他'] as const;

export const petitionLedger = defineLedger({
  name: 'petitions.case',
  // 信访工作条例 clocks: register and notify 15 days, handling of 申诉求决 matters 60 (+30), 复查/复核 30 each
  workflow: petitionWorkflow({ computeFields: (v) => ({ progress: progressOf(v) }) }),
  table: 'petitions_case',
  label: '信访事项及投诉登记',
  noun: '信访件',
  module: 'petitions',
  titleFields: ['reg_no', 'summary'],
  defaultSort: { field: 'received_on', dir: 'desc' },
  dateField: 'received_on',
  homeChart: '信访事项',
  uniqueFields: ['reg_no'],
  // the same petitioner's letter or visit registered twice, or one assigned ticket registered twice
  duplicateKeys: [['petitioner_id', 'received_on'], ['ticket_no']],
  fields: [
    // the town's own register number, given by the system; a hotline ticket's or an assigning organ's number is theirs
    { name: 'reg_no', label: '登记编号', type: 'text', required: true, maxLength: 40, searchable: true, list: true, group: '登记', numbered: { series: 'petitions.reg_no', label: '信访事项登记编号', defaultFormat: '{机关简称}信〔{年}〕{序号3}号', assignOn: 'create', yearFrom: 'received_on' } },
    { name: 'ticket_no', label: '工单号（交办编号）', type: 'text', maxLength: 40, searchable: true, group: '登记', hint: '12345热线工单、上级交办件、网络问政平台上的编号，照原件填写' },
    // 国办发〔2020〕53号: a 12345 ticket is handled on its own ledger and clocks (decision 0023), not as a 信访事项
    { name: 'channel', label: '来源渠道', type: 'dict', required: true, options: CHANNELS, filter: true, list: true, group: '登记', retired: { options: ['12345热线'], message: '12345热线工单不再登记为信访事项，请在“12345热线工单”台账中登记' } },
    { name: 'received_on', label: '登记日期', type: 'date', required: true, filter: true, list: true, group: '登记', hint: '收到来信、接待来访或签收交办件、工单的日期，法定期限由此起算' },
    { name: 'referred_by', label: '交办单位（平台）', type: 'text', maxLength: 60, searchable: true, filter: true, group: '登记', hint: '上级交办件的交办机关；网络问政的平台名称，如“县长信箱”' },
    { name: 'ticket_due_on', label: '交办（工单）办结时限', type: 'date', filter: true, group: '登记', hint: '12345工单、上级交办件上注明的办结时限；信访事项的法定期限由系统按受理日期计算', deadline: { doneBy: 'closed_on' } },
    { name: 'request_kind', label: '诉求类型', type: 'dict', options: REQUEST_KINDS, filter: true, group: '登记' },
    { name: 'category', label: '问题类别', type: 'dict', required: true, options: CATEGORIES, filter: true, list: true, group: '登记' },
    { name: 'summary', label: '内容摘要', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '登记' },
    { name: 'content', label: '反映内容', type: 'textarea', maxLength: 5000, searchable: true, group: '登记' },
    { name: 'location', label: '问题发生地', type: 'text', maxLength: 60, searchable: true, filter: true, group: '登记' },
    { name: 'party_kind', label: '个人/集体', type: 'dict', required: true, options: ['个人', '集体'], filter: true, list: true, group: '信访人', hint: '5人以上集体走访或联名来信为集体' },
    { name: 'people_count', label: '信访人数', type: 'int', required: true, min: 1, max: 9999, group: '信访人' },
    { name: 'petitioner_name', label: '信访人（代表人）姓名', type: 'text', required: true, maxLength: 40, personal: 'name', group: '信访人' },
    { name: 'petitioner_id', label: '身份证号码', type: 'id_number', personal: 'id_number', group: '信访人' },
    { name: 'petitioner_phone', label: '联系电话', type: 'phone', personal: 'phone', group: '信访人' },
    { name: 'petitioner_address', label: '住址', type: 'text', maxLength: 100, personal: 'address', group: '信访人' },
    { name: 'repeated', label: '是否重复信访', type: 'bool', filter: true, group: '信访人', hint: '同一信访人就同一事项再次提出' },
    { name: 'escalated', label: '是否越级访', type: 'bool', filter: true, group: '信访人', hint: '越过本级直接到上级机关信访后交办回来的' },
    { name: 'acceptance', label: '受理情况', type: 'dict', options: ACCEPTANCE, filter: true, list: true, group: '受理', hint: '信访工作条例第二十二、二十三条：登记后15日内书面告知信访人接收情况及处理途径（受理），或转送、交办有权机关，或告知向有权机关提出；第三十一条：应通过诉讼、仲裁、复议等程序解决的导入相应程序；第三十六条：复核后同一事实和理由不再受理' },
    { name: 'accepted_on', label: '受理（告知）日期', type: 'date', filter: true, group: '受理', hint: '书面告知信访人接收情况、处理途径或转送去向的日期；12345工单为签收日期' },
    { name: 'handling_unit', label: '承办单位', type: 'dict', options: HANDLING_UNITS, filter: true, list: true, group: '受理' },
    { name: 'handler', label: '承办人', type: 'text', maxLength: 40, group: '受理' },
    { name: 'extension_approved', label: '是否经批准延期', type: 'bool', filter: true, group: '办理', hint: '信访工作条例第三十四条：申诉求决类事项情况复杂的，经本机关负责人批准可延长不超过30日，并告知信访人延期理由；须在60日期限届满前批准' },
    { name: 'extension_approved_on', label: '延期批准日期', type: 'date', group: '办理' },
    { name: 'extension_reason', label: '延期理由', type: 'text', maxLength: 200, group: '办理' },
    { name: 'result_kind', label: '处理意见类别', type: 'dict', options: RESULT_KINDS, filter: true, group: '办理' },
    { name: 'handling_result', label: '办理结果', type: 'textarea', maxLength: 2000, searchable: true, group: '办理' },
    { name: 'reply_on', label: '答复日期', type: 'date', filter: true, group: '办理', hint: '出具书面处理意见或答复信访人的日期' },
    { name: 'reply_method', label: '答复方式', type: 'dict', options: REPLY_METHODS, filter: true, group: '办理' },
    { name: 'satisfaction', label: '满意度', type: 'dict', options: SATISFACTION, filter: true, list: true, group: '办理' },
    { name: 'closed_on', label: '办结日期', type: 'date', filter: true, list: true, group: '办理' },
    { name: 'on_time', label: '是否按期办结', type: 'bool', filter: true, group: '办理' },
    { name: 'review_requested_on', label: '复查申请日期', type: 'date', filter: true, group: '复查复核', hint: '信访工作条例第三十五条：信访人不服处理意见的，自收到书面答复之日起30日内请求上一级机关复查，逾期不予受理' },
    { name: 'review_reply_on', label: '复查意见日期', type: 'date', group: '复查复核' },
    { name: 'review_result', label: '复查结果', type: 'dict', options: REVIEW_RESULTS, filter: true, group: '复查复核' },
    { name: 'rereview_requested_on', label: '复核申请日期', type: 'date', filter: true, group: '复查复核' },
    { name: 'rereview_reply_on', label: '复核意见日期', type: 'date', group: '复查复核' },
    { name: 'rereview_result', label: '复核结果', type: 'dict', options: REVIEW_RESULTS, filter: true, group: '复查复核' },
    { name: 'progress', label: '办理状态', type: 'dict', required: true, options: PROGRESS, filter: true, list: true, group: '办理', hint: '按受理、答复、办结日期确定' },
    { name: 'remarks', label: '备注', type: 'text', maxLength: 200, group: '复查复核' },
    { name: 'matter_class', label: '信访事项类别', type: 'dict', options: MATTER_CLASSES, filter: true, list: true, group: '登记', hint: '信访工作条例第二十九至三十一条：建议意见类、检举控告类、申诉求决类；申诉求决类自受理之日起60日内办结（第三十四条）。12345热线工单可不填' },
    { name: 'diverted_to', label: '导入程序', type: 'dict', options: DIVERSIONS, filter: true, group: '受理', hint: '信访工作条例第三十一条：应通过诉讼、仲裁、行政复议等程序解决的，导入相应程序并告知信访人' },
    { name: 'objected_on', label: '提出异议日期', type: 'date', filter: true, group: '受理', hint: '信访工作条例第二十三条：转送、交办的事项不属于本机关职权范围的，自收到之日起5个工作日内向转送、交办机关提出异议' },
    { name: 'objection_reason', label: '异议理由', type: 'text', maxLength: 200, group: '受理' },
    { name: 'rereview_hearing_on', label: '复核听证开始日期', type: 'date', group: '复查复核', hint: '信访工作条例第三十六条：复核举行听证的，听证所需时间不计入复核期限' },
    { name: 'rereview_hearing_end_on', label: '复核听证结束日期', type: 'date', group: '复查复核' },
  ],
  rules: petitionRules,
});
