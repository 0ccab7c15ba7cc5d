import { z } from 'zod';
import type { CellBinding, CellRef, LayoutCheck, StatsLayoutContent } from '../../../common/enforcement-stats.types.ts';

/**
 * the province's 行政执法统计年报 table as data: rows by behaviour type (行政许可、行政处罚、行政强制、行政征收、
 * 行政征用、行政检查), columns, each cell bound to an indicator, and the table's rules. Versioned like the
 * supervision sheet: a version is never edited; a province's new layout is published as the next version.
 */

const NO_LICENCE = '本系统未登记（无行政许可办件台账，无记录来源）';
const NO_LEVY = '本系统未登记（无行政征收台账，无记录来源）';
const NO_REQUISITION = '本系统未登记（无行政征用台账，无记录来源）';

const ref = (row: string, col: string): CellRef => ({ row, col });

export const DEFAULT_LAYOUT: StatsLayoutContent = {
  title: '行政执法统计年报表',
  columns: [
    { key: 'count', label: '数量' },
    { key: 'amount', label: '金额（元）' },
  ],
  rows: [
    { key: 'licence', group: '行政许可', label: '作出行政许可决定', unit: '件', cells: { count: { none: NO_LICENCE } } },
    { key: 'penalty', group: '行政处罚', label: '作出行政处罚决定', unit: '件', cells: { count: { indicator: 'enforcement.decisions' }, amount: { indicator: 'enforcement.fines' } } },
    { key: 'penalty_general', group: '行政处罚', label: '其中：一般程序', unit: '件', indent: 1, cells: { count: { indicator: 'enforcement.decisions_by_procedure', part: '一般程序' } } },
    { key: 'penalty_summary', group: '行政处罚', label: '其中：简易程序（当场处罚）', unit: '件', indent: 1, cells: { count: { indicator: 'enforcement.decisions_by_procedure', part: '简易程序' } } },
    { key: 'penalty_fine', group: '行政处罚', label: '其中：罚款', unit: '件', indent: 1, cells: { count: { indicator: 'enforcement.decisions_by_kind', part: '罚款' }, amount: { indicator: 'enforcement.fines' } } },
    { key: 'penalty_confiscation', group: '行政处罚', label: '其中：没收违法所得、没收非法财物', unit: '件', indent: 1, cells: { count: { indicator: 'enforcement.confiscation_decisions' }, amount: { indicator: 'enforcement.confiscated' } } },
    { key: 'penalty_warning', group: '行政处罚', label: '其中：警告', unit: '件', indent: 1, cells: { count: { indicator: 'enforcement.decisions_by_kind', part: '警告' } } },
    { key: 'penalty_exempt', group: '行政处罚', label: '首违不罚', unit: '件', cells: { count: { indicator: 'enforcement.first_violation_exempt' } } },
    { key: 'coercion', group: '行政强制', label: '作出行政强制决定', unit: '件', cells: { count: { indicator: 'enforcement.coercion_decisions' } } },
    { key: 'levy', group: '行政征收', label: '作出行政征收决定', unit: '件', cells: { count: { none: NO_LEVY }, amount: { none: NO_LEVY } } },
    { key: 'requisition', group: '行政征用', label: '作出行政征用决定', unit: '件', cells: { count: { none: NO_REQUISITION } } },
    { key: 'inspection_cases', group: '行政检查', label: '行政检查（执法案件台账登记）', unit: '次', cells: { count: { indicator: 'enforcement.inspection_cases' } } },
    { key: 'inspection_random', group: '行政检查', label: '其中：“双随机”抽查', unit: '次', indent: 1, cells: { count: { indicator: 'enforcement.random_inspections' } } },
    { key: 'inspection_draws', group: '行政检查', label: '“双随机”抽查批次', unit: '次', cells: { count: { indicator: 'enforcement.draws' } } },
    { key: 'enterprise', group: '行政检查', label: '涉企行政检查次数', unit: '次', cells: { count: { indicator: 'enforcement.enterprise_inspections' } } },
    { key: 'enterprise_routine', group: '行政检查', label: '其中：日常检查', unit: '次', indent: 1, cells: { count: { indicator: 'enforcement.enterprise_inspections', part: '日常' } } },
    { key: 'enterprise_special', group: '行政检查', label: '其中：专项检查', unit: '次', indent: 1, cells: { count: { indicator: 'enforcement.enterprise_inspections', part: '专项' } } },
    { key: 'enterprise_case', group: '行政检查', label: '其中：个案检查', unit: '次', indent: 1, cells: { count: { indicator: 'enforcement.enterprise_inspections', part: '个案' } } },
    { key: 'enterprise_joint', group: '行政检查', label: '其中：联合检查（综合查一次）', unit: '次', indent: 1, cells: { count: { indicator: 'enforcement.joint_inspections' } } },
    { key: 'enterprises', group: '行政检查', label: '被检查企业数', unit: '家', cells: { count: { indicator: 'enforcement.enterprise_inspected' } } },
    { key: 'frequency', group: '行政检查', label: '企业平均受检次数', unit: '次', cells: { count: { indicator: 'enforcement.enterprise_inspection_frequency' } } },
  ],
  checks: [
    { id: 'penalty.procedure', kind: 'sum', label: '行政处罚决定合计 = 一般程序 + 简易程序', total: ref('penalty', 'count'), parts: [ref('penalty_general', 'count'), ref('penalty_summary', 'count')] },
    { id: 'penalty.fine', kind: 'atMost', label: '罚款决定不多于行政处罚决定', part: ref('penalty_fine', 'count'), whole: ref('penalty', 'count') },
    { id: 'penalty.fine_amount', kind: 'sum', label: '罚款金额 = 行政处罚罚款金额', total: ref('penalty', 'amount'), parts: [ref('penalty_fine', 'amount')] },
    { id: 'penalty.confiscation', kind: 'atMost', label: '没收决定不多于行政处罚决定', part: ref('penalty_confiscation', 'count'), whole: ref('penalty', 'count') },
    { id: 'penalty.warning', kind: 'atMost', label: '警告决定不多于行政处罚决定', part: ref('penalty_warning', 'count'), whole: ref('penalty', 'count') },
    { id: 'inspection.random', kind: 'atMost', label: '“双随机”抽查不多于行政检查', part: ref('inspection_random', 'count'), whole: ref('inspection_cases', 'count') },
    { id: 'enterprise.kinds', kind: 'sum', label: '涉企行政检查合计 = 日常 + 专项 + 个案', total: ref('enterprise', 'count'), parts: [ref('enterprise_routine', 'count'), ref('enterprise_special', 'count'), ref('enterprise_case', 'count')] },
    { id: 'enterprise.joint', kind: 'atMost', label: '联合检查不多于涉企行政检查', part: ref('enterprise_joint', 'count'), whole: ref('enterprise', 'count') },
    { id: 'enterprise.inspected', kind: 'atMost', label: '被检查企业数不多于涉企行政检查次数', part: ref('enterprises', 'count'), whole: ref('enterprise', 'count') },
    { id: 'enterprise.frequency', kind: 'ratio', label: '企业平均受检次数 = 涉企行政检查次数 ÷ 被检查企业数', rate: ref('frequency', 'count'), numerator: ref('enterprise', 'count'), denominator: ref('enterprises', 'count'), digits: 2 },
  ],
};

const key = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, '须为小写字母开头的英文、数字或下划线（不超过40个字符）');
const binding: z.ZodType<CellBinding> = z.union([
  z.object({ indicator: z.string().trim().min(3, '不能为空').max(80), part: z.string().trim().min(1).max(40).optional() }).strict(),
  z.object({ none: z.string().trim().min(4, '无记录来源的说明至少4个字').max(100, '不能超过100个字') }).strict(),
]);
const cellRef = z.object({ row: key, col: key });
const check: z.ZodType<LayoutCheck> = z.discriminatedUnion('kind', [
  z.object({ id: z.string().trim().min(1).max(60), kind: z.literal('sum'), label: z.string().trim().min(2).max(100), total: cellRef, parts: z.array(cellRef).min(1).max(20) }),
  z.object({ id: z.string().trim().min(1).max(60), kind: z.literal('atMost'), label: z.string().trim().min(2).max(100), part: cellRef, whole: cellRef }),
  z.object({ id: z.string().trim().min(1).max(60), kind: z.literal('ratio'), label: z.string().trim().min(2).max(100), rate: cellRef, numerator: cellRef, denominator: cellRef, digits: z.number().int().min(0).max(4) }),
]);

export const layoutInput = z.object({
  title: z.string().trim().min(4, '表名至少4个字').max(60, '表名不能超过60个字'),
  note: z.string().trim().min(4, '请说明本版布局的依据或变化（至少4个字）').max(500, '不能超过500个字'),
  columns: z.array(z.object({ key, label: z.string().trim().min(1, '列名不能为空').max(30) })).min(1, '至少一列').max(8, '不能超过8列'),
  rows: z
    .array(z.object({ key, group: z.string().trim().min(2).max(20), label: z.string().trim().min(2, '行名至少2个字').max(60), unit: z.string().trim().min(1).max(4), indent: z.number().int().min(0).max(2).optional(), cells: z.record(z.string(), binding) }))
    .min(1, '至少一行')
    .max(80, '不能超过80行'),
  checks: z.array(check).max(80),
});
export type LayoutInput = z.infer<typeof layoutInput>;

/** why a layout cannot be published, as field errors: unknown indicators, columns, rows; duplicate keys */
export function layoutProblems(l: StatsLayoutContent, knownIndicators: ReadonlySet<string>): Array<{ path: string; label: string; message: string }> {
  const out: Array<{ path: string; label: string; message: string }> = [];
  const cols = new Set(l.columns.map((c) => c.key));
  const rows = new Set(l.rows.map((r) => r.key));
  if (cols.size !== l.columns.length) out.push({ path: 'columns', label: '列', message: '列：列标识重复' });
  if (rows.size !== l.rows.length) out.push({ path: 'rows', label: '行', message: '行：行标识重复' });
  l.rows.forEach((r, i) => {
    for (const [c, b] of Object.entries(r.cells)) {
      if (!cols.has(c)) out.push({ path: `rows.${i}.cells.${c}`, label: r.label, message: `第${i + 1}行“${r.label}”：没有名为 ${c} 的列` });
      if ('indicator' in b && !knownIndicators.has(b.indicator)) out.push({ path: `rows.${i}.cells.${c}`, label: r.label, message: `第${i + 1}行“${r.label}”：指标 ${b.indicator} 不存在` });
    }
  });
  const bad = (c: CellRef): boolean => !rows.has(c.row) || !cols.has(c.col);
  l.checks.forEach((c, i) => {
    const refs = c.kind === 'sum' ? [c.total, ...c.parts] : c.kind === 'atMost' ? [c.part, c.whole] : [c.rate, c.numerator, c.denominator];
    if (refs.some(bad)) out.push({ path: `checks.${i}`, label: c.label, message: `校验规则“${c.label}”引用了不存在的单元格` });
  });
  return out;
}

/** the indicators a layout's cells are bound to */
export function layoutIndicators(l: StatsLayoutContent): string[] {
  return [...new Set(l.rows.flatMap((r) => Object.values(r.cells).flatMap((b) => ('indicator' in b ? [b.indicator] : []))))];
}
