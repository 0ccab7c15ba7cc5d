import { describe, expect, it } from 'vitest';
import { formatProblem, renderNumber } from './ledger.numbering.ts';
import type { NumberedDef } from './ledger.types.ts';

const cases: NumberedDef = { series: 's', label: '案号', defaultFormat: '{机关简称}综执{类别}〔{年}〕{序号}号', assignOn: 'create', kindFrom: { field: 'case_type', codes: { 行政处罚: '罚' } } };
const plain: NumberedDef = { series: 'p', label: '编号', defaultFormat: '（{年}）{机关简称}调字第{序号3}号', assignOn: 'create' };

describe('number formats', () => {
  it('renders the placeholders as a town writes its numbers', () => {
    const parts = { abbr: '城关', orgName: '城关镇综合行政执法队', year: 2026, seq: 7, kind: '罚' };
    expect(renderNumber(cases.defaultFormat, parts)).toBe('城关综执罚〔2026〕7号');
    expect(renderNumber(plain.defaultFormat, parts)).toBe('（2026）城关调字第007号');
    expect(renderNumber('{单位}〔{年}〕{序号}号', { ...parts, seq: 1234 })).toBe('城关镇综合行政执法队〔2026〕1234号');
  });

  it('refuses a format that could repeat a number or that it cannot read', () => {
    expect(formatProblem(plain, plain.defaultFormat)).toBeNull();
    expect(formatProblem(cases, cases.defaultFormat)).toBeNull();
    expect(formatProblem(plain, '城关调字第{序号}号')).toContain('{年}');
    expect(formatProblem(plain, '（{年}）城关调字')).toContain('{序号}');
    expect(formatProblem(cases, '城关综执〔{年}〕{序号}号')).toContain('{类别}');
    expect(formatProblem(plain, '{年}{编号}')).toContain('{编号}');
    expect(formatProblem(plain, '')).toBe('不能为空');
    expect(formatProblem(plain, `{年}{序号}${'号'.repeat(60)}`)).toContain('60');
    expect(formatProblem(plain, '{年}\u0007{序号}')).toContain('控制字符');
  });
});
