import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled, forbiddenWhen, is, isNot, requiredWhen } from '../../platform/ledger/rules.ts';

export const CONTACT_FORMS = ['企业沙龙', '政企座谈会', '走访企业', '现场办公', '政策宣讲会'] as const;
export const LEADER_RANKS = ['党政主要负责人', '其他班子成员', '部门（站所）负责人', '联企干部'] as const;
export const ISSUE_CHANNELS = ['企业沙龙', '政企座谈会', '走访企业', '12345热线', '来电来访', '网络平台留言', '其他'] as const;
export const ISSUE_CATEGORIES = ['融资', '用工', '用地', '审批', '政策兑现', '执法检查', '水电路网等配套', '其他'] as const;
export const RESOLUTIONS = ['正在解决', '已解决', '无法解决已解释'] as const;
export const MEASURE_CATEGORIES = ['政务服务', '要素保障', '惠企政策', '涉企执法', '法治保障', '市场准入', '其他'] as const;
export const INDUSTRIES = ['餐饮', '食品生产经营', '建筑施工', '道路运输', '危险化学品', '农业生产经营', '旅游民宿', '商贸零售', '制造加工', '其他'] as const;
export const GUIDANCE_FORMS = ['合规告知（提示函）', '行政指导书', '上门合规体检', '合规培训（讲座）', '柔性执法回访'] as const;
export const GUIDANCE_LISTS = ['轻微违法行为不予行政处罚清单', '首违不罚清单', '从轻减轻行政处罚清单', '不予实施行政强制措施清单', '企业行政合规指引', '未适用清单'] as const;
export const GUIDANCE_OUTCOMES = ['未发现问题', '已整改到位', '限期整改中', '依法不予处罚', '转立案查处'] as const;

const named = (text: unknown): number => String(text ?? '').split(/[、,，;；\n]+/).map((s) => s.trim()).filter(Boolean).length;

/** 政企沟通: salons, forums and visits where leaders meet enterprises */
export const contactLedger = defineLedger({
  name: 'bizenv.contact',
  table: 'bizenv_contact',
  label: '政企沟通（联系企业）台账',
  noun: '政企沟通活动',
  module: 'business-env',
  titleFields: ['contact_on', 'topic'],
  defaultSort: { field: 'contact_on', dir: 'desc' },
  dateField: 'contact_on',
  fields: [
    { name: 'contact_on', label: '活动日期', type: 'date', required: true, filter: true, list: true },
    { name: 'form', label: '活动形式', type: 'dict', required: true, options: CONTACT_FORMS, filter: true, list: true },
    { name: 'topic', label: '活动主题', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'leader', label: '参加领导', type: 'text', required: true, maxLength: 60, searchable: true, list: true, hint: '多人用顿号分隔' },
    { name: 'leader_rank', label: '领导层级', type: 'dict', required: true, options: LEADER_RANKS, filter: true, hint: '党委书记、乡镇长（县委书记、县长）参加的选党政主要负责人' },
    { name: 'venue', label: '地点', type: 'text', maxLength: 60 },
    { name: 'enterprises', label: '参加（走访）企业', type: 'textarea', required: true, maxLength: 2000, searchable: true, hint: '企业名称用顿号分隔' },
    { name: 'enterprise_count', label: '企业数（家）', type: 'int', required: true, min: 1, max: 500, list: true },
    // the problems recorded from the contact, never a number typed beside them (decision 0030)
    { name: 'problems_count', label: '收集问题建议（条）', type: 'int', list: true, counted: { ledger: 'bizenv.issue', ref: 'contact_id' }, hint: '来源为本次活动的企业问题建议记录数；在企业问题建议办理台账中选择来源活动即计入' },
    { name: 'summary', label: '活动情况', type: 'textarea', maxLength: 3000, searchable: true },
  ],
  rules: [
    { field: 'enterprise_count', message: '企业数不能少于列出的企业名称个数', check: (r) => !filled(r, 'enterprises') || !filled(r, 'enterprise_count') || Number(r['enterprise_count']) >= named(r['enterprises']) },
    { field: 'enterprise_count', message: '企业沙龙、座谈会须有2家以上企业参加', check: (r) => !['企业沙龙', '政企座谈会'].includes(String(r['form'])) || Number(r['enterprise_count'] ?? 0) >= 2 },
  ],
});

/** 企业问题建议: each problem or suggestion an enterprise raised, and how it was resolved ("收集问题建议13条") */
export const issueLedger = defineLedger({
  name: 'bizenv.issue',
  table: 'bizenv_issue',
  label: '企业问题建议办理台账',
  noun: '问题建议',
  module: 'business-env',
  titleFields: ['issue_no', 'enterprise'],
  defaultSort: { field: 'received_on', dir: 'desc' },
  dateField: 'received_on',
  uniqueFields: ['issue_no'],
  fields: [
    { name: 'issue_no', label: '编号', type: 'text', required: true, maxLength: 40, searchable: true, list: true, group: '收集' },
    { name: 'received_on', label: '收集日期', type: 'date', required: true, filter: true, list: true, group: '收集' },
    { name: 'channel', label: '收集渠道', type: 'dict', required: true, options: ISSUE_CHANNELS, filter: true, group: '收集' },
    { name: 'contact_id', label: '来源活动', type: 'ref', ref: 'bizenv.contact', group: '收集' },
    { name: 'enterprise', label: '企业名称', type: 'text', required: true, maxLength: 80, searchable: true, filter: true, list: true, group: '收集' },
    { name: 'uscc', label: '统一社会信用代码', type: 'uscc', required: true, group: '收集' },
    { name: 'contact_person', label: '企业联系人', type: 'text', maxLength: 20, group: '收集' },
    { name: 'contact_phone', label: '联系电话', type: 'phone', personal: 'phone', group: '收集' },
    { name: 'kind', label: '性质', type: 'dict', required: true, options: ['问题诉求', '意见建议'], filter: true, group: '收集' },
    { name: 'category', label: '问题类别', type: 'dict', required: true, options: ISSUE_CATEGORIES, filter: true, list: true, group: '收集' },
    { name: 'description', label: '问题（建议）内容', type: 'textarea', required: true, maxLength: 2000, searchable: true, group: '收集' },
    { name: 'responsible_unit', label: '责任单位', type: 'text', required: true, maxLength: 60, searchable: true, filter: true, list: true, group: '办理' },
    { name: 'lead_leader', label: '包联领导', type: 'text', maxLength: 20, group: '办理' },
    { name: 'deadline', label: '办结时限', type: 'date', filter: true, group: '办理', deadline: { doneBy: 'resolved_on' } },
    { name: 'resolution', label: '办理状态', type: 'dict', required: true, options: RESOLUTIONS, filter: true, list: true, group: '办理' },
    { name: 'resolved_on', label: '办结日期', type: 'date', filter: true, group: '办理' },
    { name: 'feedback', label: '办理结果及反馈情况', type: 'textarea', maxLength: 2000, searchable: true, group: '办理' },
    { name: 'satisfaction', label: '企业评价', type: 'dict', options: ['满意', '基本满意', '不满意'], filter: true, group: '办理' },
  ],
  rules: [
    dateNotBefore('deadline', 'received_on', '办结时限不能早于收集日期'),
    dateNotBefore('resolved_on', 'received_on', '办结日期不能早于收集日期'),
    requiredWhen('resolved_on', isNot('resolution', '正在解决'), '已办结（已解决或已解释）的须填写办结日期'),
    forbiddenWhen('resolved_on', is('resolution', '正在解决'), '正在解决的不应填写办结日期'),
    requiredWhen('feedback', isNot('resolution', '正在解决'), '已办结的须填写办理结果及向企业反馈情况'),
    forbiddenWhen('satisfaction', is('resolution', '正在解决'), '正在解决的不应填写企业评价'),
  ],
});

/** 营商环境提升举措: measures adopted ("研究制定营商环境提升举措6条") */
export const measureLedger = defineLedger({
  name: 'bizenv.measure',
  table: 'bizenv_measure',
  label: '营商环境提升举措台账',
  noun: '举措',
  module: 'business-env',
  titleFields: ['title'],
  defaultSort: { field: 'adopted_on', dir: 'desc' },
  dateField: 'adopted_on',
  fields: [
    { name: 'title', label: '举措名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'category', label: '类别', type: 'dict', required: true, options: MEASURE_CATEGORIES, filter: true, list: true },
    { name: 'adopted_on', label: '出台日期', type: 'date', required: true, filter: true, list: true },
    { name: 'doc_no', label: '文号', type: 'text', maxLength: 40, searchable: true, list: true, hint: '以文件印发的填文号，如：城委发〔2025〕12号' },
    { name: 'source', label: '来源', type: 'dict', required: true, options: ['企业问题建议转化', '上级部署', '自主创新'], filter: true },
    { name: 'content', label: '主要内容', type: 'textarea', required: true, maxLength: 3000, searchable: true },
    { name: 'responsible_unit', label: '牵头单位', type: 'text', required: true, maxLength: 60, searchable: true },
    { name: 'implementation', label: '落实情况', type: 'dict', required: true, options: ['正在落实', '已落实'], filter: true, list: true },
    { name: 'effect', label: '实施成效', type: 'textarea', maxLength: 2000 },
  ],
  rules: [
    requiredWhen('effect', is('implementation', '已落实'), '已落实的须填写实施成效'),
  ],
});

/** 企业合规指导: administrative-compliance guidance given to enterprises, incl. the 免罚 lists applied */
export const complianceLedger = defineLedger({
  name: 'bizenv.compliance',
  table: 'bizenv_compliance',
  label: '企业合规指导台账',
  noun: '合规指导',
  module: 'business-env',
  titleFields: ['guided_on', 'enterprise'],
  defaultSort: { field: 'guided_on', dir: 'desc' },
  dateField: 'guided_on',
  fields: [
    { name: 'guided_on', label: '指导日期', type: 'date', required: true, filter: true, list: true, group: '指导' },
    { name: 'enterprise', label: '企业（经营主体）名称', type: 'text', required: true, maxLength: 80, searchable: true, list: true, group: '指导' },
    { name: 'uscc', label: '统一社会信用代码', type: 'uscc', required: true, group: '指导' },
    { name: 'industry', label: '所属行业', type: 'dict', required: true, options: INDUSTRIES, filter: true, list: true, group: '指导' },
    { name: 'contact_phone', label: '企业联系电话', type: 'phone', personal: 'phone', group: '指导' },
    { name: 'form', label: '指导方式', type: 'dict', required: true, options: GUIDANCE_FORMS, filter: true, list: true, group: '指导' },
    { name: 'list_applied', label: '适用清单', type: 'dict', required: true, options: GUIDANCE_LISTS, filter: true, list: true, group: '指导' },
    { name: 'guided_by', label: '指导人员', type: 'text', required: true, maxLength: 60, group: '指导' },
    { name: 'risks_found', label: '发现风险隐患（个）', type: 'int', required: true, min: 0, max: 100, group: '结果' },
    { name: 'content', label: '指导内容', type: 'textarea', required: true, maxLength: 2000, searchable: true, group: '结果' },
    { name: 'outcome', label: '处理结果', type: 'dict', required: true, options: GUIDANCE_OUTCOMES, filter: true, list: true, group: '结果' },
    { name: 'rectify_by', label: '整改期限', type: 'date', group: '结果', deadline: { doneBy: 'rectified_on' } },
    { name: 'rectified_on', label: '整改完成日期', type: 'date', group: '结果' },
  ],
  rules: [
    { field: 'outcome', message: '发现风险隐患的，处理结果不能为未发现问题', check: (r) => Number(r['risks_found'] ?? 0) === 0 || r['outcome'] !== '未发现问题' },
    { field: 'risks_found', message: '整改或不予处罚的须填写发现的风险隐患个数（至少1个）', check: (r) => !['已整改到位', '限期整改中', '依法不予处罚', '转立案查处'].includes(String(r['outcome'])) || Number(r['risks_found'] ?? 0) >= 1 },
    // 行政处罚法 art. 33: no penalty for a first minor violation corrected in time — the list applied must say so
    { field: 'list_applied', message: '依法不予处罚的须注明适用的不予处罚清单（轻微违法或首违不罚）', check: (r) => r['outcome'] !== '依法不予处罚' || ['轻微违法行为不予行政处罚清单', '首违不罚清单'].includes(String(r['list_applied'])) },
    requiredWhen('rectify_by', is('outcome', '限期整改中'), '限期整改的须填写整改期限'),
    dateNotBefore('rectify_by', 'guided_on', '整改期限不能早于指导日期'),
    requiredWhen('rectified_on', is('outcome', '已整改到位'), '已整改到位的须填写整改完成日期'),
    forbiddenWhen('rectified_on', is('outcome', '限期整改中'), '限期整改中的不应填写整改完成日期'),
    dateNotBefore('rectified_on', 'guided_on', '整改完成日期不能早于指导日期'),
  ],
});
