import type { DisclosureReport } from './disclosure.report.ts';

/**
 * the cells of the report's tables still blank: the format of 国办公开办函〔2021〕30号 has no optional cell (a figure
 * that is nil is written 0), so a report with a blank cell is neither finalised nor published. Each names its table,
 * row and where the figure comes from.
 */
export function blankCells(report: DisclosureReport): string[] {
  const out: string[] = [];
  for (const s of report.sections) {
    const t = s.table;
    if (!t) continue;
    for (const r of t.rows) {
      if (r.heading) continue;
      for (const c of r.cells) {
        if (c.value !== null) continue;
        const what = c.note?.replace(/^手工填报：/, '') ?? '';
        out.push(`${s.title.replace(/^[一二三四五六]、/, '')}“${r.label || '案件数'}”${what ? `（${what}）` : ''}`);
      }
    }
  }
  return out;
}
