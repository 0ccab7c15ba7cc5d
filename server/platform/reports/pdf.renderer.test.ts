import { extractTextItems } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { DocumentSpec } from './blocks.ts';
import { renderDocx } from './docx.renderer.ts';
import { renderHtml } from './html.renderer.ts';
import { chromiumPath, libreOfficePath, renderPdf } from './pdf.renderer.ts';

// A4 is 595.3 pt wide; the type area runs from 28 mm (79.4 pt) to 26 mm (73.7 pt) from the right edge
const A4_WIDTH = 595.3;

describe('PDF page numbers', () => {
  it.runIf(libreOfficePath() || chromiumPath())('prints "— n —" at the right of odd pages and the left of even pages, as the DOCX does', { timeout: 120_000 }, async () => {
    const spec: DocumentSpec = { title: '分页测试', blocks: [{ kind: 'title', text: '分页测试' }, ...Array.from({ length: 70 }, (_, i) => ({ kind: 'para' as const, text: `第${i + 1}段：坚持和发展新时代“枫桥经验”，健全人民调解组织网络，把矛盾纠纷化解在基层、化解在萌芽状态。` }))] };
    const pdf = await renderPdf(await renderDocx(spec), renderHtml(spec));
    const { totalPages, items } = await extractTextItems(new Uint8Array(pdf));
    expect(totalPages).toBeGreaterThanOrEqual(3);
    for (let p = 0; p < totalPages; p++) {
      const page = items[p] ?? [];
      // the page number is the lowest line of the page
      const lowest = Math.min(...page.filter((i) => i.str.trim()).map((i) => i.y));
      const line = page.filter((i) => Math.abs(i.y - lowest) < 2).sort((a, b) => a.x - b.x);
      const text = line.map((i) => i.str).join('').replace(/\s+/g, ' ').trim();
      expect(text, `page ${p + 1}`).toBe(`— ${p + 1} —`);
      const left = line[0]?.x ?? 0;
      const right = Math.max(...line.map((i) => i.x + i.width));
      if ((p + 1) % 2 === 1) expect(left, `page ${p + 1} at the right`).toBeGreaterThan(A4_WIDTH / 2);
      else expect(right, `page ${p + 1} at the left`).toBeLessThan(A4_WIDTH / 2);
    }
  });
});
