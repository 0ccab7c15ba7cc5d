import { describe, expect, it } from 'vitest';
import { atMost, blank, dateNotBefore, filled, forbiddenWhen, is, isEmpty, isFilled, isNot, notBefore, notGreaterThan, numberOf, requiredWhen, text, yearOf } from './rules.ts';

describe('blank and filled', () => {
  it.each([
    [null, true],
    [undefined, true],
    ['', true],
    ['  ', true],
    ['x', false],
    [0, false],
    [false, false],
    [[], false],
  ] as const)('%o is blank: %s', (value, expected) => {
    expect(blank(value)).toBe(expected);
    expect(filled({ f: value }, 'f')).toBe(!expected);
  });

  it('treats a missing field as empty', () => {
    expect(filled({}, 'f')).toBe(false);
  });
});

describe('value readers', () => {
  it.each([
    [null, '', null],
    ['  ', '', null],
    [12, '12', 12],
    ['12.5', '12.5', 12.5],
    [0, '0', 0],
  ] as const)('%o reads as text %o and number %o', (value, asText, asNumber) => {
    expect(text({ f: value }, 'f')).toBe(asText);
    expect(numberOf({ f: value }, 'f')).toBe(asNumber);
  });

  it.each([
    ['2025-03-08', 2025],
    ['1999-12-31', 1999],
    ['2025年3月8日', null],
    [null, null],
  ] as const)('reads the year of %o as %o', (value, year) => {
    expect(yearOf({ f: value }, 'f')).toBe(year);
  });
});

describe('notBefore', () => {
  it.each([
    ['a later date', { a: '2025-03-09', b: '2025-03-08' }, true],
    ['the same date', { a: '2025-03-08', b: '2025-03-08' }, true],
    ['an earlier date', { a: '2025-03-07', b: '2025-03-08' }, false],
    ['an earlier year', { a: '2024-12-31', b: '2025-01-01' }, false],
    ['no later date', { a: null, b: '2025-03-08' }, true],
    ['no earlier date', { a: '2025-03-07', b: undefined }, true],
  ])('%s: %s', (_name, record, expected) => {
    expect(notBefore(record, 'a', 'b')).toBe(expected);
  });
});

describe('atMost', () => {
  it.each([
    ['less', { a: 3, b: 5 }, true],
    ['equal', { a: 5, b: 5 }, true],
    ['more', { a: 6, b: 5 }, false],
    ['zero against a negative', { a: 0, b: -1 }, false],
    ['decimals', { a: 35.5, b: 35.49 }, false],
    ['no amount', { a: null, b: 5 }, true],
    ['no limit', { a: 6, b: null }, true],
  ])('%s: %s', (_name, record, expected) => {
    expect(atMost(record, 'a', 'b')).toBe(expected);
  });
});

describe('conditions', () => {
  const record = { kind: '行政复议', on: false, note: null, stage: '二审' };

  it.each([
    ['is one value', is('kind', '行政复议'), true],
    ['is another value', is('kind', '行政诉讼'), false],
    ['is one of several', is('stage', '二审', '再审'), true],
    ['is false, not merely falsy', is('on', false), true],
    ['is false on an empty field', is('note', false), false],
    ['is not the value', isNot('kind', '行政诉讼'), true],
    ['is not, on an empty field', isNot('note', '已解决'), true],
    ['is filled', isFilled('kind'), true],
    ['is filled, false counts', isFilled('on'), true],
    ['is empty', isEmpty('note'), true],
    ['is empty, missing field', isEmpty('absent'), true],
  ])('%s', (_name, test, expected) => {
    expect(test(record)).toBe(expected);
  });
});

describe('rule builders', () => {
  const closed = dateNotBefore('closed_on', 'received_on', '结案日期不能早于受理日期');
  const amount = notGreaterThan('agreement_amount', 'amount', '协议金额不能大于涉及金额');
  const required = requiredWhen('closed_on', isNot('outcome', '正在调解'), '已结案的案件须填写结案日期');
  const forbidden = forbiddenWhen('closed_on', is('outcome', '正在调解'), '正在调解的案件不应有结案日期');

  it('attach the message to the field they name', () => {
    expect([closed, amount, required, forbidden].map((r) => [r.field, r.message])).toEqual([
      ['closed_on', '结案日期不能早于受理日期'],
      ['agreement_amount', '协议金额不能大于涉及金额'],
      ['closed_on', '已结案的案件须填写结案日期'],
      ['closed_on', '正在调解的案件不应有结案日期'],
    ]);
  });

  it.each([
    ['closing before receipt', closed, { received_on: '2025-03-08', closed_on: '2025-03-01' }, false],
    ['closing on the day of receipt', closed, { received_on: '2025-03-08', closed_on: '2025-03-08' }, true],
    ['not closed yet', closed, { received_on: '2025-03-08', closed_on: null }, true],
    ['an agreement above the claim', amount, { amount: 2, agreement_amount: 2.5 }, false],
    ['an agreement within the claim', amount, { amount: 2, agreement_amount: 1.5 }, true],
    ['an agreement without a claim', amount, { amount: null, agreement_amount: 1.5 }, true],
    ['a settled case without closing date', required, { outcome: '调解成功', closed_on: null }, false],
    ['a settled case with closing date', required, { outcome: '调解成功', closed_on: '2025-03-09' }, true],
    ['a pending case without closing date', required, { outcome: '正在调解', closed_on: null }, true],
    ['a pending case with closing date', forbidden, { outcome: '正在调解', closed_on: '2025-03-09' }, false],
    ['a pending case without it', forbidden, { outcome: '正在调解', closed_on: null }, true],
    ['a settled case with it', forbidden, { outcome: '调解成功', closed_on: '2025-03-09' }, true],
  ] as const)('%s passes: %s', (_name, rule, record, expected) => {
    expect(rule.check(record)).toBe(expected);
  });
});
