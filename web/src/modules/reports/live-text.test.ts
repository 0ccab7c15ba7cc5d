import { describe, expect, it } from 'vitest';
import { clausesOf, printsNone, yearOnYearNotes } from './live-text.ts';

const v = (id: string, value: number, previous: number | undefined) => ({ id, label: id === 'a' ? '调处矛盾纠纷' : '开展述法', unit: '件', value, previous });

describe('year-on-year notes', () => {
  it('name quoted figures that changed by 30% or more, or grew from nothing', () => {
    const notes = yearOnYearNotes([v('a', 125, 100), v('b', 13, 0), v('c', 50, 10)], new Set(['a', 'b']));
    expect(notes).toEqual([{ id: 'b', message: '“开展述法”上年为0，今年13件，请核实并在文中说明' }]);
    expect(yearOnYearNotes([v('a', 60, 100)], new Set(['a']))[0]?.message).toBe('“调处矛盾纠纷”同比减少40%（上年100件，今年60件），请核实并在文中说明');
  });

  it('say once that there is nothing to compare with when last year has no figure at all', () => {
    expect(yearOnYearNotes([v('a', 130, 0), v('b', 13, 0)], new Set(['a', 'b']))).toEqual([{ id: 'none', message: '上一年度台账中没有记录（系统尚未启用），本报告不作同比检查' }]);
    expect(yearOnYearNotes([v('a', 130, undefined)], new Set(['a']))).toEqual([]);
    // a roster counts the same last year and this: it does not show that last year had records
    expect(yearOnYearNotes([v('a', 130, 0), { ...v('b', 12, 12), snapshot: true }], new Set(['a', 'b']))[0]?.id).toBe('none');
    expect(yearOnYearNotes([v('a', 130, 0), v('b', 12, 12)], new Set(['a', 'b']))[0]?.id).toBe('a');
  });
});

describe('figures with nothing to count', () => {
  const values = new Map([
    ['a', { kind: 'count', value: 5 }],
    ['b', { kind: 'count', value: 0 }],
    ['r', { kind: 'ratio', value: 0, denominator: { value: 0 } }],
  ]);
  it('mark the clauses the server leaves out and the paragraphs that print their sentence instead', () => {
    expect(clausesOf('诉讼{{a}}[[，败诉{{b}}]][[，出庭率{{r}}]][[，案件{{a}}]]。', values).map((c) => [c.text, c.dropped])).toEqual([
      ['诉讼{{a}}', false],
      ['，败诉{{b}}', true],
      ['，出庭率{{r}}', true],
      ['，案件{{a}}', false],
      ['。', false],
    ]);
    expect(printsNone('复议{{b}}[[，纠错{{a}}]]。', '本年度未发生行政复议案件。', values)).toBe(true);
    expect(printsNone('诉讼{{a}}。', '本年度未发生行政诉讼案件。', values)).toBe(false);
    expect(printsNone('复议{{b}}。', undefined, values)).toBe(false);
  });
});
