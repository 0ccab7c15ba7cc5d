import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
} from 'docx';
import { layoutTable, type Block, type DocumentSpec, type PlacedCell } from './blocks.ts';

// GB/T 9704-2012: A4; top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm → type area 156 × 225 mm
const MM = 56.6929; // twips per millimetre
export const PAGE = { width: 11906, height: 16838, top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
// 22 lines in 225 mm, 28 characters in 156 mm at 3号 (16 pt)
export const LINE_PITCH = Math.round((225 * MM) / 22); // ≈ 579 twips = 28.95 pt
// 28 characters of 3号 need 448 pt but the line is 442 pt: condense each character by 0.25 pt (in twentieths of a point)
export const CHAR_SPACING = -5;

const FONT = {
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' as const },
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' as const },
  hei: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' as const },
  kai: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' as const },
  song: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' as const },
};
const SIZE = { n2: 44, n3: 32, n4: 28, table: 24, n5: 21 }; // half-points: 2号 22pt, 3号 16pt, 4号 14pt, 小4 12pt, 5号 10.5pt

const run = (text: string, font: keyof typeof FONT, size: number, extra: Partial<IRunOptions> = {}): TextRun => new TextRun({ text, font: FONT[font], size, ...(size === SIZE.n3 ? { characterSpacing: CHAR_SPACING } : {}), ...extra });
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT_2 = { firstLine: 640 }; // two characters of 3号 (2 × 16 pt × 20)

function paragraph(b: Block): Paragraph | Table {
  switch (b.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(LINE_PITCH * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH },
        children: titleLines(b.text).map((line, i) => run(line, 'title', SIZE.n2, i > 0 ? { break: 1 } : {})),
      });
    case 'subtitle':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(b.text, 'kai', SIZE.n3)] });
    case 'heading': {
      const font = b.level === 1 ? 'hei' : b.level === 2 ? 'kai' : 'body';
      return new Paragraph({ spacing: exact, indent: INDENT_2, keepNext: true, children: [run(b.text, font, SIZE.n3, b.level === 3 ? { bold: true } : {})] });
    }
    case 'para':
      return new Paragraph({
        spacing: exact,
        alignment: b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
        ...(b.indent === false ? {} : { indent: INDENT_2 }),
        children: [run(b.text, 'body', SIZE.n3, b.bold ? { bold: true } : {})],
      });
    case 'signature':
      return new Paragraph({ spacing: exact, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(b.org, 'body', SIZE.n3)] });
    case 'pageBreak':
      return new Paragraph({ pageBreakBefore: true, children: [] });
    case 'table':
      return table(b);
  }
}

// a 2号 title fits about 20 characters a line; break long ones before the subject, not mid-word
export function titleLines(title: string, max = 19): string[] {
  if ([...title].length <= max) return [title];
  for (const cue of ['法治政府', '政府信息公开', '关于', '工作']) {
    const at = title.indexOf(cue);
    if (at > 2 && at <= max && [...title.slice(at)].length <= max + 2) return [title.slice(0, at), title.slice(at)];
  }
  const chars = [...title];
  const half = Math.ceil(chars.length / 2);
  return [chars.slice(0, half).join(''), chars.slice(half).join('')];
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const layout = layoutTable(b);
  // official statistics tables are wide: 五号 (10.5 pt) instead of 小四 when asked for or past ten columns
  const size = b.small || (layout.spanned && layout.cols > 10) ? SIZE.n5 : SIZE.table;
  // statistics tables do not sit on the body's 22-line grid: single lines at 1.3 × the type size
  const tight = { line: Math.round(size * 10 * 1.3), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const cell = (c: PlacedCell): TableCell =>
    new TableCell({
      columnSpan: c.colSpan,
      ...(c.covered ? { verticalMerge: VerticalMergeType.CONTINUE } : c.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [new Paragraph({ alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER, ...(layout.spanned ? { spacing: tight } : {}), children: c.covered ? [] : [run(c.text, c.head ? 'hei' : 'song', size)] })],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  // tables laid out with spans get a column grid (from widths, else equal) so Word and LibreOffice agree on it
  const grid = layout.spanned ? columnGrid(layout.cols, b.widths) : undefined;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(grid ? { columnWidths: grid } : {}),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: layout.rows.map((r) => new TableRow({ ...(r.head ? { tableHeader: true } : {}), ...(layout.spanned ? { cantSplit: true } : {}), children: r.cells.map(cell) })),
  });
}

/** column widths in twips over the type area (156 mm), proportional to `widths` when given for every column */
export function columnGrid(cols: number, widths?: number[]): number[] {
  const area = PAGE.width - PAGE.left - PAGE.right;
  const w = widths && widths.length === cols ? widths : Array.from({ length: cols }, () => 1);
  const sum = w.reduce((a, x) => a + x, 0) || 1;
  return w.map((x) => Math.floor((area * x) / sum));
}

function pageFooter(align: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  // page numbers: 4号 半角宋体 with dashes, "— 1 —", one character in from the edge
  return new Footer({
    children: [
      new Paragraph({
        alignment: align,
        indent: align === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [run('— ', 'song', SIZE.n4), new TextRun({ children: [PageNumber.CURRENT], font: FONT.song, size: SIZE.n4 }), run(' —', 'song', SIZE.n4)],
      }),
    ],
  });
}

/** renders a document in the GB/T 9704-2012 layout; Word and WPS open and edit it as users expect */
export async function renderDocx(spec: DocumentSpec): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const b of spec.blocks) {
    children.push(paragraph(b));
    if (b.kind === 'signature') children.push(new Paragraph({ spacing: exact, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(b.date, 'body', SIZE.n3)] }));
  }
  const doc = new Document({
    creator: '法治政府建设工作平台',
    title: spec.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.n3 } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: Math.round(28 * MM) } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
