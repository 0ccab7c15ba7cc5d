import { layoutTable, signatureSizeMm, type Block, type DocumentSpec, type PlacedCell, type SignatureImage } from './blocks.ts';
import { zip } from './zip.ts';

// GB/T 9704-2012: A4; top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm → type area 156 × 225 mm
const MM = 56.6929; // twips per millimetre
export const PAGE = { width: 11906, height: 16838, top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
// 22 lines in 225 mm, 28 characters in 156 mm at 3号 (16 pt)
export const LINE_PITCH = Math.round((225 * MM) / 22); // ≈ 579 twips = 28.95 pt
// 28 characters of 3号 need 448 pt but the line is 442 pt: condense each character by 0.25 pt (in twentieths of a point)
export const CHAR_SPACING = -5;

const FONT = { body: '仿宋_GB2312', title: '方正小标宋简体', hei: '黑体', kai: '楷体_GB2312', song: '宋体' } as const;
type Font = keyof typeof FONT;
const SIZE = { n2: 44, n3: 32, n4: 28, table: 24, n5: 21 }; // half-points: 2号 22pt, 3号 16pt, 4号 14pt, 小4 12pt, 5号 10.5pt
const INDENT_2 = 640; // two characters of 3号 (2 × 16 pt × 20)

// the document is written as WordprocessingML text (ECMA-376): a report of twenty pages with a county's appendix
// table is a few hundred kilobytes of XML, written in a few milliseconds (decision 0006)
const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** text as XML character data: markup escaped, characters XML 1.0 forbids dropped */
export function xmlText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** a run of text in one font and size; 3号 text is condensed to fit 28 characters a line; line breaks stay breaks */
function run(text: string, font: Font, size: number, opts: { bold?: boolean; breakBefore?: boolean } = {}): string {
  const props = `<w:rFonts w:ascii="Times New Roman" w:eastAsia="${FONT[font]}" w:hAnsi="Times New Roman" w:hint="eastAsia"/>${opts.bold ? '<w:b/><w:bCs/>' : ''}${size === SIZE.n3 ? `<w:spacing w:val="${CHAR_SPACING}"/>` : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  const body = text
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${xmlText(line)}</w:t>`)
    .join('<w:br/>');
  return `<w:r><w:rPr>${props}</w:rPr>${opts.breakBefore ? '<w:br/>' : ''}${body}</w:r>`;
}

interface ParaProps {
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** off the document's line grid (which would round every line up to the body's 22-line pitch) */
  offGrid?: boolean;
  /** exact line height and space after, in twips */
  line?: number;
  after?: number;
  firstLine?: number;
  right?: number;
  left?: number;
  align?: 'left' | 'center' | 'right' | 'both';
}

function para(p: ParaProps, runs: string): string {
  const props = [
    p.keepNext ? '<w:keepNext/>' : '',
    p.pageBreakBefore ? '<w:pageBreakBefore/>' : '',
    p.offGrid ? '<w:snapToGrid w:val="0"/>' : '',
    p.line ? `<w:spacing w:after="${p.after ?? 0}" w:before="0" w:line="${p.line}" w:lineRule="exact"/>` : '',
    p.firstLine || p.right || p.left ? `<w:ind${p.left ? ` w:left="${p.left}"` : ''}${p.right ? ` w:right="${p.right}"` : ''}${p.firstLine ? ` w:firstLine="${p.firstLine}"` : ''}/>` : '',
    p.align ? `<w:jc w:val="${p.align}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

/** the images a document embeds: each a word/media part with its relationship from the document */
interface Media {
  parts: Array<{ name: string; rel: string; png: Uint8Array }>;
}

const EMU_PER_MM = 36000;
const DRAWING_NS = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

/** a PNG inline in the text (ECMA-376 20.4.2.8 wp:inline), sized as it prints; the picture is stored as a media part */
function inlineImage(img: SignatureImage, media: Media): string {
  const n = media.parts.length + 1;
  // rId1–rId4 are the styles, settings and footers
  const rel = `rId${n + 10}`;
  media.parts.push({ name: `image${n}.png`, rel, png: img.png });
  const mm = signatureSizeMm(img);
  const cx = Math.round(mm.width * EMU_PER_MM);
  const cy = Math.round(mm.height * EMU_PER_MM);
  const alt = xmlText(img.alt);
  return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${n}" name="签名${n}" descr="${alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${n}" name="image${n}.png" descr="${alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

function block(b: Block, media: Media): string {
  switch (b.kind) {
    case 'title':
      return para({ align: 'center', line: Math.round(LINE_PITCH * 1.2), after: LINE_PITCH }, titleLines(b.text).map((line, i) => run(line, 'title', SIZE.n2, { breakBefore: i > 0 })).join(''));
    case 'subtitle':
      return para({ align: 'center', line: LINE_PITCH }, run(b.text, 'kai', SIZE.n3));
    case 'heading': {
      const font = b.level === 1 ? 'hei' : b.level === 2 ? 'kai' : 'body';
      return para({ keepNext: true, line: LINE_PITCH, firstLine: INDENT_2 }, run(b.text, font, SIZE.n3, { bold: b.level === 3 }));
    }
    case 'para':
      return para(
        { line: LINE_PITCH, align: b.align === 'center' ? 'center' : b.align === 'right' ? 'right' : 'both', ...(b.indent === false ? {} : { firstLine: INDENT_2 }) },
        run(b.text, 'body', SIZE.n3, { bold: b.bold === true }),
      );
    case 'signature':
      return [b.org, b.date].map((text) => para({ line: LINE_PITCH, align: 'right', right: 1280 }, run(text, 'body', SIZE.n3))).join('');
    case 'signedBy':
      // off the exact line pitch, so a signature taller than the text is not clipped
      return b.parts.map((p) => para({ firstLine: INDENT_2 }, `${run(p.label, 'body', SIZE.n3)}${p.images.map((img) => `${run('　', 'body', SIZE.n3)}${inlineImage(img, media)}`).join('')}`)).join('');
    case 'pageBreak':
      return para({ pageBreakBefore: true }, '');
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

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_PROPS = `<w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders></w:tblPr>`;
const CELL_MARGINS = '<w:tcMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="60"/></w:tcMar>';

function table(b: Extract<Block, { kind: 'table' }>): string {
  const layout = layoutTable(b);
  // official statistics tables are wide: 五号 (10.5 pt) instead of 小四 when asked for or past ten columns
  const size = b.small || (layout.spanned && layout.cols > 10) ? SIZE.n5 : SIZE.table;
  // statistics tables (spanned or small) do not sit on the body's 22-line grid: single lines at 1.3 × the type size
  const tight = layout.spanned || b.small ? Math.round(size * 10 * 1.3) : undefined;
  // a column grid (from widths, else equal), and each cell's width from it, so Word and LibreOffice agree on the layout
  const grid = columnGrid(layout.cols, b.widths);
  const cell = (c: PlacedCell): string => {
    const width = `<w:tcW w:type="dxa" w:w="${grid.slice(c.col, c.col + c.colSpan).reduce((a, x) => a + x, 0)}"/>`;
    const merge = c.covered ? '<w:vMerge w:val="continue"/>' : c.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
    const text = c.covered ? '' : run(c.text, c.head ? 'hei' : 'song', size);
    return `<w:tc><w:tcPr>${width}<w:gridSpan w:val="${c.colSpan}"/>${merge}${CELL_MARGINS}<w:vAlign w:val="center"/></w:tcPr>${para({ align: c.align === 'left' ? 'left' : 'center', ...(tight ? { line: tight, offGrid: true } : {}) }, text)}</w:tc>`;
  };
  const rows = layout.rows.map((r) => {
    const props = `${layout.spanned ? '<w:cantSplit/>' : ''}${r.head ? '<w:tblHeader/>' : ''}`;
    return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${r.cells.map(cell).join('')}</w:tr>`;
  });
  return `<w:tbl>${TABLE_PROPS}<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** column widths in twips over the type area (156 mm), proportional to `widths` when given for every column */
export function columnGrid(cols: number, widths?: number[]): number[] {
  const area = PAGE.width - PAGE.left - PAGE.right;
  const w = widths && widths.length === cols ? widths : Array.from({ length: cols }, () => 1);
  const sum = w.reduce((a, x) => a + x, 0) || 1;
  return w.map((x) => Math.floor((area * x) / sum));
}

// page numbers: 4号 半角宋体 with dashes, "— 1 —", one character in from the edge; odd pages right, even pages left
function pageFooter(align: 'left' | 'right'): string {
  const r = (inner: string): string => `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="${FONT.song}" w:hAnsi="Times New Roman" w:hint="eastAsia"/><w:sz w:val="${SIZE.n4}"/><w:szCs w:val="${SIZE.n4}"/></w:rPr>${inner}</w:r>`;
  const number = [r('<w:fldChar w:fldCharType="begin"/>'), r('<w:instrText xml:space="preserve">PAGE</w:instrText>'), r('<w:fldChar w:fldCharType="separate"/>'), r('<w:t>1</w:t>'), r('<w:fldChar w:fldCharType="end"/>')].join('');
  const p = para(align === 'right' ? { align, right: 280 } : { align, left: 280 }, `${r('<w:t xml:space="preserve">— </w:t>')}${number}${r('<w:t xml:space="preserve"> —</w:t>')}`);
  return `${XML_HEAD}<w:ftr ${W_NS}>${p}</w:ftr>`;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** renders a document in the GB/T 9704-2012 layout; Word and WPS open and edit it as users expect */
export async function renderDocx(spec: DocumentSpec, now = new Date()): Promise<Buffer> {
  const media: Media = { parts: [] };
  const body = spec.blocks.map((b) => block(b, media)).join('');
  // a document without images keeps the package it always had
  const pngType = media.parts.length ? '<Default Extension="png" ContentType="image/png"/>' : '';
  const mediaRels = media.parts.map((m) => `<Relationship Id="${m.rel}" Type="${REL}/image" Target="media/${m.name}"/>`).join('');
  const section = `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:footerReference w:type="even" r:id="rId4"/><w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/><w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="708" w:footer="${Math.round(28 * MM)}" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="${LINE_PITCH}"/></w:sectPr>`;
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return zip([
    {
      name: '[Content_Types].xml',
      data: `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${pngType}<Override PartName="/word/document.xml" ContentType="${CT}.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${CT}.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="${CT}.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="${CT}.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="${CT}.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    },
    {
      name: 'docProps/core.xml',
      data: `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(spec.title)}</dc:title><dc:creator>法治政府建设工作平台</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    },
    { name: 'docProps/app.xml', data: `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>法治政府建设工作平台</Application></Properties>` },
    {
      name: 'word/_rels/document.xml.rels',
      data: `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="${REL}/footer" Target="footer1.xml"/><Relationship Id="rId4" Type="${REL}/footer" Target="footer2.xml"/>${mediaRels}</Relationships>`,
    },
    {
      name: 'word/styles.xml',
      data: `${XML_HEAD}<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="${FONT.body}" w:hAnsi="Times New Roman" w:hint="eastAsia"/><w:sz w:val="${SIZE.n3}"/><w:szCs w:val="${SIZE.n3}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`,
    },
    { name: 'word/settings.xml', data: `${XML_HEAD}<w:settings ${W_NS}><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>` },
    { name: 'word/footer1.xml', data: pageFooter('right') },
    { name: 'word/footer2.xml', data: pageFooter('left') },
    { name: 'word/document.xml', data: `${XML_HEAD}<w:document ${W_NS}${media.parts.length ? ` ${DRAWING_NS}` : ''}><w:body>${body}${section}</w:body></w:document>` },
    ...media.parts.map((m) => ({ name: `word/media/${m.name}`, data: Buffer.from(m.png) })),
  ]);
}
