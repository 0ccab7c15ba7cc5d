import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.types.ts';

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
  workflow: defineWorkflow({
    states: { planned: { label: '待抽取' }, scoring: { label: '评查中' }, finished: { label: '已完成', final: true } },
    initial: 'planned',
    // a finished review is corrected by the supervisors alone, with its reason
    correction: { roles: SUPERVISORS },
    transitions: [
      { name: 'draw', label: '随机抽取案卷', from: ['planned'], to: 'scoring', roles: SUPERVISORS, todo: true, dedicated: { hint: '在评查页面由系统生成种子并抽取' } },
      { name: 'finish', label: '完成评查', from: ['scoring'], to: 'finished', roles: SUPERVISORS, todo: true, captures: ['finished_on', 'conclusion'], dateField: 'finished_on', dedicated: { hint: '全部案卷评分后在评查页面完成' } },
    ],
  }),
});

export const RECTIFY_RESULTS = ['整改到位', '整改不到位'] as const;

/**
 * 行政执法监督意见书, held by the unit it is served on (so the unit sees it and answers) and numbered in the county's
 * name. The 条例's article-level time limits are not in our sources: the supervisor sets the rectification period on
 * each instrument (整改期限（日）), the clock counts it from the date of issue; while the supervisor verifies a report
 * the clock pauses, a report sent back resumes it with the days left.
 */
export const opinionLedger = defineLedger({
  name: 'supervision.opinion',
  table: 'supervision_opinion',
  label: '行政执法监督意见书',
  noun: '意见书',
  module: 'supervision',
  orgLevels: ['town'],
  roles: { read: [...SUPERVISORS, ...ANSWERING], create: SUPERVISORS, update: SUPERVISORS, withdraw: SUPERVISORS, export: SUPERVISORS, import: [] },
  titleFields: ['opinion_no', 'subject'],
  defaultSort: { field: 'issued_on', dir: 'desc' },
  dateField: 'issued_on',
  uniqueFields: ['opinion_no'],
  fields: [
    { name: 'opinion_no', label: '文号', type: 'text', required: true, maxLength: 50, searchable: true, list: true, group: '意见书', numbered: { series: 'supervision.opinion_no', label: '行政执法监督意见书文号', defaultFormat: '{机关简称}执监意〔{年}〕{序号}号', assignOn: 'create', yearFrom: 'issued_on', issuer: 'county' } },
    { name: 'issued_on', label: '制发日期', type: 'date', required: true, filter: true, list: true, group: '意见书' },
    { name: 'subject', label: '事由', type: 'text', required: true, maxLength: 100, searchable: true, list: true, group: '意见书', hint: '如“2026年第三季度行政处罚案卷评查发现的问题”' },
    { name: 'problems', label: '发现的问题', type: 'textarea', required: true, maxLength: 3000, redact: true, group: '意见书' },
    { name: 'requirements', label: '监督意见和整改要求', type: 'textarea', required: true, maxLength: 3000, group: '意见书' },
    { name: 'rectify_days', label: '整改期限（日）', type: 'int', required: true, min: 1, max: 180, group: '意见书', hint: '自制发之日起计算的自然日；行政执法监督条例未规定统一期限，由监督机关根据问题确定' },
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
