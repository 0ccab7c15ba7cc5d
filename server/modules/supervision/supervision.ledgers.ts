import { UNIT_SCOPES } from '../../platform/ledger/org-levels.ts';
import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.types.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';


/** the county 司法局's supervisors plan, draw, score and issue; the town answers a 意见书 served on it */
export const SUPERVISORS = ['supervisor'] as const;
export const ANSWERING = ['clerk', 'leader'] as const;

/**
 * 案卷评查 plan: planned → the system draws the case files (its own route: seed, frozen list, result recorded) →
 * the supervisors score each file on the sheet (their own route) → finished once every file is scored
 */
export const reviewLedger = defineLedger({
  name: 'supervision.review',
  table: 'supervision_review',
  label: '案卷评查',
  noun: '评查计划',
  module: 'supervision',
  orgLevels: ['county'],
  roles: { read: SUPERVISORS, create: SUPERVISORS, update: SUPERVISORS, withdraw: SUPERVISORS, export: SUPERVISORS, import: [] },
  titleFields: ['title'],
  defaultSort: { field: 'planned_on', dir: 'desc' },
  dateField: 'planned_on',
  fields: [
    { name: 'title', label: '评查名称', type: 'text', required: true, maxLength: 80, searchable: true, list: true, group: '计划' },
    { name: 'planned_on', label: '计划日期', type: 'date', required: true, filter: true, list: true, group: '计划' },
    { name: 'period_from', label: '结案日期起', type: 'date', required: true, group: '抽取范围', hint: '从各乡镇在此期间结案的行政执法案卷中随机抽取' },
    { name: 'period_to', label: '结案日期止', type: 'date', required: true, group: '抽取范围' },
    { name: 'case_count', label: '抽取案卷数', type: 'int', required: true, min: 1, max: 50, list: true, group: '抽取范围' },
    { name: 'finished_on', label: '完成日期', type: 'date', filter: true, list: true, group: '结果' },
    { name: 'conclusion', label: '评查结论', type: 'textarea', maxLength: 3000, group: '结果' },
  ],
  rules: [{ field: 'period_to', message: '结案日期止：不能早于结案日期起', check: (v) => !v['period_from'] || !v['period_to'] || String(v['period_to']) >= String(v['period_from']) }],
  // once the files are drawn the plan's range is what they were drawn from: it no longer changes by a plain edit
  fieldLocks: async (ctx, row) => {
    const drawn = await ledgerDb(ctx).selectFrom('supervision_review_draw').select('review_id').where('review_id', '=', Number(row['id'])).where('drawn_at', 'is not', null).executeTakeFirst();
    return drawn ? [{ fields: ['period_from', 'period_to', 'case_count'], reason: '已随机抽取案卷，抽取范围和数量以抽取时冻结的名录为准，不能修改' }] : [];
  },
  workflow: defineWorkflow({
    states: { planned: { label: '待抽取' }, scoring: { label: '评查中' }, finished: { label: '已完成', final: true } },
    initial: 'planned',
    // a finished review is corrected by the supervisors alone, with its reason
    correction: { roles: SUPERVISORS },
    transitions: [
      { name: 'draw', label: '随机抽取案卷', from: ['planned'], to: 'scoring', roles: SUPERVISORS, todo: true, dedicated: { hint: '在评查页面先承诺随机种子，再由系统冻结名录、揭示种子并抽取' } },
      { name: 'finish', label: '完成评查', from: ['scoring'], to: 'finished', roles: SUPERVISORS, todo: true, captures: ['finished_on', 'conclusion'], dateField: 'finished_on', dedicated: { hint: '全部案卷评分后在评查页面完成' } },
    ],
  }),
});

export const RECTIFY_RESULTS = ['整改到位', '整改不到位'] as const;

// 行政执法监督条例: the supervision organ's written instruments — an opinion, a decision (to correct or revoke), a recommendation
export const INSTRUMENT_KINDS = ['意见书', '决定书', '建议书'] as const;
export const INSTRUMENT_TITLES: Record<(typeof INSTRUMENT_KINDS)[number], string> = { 意见书: '行政执法监督意见书', 决定书: '行政执法监督决定书', 建议书: '行政执法监督建议书' };

/**
 * 行政执法监督意见书 / 决定书 / 建议书: one ledger, one workflow and one clock, the instrument's `kind` telling them apart
 * (decision 0034). Held by the unit it is served on (so the unit sees it and answers) and numbered in the county's
 * name, each kind in its own series. The 条例's article-level time limits are not in our sources: the supervisor sets
 * the rectification period on each instrument (整改期限（日）), the clock counts it from the date of issue; while the
 * supervisor verifies a report the clock pauses, a report sent back resumes it with the days left.
 */
export const opinionLedger = defineLedger({
  name: 'supervision.opinion',
  table: 'supervision_opinion',
  label: '行政执法监督文书',
  noun: '监督文书',
  module: 'supervision',
  // served on a town or its office, or on a county department (the 条例 puts both under the county's supervision)
  orgLevels: ['town', 'county'],
  departmentsOnlyAt: ['county'],
  roles: { read: [...SUPERVISORS, ...ANSWERING], create: SUPERVISORS, update: SUPERVISORS, withdraw: SUPERVISORS, export: SUPERVISORS, import: [] },
  titleFields: ['opinion_no', 'subject'],
  defaultSort: { field: 'issued_on', dir: 'desc' },
  dateField: 'issued_on',
  uniqueFields: ['opinion_no'],
  fields: [
    { name: 'kind', label: '文书种类', type: 'dict', required: true, options: INSTRUMENT_KINDS, filter: true, list: true, group: '文书', hint: '意见书：指出问题、提出整改意见；决定书：责令纠正、撤销或者变更违法或不当的执法行为；建议书：就执法制度和管理提出建议' },
    { name: 'opinion_no', label: '文号', type: 'text', required: true, maxLength: 50, searchable: true, list: true, group: '文书', numbered: { series: 'supervision.opinion_no', label: '行政执法监督文书文号', defaultFormat: '{机关简称}执监{类别}〔{年}〕{序号}号', assignOn: 'create', yearFrom: 'issued_on', issuer: 'county', kindFrom: { field: 'kind', codes: { 意见书: '意', 决定书: '决', 建议书: '建' } } } },
    { name: 'issued_on', label: '制发日期', type: 'date', required: true, filter: true, list: true, group: '文书' },
    { name: 'subject', label: '事由', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '文书', hint: '如“2026年第三季度行政处罚案卷评查发现的问题”' },
    { name: 'problems', label: '发现的问题', type: 'textarea', required: true, maxLength: 3000, redact: true, group: '文书' },
    { name: 'requirements', label: '监督意见（决定、建议）和整改要求', type: 'textarea', required: true, maxLength: 3000, group: '文书' },
    { name: 'rectify_days', label: '整改期限（日）', type: 'int', required: true, min: 1, max: 180, group: '文书', hint: '自制发之日起计算的自然日；行政执法监督条例未规定统一期限，由监督机关根据问题确定' },
    { name: 'activity', label: '所属监督活动', type: 'ref', ref: 'supervision.activity', group: '来源', hint: '监督活动中发现问题而制发的，选择该活动' },
    { name: 'clue', label: '来源线索', type: 'text', maxLength: 200, group: '来源', hint: '由线索清单制发时自动记录线索类别和单位' },
    { name: 'basis_records', label: '所涉记录', type: 'textarea', maxLength: 5000, group: '来源', hint: '由线索清单制发时自动记录线索所依据的台账记录（台账名称和记录编号）' },
    { name: 'reported_on', label: '整改报告日期', type: 'date', filter: true, group: '整改' },
    { name: 'report', label: '整改情况报告', type: 'textarea', maxLength: 3000, redact: true, group: '整改' },
    { name: 'verified_on', label: '核查日期', type: 'date', filter: true, group: '核查' },
    { name: 'verify_note', label: '核查意见', type: 'textarea', maxLength: 2000, group: '核查' },
  ],
  workflow: defineWorkflow({
    states: { issued: { label: '待整改' }, reported: { label: '待核查' }, verified: { label: '整改到位', final: true } },
    initial: 'issued',
    // a verified 意见书 is corrected by the supervisors alone: the town it is served on never rewrites it
    correction: { roles: SUPERVISORS },
    transitions: [
      { name: 'report', label: '提交整改报告', from: ['issued'], to: 'reported', roles: ANSWERING, todo: { label: '报送整改情况' }, captures: ['reported_on', 'report'], dateField: 'reported_on', gates: { fields: ['reported_on', 'report'] } },
      { name: 'verify', label: '核查通过', from: ['reported'], to: 'verified', roles: SUPERVISORS, todo: { label: '核查整改情况' }, captures: ['verified_on', 'verify_note'], dateField: 'verified_on', gates: { fields: ['verified_on', 'verify_note'] } },
      { name: 'send_back', label: '整改不到位，退回', from: ['reported'], to: 'issued', roles: SUPERVISORS, note: 'required', returns: true },
    ],
    clocks: [
      {
        id: 'rectify',
        rule: { id: 'supervision.rectify', label: '整改期限', days: 30, unit: 'calendar' },
        daysField: 'rectify_days',
        start: { field: 'issued_on' },
        pauseOn: ['report'],
        resumeOn: ['send_back'],
        stop: { transitions: ['verify'] },
      },
    ],
  }),
});

// the county's own ledgers of supervision work: held by the county (its 司法局), read and kept by the supervisors alone
const COUNTY_LEDGER = {
  module: 'supervision',
  orgLevels: ['county'],
  roles: { read: SUPERVISORS, create: SUPERVISORS, update: SUPERVISORS, withdraw: SUPERVISORS, export: SUPERVISORS, import: SUPERVISORS, personal: SUPERVISORS },
} as const;

// 监督方式: the modes the 条例 names; a county adds its own in the setting
export const ACTIVITY_MODES = ['日常监督', '专项监督', '案卷评查', '投诉举报处理', '联合检查', '执法检查', '重大执法决定备案审查'] as const;

/**
 * 监督活动: a supervision activity of any mode — its plan, the units selected (by hand or by the commit-reveal draw of
 * POST /api/supervision/activities/:id/commit then …/draw-units), what was found, and the instruments issued from it (their
 * `activity` field). A 案卷评查 activity links the review plan that holds its draw and scores.
 */
export const activityLedger = defineLedger({
  ...COUNTY_LEDGER,
  name: 'supervision.activity',
  table: 'supervision_activity',
  label: '监督活动',
  noun: '监督活动',
  titleFields: ['title'],
  defaultSort: { field: 'planned_on', dir: 'desc' },
  dateField: 'planned_on',
  fields: [
    { name: 'title', label: '活动名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '计划' },
    { name: 'mode', label: '监督方式', type: 'dict', required: true, options: ACTIVITY_MODES, optionsSetting: 'supervision.activity.modes', filter: true, list: true, group: '计划' },
    { name: 'planned_on', label: '计划日期', type: 'date', required: true, filter: true, list: true, group: '计划' },
    { name: 'plan', label: '工作方案', type: 'textarea', required: true, maxLength: 3000, searchable: true, group: '计划', hint: '监督事项、方式、时间安排和人员' },
    { name: 'review', label: '案卷评查计划', type: 'ref', ref: 'supervision.review', group: '计划', hint: '监督方式为案卷评查的，选择对应的评查计划（抽取和评分在评查计划中进行）' },
    { name: 'unit_count', label: '随机抽取单位数', type: 'int', min: 1, max: 50, group: '对象', hint: '填写后可在活动页面先承诺随机种子，再由系统随机抽取被监督单位，种子和名录一并记录' },
    { name: 'draw_scope', label: '抽取范围', type: 'dict', options: UNIT_SCOPES, group: '对象', hint: '随机抽取被监督单位的名录：乡镇（街道）、县直部门（县级各组成部门）或两者；不填的按乡镇（街道）' },
    { name: 'units', label: '被监督单位', type: 'textarea', maxLength: 2000, list: true, group: '对象', hint: '每行一个单位；随机抽取的由系统填写' },
    { name: 'source_clue', label: '来源线索', type: 'text', maxLength: 200, group: '对象', hint: '由线索清单立项时自动记录' },
    { name: 'started_on', label: '开始日期', type: 'date', filter: true, group: '实施' },
    { name: 'finished_on', label: '完成日期', type: 'date', filter: true, list: true, group: '实施' },
    { name: 'findings', label: '发现的问题', type: 'textarea', maxLength: 5000, searchable: true, redact: true, group: '实施', hint: '每行一个问题，写明单位；需整改的据此制发监督文书' },
  ],
  rules: [{ field: 'finished_on', message: '完成日期：不能早于开始日期', check: (v) => !v['started_on'] || !v['finished_on'] || String(v['finished_on']) >= String(v['started_on']) }],
  // a committed draw fixes how many units of which range; a made draw fixes which (a draw before commitments left an audit entry)
  fieldLocks: async (ctx, row) => {
    const id = Number(row['id']);
    const d = await ledgerDb(ctx).selectFrom('supervision_activity_draw').select('drawn_at').where('activity_id', '=', id).executeTakeFirst();
    const legacy = d ? undefined : await ledgerDb(ctx).selectFrom('audit_log').select('id').where('entity', '=', 'supervision.activity').where('entity_id', '=', String(id)).where('action', '=', 'draw_units').executeTakeFirst();
    if ((d && d['drawn_at'] !== null) || legacy) return [{ fields: ['units', 'unit_count', 'draw_scope'], reason: '已随机抽取被监督单位，抽取结果以种子和名录为准，不能修改' }];
    return d ? [{ fields: ['unit_count', 'draw_scope'], reason: '已承诺随机种子，抽取单位数和抽取范围不能再修改' }] : [];
  },
});

export const SUPERVISOR_KINDS = ['行政执法监督员', '特邀行政执法监督员'] as const;

/** 行政执法监督员 (the 司法局's staff with supervision certificates) and 特邀监督员 (deputies, members, lawyers the county appoints) */
export const supervisorLedger = defineLedger({
  ...COUNTY_LEDGER,
  name: 'supervision.supervisor',
  table: 'supervision_supervisor',
  label: '监督员名册',
  noun: '监督员',
  titleFields: ['name'],
  defaultSort: { field: 'appointed_on', dir: 'desc' },
  dateField: 'appointed_on',
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true, maxLength: 40, searchable: true, list: true },
    { name: 'kind', label: '类别', type: 'dict', required: true, options: SUPERVISOR_KINDS, filter: true, list: true },
    { name: 'unit', label: '工作单位', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'position', label: '职务（身份）', type: 'text', maxLength: 60, list: true, hint: '如“县人大代表”“执业律师”“县司法局执法监督股股长”' },
    { name: 'cert_no', label: '监督证号', type: 'text', maxLength: 40, hint: '行政执法监督员填写监督证件号；特邀监督员填写聘书编号' },
    { name: 'phone', label: '联系电话', type: 'phone', personal: 'phone' },
    { name: 'id_number', label: '身份证号码', type: 'id_number', personal: 'id_number' },
    { name: 'appointed_by', label: '聘任（任命）机关', type: 'text', required: true, maxLength: 100, list: true },
    { name: 'appointed_on', label: '聘任日期', type: 'date', required: true, filter: true, list: true },
    { name: 'term_to', label: '任期届满日期', type: 'date', required: true, filter: true, list: true, deadline: { doneBy: 'left_on' } },
    { name: 'left_on', label: '解聘（离任）日期', type: 'date', filter: true },
    { name: 'note', label: '备注', type: 'text', maxLength: 200 },
  ],
  rules: [{ field: 'term_to', message: '任期届满日期：不能早于聘任日期', check: (v) => !v['appointed_on'] || !v['term_to'] || String(v['term_to']) >= String(v['appointed_on']) }],
});

export const CONTACT_POINT_KINDS = ['乡镇（街道）', '企业', '园区', '行业协会', '村（社区）', '律师事务所'] as const;

/** 行政执法监督联系点: a town, an enterprise, a park where people report how enforcement goes, with a supervisor in charge */
export const contactPointLedger = defineLedger({
  ...COUNTY_LEDGER,
  name: 'supervision.contact_point',
  table: 'supervision_contact_point',
  label: '监督联系点',
  noun: '联系点',
  titleFields: ['name'],
  defaultSort: { field: 'set_up_on', dir: 'desc' },
  dateField: 'set_up_on',
  fields: [
    { name: 'name', label: '联系点名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'kind', label: '类型', type: 'dict', required: true, options: CONTACT_POINT_KINDS, filter: true, list: true },
    { name: 'address', label: '地址', type: 'text', maxLength: 200 },
    { name: 'contact_name', label: '联络员', type: 'text', required: true, maxLength: 40, personal: 'name', list: true },
    { name: 'contact_phone', label: '联络员电话', type: 'phone', personal: 'phone' },
    { name: 'supervisor', label: '联系的监督员', type: 'ref', ref: 'supervision.supervisor', list: true },
    { name: 'set_up_on', label: '设立日期', type: 'date', required: true, filter: true, list: true },
    { name: 'closed_on', label: '撤销日期', type: 'date', filter: true },
    { name: 'reports', label: '报告次数', type: 'int', counted: { ledger: 'supervision.contact_report', ref: 'contact_point' }, list: true, hint: '由系统按该联系点的报告记录计数' },
  ],
});

/** what a contact point reports (the child records of a 联系点): the issues raised and how the 司法局 followed up */
export const contactReportLedger = defineLedger({
  ...COUNTY_LEDGER,
  name: 'supervision.contact_report',
  table: 'supervision_contact_report',
  label: '联系点报告',
  noun: '联系点报告',
  titleFields: ['summary'],
  defaultSort: { field: 'reported_on', dir: 'desc' },
  dateField: 'reported_on',
  fields: [
    { name: 'contact_point', label: '联系点', type: 'ref', ref: 'supervision.contact_point', required: true, filter: true, list: true },
    { name: 'reported_on', label: '报告日期', type: 'date', required: true, filter: true, list: true },
    { name: 'summary', label: '报告事项', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'content', label: '报告内容', type: 'textarea', required: true, maxLength: 3000, redact: true },
    { name: 'issues', label: '反映的问题', type: 'textarea', maxLength: 2000, redact: true, hint: '涉及的执法单位和执法行为' },
    { name: 'follow_up', label: '处理情况', type: 'textarea', maxLength: 2000, hint: '核实、转办、纳入监督活动或制发监督文书的情况' },
    { name: 'followed_up_on', label: '处理日期', type: 'date', filter: true, list: true },
  ],
  rules: [{ field: 'followed_up_on', message: '处理日期：不能早于报告日期', check: (v) => !v['reported_on'] || !v['followed_up_on'] || String(v['followed_up_on']) >= String(v['reported_on']) }],
});

export const SUBJECT_KINDS = ['行政机关', '法律法规授权组织', '受委托组织', '乡镇人民政府（街道办事处）'] as const;

/** 行政执法主体: which units may enforce, on what legal basis, in which fields — the county confirms and publishes the list */
export const subjectLedger = defineLedger({
  ...COUNTY_LEDGER,
  name: 'supervision.subject',
  table: 'supervision_subject',
  label: '行政执法主体',
  noun: '执法主体',
  titleFields: ['name'],
  defaultSort: { field: 'name', dir: 'asc' },
  dateField: 'confirmed_on',
  uniqueFields: ['name'],
  fields: [
    { name: 'name', label: '主体名称', type: 'text', required: true, maxLength: 100, searchable: true, list: true },
    { name: 'kind', label: '主体类别', type: 'dict', required: true, options: SUBJECT_KINDS, filter: true, list: true },
    { name: 'unit_code', label: '单位代码（平台机构编码）', type: 'text', maxLength: 20, list: true, hint: '平台中该单位的机构编码，如 999001001000；用于核对其执法记录' },
    { name: 'basis', label: '执法依据', type: 'textarea', required: true, maxLength: 2000, searchable: true, hint: '设定或授权执法权的法律、法规、规章和文件，如“《浙江省人民政府关于赋予乡镇（街道）部分县级行政执法权的决定》”' },
    { name: 'fields_scope', label: '执法领域（职权范围）', type: 'textarea', required: true, maxLength: 1000 },
    { name: 'entrusted_by', label: '委托机关', type: 'text', maxLength: 100, hint: '受委托组织填写委托其执法的行政机关' },
    { name: 'confirmed_on', label: '确认日期', type: 'date', required: true, filter: true, list: true },
    { name: 'published_on', label: '公告日期', type: 'date', filter: true, list: true },
    { name: 'valid', label: '有效', type: 'bool', filter: true, list: true, hint: '主体资格被撤销、职权调整或机构撤并的，标为无效' },
  ],
  rules: [{ field: 'entrusted_by', message: '委托机关：受委托组织须写明委托机关', check: (v) => v['kind'] !== '受委托组织' || (typeof v['entrusted_by'] === 'string' && v['entrusted_by'].trim() !== '') }],
});
