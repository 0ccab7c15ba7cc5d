import type { CellOverride, CellRef, StatsCell, StatsCheck, StatsLayoutContent, StatsTable } from '../../../common/enforcement-stats.types.ts';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';

export const cellKey = (row: string, col: string): string => `${row}:${col}`;

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** a cell from its binding: the indicator's value (or its breakdown's part), or the reason there is no source */
function cellOf(layout: StatsLayoutContent, row: string, col: string, values: ReadonlyMap<string, IndicatorValue>, overrides: Readonly<Record<string, CellOverride>>): StatsCell {
  const b = layout.rows.find((r) => r.key === row)?.cells[col];
  if (!b) return { row, col, value: null, source: 'na' };
  if ('none' in b) return { row, col, value: null, source: 'none', note: b.none };
  const v = values.get(b.indicator);
  // an indicator of a module not installed here: no source either, and said so
  if (!v) return { row, col, value: null, source: 'none', indicator: b.indicator, note: `本系统未安装提供指标 ${b.indicator} 的模块（无记录来源）` };
  const part = b.part === undefined ? undefined : v.breakdown.find((x) => x.label === b.part);
  const computed = b.part === undefined ? v.value : (part?.value ?? 0);
  const link = b.part === undefined ? v.link : (part?.link ?? null);
  const o = overrides[cellKey(row, col)];
  const base = { row, col, indicator: b.indicator, ...(b.part !== undefined ? { part: b.part } : {}), link };
  if (o && o.value !== computed) return { ...base, value: o.value, source: 'override', computed, note: o.reason };
  return { ...base, value: computed, source: 'indicator' };
}

/** the table from the layout and the indicators' values, with the hand adjustments and the table's checks */
export function buildStatsTable(layout: StatsLayoutContent & { version: number }, values: ReadonlyMap<string, IndicatorValue>, overrides: Readonly<Record<string, CellOverride>>): StatsTable {
  const rows = layout.rows.map((r) => ({ key: r.key, group: r.group, label: r.label, unit: r.unit, indent: r.indent ?? 0, cells: layout.columns.map((c) => cellOf(layout, r.key, c.key, values, overrides)) }));
  const at = (ref: CellRef): StatsCell | undefined => rows.find((r) => r.key === ref.row)?.cells.find((c) => c.col === ref.col);
  const name = (ref: CellRef): string => `“${layout.rows.find((r) => r.key === ref.row)?.label ?? ref.row}”${layout.columns.length > 1 ? `${layout.columns.find((c) => c.key === ref.col)?.label ?? ref.col}` : ''}`;
  const checks: StatsCheck[] = [];
  for (const c of layout.checks) {
    const refs = c.kind === 'sum' ? [c.total, ...c.parts] : c.kind === 'atMost' ? [c.part, c.whole] : [c.rate, c.numerator, c.denominator];
    // a rule over a cell with no source cannot be checked: said, not passed silently
    const unsourced = refs.filter((r) => at(r)?.value === null || at(r) === undefined);
    if (unsourced.length) {
      checks.push({ id: `table.${c.id}`, ok: true, severity: 'warning', message: `${c.label}：${unsourced.map(name).join('、')}无记录来源，本项未校验` });
      continue;
    }
    const v = (r: CellRef): number => at(r)?.value ?? 0;
    if (c.kind === 'sum') {
      const sum = round(c.parts.reduce((n, p) => n + v(p), 0));
      const ok = Math.abs(sum - v(c.total)) < 0.005;
      checks.push({ id: `table.${c.id}`, ok, severity: 'error', message: ok ? `${c.label}（${v(c.total)}）` : `${c.label}不成立：${name(c.total)}为${v(c.total)}，${c.parts.map(name).join('、')}之和为${sum}` });
    } else if (c.kind === 'atMost') {
      const ok = v(c.part) <= v(c.whole);
      checks.push({ id: `table.${c.id}`, ok, severity: 'error', message: ok ? `${c.label}（${v(c.part)} ≤ ${v(c.whole)}）` : `${c.label}不成立：${name(c.part)}为${v(c.part)}，大于${name(c.whole)}${v(c.whole)}` });
    } else {
      const d = v(c.denominator);
      const expected = d === 0 ? 0 : round(v(c.numerator) / d, c.digits);
      const ok = Math.abs(expected - v(c.rate)) < 10 ** -c.digits / 2 + 1e-9;
      checks.push({ id: `table.${c.id}`, ok, severity: 'error', message: ok ? `${c.label}（${v(c.rate)}）` : `${c.label}不成立：${name(c.rate)}为${v(c.rate)}，按${name(c.numerator)}${v(c.numerator)}÷${name(c.denominator)}${d}应为${expected}` });
    }
  }
  for (const r of rows)
    for (const cell of r.cells)
      if (cell.source === 'override')
        checks.push({ id: `override.${cell.row}.${cell.col}`, ok: false, severity: 'warning', message: `${name({ row: cell.row, col: cell.col })}手工调整为${cell.value}（台账数据为${cell.computed}），理由：${cell.note ?? ''}` });
  return { title: layout.title, layoutVersion: layout.version, columns: layout.columns, rows, checks };
}
