import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled } from '../../platform/ledger/rules.ts';
import { defineWorkflow, type GateCheck, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';
import { failedItems, parseChecklist } from '../../../common/inspection.checklist.ts';
import { registeredInspectors } from './enforcement.officers.ts';
import { inspectorProblems, inspectorRules, INSPECTOR_IDENTITIES } from './inspection.rules.ts';

// 涉企行政检查 (国办发〔2024〕54号): 日常检查 by plan, 专项检查 by campaign, 个案检查 on a complaint or a lead
export const PLAN_KINDS = ['日常', '专项', '个案'] as const;
export const INSPECTION_OUTCOMES = ['未发现问题', '责令整改', '转立案'] as const;
export const NOTICE_METHODS = ['书面通知', '电话通知', '短信通知', '现场出示'] as const;

// only certified law-enforcement officers inspect: grid workers, auxiliaries and third parties are refused by name
const inspectorsCertified: GateCheck = {
  message: '检查人员须为两名持有行政执法证件的执法人员（网格员、协管员、辅助人员和第三方机构人员不得实施检查）',
  check: (v) => inspectorProblems(v).length === 0,
};
// approval comes before the inspection; an emergency approval after it, with the reason
const approvedBefore: GateCheck = {
  message: '检查日期早于审批日期：涉企行政检查须在检查前经负责人批准（情况紧急的，请办理“紧急检查事后补批”并说明理由）',
  check: (v) => !filled(v, 'inspected_on') || !filled(v, 'approved_on') || String(v['inspected_on']) >= String(v['approved_on']),
};
const approvedAfter: GateCheck = {
  message: '事后补批日期不能早于检查日期',
  check: (v) => !filled(v, 'inspected_on') || !filled(v, 'approved_on') || String(v['approved_on']) >= String(v['inspected_on']),
};
const notifiedAfterApproval: GateCheck = {
  message: '检查通知日期不能早于审批日期',
  check: (v) => !filled(v, 'notified_on') || !filled(v, 'approved_on') || String(v['notified_on']) >= String(v['approved_on']),
};
const rectifyDue: GateCheck = { message: '检查结果为责令整改的，须填写整改期限', check: (v) => v['outcome'] !== '责令整改' || filled(v, 'rectify_due_on') };
const transferMatter: GateCheck = {
  message: '检查结果为转立案的，须选择立案所依据的行政处罚事项并填写案由',
  check: (v) => v['outcome'] !== '转立案' || (filled(v, 'penalty_matter') && filled(v, 'case_summary')),
};

// what the inspection found, with the questioning, the survey and the samples it took when it took any (the
// 询问笔录, 勘验笔录 and 抽样取证凭证 of the 行政检查文书基本格式文本 are made from them)
const RESULT_FIELDS = ['inspected_on', 'checklist', 'inspection_record', 'outcome', 'rectify_due_on', 'result_notified_on', 'penalty_matter', 'case_summary', 'penalty_case', 'interviewee', 'interviewee_role', 'interview_record', 'survey_record', 'samples', 'sample_purpose'];
export const SAMPLE_PURPOSES = ['检验', '检测', '检疫', '鉴定'] as const;
const sampled: GateCheck = { message: '抽取样品的，须写明抽样目的（检验、检测、检疫或鉴定）', check: (v) => !filled(v, 'samples') || filled(v, 'sample_purpose') };
/** the checklist's text as stored or sent; anything but a string is left to the field's own validation */
const checklistText = (v: Readonly<Record<string, unknown>>): string => (typeof v['checklist'] === 'string' ? v['checklist'] : '');
/** 逐项检查 (一表通查): the checklist, when filled, reads line by line; the refusal names the first bad line */
const checklistWellFormed: GateCheck = {
  message: '逐项检查结果格式有误',
  check: (v) => parseChecklist(checklistText(v)).problems.length === 0,
  explain: (v) => `逐项检查结果格式有误：${parseChecklist(checklistText(v)).problems[0] ?? ''}`,
};
const checklistAgreesWithOutcome: GateCheck = {
  message: '逐项检查有不符合项的，检查结果不能为“未发现问题”',
  check: (v) => v['outcome'] !== '未发现问题' || failedItems(parseChecklist(checklistText(v)).entries).length === 0,
};
const interviewed: GateCheck = { message: '记录询问情况的，须填写被询问人', check: (v) => !filled(v, 'interview_record') || filled(v, 'interviewee') };

/**
 * an enterprise inspection: planned (待审批) → approved by the person in charge → the enterprise notified → inspected.
 * An emergency inspection is recorded after the fact with its reason (紧急检查事后补批). Approval, the emergency record
 * and the result go through the module's own routes (inspection.service.ts): they check the published matter and
 * the annual frequency cap in the database, give the inspection code and open the penalty case of a 转立案.
 */
export function inspectionWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      planned: { label: '待审批' },
      approved: { label: '已批准' },
      notified: { label: '已通知' },
      inspected: { label: '已检查', final: true },
      cancelled: { label: '已取消', final: true },
    },
    initial: 'planned',
    deriveState: (v) => {
      if (filled(v, 'cancelled_on')) return 'cancelled';
      if (filled(v, 'inspected_on') && filled(v, 'outcome')) return 'inspected';
      if (filled(v, 'notified_on')) return 'notified';
      if (filled(v, 'approved_on')) return 'approved';
      return 'planned';
    },
    transitions: [
      {
        name: 'approve',
        label: '检查审批',
        from: ['planned'],
        to: 'approved',
        roles: ['leader', 'county_admin'],
        todo: { label: '检查审批' },
        captures: ['approved_on', 'approver', 'approval_opinion', 'inspection_code'],
        gates: { fields: ['approved_on', 'approver'], checks: [inspectorsCertified], lookups: [registeredInspectors] },
        dedicated: { hint: '在本页“检查审批”卡片中办理（核对检查事项是否公布、年度检查频次是否超限）' },
      },
      {
        name: 'emergency',
        label: '紧急检查事后补批',
        from: ['planned'],
        to: 'inspected',
        roles: ['leader', 'county_admin'],
        captures: ['emergency_reason', 'approved_on', 'approver', 'approval_opinion', 'inspection_code', ...RESULT_FIELDS],
        gates: { fields: ['emergency_reason', 'approved_on', 'approver', 'inspected_on', 'inspection_record', 'outcome'], checks: [inspectorsCertified, approvedAfter, rectifyDue, transferMatter, sampled, interviewed, checklistWellFormed, checklistAgreesWithOutcome], lookups: [registeredInspectors] },
        dedicated: { hint: '在本页“检查审批”卡片中办理（须说明紧急情况）' },
      },
      {
        name: 'notify',
        label: '通知企业',
        from: ['approved'],
        to: 'notified',
        todo: true,
        captures: ['notified_on', 'notice_method'],
        gates: { fields: ['notified_on', 'notice_method'], checks: [notifiedAfterApproval] },
      },
      {
        name: 'record_result',
        label: '记录检查结果',
        from: ['notified'],
        to: 'inspected',
        todo: true,
        captures: RESULT_FIELDS,
        gates: { fields: ['inspected_on', 'inspection_record', 'outcome'], checks: [inspectorsCertified, approvedBefore, rectifyDue, transferMatter, sampled, interviewed, checklistWellFormed, checklistAgreesWithOutcome], lookups: [registeredInspectors] },
        dedicated: { hint: '在本页“检查结果”卡片中办理（转立案的同时生成行政处罚案件）' },
      },
      { name: 'cancel', label: '取消检查', from: ['planned', 'approved', 'notified'], to: 'cancelled', note: 'required', captures: ['cancelled_on'], gates: { fields: ['cancelled_on'] } },
    ],
  });
}

/**
 * 行政检查计划: the 日常 plan of the year, the 专项 campaign's plan, the 个案 inspection's scheme (检查方案), each
 * approved by the person in charge before any inspection under it (国办发〔2024〕54号: 凡检查必审批); an inspection
 * is approved only under an approved plan of its kind whose period holds its day (inspection.service.ts)
 */
export function inspectionPlanWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: { drafted: { label: '待审批' }, approved: { label: '已批准' }, cancelled: { label: '已撤销', final: true } },
    initial: 'drafted',
    deriveState: (v) => (filled(v, 'cancelled_on') ? 'cancelled' : filled(v, 'approved_on') ? 'approved' : 'drafted'),
    transitions: [
      { name: 'approve', label: '计划审批', from: ['drafted'], to: 'approved', roles: ['leader', 'county_admin'], todo: { label: '检查计划审批' }, captures: ['approved_on', 'approval_opinion'], gates: { fields: ['approved_on', 'approval_opinion'] } },
      { name: 'cancel', label: '撤销计划', from: ['drafted', 'approved'], to: 'cancelled', roles: ['leader', 'county_admin'], note: 'required', captures: ['cancelled_on'], gates: { fields: ['cancelled_on'] } },
    ],
  });
}

export const inspectionPlanLedger = defineLedger({
  name: 'enforcement.inspection_plan',
  table: 'enforcement_inspection_plan',
  label: '行政检查计划',
  noun: '检查计划',
  module: 'enforcement',
  titleFields: ['title'],
  defaultSort: { field: 'starts_on', dir: 'desc' },
  dateField: 'starts_on',
  workflow: inspectionPlanWorkflow(),
  rules: [dateNotBefore('ends_on', 'starts_on', '计划截止日期不能早于开始日期')],
  fields: [
    { name: 'title', label: '计划名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true, hint: '如“2026年度城关镇涉企日常检查计划”“燃气安全专项检查方案”' },
    { name: 'plan_kind', label: '检查类型', type: 'dict', required: true, options: PLAN_KINDS, filter: true, list: true, hint: '日常检查按年度计划；专项检查按专项行动方案；个案检查因投诉举报、转办交办等，逐案制定检查方案' },
    { name: 'starts_on', label: '计划开始日期', type: 'date', required: true, filter: true, list: true },
    { name: 'ends_on', label: '计划截止日期', type: 'date', required: true, list: true },
    { name: 'scope', label: '检查事项和内容', type: 'textarea', required: true, maxLength: 3000, searchable: true },
    { name: 'targets', label: '检查对象范围', type: 'textarea', required: true, maxLength: 2000, hint: '日常检查写明对象范围和抽查比例；个案检查写明被检查企业和线索来源' },
    { name: 'approved_on', label: '审批日期', type: 'date', filter: true, list: true },
    { name: 'approval_opinion', label: '负责人审批意见', type: 'text', maxLength: 500 },
    { name: 'cancelled_on', label: '撤销日期', type: 'date' },
  ],
});

// 检查标准: what is checked under a matter (一表通查), printed on the on-site record
export const inspectionStandardLedger = defineLedger({
  name: 'enforcement.inspection_standard',
  table: 'enforcement_inspection_standard',
  label: '行政检查标准',
  noun: '检查标准',
  module: 'enforcement',
  titleFields: ['title'],
  defaultSort: { field: 'title', dir: 'asc' },
  roles: { create: ['reviewer', 'county_admin'], update: ['reviewer', 'county_admin'], import: ['reviewer', 'county_admin'] },
  fields: [
    { name: 'matter', label: '检查事项', type: 'ref', ref: 'enforcement.matter', required: true, list: true },
    { name: 'title', label: '标准名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'items', label: '检查内容和标准', type: 'textarea', required: true, maxLength: 5000, searchable: true, hint: '每行一项：检查内容及合格标准（一表通查）' },
    { name: 'basis', label: '依据', type: 'text', maxLength: 200 },
  ],
});

export const inspectionLedger = defineLedger({
  name: 'enforcement.inspection',
  table: 'enforcement_inspection',
  label: '涉企行政检查',
  noun: '行政检查',
  module: 'enforcement',
  titleFields: ['inspection_no', 'enterprise_name'],
  defaultSort: { field: 'planned_on', dir: 'desc' },
  dateField: 'planned_on',
  uniqueFields: ['inspection_no', 'inspection_code'],
  workflow: inspectionWorkflow(),
  rules: inspectorRules,
  fields: [
    { name: 'inspection_no', label: '检查编号', type: 'text', required: true, maxLength: 60, searchable: true, list: true, group: '检查计划', numbered: { series: 'enforcement.inspection_no', label: '涉企行政检查编号', defaultFormat: '{机关简称}检〔{年}〕{序号}号', assignOn: 'create', yearFrom: 'planned_on' } },
    { name: 'plan_kind', label: '检查类型', type: 'dict', required: true, options: PLAN_KINDS, filter: true, list: true, group: '检查计划', hint: '日常检查按年度计划开展；专项检查按专项行动开展；个案检查因投诉举报、转办交办等开展' },
    { name: 'plan', label: '检查计划', type: 'ref', ref: 'enforcement.inspection_plan', group: '检查计划', hint: '须为负责人已批准、检查类型相同且计划期间包含检查日期的检查计划（个案检查为检查方案）；紧急检查可事后补办' },
    { name: 'plan_name', label: '所属检查计划（专项行动）', type: 'text', maxLength: 100, searchable: true, group: '检查计划' },
    { name: 'matter', label: '检查事项', type: 'ref', ref: 'enforcement.matter', required: true, group: '检查计划', hint: '须为已公布的执法事项清单中的行政检查事项' },
    { name: 'planned_on', label: '计划检查日期', type: 'date', required: true, filter: true, list: true, group: '检查计划' },
    { name: 'enterprise_name', label: '被检查企业', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '检查对象' },
    { name: 'enterprise_uscc', label: '统一社会信用代码', type: 'uscc', required: true, filter: true, group: '检查对象' },
    { name: 'enterprise_address', label: '经营地址', type: 'text', maxLength: 200, group: '检查对象' },
    { name: 'joint_orgs', label: '联合检查部门', type: 'text', maxLength: 200, group: '检查对象', hint: '“综合查一次”：多个部门联合检查的，由牵头部门登记一次，列明参加部门，计为一次入企检查' },
    { name: 'inspector1_name', label: '检查人员一', type: 'text', required: true, maxLength: 40, list: true, group: '检查人员' },
    { name: 'inspector1_identity', label: '检查人员一身份', type: 'dict', required: true, options: INSPECTOR_IDENTITIES, group: '检查人员' },
    { name: 'inspector1_cert', label: '检查人员一执法证号', type: 'text', maxLength: 40, group: '检查人员' },
    { name: 'inspector2_name', label: '检查人员二', type: 'text', required: true, maxLength: 40, group: '检查人员' },
    { name: 'inspector2_identity', label: '检查人员二身份', type: 'dict', required: true, options: INSPECTOR_IDENTITIES, group: '检查人员' },
    { name: 'inspector2_cert', label: '检查人员二执法证号', type: 'text', maxLength: 40, group: '检查人员' },
    { name: 'approved_on', label: '审批日期', type: 'date', filter: true, group: '审批' },
    { name: 'approver', label: '批准人', type: 'text', maxLength: 40, group: '审批', hint: '办理审批的负责人，按登录账号自动记录' },
    { name: 'approval_opinion', label: '审批意见', type: 'text', maxLength: 500, group: '审批' },
    { name: 'emergency_reason', label: '紧急检查理由', type: 'textarea', maxLength: 1000, group: '审批', hint: '情况紧急、需要当场实施检查的，检查后及时补办审批并说明理由' },
    { name: 'inspection_code', label: '检查码', type: 'text', maxLength: 20, list: true, group: '审批', hint: '批准时由系统生成；企业扫码或在政务公开网站输入检查码即可核验' },
    { name: 'notified_on', label: '通知日期', type: 'date', group: '通知' },
    { name: 'notice_method', label: '通知方式', type: 'dict', options: NOTICE_METHODS, group: '通知' },
    { name: 'inspected_on', label: '检查日期', type: 'date', filter: true, list: true, group: '检查结果' },
    { name: 'checklist', label: '逐项检查结果', type: 'textarea', maxLength: 8000, group: '检查结果', hint: '每行一项“结论｜检查内容｜说明”，结论为符合、不符合或不适用，不符合的须说明发现的问题；由现场检查模式逐项勾选生成' },
    { name: 'inspection_record', label: '现场检查情况', type: 'textarea', maxLength: 5000, group: '检查结果' },
    { name: 'interviewee', label: '被询问人', type: 'text', maxLength: 40, personal: 'name', group: '询问勘验抽样', hint: '检查中询问企业负责人或者有关人员的，据此制作询问笔录' },
    { name: 'interviewee_role', label: '被询问人职务', type: 'text', maxLength: 40, group: '询问勘验抽样' },
    { name: 'interview_record', label: '询问情况', type: 'textarea', maxLength: 5000, group: '询问勘验抽样', hint: '问答记录，每行一问或一答' },
    { name: 'survey_record', label: '勘验情况', type: 'textarea', maxLength: 5000, group: '询问勘验抽样', hint: '对场所、设施、物品勘验的，写明勘验对象、方法和结果，据此制作勘验笔录' },
    { name: 'samples', label: '抽取的样品', type: 'textarea', maxLength: 2000, group: '询问勘验抽样', hint: '每行一项：样品名称、规格型号、批号、数量，据此制作抽样取证凭证' },
    { name: 'sample_purpose', label: '抽样目的', type: 'dict', options: SAMPLE_PURPOSES, group: '询问勘验抽样' },
    { name: 'outcome', label: '检查结果', type: 'dict', options: INSPECTION_OUTCOMES, filter: true, list: true, group: '检查结果' },
    { name: 'rectify_due_on', label: '整改期限', type: 'date', group: '检查结果' },
    { name: 'result_notified_on', label: '结果告知日期', type: 'date', group: '检查结果' },
    { name: 'penalty_matter', label: '立案依据的处罚事项', type: 'ref', ref: 'enforcement.matter', group: '检查结果' },
    { name: 'case_summary', label: '立案案由', type: 'text', maxLength: 200, group: '检查结果' },
    { name: 'penalty_case', label: '转立案的处罚案件', type: 'ref', ref: 'enforcement.case', group: '检查结果', hint: '检查结果为转立案的，系统同时生成行政处罚案件（案源登记）' },
    { name: 'cancelled_on', label: '取消日期', type: 'date', group: '检查计划' },
  ],
});

export const inspectionLedgers = [inspectionPlanLedger, inspectionStandardLedger, inspectionLedger];
