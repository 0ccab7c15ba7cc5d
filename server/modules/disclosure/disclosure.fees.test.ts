import { describe, expect, it } from 'vitest';
import { FEE_DEFAULTS, feeByCount, feeByPages } from './disclosure.fees.ts';

describe('信息处理费 at the national rates (国办函〔2020〕109号)', () => {
  it('by count: the first 10 applications of a month are free, the 11th–30th 100元, then 100元 more every 10', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map((n) => feeByCount(n, FEE_DEFAULTS.count))).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400]);
  });

  it('by volume: 30 pages free, pages 31–100 at 10元, 101–200 at 20元, beyond at 40元', () => {
    expect(feeByPages(30, FEE_DEFAULTS.pages)).toBe(0);
    expect(feeByPages(31, FEE_DEFAULTS.pages)).toBe(10);
    expect(feeByPages(100, FEE_DEFAULTS.pages)).toBe(700);
    expect(feeByPages(101, FEE_DEFAULTS.pages)).toBe(720);
    expect(feeByPages(200, FEE_DEFAULTS.pages)).toBe(2700);
    expect(feeByPages(201, FEE_DEFAULTS.pages)).toBe(2740);
  });

  it('follows a provincial schedule set in the settings', () => {
    expect(feeByCount(11, { free: 20, tiers: [{ upTo: 40, price: 50 }], beyond: { step: 10, increment: 50 } })).toBe(0);
    expect(feeByPages(50, { free: 40, tiers: [], beyond: 5 })).toBe(50);
  });
});
