/**
 * 逐项检查 (一表通查): the inspection standards of the matter, item by item, each with the officers' verdict and, for a
 * failed item, what was found. Stored on the inspection as text, one line per item, so that it reads as written in
 * the ledger, the export and the audit trail:
 *
 *   符合｜燃气报警器安装并能正常报警
 *   不符合｜连接软管无老化、龟裂｜软管龟裂，已当场指出
 *
 * Shared by the server (the gate of the result step and the 现场检查笔录) and the field mode on the phone.
 */
export const CHECK_VERDICTS = ['符合', '不符合', '不适用'] as const;
export type CheckVerdict = (typeof CHECK_VERDICTS)[number];

export interface ChecklistEntry {
  item: string;
  verdict: CheckVerdict;
  /** what was found; required for 不符合 */
  note: string;
}

const SEP = '｜';
const clean = (s: string): string => s.replace(/[｜\r\n]/g, ' ').trim();

/** the items of standards' texts (one item per line), in order, without blanks and repeats */
export function standardItems(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts) for (const line of t.split('\n').map((x) => x.trim())) if (line && !out.includes(line)) out.push(line);
  return out;
}

export function formatChecklist(entries: readonly ChecklistEntry[]): string {
  return entries.map((e) => [e.verdict, clean(e.item), ...(clean(e.note) ? [clean(e.note)] : [])].join(SEP)).join('\n');
}

export interface ParsedChecklist {
  entries: ChecklistEntry[];
  /** the problems in Chinese, one per bad line, naming the line */
  problems: string[];
}

export function parseChecklist(text: string): ParsedChecklist {
  const entries: ChecklistEntry[] = [];
  const problems: string[] = [];
  text
    .split('\n')
    .map((x) => x.trim())
    .forEach((line, i) => {
      if (!line) return;
      const [verdict = '', item = '', ...rest] = line.split(SEP).map((x) => x.trim());
      const note = rest.join(' ').trim();
      if (!(CHECK_VERDICTS as readonly string[]).includes(verdict)) problems.push(`第${i + 1}行的结论须为${CHECK_VERDICTS.join('、')}之一，格式为“结论｜检查内容｜说明”`);
      else if (!item) problems.push(`第${i + 1}行缺少检查内容`);
      else if (verdict === '不符合' && !note) problems.push(`第${i + 1}行“${item}”不符合，须说明发现的问题`);
      else entries.push({ item, verdict: verdict as CheckVerdict, note });
    });
  return { entries, problems };
}

export function failedItems(entries: readonly ChecklistEntry[]): ChecklistEntry[] {
  return entries.filter((e) => e.verdict === '不符合');
}

/** the 现场检查情况 the checklist suggests, for the officer to edit: the counts, then each problem found */
export function checklistSummary(entries: readonly ChecklistEntry[]): string {
  if (entries.length === 0) return '';
  const n = (v: CheckVerdict): number => entries.filter((e) => e.verdict === v).length;
  const failed = failedItems(entries);
  const head = `按检查标准逐项检查${entries.length}项：符合${n('符合')}项，不符合${n('不符合')}项${n('不适用') ? `，不适用${n('不适用')}项` : ''}。`;
  return failed.length ? `${head}发现问题：${failed.map((e, i) => `${i + 1}. ${e.item}——${e.note}`).join('；')}。` : `${head}未发现问题。`;
}
