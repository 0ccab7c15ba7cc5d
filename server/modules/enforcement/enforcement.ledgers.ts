import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { AMOUNT_BANDS, benchmarkRules, caseRules } from './enforcement.rules.ts';
import { EXEMPTION_GROUND_NAMES } from './enforcement.exemption.ts';
import { PROCEDURES } from './enforcement.summary.ts';
import { PERIOD_FIELDS } from './enforcement.periods.ts';
import { caseWorkflow } from './enforcement.workflow.ts';

export const MATTER_TYPES = ['行政处罚', '行政检查', '行政强制', '行政许可', '其他'] as const;
// 三张清单: 法定, 赋权 (some 自选 by the town), 可委托
export const MATTER_CATEGORIES = ['法定', '赋权', '可委托'] as const;
export const CASE_TYPES = ['行政处罚', '行政检查', '行政强制'] as const;
export const DOMAINS = ['经营行为', '农业', '安全生产', '城管', '林业', '生态环境', '自然资源', '市场监管', '卫生健康', '文化旅游', '其他'] as const;
export const SOURCES = ['日常巡查', '投诉举报', '上级交办', '部门移送', '双随机抽查', '其他'] as const;
export const INSPECTION_RESULTS = ['合格', '责令整改', '转立案'] as const;
// 法制审核 (国办发〔2018〕118号): the reviewer agrees, agrees once the draft is changed, or does not agree
export const REVIEW_CONCLUSIONS = ['同意', '修改后同意', '不同意'] as const;
export const DELIBERATION_CONCLUSIONS = ['同意拟处理意见', '修改后同意', '不同意拟处理意见'] as const;
export const PENALTY_KINDS = ['警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '不予处罚'] as const;
export const EXECUTIONS = ['自觉履行', '分期缴纳', '强制执行', '申请法院强制执行', '未履行'] as const;
export const INDUSTRIES = ['餐饮', '零售', '建筑施工', '农资经营', '养殖', '加工制造', '危化品', '林木经营', '娱乐场所', '个体工商户', '其他'] as const;

export const matterLedger = defineLedger({
  name: 'enforcement.matter',
  table: 'enforcement_matter',
  label: '执法事项清单',
  noun: '执法事项',
  module: 'enforcement',
  titleFields: ['code', 'name'],
  defaultSort: { field: 'code', dir: 'asc' },
  uniqueFields: ['code'],
  roles: { create: ['reviewer', 'county_admin'], update: ['reviewer', 'county_admin'], import: ['reviewer', 'county_admin'] },
  fields: [
    { name: 'code', label: '事项编码', type: 'text', required: true, maxLength: 40, searchable: true, list: true },
    { name: 'name', label: '事项名称', type: 'text', required: true, maxLength: 200, searchable: true, list: true },
    { name: 'matter_type', label: '事项类型', type: 'dict', required: true, options: MATTER_TYPES, filter: true, list: true },
    { name: 'category', label: '清单类别', type: 'dict', required: true, options: MATTER_CATEGORIES, filter: true, list: true, hint: '法定执法事项、赋权执法事项或可委托执法事项' },
    { name: 'self_selected', label: '是否自选', type: 'bool', filter: true, list: true, hint: '赋权事项中由乡镇自主选择承接的' },
    { name: 'domain', label: '执法领域', type: 'dict', options: DOMAINS, filter: true },
    { name: 'law', label: '设定依据（法律法规）', type: 'text', required: true, maxLength: 200, searchable: true },
    { name: 'article', label: '条款', type: 'text', maxLength: 100 },
    { name: 'guiding_dept', label: '上级指导部门', type: 'text', maxLength: 60, filter: true, list: true },
    { name: 'catalog_version', label: '清单版本', type: 'text', maxLength: 40, filter: true, hint: '发布清单时的版本号，如“2025版”' },
    { name: 'published_on', label: '发布日期', type: 'date', filter: true },
    { name: 'matter_status', label: '状态', type: 'dict', required: true, options: ['有效', '暂停实施', '已取消'], filter: true, list: true },
  ],
});

// 行政裁量基准: one row per circumstance of a matter
export const benchmarkLedger = defineLedger({
  name: 'enforcement.benchmark',
  table: 'enforcement_benchmark',
  label: '行政处罚裁量基准',
  noun: '裁量基准',
  module: 'enforcement',
  titleFields: ['circumstance'],
  roles: { create: ['reviewer', 'county_admin'], update: ['reviewer', 'county_admin'], import: ['reviewer', 'county_admin'] },
  fields: [
    { name: 'matter', label: '执法事项', type: 'ref', ref: 'enforcement.matter', required: true, list: true },
    { name: 'circumstance', label: '违法情形', type: 'text', required: true, maxLength: 200, searchable: true, list: true },
    { name: 'level', label: '裁量阶次', type: 'dict', required: true, options: ['不予处罚', '减轻处罚', '从轻处罚', '一般处罚', '从重处罚'], filter: true, list: true },
    { name: 'min_amount', label: '罚款下限（元）', type: 'decimal', required: true, min: 0, list: true },
    { name: 'max_amount', label: '罚款上限（元）', type: 'decimal', required: true, min: 0, list: true },
    { name: 'first_violation_exempt', label: '首违不罚', type: 'bool', filter: true, list: true },
    { name: 'quick_minor', label: '轻微速罚', type: 'bool', filter: true },
    { name: 'note', label: '说明', type: 'text', maxLength: 200 },
  ],
  rules: benchmarkRules,
});

export const caseLedger = defineLedger({
  name: 'enforcement.case',
  table: 'enforcement_case',
  label: '行政执法案件',
  noun: '案件',
  module: 'enforcement',
  titleFields: ['case_no', 'summary'],
  defaultSort: { field: 'registered_on', dir: 'desc' },
  dateField: 'registered_on',
  homeChart: '行政执法案件',
  uniqueFields: ['case_no'],
  // the same party's case registered twice on one day (a company by its code, a person by the blind index of the ID)
  duplicateKeys: [['party_uscc', 'registered_on'], ['party_id_number', 'registered_on']],
  workflow: caseWorkflow(),
  rules: caseRules,
  fields: [
    // 案号 when the case is registered: 行政处罚 罚, 行政检查 检, 行政强制 强, each numbered on its own per unit and year
    { name: 'case_no', label: '案号', type: 'text', required: true, maxLength: 60, searchable: true, list: true, group: '案件', numbered: { series: 'enforcement.case_no', label: '行政执法案件案号', defaultFormat: '{机关简称}综执{类别}〔{年}〕{序号}号', assignOn: 'create', yearFrom: 'registered_on', kindFrom: { field: 'case_type', codes: { 行政处罚: '罚', 行政检查: '检', 行政强制: '强' } } } },
    { name: 'case_type', label: '案件类型', type: 'dict', required: true, options: CASE_TYPES, filter: true, list: true, group: '案件' },
    { name: 'domain', label: '执法领域', type: 'dict', required: true, options: DOMAINS, filter: true, list: true, group: '案件' },
    { name: 'matter', label: '执法事项', type: 'ref', ref: 'enforcement.matter', required: true, group: '案件' },
    { name: 'procedure', label: '处罚程序', type: 'dict', options: PROCEDURES, filter: true, group: '案件', hint: '简易程序：违法事实确凿并有法定依据，对公民处200元以下、对法人或者其他组织处3000元以下罚款或者警告的，可以当场作出行政处罚决定（行政处罚法第五十一条）' },
    { name: 'source', label: '案件来源', type: 'dict', required: true, options: SOURCES, filter: true, group: '案件' },
    { name: 'registered_on', label: '登记（检查）日期', type: 'date', required: true, filter: true, list: true, group: '案件' },
    { name: 'summary', label: '案由', type: 'text', required: true, maxLength: 200, searchable: true, list: true, group: '案件' },
    { name: 'handler', label: '承办人', type: 'text', maxLength: 60, group: '案件' },
    { name: 'draw_id', label: '抽查批次号', type: 'int', min: 1, group: '案件', hint: '“双随机”抽查生成的检查任务所属的抽取批次' },
    { name: 'party_kind', label: '当事人类型', type: 'dict', required: true, options: ['个人', '单位'], filter: true, group: '当事人' },
    { name: 'party_name', label: '当事人', type: 'text', required: true, maxLength: 100, personal: 'name', group: '当事人' },
    { name: 'party_id_number', label: '身份证号码', type: 'id_number', personal: 'id_number', group: '当事人' },
    { name: 'party_uscc', label: '统一社会信用代码', type: 'uscc', filter: true, group: '当事人' },
    { name: 'legal_rep', label: '法定代表人（负责人）', type: 'text', maxLength: 40, personal: 'name', group: '当事人' },
    { name: 'party_phone', label: '联系电话', type: 'phone', personal: 'phone', group: '当事人' },
    { name: 'party_address', label: '住所（地址）', type: 'text', maxLength: 200, personal: 'address', group: '当事人' },
    { name: 'inspection_result', label: '检查结果', type: 'dict', options: INSPECTION_RESULTS, filter: true, list: true, group: '检查' },
    { name: 'inspection_record', label: '现场检查笔录', type: 'textarea', maxLength: 5000, group: '检查' },
    { name: 'rectify_due_on', label: '整改期限', type: 'date', group: '检查', deadline: { doneBy: 'followed_up_on' } },
    { name: 'followed_up_on', label: '复查日期', type: 'date', group: '检查' },
    { name: 'follow_up_result', label: '复查结果', type: 'dict', options: ['已整改', '未整改转立案'], filter: true, group: '检查' },
    // 行政处罚法 art. 42: two officers with certificates, checked against the 执法检查人员名录库 where the unit keeps one
    { name: 'officer1_name', label: '执法人员一', type: 'text', maxLength: 40, group: '执法人员', hint: '执法人员不得少于两人（行政处罚法第四十二条）；立案（当场处罚）时填写' },
    { name: 'officer1_cert', label: '执法人员一执法证号', type: 'text', maxLength: 40, group: '执法人员' },
    { name: 'officer2_name', label: '执法人员二', type: 'text', maxLength: 40, group: '执法人员' },
    { name: 'officer2_cert', label: '执法人员二执法证号', type: 'text', maxLength: 40, group: '执法人员' },
    { name: 'filed_on', label: '立案日期', type: 'date', filter: true, group: '立案调查' },
    { name: 'filing_approver', label: '立案审批人', type: 'text', maxLength: 40, group: '立案调查' },
    { name: 'investigated_on', label: '调查终结日期', type: 'date', group: '立案调查' },
    { name: 'facts', label: '违法事实', type: 'textarea', maxLength: 5000, searchable: true, group: '立案调查' },
    // 调查终结报告的处理意见: what the 法制审核 reviews, what the 告知书 states, and what makes the case 重大 before the decision
    { name: 'proposed_kinds', label: '拟处罚种类', type: 'dicts', options: PENALTY_KINDS, group: '立案调查', hint: '调查终结时提出的处理意见；据此认定是否重大执法决定、应否告知听证权利，并载入告知书' },
    { name: 'proposed_amount', label: '拟罚款金额（元）', type: 'decimal', min: 0, group: '立案调查' },
    { name: 'proposed_confiscated_value', label: '拟没收违法所得、非法财物价值（元）', type: 'decimal', min: 0, group: '立案调查' },
    { name: 'major', label: '是否重大执法决定', type: 'bool', filter: true, group: '法制审核', hint: '按处罚种类、金额和当事人类型自动认定（行政处罚法第六十三条情形）；重大执法决定须经法制审核后方可作出' },
    { name: 'review_on', label: '法制审核日期', type: 'date', group: '法制审核' },
    { name: 'reviewer', label: '法制审核人员', type: 'text', maxLength: 40, group: '法制审核' },
    { name: 'review_opinion', label: '法制审核意见', type: 'textarea', maxLength: 2000, group: '法制审核' },
    { name: 'review_conclusion', label: '法制审核结论', type: 'dict', options: REVIEW_CONCLUSIONS, filter: true, group: '法制审核', hint: '审核结论为“不同意”的，不得作出决定，须重新审核' },
    // 行政处罚法 art. 57(2): 重大 cases are decided by the heads collectively
    { name: 'deliberated_on', label: '集体讨论日期', type: 'date', group: '集体讨论', hint: '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）' },
    { name: 'deliberation_participants', label: '参加集体讨论的负责人', type: 'textarea', maxLength: 500, group: '集体讨论', hint: '姓名之间用顿号分隔，至少两人' },
    { name: 'deliberation_conclusion', label: '集体讨论结论', type: 'dict', options: DELIBERATION_CONCLUSIONS, filter: true, group: '集体讨论', hint: '结论为“不同意拟处理意见”的，不得作出决定' },
    { name: 'deliberation_minutes', label: '集体讨论纪要', type: 'textarea', maxLength: 3000, group: '集体讨论' },
    { name: 'notified_on', label: '告知日期', type: 'date', group: '告知听证' },
    { name: 'hearing_right_notified', label: '已告知听证权利', type: 'bool', group: '告知听证', hint: '拟作出行政处罚法第六十三条所列处罚的，告知时须告知当事人有要求听证的权利' },
    { name: 'hearing_required', label: '应告知听证权利', type: 'bool', filter: true, group: '告知听证', hint: '按处罚种类、金额和当事人类型自动认定（行政处罚法第六十三条）' },
    { name: 'hearing_requested_on', label: '听证申请日期', type: 'date', group: '告知听证', hint: '当事人在告知后5日内提出' },
    { name: 'hearing_notice_on', label: '听证通知日期', type: 'date', group: '告知听证', hint: '举行听证7日前通知' },
    { name: 'hearing_on', label: '听证日期', type: 'date', group: '告知听证' },
    { name: 'rights_waived_on', label: '当事人书面放弃陈述申辩（听证）日期', type: 'date', group: '告知听证', hint: '行政处罚法第六十二条：当事人明确放弃陈述、申辩（听证）权利的，可不待告知期满作出决定；须有当事人签字的书面材料' },
    { name: 'decided_on', label: '决定日期', type: 'date', filter: true, list: true, group: '决定' },
    { name: 'decision_result', label: '处理决定', type: 'textarea', maxLength: 2000, group: '决定' },
    { name: 'penalty_kinds', label: '处罚种类', type: 'dicts', options: PENALTY_KINDS, filter: true, group: '决定' },
    { name: 'amount', label: '罚款金额（元）', type: 'decimal', min: 0, group: '决定' },
    { name: 'confiscated_value', label: '没收违法所得、非法财物价值（元）', type: 'decimal', min: 0, group: '决定' },
    { name: 'amount_band', label: '罚款金额区间', type: 'dict', options: AMOUNT_BANDS, filter: true, group: '决定', hint: '作出决定时按罚款金额自动确定' },
    { name: 'benchmark', label: '适用裁量基准', type: 'ref', ref: 'enforcement.benchmark', group: '决定' },
    { name: 'benchmark_min', label: '裁量基准下限（元）', type: 'decimal', min: 0, group: '决定', hint: '由所选裁量基准自动带出，不能手工修改', copiedFrom: { ref: 'benchmark', field: 'min_amount' } },
    { name: 'benchmark_max', label: '裁量基准上限（元）', type: 'decimal', min: 0, group: '决定', hint: '由所选裁量基准自动带出，不能手工修改', copiedFrom: { ref: 'benchmark', field: 'max_amount' } },
    { name: 'top_penalty', label: '顶格处罚', type: 'bool', filter: true, group: '决定', hint: '罚款金额等于所适用裁量基准上限的，由系统在作出处罚决定时认定，不能手工修改' },
    { name: 'departure_reason', label: '偏离裁量基准的理由', type: 'textarea', maxLength: 1000, group: '决定' },
    { name: 'first_violation_exempt', label: '首违不罚', type: 'bool', filter: true, group: '决定' },
    // 行政处罚法 art. 33: the ground of a 不予处罚 decision, and what the 首违不罚 look-up found when the decision was made
    { name: 'exemption_ground', label: '不予处罚依据（行政处罚法第三十三条）', type: 'dict', options: EXEMPTION_GROUND_NAMES, filter: true, group: '决定', hint: '决定不予处罚的，选择第三十三条规定的情形；“初次违法”须核查当事人此前有无同一事项的违法行为' },
    { name: 'prior_violations', label: '此前同一事项违法次数', type: 'int', min: 0, group: '决定', hint: '作出决定时系统按统一社会信用代码、身份证号码、名称核查本单位执法案件记录' },
    { name: 'prior_violation_check', label: '首违核查结果', type: 'textarea', maxLength: 2000, group: '决定', hint: '作出决定时由系统核查并记录' },
    { name: 'quick_minor', label: '轻微速罚', type: 'bool', filter: true, group: '决定' },
    { name: 'spot_place', label: '当场处罚地点', type: 'text', maxLength: 200, group: '决定', hint: '当场处罚决定书载明的违法行为地点（行政处罚法第五十二条）' },
    { name: 'summary_filed_on', label: '当场处罚决定备案日期', type: 'date', group: '决定', hint: '执法人员当场作出的行政处罚决定，应当报所属行政机关备案（行政处罚法第五十二条第三款）' },
    ...PERIOD_FIELDS,
    { name: 'served_on', label: '送达日期', type: 'date', group: '送达执行' },
    { name: 'service_method', label: '送达方式', type: 'dict', options: ['当场交付', '直接送达', '留置送达', '邮寄送达', '电子送达', '公告送达'], group: '送达执行' },
    { name: 'executed_on', label: '执行日期', type: 'date', group: '送达执行' },
    { name: 'execution', label: '执行情况', type: 'dict', options: EXECUTIONS, filter: true, group: '送达执行' },
    { name: 'closed_on', label: '结案日期', type: 'date', filter: true, group: '送达执行' },
    { name: 'publication_due_on', label: '公示期限', type: 'date', filter: true, group: '公示', hint: '作出决定时自动计算：行政处罚决定7个工作日内、其他执法决定20个工作日内公示' },
    { name: 'published_on', label: '公示日期', type: 'date', filter: true, group: '公示' },
    { name: 'published_in_time', label: '按期公示', type: 'bool', filter: true, group: '公示', hint: '公示日期不晚于公示期限的，自动标记' },
    { name: 'publication_withdrawn_on', label: '撤回公示日期', type: 'date', group: '公示' },
    { name: 'publication_withdrawn_reason', label: '撤回公示理由', type: 'text', maxLength: 200, group: '公示' },
    { name: 'changed_on', label: '决定更正（撤销）日期', type: 'date', group: '更正撤销', hint: '办理更正或撤销时自动记录；已公示的行政处罚决定须在3个工作日内撤回公示（行政处罚法第四十八条）' },
    { name: 'revoked_on', label: '决定撤销日期', type: 'date', filter: true, group: '更正撤销', hint: '办理撤销时自动记录' },
    { name: 'revoke_reason', label: '撤销理由', type: 'text', maxLength: 1000, group: '更正撤销' },
  ],
});

// 双随机、一公开: 检查对象名录库
export const targetLedger = defineLedger({
  name: 'enforcement.target',
  table: 'enforcement_target',
  label: '检查对象名录库',
  noun: '检查对象',
  module: 'enforcement',
  titleFields: ['name'],
  defaultSort: { field: 'name', dir: 'asc' },
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'uscc', label: '统一社会信用代码', type: 'uscc', required: true, list: true },
    { name: 'industry', label: '行业', type: 'dict', required: true, options: INDUSTRIES, filter: true, list: true },
    { name: 'domain', label: '监管领域', type: 'dict', required: true, options: DOMAINS, filter: true, list: true },
    { name: 'address', label: '经营地址', type: 'text', maxLength: 200 },
    { name: 'in_pool', label: '纳入抽查', type: 'bool', filter: true, list: true },
  ],
  uniqueFields: ['uscc'],
});

// 执法检查人员名录库
export const inspectorLedger = defineLedger({
  name: 'enforcement.inspector',
  table: 'enforcement_inspector',
  label: '执法检查人员名录库',
  noun: '执法人员',
  module: 'enforcement',
  titleFields: ['name'],
  defaultSort: { field: 'name', dir: 'asc' },
  uniqueFields: ['cert_no'],
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 40, searchable: true, list: true },
    { name: 'cert_no', label: '执法证号', type: 'text', required: true, maxLength: 40, list: true },
    { name: 'qualifications', label: '执法领域资格', type: 'dicts', required: true, options: DOMAINS, filter: true, list: true },
    { name: 'unit', label: '所在单位', type: 'text', maxLength: 60, list: true },
    { name: 'avoid_uscc', label: '回避对象（统一社会信用代码）', type: 'textarea', maxLength: 2000, hint: '与本人有利害关系、须回避的检查对象，每行一个统一社会信用代码' },
    { name: 'in_pool', label: '纳入抽取', type: 'bool', filter: true, list: true },
    // 主体和人员资格: the certificate's validity is checked on every case step that names the officer (enforcement.officers.ts)
    { name: 'cert_valid_from', label: '执法证件有效期起', type: 'date', filter: true, group: '执法证件', hint: '行政执法证件载明的有效期起始日期' },
    { name: 'cert_valid_until', label: '执法证件有效期至', type: 'date', filter: true, list: true, group: '执法证件', hint: '有效期届满前按设定天数列入到期事项；执法证件不在有效期内的，不得以其名义立案、调查、作出决定' },
    { name: 'training_year', label: '培训学时统计年度', type: 'int', min: 2000, max: 2100, group: '培训', hint: '填写所登记培训学时的年度' },
    { name: 'training_hours', label: '年度培训学时', type: 'int', min: 0, max: 1000, group: '培训', hint: '该年度参加公共法律知识、业务知识和执法技能培训的学时；应达学时为设置项 enforcement.officer.training_hours（默认每年60学时）' },
  ],
  rules: [{ field: 'cert_valid_until', message: '执法证件有效期至：不能早于有效期起', check: (v) => !v['cert_valid_from'] || !v['cert_valid_until'] || String(v['cert_valid_until']) >= String(v['cert_valid_from']) }],
});

export const enforcementLedgers = [matterLedger, benchmarkLedger, caseLedger, targetLedger, inspectorLedger];
