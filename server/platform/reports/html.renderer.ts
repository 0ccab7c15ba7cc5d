import { layoutTable, signatureSizeMm, type Block, type DocumentSpec, type PlacedCell, type SignatureImage, type TableLayout } from './blocks.ts';

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function signatureImg(img: SignatureImage): string {
  const mm = signatureSizeMm(img);
  return `<img class="doc-signature" src="data:image/png;base64,${Buffer.from(img.png).toString('base64')}" alt="${escapeHtml(img.alt)}" style="width:${mm.width.toFixed(1)}mm;height:${mm.height.toFixed(1)}mm">`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="doc-title">${escapeHtml(b.text)}</h1>`;
    case 'subtitle':
      return `<p class="doc-subtitle">${escapeHtml(b.text)}</p>`;
    case 'heading':
      return `<h${b.level + 1} class="doc-h${b.level}">${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'para':
      return `<p class="doc-p${b.indent === false ? ' no-indent' : ''}${b.align ? ` ${b.align}` : ''}">${escapeHtml(b.text)}</p>`;
    case 'signature':
      return `<p class="doc-sign">${escapeHtml(b.org)}<br>${escapeHtml(b.date)}</p>`;
    case 'signedBy':
      return b.parts.map((p) => `<p class="doc-p doc-signed">${escapeHtml(p.label)}${p.images.map(signatureImg).join('')}</p>`).join('');
    case 'pageBreak':
      return '<div class="page-break"></div>';
    case 'table': {
      const layout = layoutTable(b);
      const td = (c: PlacedCell, head: boolean): string => {
        const tag = head || c.head ? 'th' : 'td';
        const attrs = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.align === 'left' ? ' class="left"' : ''}`;
        return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
      };
      // covered positions are left out, as HTML rowspan expects
      const row = (r: TableLayout['rows'][number]): string => `<tr>${r.cells.filter((c) => !c.covered).map((c) => td(c, r.head)).join('')}</tr>`;
      const head = layout.rows.filter((r) => r.head);
      const body = layout.rows.filter((r) => !r.head);
      return `<table class="doc-table${b.small || (layout.spanned && layout.cols > 10) ? ' small' : ''}">${b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : ''}<thead>${head.map(row).join('')}</thead><tbody>${body.map(row).join('')}</tbody></table>`;
    }
  }
}

/** the same document as a printable web page: A4 with the GB/T 9704 margins and type */
export function renderHtml(spec: DocumentSpec): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(spec.title)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: "Times New Roman", "SimSun", "宋体", serif; font-size: 14pt; text-align: right; vertical-align: top; padding-top: 7mm; padding-right: 14pt; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: "Times New Roman", "SimSun", "宋体", serif; font-size: 14pt; text-align: left; vertical-align: top; padding-top: 7mm; padding-left: 14pt; } }
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.95pt; color: #000; max-width: 156mm; margin: 24px auto; }
.doc-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.4; margin: 0 0 28.95pt; }
.doc-subtitle { text-align: center; font-family: "KaiTi", "楷体_GB2312", serif; margin: 0; }
h2.doc-h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h3.doc-h2 { font-family: "KaiTi", "楷体_GB2312", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h4.doc-h3, h5.doc-h4 { font-size: 16pt; margin: 0; text-indent: 2em; }
.doc-p { margin: 0; text-indent: 2em; text-align: justify; }
.doc-p.no-indent { text-indent: 0; }
.doc-p.center { text-align: center; } .doc-p.right { text-align: right; }
.doc-sign { text-align: right; margin-top: 28.95pt; padding-right: 4em; }
.doc-table { border-collapse: collapse; width: 100%; font-family: "SimSun", "宋体", serif; font-size: 12pt; line-height: 1.4; margin: 8pt 0; }
.doc-table th, .doc-table td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; }
.doc-table .left { text-align: left; }
.doc-table.small { font-size: 10.5pt; }
.doc-table caption { font-family: "SimHei", "黑体", sans-serif; padding: 4pt; }
.doc-signed { min-height: 12mm; } .doc-signature { vertical-align: middle; margin-right: 4mm; }
.page-break { page-break-after: always; }
</style></head><body>
${spec.blocks.map(block).join('\n')}
</body></html>`;
}
