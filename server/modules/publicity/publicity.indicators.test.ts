import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from '../../platform/indicators/indicator.types.ts';
import { publicityModule } from './publicity.module.ts';

const ledgers = new Map((publicityModule.ledgers ?? []).map((l) => [l.name, l]));
const indicators = publicityModule.indicators ?? [];
const byId = new Map<string, IndicatorDef>(indicators.map((i) => [i.id, i]));

describe('publicity indicators', () => {
  it('name every indicator after the module', () => {
    expect(indicators.filter((i) => !i.id.startsWith('publicity.')).map((i) => i.id)).toEqual([]);
  });

  it('count, sum and split only fields the ledgers have, with values their dictionaries offer', () => {
    const problems: string[] = [];
    for (const ind of indicators) {
      if (ind.kind === 'ratio') continue;
      const l = ledgers.get(ind.ledger);
      if (!l) {
        problems.push(`${ind.id}: no ledger ${ind.ledger}`);
        continue;
      }
      const field = (name: string) => l.fields.find((f) => f.name === name);
      if (ind.kind === 'sum' && !['int', 'decimal'].includes(field(ind.field ?? '')?.type ?? '')) problems.push(`${ind.id}: ${ind.field} is not numeric`);
      if (ind.breakdown && !['dict', 'dicts', 'bool'].includes(field(ind.breakdown)?.type ?? '')) problems.push(`${ind.id}: cannot split by ${ind.breakdown}`);
      for (const [name, want] of Object.entries(ind.where ?? {})) {
        const f = field(name);
        if (!f) problems.push(`${ind.id}: no field ${name}`);
        for (const v of Array.isArray(want) ? want : [want]) if (f?.options && v !== null && !f.options.includes(String(v))) problems.push(`${ind.id}: ${name} has no option ${String(v)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('build every rate from two indicators of the same ledger', () => {
    for (const ind of indicators) {
      if (ind.kind !== 'ratio') continue;
      const n = byId.get(ind.numerator);
      const d = byId.get(ind.denominator);
      expect(n && d && n.kind !== 'ratio' && d.kind !== 'ratio' && n.ledger === d.ledger, ind.id).toBe(true);
      expect(ind.unit).toBe('%');
    }
  });
});
