import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import { checkDraft } from './report.checks.ts';
import type { ReportContent } from './report.content.ts';

const content: ReportContent = { title: 't', preamble: [], sections: [{ key: 'a', title: '主要举措和成效', required: true, items: [{ type: 'para', text: '全年依法作出重大执法决定，均经法制审核。' }] }] };
const rate = (numerator: number, denominator: number): IndicatorValue => ({
  id: 'enforcement.major_review_rate',
  kind: 'ratio',
  label: '重大执法决定法制审核率',
  unit: '%',
  value: denominator ? Math.round((numerator / denominator) * 1000) / 10 : 0,
  breakdown: [],
  recordCount: denominator,
  link: null,
  ledger: 'enforcement.case',
  numerator: { id: 'enforcement.major_reviewed', value: numerator },
  denominator: { id: 'enforcement.major_decisions', value: denominator },
  required: 100,
});
const findings = (v: IndicatorValue) => checkDraft(content, new Map([[v.id, v]])).filter((c) => c.id.startsWith('required.'));

describe('statutory floors', () => {
  it('make a rate below 100% an error that says how many records fall short', () => {
    const [f] = findings(rate(11, 12));
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('应达到100%（1件未达到要求）');
  });
  it('are met at 100%, and say nothing when there is nothing to count', () => {
    expect(findings(rate(12, 12))).toEqual([]);
    expect(findings(rate(0, 0))).toEqual([]);
  });
});
