import { describe, expect, it } from 'vitest';
import { fieldText } from './field-value.tsx';
import type { LedgerField } from './ledger-types.ts';

const int = (extra: Partial<LedgerField>): LedgerField => ({ name: 'n', label: '数', type: 'int', ...extra }) as LedgerField;

describe('fieldText of int fields', () => {
  it('writes a year without grouping and a quantity with it', () => {
    expect(fieldText(int({ name: 'year', min: 2000, max: 2100 }), 2026)).toBe('2026');
    expect(fieldText(int({ name: 'participants', min: 0 }), 12345)).toBe('12,345');
    expect(fieldText(int({ name: 'participants' }), 2026)).toBe('2,026');
  });
});
