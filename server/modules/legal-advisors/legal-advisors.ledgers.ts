import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled, forbiddenWhen, is, isEmpty, isFilled, isNot, notBefore, requiredWhen } from '../../platform/ledger/rules.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.types.ts';

export const ADVISOR_KINDS = ['政府法律顾问', '部门法律顾问', '村（居）法律顾问'] as const;
export const PROFESSIONS = ['执业律师', '公职律师', '基层法律服务工作者', '法学专家学者', '其他法律工作者'] as const;
export const ENGAGEMENTS = ['在聘', '已期满', '已解聘'] as const;
export const REVIEW_TYPES = ['政府合同', '协议', '村（居）合同', '行政规范性文件', '重大行政决策', '信访答复', '其他法律文书'] as const;
export const REVIEW_PROGRESS = ['审查中', '退回补充材料', '已出具意见'] as const;
export const CONCLUSIONS = ['未发现法律问题', '修改完善后可签署（实施）', '不宜签署（实施）'] as const;
export const AFFAIR_TYPES = ['驻村（社区）法律咨询', '列席党委会（政府常务会）', '参加专题会议', '诉讼（复议）代理', '矛盾纠纷化解', '法治讲座（培训）', '信访接待', '涉法事务处置', '其他'] as const;
export const VOLUNTEER_ROLES = ['村（社区）干部', '网格员', '人民调解员', '村民小组长', '党员', '乡贤', '退役军人', '教师', '个体工商户', '普通村民', '其他'] as const;

const CONTRACT_TYPES: readonly string[] = ['政府合同', '协议', '村（居）合同'];
const COUNTED_LICENCE: readonly string[] = ['执业律师', '公职律师'];

/** 法律顾问花名册: one row per advisor and engagement; a village advisor lists every village (community) served */
export const advisorLedger = defineLedger({
  name: 'advisors.advisor',
  table: 'advisors_advisor',
  label: '法律顾问聘用台账',
  noun: '法律顾问',
  module: 'legal-advisors',
  titleFields: ['name', 'kind'],
  defaultSort: { field: 'name', dir: 'asc' },
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 20, searchable: true, list: true, group: '顾问信息' },
    { name: 'gender', label: '性别', type: 'dict', options: ['男', '女'], group: '顾问信息' },
    { name: 'profession', label: '执业类别', type: 'dict', required: true, options: PROFESSIONS, filter: true, list: true, group: '顾问信息' },
    { name: 'law_firm', label: '执业机构', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, hint: '律师事务所、法律服务所或所在单位全称', group: '顾问信息' },
    { name: 'licence_no', label: '执业证号', type: 'text', maxLength: 30, searchable: true, hint: '律师、公职律师执业证号为17位数字', group: '顾问信息' },
    { name: 'phone', label: '联系电话', type: 'phone', personal: 'phone', list: true, group: '顾问信息' },
    { name: 'kind', label: '顾问类别', type: 'dict', required: true, options: ADVISOR_KINDS, filter: true, list: true, group: '聘用情况' },
    { name: 'served_units', label: '服务单位（村、社区）', type: 'text', required: true, maxLength: 300, searchable: true, filter: true, list: true, hint: '政府法律顾问填本级人民政府；村（居）法律顾问填所服务的全部村、社区，用顿号分隔', group: '聘用情况' },
    // the number of units listed above, counted by the system (decision 0030)
    { name: 'served_count', label: '服务单位数', type: 'int', counted: { names: 'served_units' }, hint: '按上栏所列单位个数统计；一村（居）一法律顾问的覆盖数由此统计', group: '聘用情况' },
    { name: 'contract_start', label: '聘期起始日期', type: 'date', required: true, filter: true, group: '聘用情况' },
    { name: 'contract_end', label: '聘期届满日期', type: 'date', required: true, filter: true, list: true, group: '聘用情况' },
    { name: 'annual_fee', label: '年度服务费（万元）', type: 'decimal', min: 0, max: 500, group: '聘用情况' },
    { name: 'service_schedule', label: '服务时间', type: 'text', maxLength: 60, hint: '如：每月第一、三周周三上午驻村值班', group: '聘用情况' },
    { name: 'engagement', label: '聘用状态', type: 'dict', required: true, options: ENGAGEMENTS, filter: true, list: true, group: '聘用情况' },
    { name: 'ended_on', label: '解聘日期', type: 'date', group: '聘用情况' },
    { name: 'remarks', label: '备注', type: 'textarea', maxLength: 500 },
  ],
  rules: [
    dateNotBefore('contract_end', 'contract_start', '聘期届满日期不能早于起始日期'),
    { field: 'licence_no', message: '律师、公职律师须填写17位执业证号', check: (r) => !COUNTED_LICENCE.includes(String(r['profession'])) || /^\d{17}$/.test(String(r['licence_no'] ?? '')) },
    requiredWhen('ended_on', is('engagement', '已解聘'), '已解聘的须填写解聘日期'),
    forbiddenWhen('ended_on', isNot('engagement', '已解聘'), '未解聘的不应填写解聘日期'),
    { field: 'ended_on', message: '解聘日期须在聘期之内', check: (r) => !filled(r, 'ended_on') || (notBefore(r, 'ended_on', 'contract_start') && notBefore(r, 'contract_end', 'ended_on')) },
  ],
});

/** 法律明白人: village legal volunteers, trained by the justice office */
export const volunteerLedger = defineLedger({
  name: 'advisors.volunteer',
  table: 'advisors_volunteer',
  label: '法律明白人花名册',
  noun: '法律明白人',
  module: 'legal-advisors',
  titleFields: ['name', 'village'],
  defaultSort: { field: 'village', dir: 'asc' },
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 20, searchable: true, list: true },
    { name: 'village', label: '所在村（社区）', type: 'text', required: true, maxLength: 40, searchable: true, filter: true, list: true },
    { name: 'gender', label: '性别', type: 'dict', required: true, options: ['男', '女'], filter: true, list: true },
    { name: 'birth_year', label: '出生年份', type: 'int', required: true, min: 1930, max: 2010, list: true },
    { name: 'occupation', label: '身份（职业）', type: 'dict', required: true, options: VOLUNTEER_ROLES, filter: true, list: true },
    { name: 'education', label: '文化程度', type: 'dict', options: ['小学及以下', '初中', '高中（中专）', '大专', '本科及以上'] },
    { name: 'phone', label: '联系电话', type: 'phone', personal: 'phone', list: true },
    { name: 'enrolled_on', label: '登记日期', type: 'date', required: true, filter: true },
    { name: 'trained', label: '是否参加培训', type: 'bool', required: true, filter: true, list: true },
    { name: 'trained_on', label: '最近一次培训日期', type: 'date' },
    { name: 'training_hours', label: '本年度培训学时', type: 'int', min: 0, max: 200 },
    { name: 'active', label: '是否在册', type: 'bool', required: true, filter: true },
  ],
  rules: [
    { field: 'birth_year', message: '法律明白人登记时须年满18周岁', check: (r) => !filled(r, 'enrolled_on') || !filled(r, 'birth_year') || Number(String(r['enrolled_on']).slice(0, 4)) - Number(r['birth_year']) >= 18 },
    requiredWhen('trained_on', is('trained', true), '已参加培训的须填写培训日期'),
    forbiddenWhen('trained_on', is('trained', false), '未参加培训的不应填写培训日期'),
  ],
});

/** the setting holding the review period in working days (国办发〔2018〕115号: normative documents generally not under 5) */
export const REVIEW_DAYS_SETTING = 'clock.advisors.review.days';
/** the national default: 国办发〔2018〕115号 gives the reviewer of a normative document in principle at least 5 working days */
export const REVIEW_DAYS_DEFAULT = 5;

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';
/** sent back and not yet resubmitted */
const awaitingPapers = (v: Readonly<Record<string, unknown>>): boolean => set(v['returned_on']) && !set(v['completed_on']) && (!set(v['resubmitted_on']) || String(v['resubmitted_on']) < String(v['returned_on']));
const progressOf = (v: Readonly<Record<string, unknown>>): (typeof REVIEW_PROGRESS)[number] => (set(v['completed_on']) ? '已出具意见' : awaitingPapers(v) ? '退回补充材料' : '审查中');

/** 合法性审查、合同审查: every document the advisors review on a clock, ending in a numbered 法律意见书 */
export const reviewLedger = defineLedger({
  name: 'advisors.review',
  table: 'advisors_review',
  label: '合法性审查（合同审查）台账',
  noun: '审查事项',
  module: 'legal-advisors',
  titleFields: ['review_no', 'title'],
  defaultSort: { field: 'received_on', dir: 'desc' },
  dateField: 'received_on',
  uniqueFields: ['review_no'],
  roles: { create: ['clerk', 'reviewer', 'legal_reviewer', 'county_admin'], update: ['clerk', 'reviewer', 'legal_reviewer', 'county_admin'] },
  fields: [
    { name: 'review_no', label: '审查编号', type: 'text', required: true, maxLength: 40, searchable: true, list: true, group: '送审' },
    { name: 'review_type', label: '审查类别', type: 'dict', required: true, options: REVIEW_TYPES, filter: true, list: true, group: '送审' },
    { name: 'title', label: '送审事项（文件、合同名称）', type: 'text', required: true, maxLength: 120, searchable: true, list: true, group: '送审' },
    { name: 'submitting_unit', label: '送审单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '送审' },
    { name: 'counterparty', label: '合同相对方', type: 'text', maxLength: 80, searchable: true, group: '送审' },
    { name: 'contract_amount', label: '合同金额（万元）', type: 'decimal', min: 0, max: 1_000_000, group: '送审' },
    { name: 'received_on', label: '收件日期', type: 'date', required: true, filter: true, list: true, group: '送审', hint: '审查期限自收件次日起按工作日计算（默认5个工作日，可在系统设置中调整）' },
    { name: 'advisor_id', label: '承办法律顾问', type: 'ref', ref: 'advisors.advisor', required: true, filter: true, list: true, group: '审查' },
    { name: 'progress', label: '办理状态', type: 'dict', required: true, options: REVIEW_PROGRESS, filter: true, list: true, group: '审查' },
    { name: 'returned_on', label: '退回补充材料日期', type: 'date', group: '审查' },
    { name: 'return_reason', label: '需补充的材料', type: 'textarea', maxLength: 1000, group: '审查' },
    { name: 'resubmitted_on', label: '补齐材料日期', type: 'date', group: '审查' },
    { name: 'conclusion', label: '审查结论', type: 'dict', options: CONCLUSIONS, filter: true, group: '审查' },
    { name: 'opinion', label: '审查意见', type: 'textarea', maxLength: 3000, searchable: true, group: '审查', hint: '法律意见书正文：一条意见一行' },
    { name: 'suggestions', label: '提出修改意见建议（条）', type: 'int', min: 0, max: 200, group: '审查' },
    { name: 'adopted', label: '被采纳意见建议（条）', type: 'int', min: 0, max: 200, group: '审查' },
    { name: 'completed_on', label: '出具意见日期', type: 'date', filter: true, group: '审查' },
    {
      name: 'opinion_no',
      label: '法律意见书编号',
      type: 'text',
      maxLength: 40,
      searchable: true,
      list: true,
      group: '审查',
      numbered: { series: 'advisors.opinion_no', label: '法律意见书编号', defaultFormat: '{机关简称}法审意〔{年}〕{序号}号', assignOn: { transition: 'issue' }, yearFrom: 'completed_on' },
    },
  ],
  rules: [
    dateNotBefore('completed_on', 'received_on', '出具意见日期不能早于收件日期'),
    dateNotBefore('returned_on', 'received_on', '退回补充材料日期不能早于收件日期'),
    dateNotBefore('resubmitted_on', 'returned_on', '补齐材料日期不能早于退回日期'),
    dateNotBefore('completed_on', 'resubmitted_on', '出具意见日期不能早于补齐材料日期'),
    requiredWhen('return_reason', isFilled('returned_on'), '退回补充材料的须写明需补充的材料'),
    forbiddenWhen('resubmitted_on', isEmpty('returned_on'), '未退回的不应填写补齐材料日期'),
    requiredWhen('conclusion', isFilled('completed_on'), '已出具意见的须填写审查结论'),
    requiredWhen('opinion', isFilled('completed_on'), '已出具意见的须填写审查意见'),
    forbiddenWhen('conclusion', isEmpty('completed_on'), '尚未出具意见的不应填写审查结论'),
    { field: 'suggestions', message: '审查结论为需修改或不宜签署的，须填写提出的意见建议条数（至少1条）', check: (r) => r['conclusion'] === '未发现法律问题' || !filled(r, 'conclusion') || Number(r['suggestions'] ?? 0) >= 1 },
    // unlike notGreaterThan, an empty count of suggestions allows no adopted ones
    { field: 'adopted', message: '被采纳条数不能多于提出条数', check: (r) => !filled(r, 'adopted') || Number(r['adopted']) <= Number(r['suggestions'] ?? 0) },
    forbiddenWhen('contract_amount', isNot('review_type', ...CONTRACT_TYPES), '合同金额只适用于合同、协议类审查事项'),
  ],
  workflow: defineWorkflow({
    states: { reviewing: { label: '审查中' }, returned: { label: '退回补充材料' }, issued: { label: '已出具意见', final: true } },
    initial: 'reviewing',
    deriveState: (v) => (set(v['completed_on']) ? 'issued' : awaitingPapers(v) ? 'returned' : 'reviewing'),
    transitions: [
      { name: 'return', label: '退回补充材料', from: ['reviewing'], to: 'returned', captures: ['returned_on', 'return_reason'], dateField: 'returned_on', gates: { fields: ['returned_on', 'return_reason'] }, returns: true },
      { name: 'resubmit', label: '补齐材料重新送审', from: ['returned'], to: 'reviewing', captures: ['resubmitted_on'], dateField: 'resubmitted_on', gates: { fields: ['resubmitted_on'] } },
      {
        name: 'issue',
        label: '出具法律意见书',
        from: ['reviewing'],
        to: 'issued',
        todo: { label: '出具法律意见书' },
        captures: ['conclusion', 'opinion', 'suggestions', 'adopted', 'completed_on'],
        dateField: 'completed_on',
        gates: { fields: ['completed_on', 'conclusion', 'opinion'] },
      },
    ],
    computeFields: (v) => ({ progress: progressOf(v) }),
    derived: { progress: '按审查环节自动填写' },
    // a 法律意见书 of a review issued before the numbering is numbered when first made
    correction: { editableWhenLocked: ['opinion_no'] },
    clocks: [
      {
        id: 'review',
        // 国办发〔2018〕115号 (normative documents): in principle at least 5 working days for the review; contracts and other documents follow the same local setting
        rule: { id: 'advisors.review.review', label: '合法性审查期限', days: REVIEW_DAYS_DEFAULT, unit: 'working' },
        daysSetting: REVIEW_DAYS_SETTING,
        start: { field: 'received_on' },
        stop: { field: 'completed_on' },
        pauseOn: ['return'],
        resumeOn: ['resubmit'],
      },
    ],
  }),
});

/** 法律事务: what the advisors did besides written reviews — meetings, consultations, lawsuits, lectures */
export const affairLedger = defineLedger({
  name: 'advisors.affair',
  table: 'advisors_affair',
  label: '法律顾问履职台账',
  noun: '履职记录',
  module: 'legal-advisors',
  titleFields: ['affair_on', 'subject'],
  defaultSort: { field: 'affair_on', dir: 'desc' },
  dateField: 'affair_on',
  fields: [
    { name: 'affair_on', label: '日期', type: 'date', required: true, filter: true, list: true },
    { name: 'affair_type', label: '事务类别', type: 'dict', required: true, options: AFFAIR_TYPES, filter: true, list: true },
    { name: 'advisor_id', label: '法律顾问', type: 'ref', ref: 'advisors.advisor', required: true, filter: true, list: true },
    { name: 'subject', label: '事项', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'place', label: '地点（服务村、社区）', type: 'text', maxLength: 60, searchable: true, filter: true },
    { name: 'description', label: '履职情况', type: 'textarea', maxLength: 2000, searchable: true },
    { name: 'people', label: '服务（参加）人数', type: 'int', min: 0, max: 100_000, hint: '法律咨询填接待人次，讲座填听讲人数' },
    { name: 'opinions', label: '提出法律意见建议（条）', type: 'int', min: 0, max: 100 },
    { name: 'case_no', label: '案号', type: 'text', maxLength: 40, searchable: true, hint: '诉讼（复议）代理填法院案号或复议案号' },
    { name: 'hours', label: '服务时长（小时）', type: 'decimal', min: 0, max: 240 },
  ],
  rules: [
    requiredWhen('case_no', is('affair_type', '诉讼（复议）代理'), '诉讼（复议）代理须填写案号'),
    { field: 'people', message: '法律咨询和法治讲座须填写服务（参加）人数', check: (r) => !['驻村（社区）法律咨询', '法治讲座（培训）'].includes(String(r['affair_type'])) || Number(r['people'] ?? 0) >= 1 },
  ],
});

export const FILED_TO = ['县人民政府（县司法局）', '本级人民政府（党政办公室）', '上级主管部门'] as const;
export const PERFORMANCE = ['履行中', '履行完毕', '变更', '解除', '发生纠纷'] as const;

/** 政府合同备案: each contract the government signs after its legality review, filed as the 合同备案 rule requires */
export const contractLedger = defineLedger({
  name: 'advisors.contract',
  table: 'advisors_contract',
  label: '政府合同备案台账',
  noun: '备案合同',
  module: 'legal-advisors',
  titleFields: ['contract_name'],
  defaultSort: { field: 'filed_on', dir: 'desc' },
  dateField: 'filed_on',
  uniqueFields: ['filing_no'],
  fields: [
    { name: 'filing_no', label: '备案编号', type: 'text', maxLength: 40, searchable: true, list: true, group: '备案', numbered: { series: 'advisors.contract_filing_no', label: '政府合同备案编号', defaultFormat: '{机关简称}合备〔{年}〕{序号3}号', assignOn: 'create', yearFrom: 'filed_on' } },
    { name: 'contract_name', label: '合同名称', type: 'text', required: true, maxLength: 120, searchable: true, list: true, group: '合同' },
    { name: 'review_id', label: '合法性审查记录', type: 'ref', ref: 'advisors.review', required: true, filter: true, group: '合同', hint: '政府合同签订前须经法律顾问合法性审查，选择对应的审查事项' },
    { name: 'counterparty', label: '合同相对方', type: 'text', required: true, maxLength: 80, searchable: true, list: true, group: '合同' },
    { name: 'amount', label: '合同金额（万元）', type: 'decimal', min: 0, max: 1_000_000, list: true, group: '合同' },
    { name: 'signed_on', label: '签订日期', type: 'date', required: true, filter: true, list: true, group: '合同' },
    { name: 'term_end', label: '履行期限届满日期', type: 'date', group: '合同' },
    { name: 'filed_on', label: '备案日期', type: 'date', required: true, filter: true, list: true, group: '备案' },
    { name: 'filed_to', label: '备案机关', type: 'dict', required: true, options: FILED_TO, filter: true, group: '备案' },
    { name: 'performance', label: '履行情况', type: 'dict', required: true, options: PERFORMANCE, filter: true, list: true, group: '履行' },
    { name: 'remark', label: '备注', type: 'textarea', maxLength: 1000, group: '履行' },
  ],
  rules: [
    dateNotBefore('filed_on', 'signed_on', '备案日期不能早于签订日期'),
    dateNotBefore('term_end', 'signed_on', '履行期限届满日期不能早于签订日期'),
    requiredWhen('remark', is('performance', '变更', '解除', '发生纠纷'), '合同变更、解除或发生纠纷的须在备注中说明情况'),
  ],
});
