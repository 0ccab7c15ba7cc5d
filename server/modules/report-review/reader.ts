import JSZip from 'jszip';
import { matchForm } from './numbers.ts';
import { isTableRow, parseRow, ROW_NAMES } from './tables.ts';

export type ReportFormat = 'text' | 'html' | 'docx' | 'pdf';

export type ReadErrorCode = 'unsupported_format' | 'corrupt_file' | 'no_text';

/** a file that cannot be read as a report; the message is for people */
export class ReportReadError extends Error {
  readonly code: ReadErrorCode;
  constructor(code: ReadErrorCode, message: string) {
    super(message);
    this.name = 'ReportReadError';
    this.code = code;
  }
}

export interface ReportText {
  format: ReportFormat;
  /** cleaned paragraphs in the original script (traditional stays traditional) */
  paragraphs: string[];
}

/** reads a report from its bytes; the format is told by content, never by file name */
export async function readReport(bytes: Uint8Array): Promise<ReportText> {
  const format = detectFormat(bytes);
  const lines = await rawLines(format, bytes);
  const paragraphs = joinBrokenLines(cleanLines(lines), format === 'pdf');
  if (paragraphs.join('').trim() === '') {
    throw new ReportReadError('no_text', '未能从文件中读出文字（可能是扫描件或空文件），无法审查');
  }
  return { format, paragraphs };
}

export function detectFormat(bytes: Uint8Array): ReportFormat {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('PK\x03\x04')) return 'docx';
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('\xd0\xcf\x11\xe0')) {
    throw new ReportReadError('unsupported_format', '不支持旧版 Word/WPS（.doc/.wps）格式，请另存为 .docx 或 PDF 后再审查');
  }
  if (head.startsWith('{\\rtf')) {
    throw new ReportReadError('unsupported_format', '不支持 RTF 格式，请另存为 .docx 或 PDF 后再审查');
  }
  return /^\s*</.test(decodeText(bytes.subarray(0, 1024))) ? 'html' : 'text';
}

async function rawLines(format: ReportFormat, bytes: Uint8Array): Promise<string[]> {
  switch (format) {
    case 'text':
      return decodeText(bytes).split(/\r?\n|\r/);
    case 'html':
      return htmlToLines(decodeText(bytes));
    case 'docx':
      return docxLines(bytes);
    case 'pdf':
      return pdfLines(bytes);
  }
}

/** UTF-8 or UTF-16 by BOM, else UTF-8, else GB18030 (GBK files are still common in government offices) */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function docxLines(bytes: Uint8Array): Promise<string[]> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch {
    throw new ReportReadError('corrupt_file', '文件已损坏，无法按 Word（.docx）文档读取');
  }
  if (xml === undefined) throw new ReportReadError('unsupported_format', '压缩文件中没有 Word 正文（word/document.xml），不是 .docx 文档');
  // a table row is one line, its cells joined by tabs (a cell alone on a line would pass for a page number)
  xml = xml.replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) => {
    const cells = (row.match(/<w:tc[ >][\s\S]*?<\/w:tc>/g) ?? []).map((cell) =>
      [...cell.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join('').trim(),
    );
    return `<w:p><w:r><w:t>${cells.filter((c) => c !== '').join('\t')}</w:t></w:r></w:p>`;
  });
  const lines: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let line = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br[^>]*\/>|<w:cr\/>/g)) {
      if (m[1] !== undefined) line += decodeEntities(m[1]);
      else line += m[0].startsWith('<w:tab') ? '\t' : '\n';
    }
    lines.push(...line.split('\n'));
  }
  return lines;
}

async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  try {
    // pdf.js is large: load it only when a PDF comes; it may detach the buffer it is given, so pass a copy
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    return text.flatMap((page) => page.split('\n'));
  } catch {
    throw new ReportReadError('corrupt_file', '文件已损坏，无法按 PDF 读取');
  }
}

const DROPPED_ELEMENTS = ['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'iframe', 'head', 'rt', 'rp'];
const BLOCK_TAGS = /<\/?(p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|blockquote|pre|dd|dt|center)\b[^>]*>/gi;

/** text of a page saved from a government website, one line per block */
export function htmlToLines(html: string): string[] {
  let s = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of DROPPED_ELEMENTS) {
    s = s.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'gi'), '');
  }
  // menus: list items that hold nothing but a link
  s = s.replace(/<li\b[^>]*>\s*<a\b[^>]*>[^<]*<\/a>\s*<\/li>/gi, '');
  // a table row is one line, its cells joined by tabs, whatever blocks (<p>, <br>) a cell holds
  s = s.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi, (_, row: string) => {
    const cells = [...row.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) =>
      (c[1] ?? '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim(),
    );
    return `\n${cells.filter((c) => c !== '').join('\t')}\n`;
  });
  s = s.replace(/<\/t[dh]>/gi, ' ').replace(BLOCK_TAGS, '\n').replace(/<[^>]+>/g, '');
  return decodeEntities(s).split('\n');
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  middot: '·', hellip: '…', mdash: '—', ndash: '–', bull: '•', times: '×', ensp: ' ', emsp: ' ', laquo: '«', raquo: '»',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// page furniture of government websites and documents; matched on the half-width simplified form
const FURNITURE_INLINE = [
  /【?\s*字体\s*:?\s*[[【(]?\s*(大\s*中\s*小)?\s*[\]】)]?\s*】?/g,
  // "阅读量：1234" of the page itself; "阅读量达5万次" in a 普法 paragraph is the report's own figure
  /(访问|浏览|阅读|点击)(次数|量)\s*:\s*\d*(?![\d万次人])/g,
  /扫一扫[^\s。]{0,16}/g,
  /分享到\s*:?.*$/g,
  /【\s*(打印本页|关闭窗口|打印|关闭|收藏|返回顶部|保存)\s*】/g,
  /\[\s*(打印本页|关闭窗口|打印|关闭|收藏|返回顶部)\s*\]/g,
  /(打印本页|关闭窗口|返回顶部)/g,
  /\*\*/g,
];
const FURNITURE_LINE = /^(首页|网站首页|当前位置|您当前的位置|您现在的位置|>>|>|上一篇|下一篇|相关链接|网站地图|版权所有|主办单位|承办单位|技术支持|网站标识码|.*ICP备|.*公网安备|[-—–\s]*\d+\s*[-—–]*\s*$|第\s*\d+\s*页)/;
const METADATA_LINE = /^[•·\-\s]*(信息索引号|索引号|审核程序|发布机构|发文机关|发文字号|文号|发布日期|成文日期|公开方式|公开范围|公开时限|主题分类|组配分类|信息来源|来源|发布时间|作者|责任编辑|有效性|生成日期)\s*:/;

/** removes pinyin annotations and page furniture; keeps the original script */
export function cleanLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let skipValue = false;
  for (const raw of lines) {
    // a table row keeps its tabs: they set its cells apart
    const line = stripFurniture(stripPinyin(raw)).replace(/\s+$/, '').replace(/^[ \u3000]+/, '').replace(/^\t+/, '');
    const m = matchForm(line);
    if (METADATA_LINE.test(m)) {
      // a label alone on its line has its value on the next one
      skipValue = /:\s*$/.test(m);
      continue;
    }
    if (skipValue && line !== '') {
      skipValue = false;
      if (line.length <= 40 && !/[。，,]/.test(line)) continue;
    }
    if (FURNITURE_LINE.test(m) && !endsBrokenRow(m, out[out.length - 1])) continue;
    out.push(line);
  }
  return out;
}

/** a number alone on its line is no page number when it ends a row of 表三 the page broke ("二、上年结转…数量 2 1 0 0 0 0" / "3") */
function endsBrokenRow(line: string, previous: string | undefined): boolean {
  if (!/^\s*\d+\s*$/.test(line) || previous === undefined) return false;
  const row = parseRow(previous);
  return row !== undefined && row.cells.length >= 2 && row.cells.length < 7 && ROW_NAMES.test(row.label);
}

// 调解(tiáo jiě): lowercase Latin with tone marks in brackets right after a Han character
const PINYIN = /(?<=\p{Script=Han})\s?[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+(?:[\s'’-]+[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+)*\s*[)）]/gu;

function stripPinyin(line: string): string {
  return line.replace(PINYIN, '');
}

function stripFurniture(line: string): string {
  const m = matchForm(line);
  const cut: Array<[number, number]> = [];
  for (const re of FURNITURE_INLINE) {
    for (const hit of m.matchAll(re)) {
      if (hit[0].trim() !== '') cut.push([hit.index, hit.index + hit[0].length]);
    }
  }
  if (cut.length === 0) return line;
  const keep = Array.from(line, () => true);
  for (const [a, b] of cut) for (let i = a; i < b; i++) keep[i] = false;
  return Array.from(line, (ch, i) => (keep[i] ? ch : '')).join('');
}

const HEADING_START = /^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+部分)/;
const TERMINAL = /[。！？!?：:；;…”"』）)]$/;

/** joins lines broken mid-sentence by page layout; PDF lines are joined whenever a line runs full */
export function joinBrokenLines(lines: readonly string[], fromPdf: boolean): string[] {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  const widest = Math.max(...nonEmpty.map((l) => l.length), 0);
  const full = fromPdf ? widest * 0.75 : 30;
  const out: string[] = [];
  let current: string | undefined;
  for (const line of nonEmpty) {
    const joinable =
      current !== undefined &&
      !isTableRow(current) &&
      !isTableRow(line) &&
      current.length >= full &&
      // a PDF line that fills the page to the last character runs on even after a full stop: the sentence ended where
      // the line did ("…下降10.1%。" + "从来源看，…")
      (!TERMINAL.test(current) || (fromPdf && current.length >= widest && widest >= 20)) &&
      // a numbered paragraph that runs the full width of a PDF page goes on: "（一）完善……。全年办理案件312件，其中刑事1" + "28件…"
      (fromPdf || !HEADING_START.test(current)) &&
      !HEADING_START.test(line);
    if (joinable) {
      current += line;
    } else {
      if (current !== undefined) out.push(current);
      current = line;
    }
  }
  if (current !== undefined) out.push(current);
  return out;
}
