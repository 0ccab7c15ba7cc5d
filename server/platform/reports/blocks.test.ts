import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { layoutTable, type Block } from './blocks.ts';
import { renderDocx } from './docx.renderer.ts';
import { renderHtml } from './html.renderer.ts';

type TableBlock = Extract<Block, { kind: 'table' }>;

// the header of the 政府信息公开 report's table 三: a 3 × 3 corner, 申请人情况 over seven columns, 法人或其他组织 over five
const spanned: TableBlock = {
  kind: 'table',
  header: [
    [{ text: '（勾稽关系）', colSpan: 2, rowSpan: 3 }, { text: '申请人情况', colSpan: 3 }],
    [{ text: '自然人', rowSpan: 2 }, { text: '法人', colSpan: 1 }, { text: '总计', rowSpan: 2 }],
    ['企业'],
  ],
  rows: [
    [{ text: '一、新收', colSpan: 2, align: 'left' }, '1', '2', '3'],
    [{ text: '三、结果', rowSpan: 2 }, '（一）公开', '1', '0', '1'],
    ['（二）不公开', '0', '2', '2'],
    [{ text: '小节', head: true }],
  ],
};

describe('layoutTable', () => {
  it('keeps plain-string tables as before: the header decides the width, a short row stretches its last cell', () => {
    const l = layoutTable({ kind: 'table', header: [['第二十条第（一）项'], ['信息内容', '制发', '废止', '现行']], rows: [['规章', '0', '0', '0'], ['行政许可', '3']] });
    expect(l.spanned).toBe(false);
    expect(l.cols).toBe(4);
    expect(l.rows[0]?.cells).toMatchObject([{ text: '第二十条第（一）项', col: 0, colSpan: 4 }]);
    expect(l.rows[3]?.cells.map((c) => [c.col, c.colSpan])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it('places rowSpan and colSpan cells on the grid and marks the covered positions', () => {
    const l = layoutTable(spanned);
    expect(l.spanned).toBe(true);
    expect(l.cols).toBe(5);
    // row 2 of the header: the corner covers columns 0–1, then 自然人 at 2, 法人 at 3, 总计 at 4
    expect(l.rows[1]?.cells.map((c) => [c.text, c.col, c.colSpan, c.covered])).toEqual([
      ['', 0, 2, true],
      ['自然人', 2, 1, false],
      ['法人', 3, 1, false],
      ['总计', 4, 1, false],
    ]);
    // row 3: corner still covers 0–1, 自然人 covers 2, 企业 at 3, 总计 covers 4
    expect(l.rows[2]?.cells.map((c) => [c.text, c.col, c.covered])).toEqual([
      ['', 0, true],
      ['', 2, true],
      ['企业', 3, false],
      ['', 4, true],
    ]);
    // body: 三、结果 spans two rows in column 0; the next row starts at column 1
    expect(l.rows[5]?.cells.map((c) => [c.text, c.col, c.covered])).toEqual([
      ['', 0, true],
      ['（二）不公开', 1, false],
      ['0', 2, false],
      ['2', 3, false],
      ['2', 4, false],
    ]);
    expect(l.rows[3]?.cells[0]).toMatchObject({ text: '一、新收', colSpan: 2, align: 'left' });
    // a one-cell row in the body is a full-width sub-heading in the header type
    expect(l.rows[6]?.cells).toMatchObject([{ text: '小节', colSpan: 5, head: true }]);
  });

  it('does not merge covered positions that come from different cells', () => {
    const l = layoutTable({ kind: 'table', header: [[{ text: 'A', rowSpan: 2 }, { text: 'B', rowSpan: 2 }, 'C']], rows: [['c']] });
    expect(l.rows[1]?.cells.map((c) => [c.col, c.colSpan, c.covered])).toEqual([
      [0, 1, true],
      [1, 1, true],
      [2, 1, false],
    ]);
  });
});

describe('renderers with spans', () => {
  it('writes rowspan and colspan in HTML and leaves the covered positions out', () => {
    const html = renderHtml({ title: 't', blocks: [spanned] });
    expect(html).toContain('<th colspan="2" rowspan="3">（勾稽关系）</th><th colspan="3">申请人情况</th>');
    expect(html).toContain('<tr><th rowspan="2">自然人</th><th>法人</th><th rowspan="2">总计</th></tr>');
    expect(html).toContain('<tr><th>企业</th></tr>');
    expect(html).toContain('<tr><td>（二）不公开</td><td>0</td><td>2</td><td>2</td></tr>');
    expect(html).toContain('<th colspan="5">小节</th>');
  });

  it('writes gridSpan and vertical merges in DOCX on a column grid', async () => {
    const zip = await JSZip.loadAsync(await renderDocx({ title: 't', blocks: [spanned] }));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml.match(/<w:gridCol /g)?.length).toBe(5);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toMatch(/<w:gridSpan w:val="3"\/>/);
    // every row covers the five grid columns
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      const spans = [...r.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(m[0])?.[1] ?? 1));
      expect(spans.reduce((a, b) => a + b, 0)).toBe(5);
    }
  });
});
