import { describe, expect, it } from 'vitest';
import { isIdNumber, isPhone, isUscc, makeIdNumber, makeUscc } from './validators.ts';

describe('validators', () => {
  it('accepts a well-formed ID number and rejects a wrong check digit or impossible date', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(isIdNumber('110105194912310021')).toBe(false);
    expect(isIdNumber('110105194902300028')).toBe(false);
  });
  it('checks the unified social credit code check character', () => {
    expect(isUscc('91350100M000100Y43')).toBe(true);
    expect(isUscc('91350100M000100Y44')).toBe(false);
  });
  it('makes valid demo identifiers', () => {
    for (let i = 0; i < 50; i++) {
      expect(isIdNumber(makeIdNumber('999001', '1980-05-17', i))).toBe(true);
      expect(isUscc(makeUscc('999001', 1000 + i))).toBe(true);
    }
  });
  it('accepts mobile and landline numbers', () => {
    expect(isPhone('13800138000')).toBe(true);
    expect(isPhone('0571-88886666')).toBe(true);
    expect(isPhone('12345')).toBe(false);
  });
});
