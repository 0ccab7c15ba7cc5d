import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import expectations from './fixtures/reference-figures.json' with { type: 'json' };
import { reviewBuffer } from './review.service.ts';
import type { Figure } from './review.schema.ts';

// three published reports (Chongqing 2024, Henan 2023, Zhejiang 2020 as saved from the web), figures read by hand
const fixtures = new URL('./fixtures/', import.meta.url);
const originals = new URL('../../../../shared/reference-reports/', import.meta.url);

interface Expected {
  raw: string;
  label: string;
  value: number;
  unit: string;
  approximate?: boolean;
  parts?: Array<{ label: string; value: number }>;
  numerator?: { label: string; value: number };
  denominator?: { label: string; value: number };
}

const pair = (p: { label: string; value: number } | undefined) => (p ? { label: p.label, value: p.value } : undefined);

// the fields the hand-made list states, defaults filled in
function comparable(f: Expected | Figure) {
  return {
    raw: f.raw,
    label: f.label,
    value: f.value,
    unit: f.unit,
    approximate: f.approximate ?? false,
    parts: (f.parts ?? []).map(pair),
    numerator: pair(f.numerator),
    denominator: pair(f.denominator),
  };
}

describe.each(Object.entries(expectations))('reference report %s', (file, expected) => {
  const bytes = readFileSync(new URL(file, fixtures));

  it('is an unchanged copy of the shared reference report', () => {
    const original = new URL(file, originals);
    if (!existsSync(original)) return;
    expect(bytes.equals(readFileSync(original))).toBe(true);
  });

  it('yields exactly the figures read by hand, with value, unit and structure', async () => {
    const review = await reviewBuffer(file, bytes);
    expect(review.figures.map(comparable)).toEqual((expected.figures as Expected[]).map(comparable));
  });

  it('quotes each figure from the sentence it stands in', async () => {
    const text = bytes.toString('utf8');
    const review = await reviewBuffer(file, bytes);
    for (const figure of review.figures) {
      expect(figure.text).toContain(figure.raw);
      expect(text).toContain(figure.text);
    }
  });

  it('reads no dates, document numbers, ordinals or slogans as figures', async () => {
    const review = await reviewBuffer(file, bytes);
    for (const phrase of expected.notFigures) {
      expect(bytes.toString('utf8')).toContain(phrase);
      expect(review.figures.filter((f) => phrase.includes(f.raw))).toEqual([]);
    }
  });

  it('raises only the findings verified by hand', async () => {
    const review = await reviewBuffer(file, bytes);
    expect(review.findings.map((f) => ({ kind: f.kind, expected: f.expected }))).toEqual(expected.findings);
  });
});
