import type { Block, DocumentSpec, TableCellSpec } from '../../platform/reports/blocks.ts';
import { officialDate } from '../../platform/reports/blocks.ts';
import type { Cell, DisclosureReport, ReportTable, TableRow } from './disclosure.report.ts';

const show = (c: Cell | undefined): string => (c?.value === null || c?.value === undefined ? '' : String(c.value));

/** a report table as a document table in the official layout: header and label cells with their spans, then the figures */
export function tableBlock(t: ReportTable): Extract<Block, { kind: 'table' }> {
  const figure = (r: TableRow, c: Cell): TableCellSpec => (r.valueSpan && r.valueSpan > 1 ? { text: show(c), colSpan: r.valueSpan } : show(c));
  return {
    kind: 'table',
    header: t.header,
    rows: t.rows.map((r) => [...r.lead, ...r.cells.map((c) => figure(r, c))]),
    widths: t.widths,
  };
}

/** the report as blocks: GB/T 9704 DOCX and HTML render the same content */
export function buildDocumentSpec(report: DisclosureReport, signDate: string): DocumentSpec {
  const blocks: Block[] = [{ kind: 'title', text: report.title }];
  blocks.push({ kind: 'para', text: `本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制，数据统计期限为${report.year}年1月1日至${report.year}年12月31日。` });
  for (const s of report.sections) {
    blocks.push({ kind: 'heading', level: 1, text: s.title });
    for (const p of s.paragraphs) blocks.push({ kind: 'para', text: p });
    if (s.table) blocks.push(tableBlock(s.table));
    const manual = s.table?.rows.flatMap((r) => r.cells.filter((c) => c.source === 'manual' && c.value === null)) ?? [];
    if (manual.length) blocks.push({ kind: 'para', text: `（表中空白处为手工填报项，尚未填写：${[...new Set(manual.map((c) => c.note?.replace('手工填报：', '') ?? ''))].join('；')}）`, indent: false });
  }
  blocks.push({ kind: 'signature', org: report.org.name, date: officialDate(signDate) });
  return { title: report.title, blocks };
}
