/** a document as a list of blocks: the same content renders to GB/T 9704 DOCX and to HTML */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string; bold?: boolean; indent?: boolean; align?: 'left' | 'center' | 'right' }
  | { kind: 'table'; header: TableCellSpec[][]; rows: TableCellSpec[][]; widths?: number[]; caption?: string; small?: boolean }
  | { kind: 'signature'; org: string; date: string }
  /** the signing lines of a 笔录: each label (被检查单位负责人（签名）：) followed by the signatures drawn on screen */
  | { kind: 'signedBy'; parts: Array<{ label: string; images: SignatureImage[] }> }
  | { kind: 'pageBreak' };

/** a PNG drawn on screen; it prints at the height of a line of text, its width kept in proportion */
export interface SignatureImage {
  png: Uint8Array;
  alt: string;
}

/** width and height of a PNG in pixels, from its IHDR chunk (PNG spec 11.2.2: the first chunk, right after the signature) */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (!isPng(png) || png.length < 24) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const isPng = (bytes: Uint8Array): boolean => bytes.length >= 8 && PNG_MAGIC.every((b, i) => bytes[i] === b);

/** the printed size of a signature in millimetres: 10 mm high, at most 45 mm wide */
export function signatureSizeMm(img: SignatureImage): { width: number; height: number } {
  const px = pngSize(img.png) ?? { width: 3, height: 1 };
  const height = 10;
  const width = Math.min(45, (height * px.width) / px.height);
  return { width, height: Math.min(height, (width * px.height) / px.width) };
}

/**
 * a table cell: plain text, or text with spans as in HTML — colSpan covers the next columns of the row, rowSpan the
 * same columns of the rows below, and the covered positions are simply left out of those rows (as in HTML).
 * `head` sets a body cell in the header type (the sub-headings inside official statistics tables); `align` left
 * suits long row labels. A row narrower than the table (its cells and the spans from above) stretches its last
 * cell over the rest, so a one-cell row is a full-width heading.
 */
export type TableCellSpec = string | { text: string; colSpan?: number; rowSpan?: number; head?: boolean; align?: 'left' | 'center' };

/** a cell placed on the table's grid; `covered` marks a position under a rowSpan from above (a vertical merge) */
export interface PlacedCell {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
  head: boolean;
  align: 'left' | 'center';
  covered: boolean;
}

export interface TableLayout {
  cols: number;
  /** header rows first; each row lists its cells left to right, including `covered` continuation cells */
  rows: Array<{ head: boolean; cells: PlacedCell[] }>;
  /** whether any cell uses spans or options (plain-string tables keep their original layout) */
  spanned: boolean;
}

/** places a table's cells on a grid: the one layout the DOCX and HTML renderers (and web pages) share */
export function layoutTable(b: Extract<Block, { kind: 'table' }>): TableLayout {
  const all = [...b.header.map((r) => ({ head: true, cells: r })), ...b.rows.map((r) => ({ head: false, cells: r }))];
  const spanned = all.some((r) => r.cells.some((c) => typeof c !== 'string'));
  const norm = (c: TableCellSpec): { text: string; colSpan?: number | undefined; rowSpan: number; head?: boolean | undefined; align?: 'left' | 'center' | undefined } =>
    typeof c === 'string' ? { text: c, rowSpan: 1 } : { text: c.text, colSpan: c.colSpan, rowSpan: Math.max(1, c.rowSpan ?? 1), head: c.head, align: c.align };
  // pass 1: widths from explicit spans; a table is as wide as its widest row
  let pending: Array<{ left: number; origin: string } | undefined> = []; // per column: rows still covered, and by which cell
  const placed: Array<{ head: boolean; cells: Array<PlacedCell & { origin: string }> }> = [];
  let cols = 0;
  all.forEach((r, ri) => {
    const cells: Array<PlacedCell & { origin: string }> = [];
    let col = 0;
    const skipCovered = (): void => {
      for (let p = pending[col]; p && p.left > 0; p = pending[col]) {
        cells.push({ text: '', col, colSpan: 1, rowSpan: 1, head: r.head, align: 'center', covered: true, origin: p.origin });
        col++;
      }
    };
    r.cells.forEach((raw, ci) => {
      skipCovered();
      const c = norm(raw);
      const colSpan = Math.max(1, c.colSpan ?? 1);
      cells.push({ text: c.text, col, colSpan, rowSpan: c.rowSpan, head: c.head ?? r.head, align: c.align ?? 'center', covered: false, origin: `${ri}:${ci}` });
      col += colSpan;
    });
    skipCovered();
    cols = Math.max(cols, col);
    placed.push({ head: r.head, cells });
    // the rows below: this row's rowSpans start, earlier ones count down
    const next = pending.map((p) => (p && p.left > 1 ? { left: p.left - 1, origin: p.origin } : undefined));
    for (const c of cells) if (!c.covered && c.rowSpan > 1) for (let k = c.col; k < c.col + c.colSpan; k++) next[k] = { left: c.rowSpan - 1, origin: c.origin };
    pending = next;
  });
  if (!spanned) cols = b.header[b.header.length - 1]?.length ?? b.rows[0]?.length ?? 1;
  // pass 2: a row narrower than the table stretches its last real cell (and a covered run merges into one cell)
  const rows = placed.map((r) => {
    const merged: Array<PlacedCell & { origin: string }> = [];
    for (const c of r.cells) {
      const prev = merged.at(-1);
      if (c.covered && prev?.covered && prev.origin === c.origin) prev.colSpan++;
      else merged.push({ ...c });
    }
    const end = merged.reduce((m, c) => Math.max(m, c.col + c.colSpan), 0);
    const last = [...merged].reverse().find((c) => !c.covered);
    if (end < cols && last && last.col + last.colSpan === end) last.colSpan += cols - end;
    return { head: r.head, cells: merged.map(({ origin: _origin, ...c }) => c) };
  });
  return { cols: Math.max(cols, 1), rows, spanned };
}

export interface DocumentSpec {
  title: string;
  blocks: Block[];
  /** document number (文号) printed under the title, when there is one */
  docNumber?: string;
}

/** the heading number prefix a level uses in Chinese official documents: 一、 （一） 1. （1） */
export function headingPrefix(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

const DIGITS = '零一二三四五六七八九';

export function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (DIGITS[n] ?? String(n));
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** dates in official documents use Arabic numerals: 2026年3月1日 */
export function officialDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
