import type { StatsTable } from '../../../common/enforcement-stats.types.ts';
import type { Block, DocumentSpec, TableCellSpec } from '../../platform/reports/blocks.ts';

const officialDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** how a cell prints: its figure, or why there is none (never a 0 that is not a count) */
export function cellText(c: StatsTable['rows'][number]['cells'][number]): string {
  if (c.source === 'na') return '—';
  if (c.value === null) return '本系统未登记';
  return c.source === 'override' ? `${c.value}※` : String(c.value);
}

/** the table as GB/T 9704 blocks: the province's layout, one row per item, behaviour types spanning their rows */
export function statsDocument(title: string, orgName: string, year: number, table: StatsTable, signDate: string): DocumentSpec {
  const header: TableCellSpec[][] = [['执法行为类型', '统计项目', '单位', ...table.columns.map((c) => c.label)]];
  const rows: TableCellSpec[][] = table.rows.map((r, i) => {
    const first = table.rows.findIndex((x) => x.group === r.group) === i;
    const span = table.rows.filter((x) => x.group === r.group).length;
    return [...(first ? [{ text: r.group, rowSpan: span }] : []), { text: `${r.indent ? '　　' : ''}${r.label}`, align: 'left' as const }, r.unit, ...r.cells.map(cellText)];
  });
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'para', text: `统计期间：${year}年1月1日至${year}年12月31日。填报单位：${orgName}。表中数字取自本系统执法案件、涉企行政检查等台账；“本系统未登记”表示本系统没有该类执法行为的记录来源，不表示未发生。表式：${table.title}（第${table.layoutVersion}版）。` },
    { kind: 'table', header, rows, widths: [14, 36, 8, ...table.columns.map(() => 21)], small: true },
  ];
  const none = [...new Set(table.rows.flatMap((r) => r.cells.filter((c) => c.source === 'none').map((c) => `“${r.label}”${c.note ?? ''}`)))];
  if (none.length) blocks.push({ kind: 'para', text: `无记录来源的项目：${none.join('；')}。` });
  const adjusted = table.rows.flatMap((r) => r.cells.filter((c) => c.source === 'override').map((c) => `“${r.label}”台账数据为${c.computed}，调整为${c.value}，理由：${c.note ?? ''}`));
  if (adjusted.length) blocks.push({ kind: 'para', text: `※ 手工调整的数字：${adjusted.join('；')}。` });
  blocks.push({ kind: 'signature', org: orgName, date: officialDate(signDate) });
  return { title, blocks };
}
