import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isPng, pngSize, signatureSizeMm, type DocumentSpec } from './blocks.ts';
import { renderDocx } from './docx.renderer.ts';
import { testPng as png } from '../../test/png.ts';
import { renderHtml } from './html.renderer.ts';

const party = png(300, 100);
const officer = png(600, 100);
const signed: DocumentSpec = {
  title: '现场检查笔录',
  blocks: [{ kind: 'signedBy', parts: [{ label: '被检查单位负责人（签名）：', images: [{ png: party, alt: '被检查单位负责人签名' }] }, { label: '检查人员（签名）：', images: [{ png: officer, alt: '李建国签名' }, { png: party, alt: '王秀英签名' }] }] }],
};

describe('signature images', () => {
  it('reads a PNG’s size from its header and refuses bytes that are not a PNG', () => {
    expect(pngSize(party)).toEqual({ width: 300, height: 100 });
    expect(isPng(Buffer.from('GIF89a....'))).toBe(false);
    expect(pngSize(Buffer.from('%PDF-1.7 not an image at all'))).toBeNull();
  });

  it('prints a signature 10 mm high in proportion, never wider than 45 mm', () => {
    expect(signatureSizeMm({ png: party, alt: '' })).toEqual({ width: 30, height: 10 });
    const wide = signatureSizeMm({ png: png(2000, 100), alt: '' });
    expect(wide.width).toBe(45);
    expect(wide.height).toBeCloseTo(2.25);
  });

  it('embeds each signature in the DOCX as a media part, related from the document and drawn inline after its label', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(signed));
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toEqual(['word/media/image1.png', 'word/media/image2.png', 'word/media/image3.png']);
    expect(Buffer.from((await zip.file('word/media/image2.png')?.async('uint8array')) ?? []).equals(officer)).toBe(true);
    expect(await zip.file('[Content_Types].xml')?.async('string')).toContain('<Default Extension="png" ContentType="image/png"/>');
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    expect(rels).toContain('Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"');
    expect(rels).toContain('Id="rId13"');
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"');
    // 30 × 10 mm in EMU; the label comes before its image
    expect(xml).toContain('<wp:extent cx="1080000" cy="360000"/>');
    expect(xml.indexOf('被检查单位负责人（签名）：')).toBeLessThan(xml.indexOf('r:embed="rId11"'));
    expect(xml.indexOf('检查人员（签名）：')).toBeLessThan(xml.indexOf('r:embed="rId12"'));
    expect(xml).toContain('descr="李建国签名"');
  });

  it('leaves a document without images as it was: no media, no png type, no drawing namespace', async () => {
    const zip = await JSZip.loadAsync(await renderDocx({ title: '笔录', blocks: [{ kind: 'signedBy', parts: [{ label: '检查人员（签名）：', images: [] }] }] }));
    expect(Object.keys(zip.files).some((n) => n.startsWith('word/media/'))).toBe(false);
    expect(await zip.file('[Content_Types].xml')?.async('string')).not.toContain('png');
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).not.toContain('xmlns:wp=');
    expect(xml).toContain('检查人员（签名）：');
  });

  it('shows the signatures in the HTML as PNG data next to their labels', () => {
    const html = renderHtml(signed);
    expect(html).toContain(`被检查单位负责人（签名）：<img class="doc-signature" src="data:image/png;base64,${party.toString('base64')}" alt="被检查单位负责人签名" style="width:30.0mm;height:10.0mm">`);
    expect(html.match(/<img /g)).toHaveLength(3);
  });
});
