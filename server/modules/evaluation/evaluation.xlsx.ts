import ExcelJS from 'exceljs';
import type { EvaluationSystem, Scoring, SystemItem } from '../../../common/evaluation.types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { cellText } from '../../platform/files/sheet.ts';
import { systemInput, systemProblems, type SystemInput } from './evaluation.system.ts';

/**
 * an indicator system as a spreadsheet, both ways: a county that holds the 示范指标体系 (or its own 考核细则) as a
 * table fills one row per indicator and publishes it as a new version; any version exports in the same shape, so the
 * shipped one is a starting point. Group indicators leave the rule columns empty; their points must equal their
 * children's sum (the same checks as the JSON route, reported by row).
 */

export const COLUMNS = ['指标编号', '指标内容', '分值', '评分方式', '平台指标', '计分方式', '参数一', '参数二', '无数据时', '评分标准'] as const;
type Column = (typeof COLUMNS)[number];

const SCORING_LABELS: Record<Scoring['type'], string> = { threshold: '达标', linear: '线性', count: '计数' };
const SCORING_OF = new Map(Object.entries(SCORING_LABELS).map(([k, v]) => [v, k as Scoring['type']]));
const NOTES: Record<Column, string> = {
  指标编号: '必填。一级指标写“1”，二级“1.2”，三级“1.2.3”；上级指标须排在下级之前。',
  指标内容: '必填。指标的文字。',
  分值: '必填。以0.5分为单位；有下级指标的，等于下级指标分值之和。',
  评分方式: '末级指标必填：自动计算（按平台指标）或人工评分；有下级指标的留空。',
  平台指标: '自动计算的填平台指标编号，见“平台指标”工作表。',
  计分方式: '自动计算的填：达标（达到参数一得满分）、线性（参数一得零分，参数二得满分，其间按比例；参数一大于参数二表示越低越好）、计数（达到参数一的数量得满分，不足按比例）。',
  参数一: '达标：达标值；线性：零分值；计数：满分所需数量。',
  参数二: '线性：满分值；其他留空。',
  无数据时: '自动计算的：没有可计数事项（如全年无重大行政决策）时得满分或零分，默认零分。',
  评分标准: '人工评分的必填：评分标准和须附的佐证。',
};

/** one row per indicator; a second sheet lists the platform indicators a computed leaf may read */
export async function systemWorkbook(system: Pick<EvaluationSystem, 'title' | 'items'> | null, indicators: ReadonlyArray<{ id: string; label: string; unit: string }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow([...COLUMNS]);
  COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.note = NOTES[c];
    cell.font = { bold: true };
  });
  for (const item of system?.items ?? []) ws.addRow(rowOf(item));
  ws.columns.forEach((col, i) => (col.width = [10, 48, 6, 10, 34, 8, 8, 8, 8, 48][i] ?? 10));
  const rows = Math.max(ws.rowCount + 50, 200);
  const list = (col: number, values: string[]): void => {
    for (let r = 2; r <= rows; r++) ws.getCell(r, col).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: true, errorTitle: COLUMNS[col - 1] ?? '', error: `请从列表中选择：${values.join('、')}` };
  };
  list(4, ['自动计算', '人工评分']);
  list(6, Object.values(SCORING_LABELS));
  list(9, ['满分', '零分']);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const ind = wb.addWorksheet('平台指标');
  ind.addRow(['平台指标编号', '名称', '单位']);
  ind.getRow(1).font = { bold: true };
  for (const d of [...indicators].sort((a, b) => a.id.localeCompare(b.id))) ind.addRow([d.id, d.label, d.unit]);
  ind.columns.forEach((col, i) => (col.width = [40, 40, 8][i] ?? 10));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowOf(i: SystemItem): Array<string | number> {
  const r = i.rule;
  if (!r) return [i.code, i.label, i.points];
  if (r.kind === 'manual') return [i.code, i.label, i.points, '人工评分', '', '', '', '', '', r.guide];
  const s = r.scoring;
  const [a, b] = s.type === 'threshold' ? [s.min, ''] : s.type === 'linear' ? [s.zero, s.full] : [s.n, ''];
  return [i.code, i.label, i.points, '自动计算', r.indicator, SCORING_LABELS[s.type], a, b, r.whenNone === 'full' ? '满分' : '零分', ''];
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
}

/** a field path of the system's items (items.3.rule.scoring) as the sheet's row and column */
function cellOf(path: string, rowAt: (n: number) => number): { row: number; column: string } {
  const m = /^items\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!m) return { row: 0, column: '' };
  const sub = m[2] ?? '';
  const column = sub.startsWith('code') ? '指标编号' : sub.startsWith('parent') ? '指标编号' : sub.startsWith('label') ? '指标内容' : sub.startsWith('points') ? '分值' : sub.startsWith('rule.indicator') ? '平台指标' : sub.startsWith('rule.scoring') ? '计分方式' : sub.startsWith('rule.guide') ? '评分标准' : '评分方式';
  return { row: rowAt(Number(m[1])), column };
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());
const number = (v: unknown): number | null => {
  const s = text(v);
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
};

/**
 * reads a filled sheet into a system: every problem with its row and column, nothing published unless there are none
 */
/** the 指标 sheet's (or the first sheet's) filled rows with their row numbers, keyed by the header */
async function readRows(bytes: Buffer): Promise<Array<{ row: number; values: Record<string, string> }>> {
  const wb = new ExcelJS.Workbook();
  try {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('not a zip');
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_media_type', '无法读取该文件，请上传按模板填写的 .xlsx 电子表格');
  }
  const ws = wb.getWorksheet('指标') ?? wb.worksheets[0];
  if (!ws) return [];
  const header: string[] = [];
  ws.getRow(1).eachCell((cell, col) => (header[col] = cellText(cell.value)));
  const out: Array<{ row: number; values: Record<string, string> }> = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    r.eachCell((cell, col) => {
      const key = header[col];
      if (key) values[key] = cellText(cell.value);
    });
    if (Object.values(values).some((v) => v !== '')) out.push({ row: n, values });
  });
  return out;
}

export async function systemFromSheet(bytes: Buffer, head: { key: string; title: string; note: string }, knownIndicators: ReadonlySet<string>): Promise<{ system: SystemInput | null; problems: SheetProblem[]; rows: number }> {
  const sheet = await readRows(bytes);
  const rows = sheet.map((r) => r.values);
  const problems: SheetProblem[] = [];
  if (!rows.length) return { system: null, problems: [{ row: 0, column: '', message: '表格中没有指标：请按模板第一行的列名填写，每行一项指标' }], rows: 0 };
  const missing = (['指标编号', '指标内容', '分值'] as const).filter((c) => !rows.some((r) => c in r));
  if (missing.length) return { system: null, problems: [{ row: 1, column: missing.join('、'), message: `缺少列：${missing.join('、')}，请使用导入模板` }], rows: rows.length };
  const rowAt = (n: number): number => sheet[n]?.row ?? n + 2;
  const items = rows.map((r, n) => {
    const row = rowAt(n);
    const code = text(r['指标编号']);
    const points = number(r['分值']);
    if (points === null || Number.isNaN(points)) problems.push({ row, column: '分值', message: '须为数字' });
    const way = text(r['评分方式']);
    const base = { code, parent: code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null, label: text(r['指标内容']), points: points ?? 0 };
    if (way === '') {
      for (const c of ['平台指标', '计分方式', '参数一', '参数二', '评分标准'] as const) if (text(r[c])) problems.push({ row, column: '评分方式', message: `填写了${c}，须同时填写评分方式（自动计算或人工评分）` });
      return base;
    }
    if (way === '人工评分') return { ...base, rule: { kind: 'manual' as const, guide: text(r['评分标准']) } };
    if (way !== '自动计算') {
      problems.push({ row, column: '评分方式', message: `“${way}”不是可选值，须为自动计算或人工评分` });
      return base;
    }
    const type = SCORING_OF.get(text(r['计分方式']));
    const a = number(r['参数一']);
    const b = number(r['参数二']);
    if (!type) problems.push({ row, column: '计分方式', message: `须为${Object.values(SCORING_LABELS).join('、')}之一` });
    if (a === null || Number.isNaN(a)) problems.push({ row, column: '参数一', message: '自动计算的须填写数字' });
    if (type === 'linear' && (b === null || Number.isNaN(b))) problems.push({ row, column: '参数二', message: '线性计分须填写满分值' });
    const none = text(r['无数据时']);
    if (none && none !== '满分' && none !== '零分') problems.push({ row, column: '无数据时', message: '须为满分或零分' });
    const scoring: Scoring = type === 'linear' ? { type, zero: a ?? 0, full: b ?? 0 } : type === 'count' ? { type, n: a ?? 0 } : { type: 'threshold', min: a ?? 0 };
    return { ...base, rule: { kind: 'computed' as const, indicator: text(r['平台指标']), scoring, whenNone: none === '满分' ? ('full' as const) : ('zero' as const) } };
  });
  if (problems.length) return { system: null, problems, rows: rows.length };
  const parsed = systemInput.safeParse({ ...head, items });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      const at = cellOf(path, rowAt);
      const field = ({ key: '指标体系标识', title: '指标体系名称', note: '说明' } as Record<string, string>)[String(issue.path[0])];
      problems.push(field ? { row: 0, column: field, message: issue.message } : { ...at, message: issue.message });
    }
  }
  // the tree's own rules (sums, parents, indicators) are checked on what was read, even where a cell was refused above
  const raw = { ...head, items } as SystemInput;
  const seen = new Set(problems.map((p) => `${p.row}|${p.column}`));
  for (const p of systemProblems(parsed.success ? parsed.data : raw, knownIndicators)) {
    const at = cellOf(p.path, rowAt);
    if (!seen.has(`${at.row}|${at.column}`)) problems.push({ ...at, message: p.message.replace(/^[^：]+：/, '') });
  }
  return { system: problems.length || !parsed.success ? null : parsed.data, problems, rows: rows.length };
}
