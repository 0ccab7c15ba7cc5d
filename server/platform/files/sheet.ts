import ExcelJS from 'exceljs';
import { AppError } from '../http/errors.ts';

/** reads the first worksheet (xlsx) or a UTF-8 CSV into objects keyed by the header row */
export async function readSheetRows(bytes: Buffer, filename = ''): Promise<Array<Record<string, unknown>>> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    if (!/\.csv$/i.test(filename) && bytes.includes(0)) throw new AppError('unsupported_media_type', '请上传 .xlsx 或 UTF-8 编码的 .csv 文件');
    return parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_media_type', '无法读取该文件，请上传 .xlsx 格式的电子表格');
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const header: string[] = [];
  ws.getRow(1).eachCell((cell, col) => (header[col] = cellText(cell.value)));
  const rows: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const obj: Record<string, unknown> = {};
    let any = false;
    row.eachCell((cell, col) => {
      const key = header[col];
      if (!key) return;
      const v = cell.value instanceof Date ? cell.value : cellText(cell.value);
      if (v !== '') any = true;
      obj[key] = v;
    });
    if (any) rows.push(obj);
  });
  return rows;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
    if (o.richText) return o.richText.map((t) => t.text).join('').trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return String(o.result).trim();
  }
  return String(v).trim();
}

export function parseCsv(text: string): Array<Record<string, unknown>> {
  const lines: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      lines.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    lines.push(row);
  }
  const [head, ...body] = lines;
  if (!head) return [];
  return body
    .filter((r) => r.some((x) => x.trim() !== ''))
    .map((r) => Object.fromEntries(head.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
}

/** a one-sheet workbook of a list page: bold header row kept in view, one row per item */
export async function listWorkbook(name: string, columns: SheetColumn[], rows: Array<Record<string, string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
