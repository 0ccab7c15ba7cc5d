import { describe, expect, it } from 'vitest';
import type { Block } from '../../platform/reports/blocks.ts';
import { CLAUSE, tokensOf, type ReportContent } from './report.content.ts';
import { defaultTemplate } from './report.template.ts';
import { buildDocumentSpec, renderItem, renderText, type Values } from './report.render.ts';

const content: ReportContent = { title: '演示县2025年度法治政府建设工作情况报告', preamble: [], sections: [{ key: 'a', title: '主要举措和成效', required: true, items: [{ type: 'para', text: '全年调处矛盾纠纷{{mediation.cases}}，协议涉及金额{{mediation.amount}}，调解成功率{{mediation.rate}}。' }] }] };
const towns = Array.from({ length: 12 }, (_, i) => ({ code: `9990010${String(i + 1).padStart(2, '0')}000`, name: `第${i + 1}镇` }));
const valuesFor = (units: typeof towns): Values => new Map([
  ['mediation.cases', { label: '调处矛盾纠纷', unit: '件', value: 78, breakdown: [], units: Object.fromEntries(units.map((t, i) => [t.code, i + 1])) }],
  ['mediation.amount', { label: '协议涉及金额', unit: '万元', value: 965.89, breakdown: [], units: { [towns[0]?.code ?? '']: 965.89 } }],
  ['mediation.rate', { label: '调解成功率', unit: '%', value: 94.6, breakdown: [], units: { [towns[1]?.code ?? '']: 94.6 } }],
]);
const values = valuesFor(towns);
const tables = (blocks: Block[]): Array<Extract<Block, { kind: 'table' }>> => blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('the county report’s appendix', () => {
  it('puts the unit of measure in the label and bare numbers in the cells: 0 for a unit with nothing counted, — for a rate without a denominator', () => {
    const [first] = tables(buildDocumentSpec(content, valuesFor(towns.slice(0, 3)), { org: '演示县人民政府', date: '2026-02-20' }, towns.slice(0, 3)).blocks);
    expect(first?.header).toEqual([['数据项', '第1镇', '第2镇', '第3镇', '合计']]);
    expect(first?.rows).toEqual([
      [{ text: '调处矛盾纠纷（件）', align: 'left' }, '1', '2', '3', '78'],
      [{ text: '协议涉及金额（万元）', align: 'left' }, '965.89', '0', '0', '965.89'],
      [{ text: '调解成功率（%）', align: 'left' }, '—', '94.6', '—', '94.6'],
    ]);
    expect(first?.widths).toEqual([3, 1.2, 1.2, 1.2, 1.3]);
  });

  it('splits many units into parts of eight columns that repeat the labels, the total closing the last part', () => {
    const parts = tables(buildDocumentSpec(content, values, { org: '演示县人民政府', date: '2026-02-20' }, towns).blocks);
    expect(parts.map((p) => p.header[0]?.length)).toEqual([9, 6]);
    expect(parts[0]?.header[0]?.at(-1)).toBe('第8镇');
    expect(parts[1]?.header[0]).toEqual(['数据项', '第9镇', '第10镇', '第11镇', '第12镇', '合计']);
    expect(parts.map((p) => p.rows.map((r) => (typeof r[0] === 'string' ? r[0] : r[0]?.text)))).toEqual([
      ['调处矛盾纠纷（件）', '协议涉及金额（万元）', '调解成功率（%）'],
      ['调处矛盾纠纷（件）', '协议涉及金额（万元）', '调解成功率（%）'],
    ]);
    expect(parts[1]?.rows[0]?.slice(1)).toEqual(['9', '10', '11', '12', '78']);
  });

  it('is left out of a town’s report', () => {
    expect(tables(buildDocumentSpec(content, values, { org: '城关镇人民政府', date: '2026-02-20' }, []).blocks)).toEqual([]);
  });
});

describe('figures with nothing to count', () => {
  const v = (value: number, extra: object = {}) => ({ label: 'x', unit: '宗' as const, value, breakdown: [], ...extra });
  const vals: Values = new Map<string, NonNullable<ReturnType<Values['get']>>>([
    ['r.cases', v(0)],
    ['r.suits', v(5)],
    ['r.hearings', v(0)],
    ['r.rate', { ...v(0, { kind: 'ratio', denominator: { id: 'r.hearings', value: 0 } }), unit: '%' as const }],
    ['r.lost', v(1)],
  ]);
  it('prints the paragraph’s sentence when its first figure counts nothing, and drops a clause whose figure counts nothing', () => {
    expect(renderItem({ text: '全年涉及行政复议案件{{r.cases}}[[，被纠错{{r.lost}}]]。', none: '本年度未发生行政复议案件。' }, vals)).toBe('本年度未发生行政复议案件。');
    expect(renderItem({ text: '全年涉及行政诉讼案件{{r.suits}}[[，败诉{{r.lost}}]][[，开庭审理{{r.hearings}}]][[，负责人出庭应诉率{{r.rate}}]]。', none: '本年度未发生行政诉讼案件。' }, vals)).toBe('全年涉及行政诉讼案件5宗，败诉1宗。');
    // without a sentence of its own the paragraph prints as written; an unknown field stays visible
    expect(renderText('全年{{r.cases}}[[，{{no.such}}]]。', vals)).toBe('全年0宗，【no.such】。');
  });
});

describe('the default templates', () => {
  it('put every figure but a paragraph’s first in a clause, and give that paragraph a sentence for when it counts nothing', () => {
    for (const level of ['town', 'county'] as const) {
      for (const s of defaultTemplate(level).sections) {
        for (const it of s.items.filter((i) => i.type === 'para')) {
          const outside = tokensOf(it.text.replace(CLAUSE, ''));
          if (!tokensOf(it.text).length) continue;
          expect(outside.length, `${level}: ${it.text}`).toBe(1);
          expect(tokensOf(it.text)[0]?.id, `${level}: the first figure stands outside any clause: ${it.text}`).toBe(outside[0]?.id);
          expect(it.none, `${level}: ${it.text}`).toMatch(/。$/);
        }
      }
    }
  });
});
