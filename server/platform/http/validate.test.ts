import { describe, expect, it } from 'vitest';
import { dateProblem, intId, isCleanText, uncleanFields } from './validate.ts';

describe('isCleanText', () => {
  it.each([
    ['普通文字', true],
    ['多行\n文字\r\n带\t制表符', true],
    ['😀 a paired surrogate', true],
    ['a\u0000b', false],
    ['lone high \uD800', false],
    ['\uDC00 lone low', false],
    ['bell \u0007', false],
    ['delete \u007F', false],
  ])('%j → %s', (s, clean) => expect(isCleanText(s)).toBe(clean));
});

describe('dateProblem', () => {
  it.each([
    ['2025-03-08', null],
    ['1900-01-01', null],
    ['2100-12-31', null],
    ['0000-01-01', '日期须在1900-01-01至2100-12-31之间'],
    ['0001-01-01', '日期须在1900-01-01至2100-12-31之间'],
    ['2101-01-01', '日期须在1900-01-01至2100-12-31之间'],
    ['2024-02-30', '须为有效日期，格式如 2025-03-08'],
    ['2025-3-8', '须为有效日期，格式如 2025-03-08'],
  ])('%s → %s', (s, problem) => expect(dateProblem(s)).toBe(problem));
});

describe('intId', () => {
  it('takes ids an integer column holds and nothing else', () => {
    expect(intId().safeParse('2147483647').success).toBe(true);
    for (const bad of ['2147483648', '99999999999', '0', '-1', '1.5', 'abc', '1e309']) expect(intId().safeParse(bad).success, bad).toBe(false);
  });
});

describe('uncleanFields', () => {
  it('names every unclean string by its path and label, in nested objects, arrays and keys', () => {
    const found = uncleanFields({ reason: 'a\u0000', items: [{ text: 'ok' }, { text: '\uD800' }], ['k\u0000']: 1 }, { reason: '撤销原因' });
    expect(found).toEqual([
      { path: 'reason', label: '撤销原因', message: '撤销原因：含有不允许的控制字符' },
      { path: 'items.1.text', message: 'items.1.text：含有不允许的控制字符' },
      { path: 'k?', message: '字段名含有不允许的控制字符' },
    ]);
  });
});
