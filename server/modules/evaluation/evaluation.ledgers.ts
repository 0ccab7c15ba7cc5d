import type { Ctx } from '../../platform/http/context.ts';
import { ledgerDb } from '../../platform/ledger/ledger.query.ts';
import { defineIndicators } from '../../platform/indicators/indicator.types.ts';
import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { UNIT_SCOPES } from '../../platform/ledger/org-levels.ts';
import { requiredWhen } from '../../platform/ledger/rules.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.types.ts';

/**
 * the county's 依法治县办 (the county_admin role) runs the 考核 and assigns the task lists; the county supervisor reads;
 * a town's clerk and leader see their own result, object once, and record their tasks' completion
 */
export const ASSESSORS = ['county_admin'] as const;
export const READERS = ['county_admin', 'supervisor'] as const;
export const UNIT = ['clerk', 'leader'] as const;

// 参评单位: whom a round evaluates — towns (the default, and what a round without the field means) and the county's
// departments are ranked each among their own kind (the scopes are the platform's, shared with supervision draws)
export { DEFAULT_UNIT_SCOPE, UNIT_SCOPES, type UnitScope } from '../../platform/ledger/org-levels.ts';


/**
 * the round's fields its scores were computed on: 参评单位 decides which units are scored and ranked (and the number of
 * units each result records), the year and its 期末 which year's figures are read (and the result records' period),
 * the system's version which leaves and points
 */
const ROUND_BASIS_FIELDS = ['unit_scope', 'year', 'period_end', 'system_id'] as const;
const ROUND_BASIS_REASON = '本轮考核已有得分，此项以评分时为准，不能再修改；如需另按其他参评单位、年度或指标体系考核，请新建一轮考核';

/**
 * whether a round has scores: a score row (computed or by hand) or a unit's result record, which the first
 * computation or hand score creates (evaluation.service.ts)
 */
async function roundScored(ctx: Pick<Ctx, 'tx'>, roundId: number): Promise<boolean> {
  const score = await ledgerDb(ctx).selectFrom('evaluation_score').select('id').where('round_id', '=', roundId).limit(1).executeTakeFirst();
  if (score) return true;
  const result = await ledgerDb(ctx).selectFrom('evaluation_result').select('id').where('round_id', '=', roundId).where('status', '=', 'active').limit(1).executeTakeFirst();
  return !!result;
}

/**
 * 考核轮次: a year's evaluation of the county's towns, its departments or both on one version of an indicator system. Scores are kept in the
 * module's own table (every score a new row); the round is closed through its own route once every hand-scored leaf
 * is scored and no objection waits for an answer.
 */
export const roundLedger = defineLedger({
  name: 'evaluation.round',
  table: 'evaluation_round',
  label: '考核评估',
  noun: '考核',
  module: 'evaluation',
  orgLevels: ['county'],
  roles: { read: READERS, create: ASSESSORS, update: ASSESSORS, withdraw: ASSESSORS, export: READERS, import: [] },
  titleFields: ['title'],
  defaultSort: { field: 'year', dir: 'desc' },
  dateField: 'period_end',
  fields: [
    { name: 'title', label: '考核名称', type: 'text', required: true, maxLength: 80, searchable: true, list: true, group: '考核' },
    { name: 'year', label: '考核年度', type: 'int', required: true, min: 2000, max: 2100, list: true, filter: true, group: '考核' },
    { name: 'period_end', label: '考核期末', type: 'date', required: true, group: '考核', hint: '考核年度的最后一天，如 2026-12-31；自动计算项按该年度的数据计分' },
    { name: 'system_id', label: '指标体系版本', type: 'int', required: true, min: 1, list: true, group: '考核', hint: '在“考核指标体系”页面查看各版本的编号；考核开始后使用的版本不变' },
    { name: 'unit_scope', label: '参评单位', type: 'dict', options: UNIT_SCOPES, list: true, filter: true, group: '考核', hint: '不填的按乡镇（街道）考核；县直部门为县级各组成部门，乡镇和县直部门分别排名' },
    { name: 'closed_on', label: '结束日期', type: 'date', list: true, filter: true, group: '结果' },
    { name: 'conclusion', label: '考核结论', type: 'textarea', maxLength: 3000, group: '结果' },
  ],
  rules: [
    { field: 'period_end', message: '考核期末：须为考核年度的12月31日', check: (v) => !v['period_end'] || !v['year'] || String(v['period_end']) === `${String(v['year'])}-12-31` },
  ],
  // once the round has scores, whom it scores and on what are those of its scores: a plain edit (or a correction) no longer moves them
  fieldLocks: async (ctx, row) => ((await roundScored(ctx, Number(row['id']))) ? [{ fields: ROUND_BASIS_FIELDS, reason: ROUND_BASIS_REASON }] : []),
  workflow: defineWorkflow({
    states: { scoring: { label: '评分中' }, closed: { label: '已结束', final: true } },
    initial: 'scoring',
    deriveState: (v) => (v['closed_on'] ? 'closed' : 'scoring'),
    correction: { roles: ASSESSORS },
    transitions: [{ name: 'close', label: '结束考核', from: ['scoring'], to: 'closed', roles: ASSESSORS, todo: true, captures: ['closed_on', 'conclusion'], dateField: 'closed_on', dedicated: { hint: '全部人工评分项评分、异议均已答复后在考核页面结束' } }],
  }),
});

/**
 * one unit's result in a round, held by the unit (so its clerk and leader see it in their scope): created when the
 * round's figures are first computed, frozen with its total and rank when the round closes; the unit objects once
 */
export const resultLedger = defineLedger({
  name: 'evaluation.result',
  table: 'evaluation_result',
  label: '考核结果',
  noun: '考核结果',
  module: 'evaluation',
  // a town, or a county department (whose level is the county's): a county round may evaluate both
  orgLevels: ['town', 'county'],
  roles: { read: [...READERS, ...UNIT], create: [], update: ASSESSORS, withdraw: ASSESSORS, export: READERS, import: [] },
  titleFields: ['round_title'],
  defaultSort: { field: 'period_end', dir: 'desc' },
  dateField: 'period_end',
  fields: [
    { name: 'round_id', label: '考核编号', type: 'int', required: true, min: 1, group: '考核', hint: '县级考核的编号：被考核单位看不到县级的考核记录，只看到本单位的结果' },
    { name: 'round_title', label: '考核名称', type: 'text', required: true, maxLength: 80, list: true, searchable: true, group: '考核' },
    { name: 'period_end', label: '考核期末', type: 'date', required: true, group: '考核', hint: '考核年度的最后一天：考核得分计入该年度的年度报告' },
    { name: 'total', label: '考核得分', type: 'decimal', min: 0, max: 1000, list: true, group: '结果' },
    { name: 'rank', label: '排名', type: 'int', min: 1, max: 1000, list: true, group: '结果', hint: '在同类参评单位中的名次：乡镇（街道）与县直部门分别排名' },
    { name: 'units', label: '参加考核单位数', type: 'int', min: 1, max: 1000, group: '结果', hint: '同类参评单位的个数' },
    { name: 'closed_on', label: '结果确定日期', type: 'date', list: true, filter: true, group: '结果' },
    { name: 'objected_on', label: '提出异议日期', type: 'date', group: '异议' },
    { name: 'objection', label: '异议理由', type: 'textarea', maxLength: 2000, group: '异议' },
    { name: 'replied_on', label: '答复日期', type: 'date', group: '异议' },
    { name: 'reply', label: '异议答复', type: 'textarea', maxLength: 2000, group: '异议' },
  ],
  rules: [{ field: 'period_end', message: '考核期末：须为某一年度的12月31日', check: (v) => !v['period_end'] || String(v['period_end']).endsWith('-12-31') }],
  workflow: defineWorkflow({
    states: { scoring: { label: '评分中' }, objected: { label: '异议待答复' }, closed: { label: '结果已确定', final: true } },
    initial: 'scoring',
    deriveState: (v) => (v['closed_on'] ? 'closed' : v['objection'] && !v['reply'] ? 'objected' : 'scoring'),
    // a closed result changes only with the round's score correction (a reason, a new version of the record)
    correction: { roles: ASSESSORS },
    transitions: [
      { name: 'object', label: '提出异议', from: ['scoring'], to: 'objected', roles: UNIT, captures: ['objected_on', 'objection'], dateField: 'objected_on', gates: { fields: ['objected_on', 'objection'] }, dedicated: { hint: '在考核结果页面提出，每轮考核限一次' } },
      { name: 'reply', label: '答复异议', from: ['objected'], to: 'scoring', roles: ASSESSORS, todo: { label: '答复考核异议' }, captures: ['replied_on', 'reply'], dateField: 'replied_on', gates: { fields: ['replied_on', 'reply'] }, dedicated: { hint: '在考核页面答复，需要时先调整评分' } },
      { name: 'close', label: '确定考核结果', from: ['scoring'], to: 'closed', roles: ASSESSORS, captures: ['total', 'rank', 'units', 'closed_on'], dateField: 'closed_on', dedicated: { hint: '结束考核时确定' } },
    ],
  }),
});

export const TASK_STATUS = ['待完成', '已完成'] as const;

/**
 * 法治建设任务清单: each task broken down to the unit that owns it, with its deadline (listed in 到期事项 until it is
 * completed) and the completion evidence (the note and attached files); the county assigns and imports them from Excel
 */
export const taskLedger = defineLedger({
  name: 'evaluation.task',
  table: 'evaluation_task',
  label: '法治建设任务清单',
  noun: '任务',
  module: 'evaluation',
  roles: { read: [...READERS, ...UNIT], create: ASSESSORS, update: ASSESSORS, withdraw: ASSESSORS, export: [...READERS, ...UNIT], import: ASSESSORS },
  titleFields: ['task_no', 'content'],
  defaultSort: { field: 'due_on', dir: 'asc' },
  dateField: 'due_on',
  uniqueFields: ['task_no'],
  fields: [
    { name: 'list_name', label: '所属清单', type: 'text', required: true, maxLength: 60, filter: true, list: true, group: '任务', hint: '如“2026年度法治政府建设责任清单”“攻坚任务清单”' },
    { name: 'task_no', label: '任务编号', type: 'text', required: true, maxLength: 30, searchable: true, list: true, group: '任务', hint: '清单中的编号，如 FZ-2026-017' },
    { name: 'content', label: '任务内容', type: 'textarea', required: true, maxLength: 500, searchable: true, group: '任务' },
    { name: 'category', label: '任务类别', type: 'dict', options: ['组织领导', '依法决策', '规范执法', '政务公开', '矛盾化解', '法治宣传', '其他'], filter: true, list: true, group: '任务' },
    { name: 'due_on', label: '完成时限', type: 'date', required: true, filter: true, list: true, group: '任务', deadline: { doneBy: 'completed_on' } },
    { name: 'completed_on', label: '完成日期', type: 'date', filter: true, list: true, group: '完成情况' },
    { name: 'completion', label: '完成情况及佐证', type: 'textarea', maxLength: 2000, redact: true, group: '完成情况', hint: '写明完成情况和佐证材料（文件文号、会议纪要等），佐证文件作为附件上传' },
  ],
  rules: [requiredWhen('completion', (v) => !!v['completed_on'], '完成情况及佐证：已完成的任务须写明完成情况')],
  workflow: defineWorkflow({
    states: { open: { label: '待完成' }, done: { label: '已完成', final: true } },
    initial: 'open',
    // a completion reported by mistake is corrected by the county with its reason (the task returns to 待完成)
    correction: { roles: ASSESSORS },
    // a task imported with its completion date is done
    deriveState: (v) => (v['completed_on'] ? 'done' : 'open'),
    transitions: [
      { name: 'complete', label: '报告完成', from: ['open'], to: 'done', roles: [...UNIT, ...ASSESSORS], todo: { label: '完成法治建设任务' }, captures: ['completed_on', 'completion'], dateField: 'completed_on', gates: { fields: ['completed_on', 'completion'] } },
    ],
  }),
});

/** the report's figures: a town's score and rank in the year's closed round, the county's rounds, the task list's completion */
export const evaluationIndicators = defineIndicators([
  { id: 'evaluation.score', kind: 'sum', label: '法治建设考核得分', unit: '分', ledger: 'evaluation.result', field: 'total', where: { closed_on: { present: true } }, description: '本年度考核结束后确定的得分' },
  { id: 'evaluation.rank', kind: 'sum', label: '法治建设考核排名', unit: '名', ledger: 'evaluation.result', field: 'rank', where: { closed_on: { present: true } }, description: '在参加同一考核的同类单位（乡镇或县直部门）中的名次（仅对单个单位有意义）' },
  { id: 'evaluation.results', kind: 'count', label: '参加考核的单位', unit: '个', ledger: 'evaluation.result', where: { closed_on: { present: true } } },
  { id: 'evaluation.rounds', kind: 'count', label: '组织法治建设考核', unit: '次', ledger: 'evaluation.round', where: { closed_on: { present: true } } },
  { id: 'evaluation.tasks', kind: 'count', label: '法治建设任务', unit: '项', ledger: 'evaluation.task', description: '完成时限在本年度的任务' },
  { id: 'evaluation.tasks_done', kind: 'count', label: '已完成法治建设任务', unit: '项', ledger: 'evaluation.task', where: { completed_on: { present: true } } },
  { id: 'evaluation.task_completion_rate', kind: 'ratio', label: '法治建设任务完成率', unit: '%', numerator: 'evaluation.tasks_done', denominator: 'evaluation.tasks', digits: 1 },
]);
