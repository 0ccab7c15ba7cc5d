import type { Fact } from './extract.ts';
import { bounds, formatQuantity, round } from './numbers.ts';
import type { Finding } from './review.schema.ts';
import type { SectionMap } from './sections.ts';
import { missingSections } from './sections.ts';

const EPSILON = 1e-9;

/** arithmetic an examiner checks before a report is published; silent whenever the numbers hold */
export function checkFacts(facts: readonly Fact[]): Finding[] {
  return [
    ...facts.flatMap(checkParts),
    ...facts.flatMap(checkRate),
    ...facts.flatMap(checkPercentCeiling),
    ...checkConsistency(facts),
  ];
}

export function checkSections(map: SectionMap, headings: readonly string[]): Finding[] {
  return missingSections(map).map((s) => ({
    kind: 'missing_section',
    message: `报告缺少规定的“${s.title}”部分，未找到与之对应的标题或内容。`,
    text: headings.join(' / '),
    expected: s.title,
    actual: '未找到',
  }));
}

function checkParts(total: Fact): Finding[] {
  if (total.parts.length === 0) return [];
  const [low, high] = factBounds(total);
  if (total.parts.length === 1) {
    const part = total.parts[0];
    if (part === undefined || factBounds(part)[0] <= high + EPSILON) return [];
    return [
      {
        kind: 'subset_exceeds_total',
        message: `“${nameOf(part)}”${shown(part)}大于它所属的“${nameOf(total)}”${shown(total)}，部分不应多于整体。`,
        text: total.quote,
        expected: `不超过${shown(total)}`,
        actual: shown(part),
      },
    ];
  }
  const sumLow = total.parts.reduce((s, p) => s + factBounds(p)[0], 0);
  const sumHigh = total.parts.reduce((s, p) => s + factBounds(p)[1], 0);
  const over = sumLow > high + EPSILON;
  const under = total.partsComplete && sumHigh < low - EPSILON;
  if (!over && !under) return [];
  const { sum, total: whole, unit } = sumOf(total);
  // estimated parts are added at their lowest
  const sumText = `${total.parts.some((p) => p.quantity.approximation) ? '至少' : ''}${formatQuantity(sum, unit)}`;
  const diff = formatQuantity(round(Math.abs(sum - whole)), unit);
  const list = total.parts.map((p) => `${p.label}${p.quantity.raw}`).join('、');
  return [
    {
      kind: 'parts_sum_mismatch',
      message: `“${nameOf(total)}”共${shown(total)}，但其中所列各项（${list}）合计${sumText}，比总数${over ? '多' : '少'}${diff}。`,
      text: total.quote,
      expected: shown(total),
      actual: sumText,
    },
  ];
}

function checkRate(rate: Fact): Finding[] {
  const { numerator: num, denominator: den } = rate;
  if (num === undefined || den === undefined) return [];
  const [numLow, numHigh] = factBounds(num);
  const [denLow, denHigh] = factBounds(den);
  if (denHigh <= 0) return [];
  const computedLow = (numLow / denHigh) * 100;
  const computedHigh = denLow > 0 ? (numHigh / denLow) * 100 : Infinity;
  const [statedLow, statedHigh] = statedRange(rate);
  if (computedHigh >= statedLow - EPSILON && computedLow < statedHigh + EPSILON) return [];
  const computed = (num.quantity.normalized.value / den.quantity.normalized.value) * 100;
  const expected = `${round(computed, rate.quantity.decimals + 1)}%`;
  return [
    {
      kind: 'rate_mismatch',
      message: `“${nameOf(rate)}”写为${rate.quantity.raw}，但按文中数字计算，${num.label || '分子'}${num.quantity.raw}÷${den.label || '分母'}${den.quantity.raw}≈${expected}。`,
      text: rate.quote,
      expected,
      actual: rate.quantity.raw,
    },
  ];
}

// a stated 95% stands for anything that rounds or truncates to 95
function statedRange(rate: Fact): [number, number] {
  const q = rate.quantity;
  const value = q.unit === '‰' ? q.value / 10 : q.value;
  const step = 10 ** -q.decimals;
  const approximation = q.approximation;
  if (approximation === 'atLeast' || approximation === 'more') return [value - step / 2, Infinity];
  if (approximation === 'under') return [value - 5, value + step];
  if (approximation === 'about') return [value - 5, value + 5];
  return [value - step / 2, value + step];
}

function checkPercentCeiling(rate: Fact): Finding[] {
  const q = rate.quantity;
  const percent = q.unit === '‰' ? q.value / 10 : q.value;
  if (rate.kind !== 'rate' || rate.growth || percent <= 100) return [];
  return [
    {
      kind: 'percent_over_100',
      message: `“${nameOf(rate)}”为${q.raw}，超过100%；除增长幅度外，比率不应超过100%。`,
      text: rate.quote,
      expected: '不超过100%',
      actual: q.raw,
    },
  ];
}

// the same claim (same words, unit and period) given two values; parts, estimates and next year's targets are left out
function checkConsistency(facts: readonly Fact[]): Finding[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.partOf !== undefined || f.quantity.approximation !== undefined || f.label === '') continue;
    if (f.section === 'nextYear') continue;
    const key = `${f.scope}|${f.quantity.normalized.unit}|${f.period}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const other = group.find((f) => f.quantity.normalized.value !== first?.quantity.normalized.value);
    if (first === undefined || other === undefined) continue;
    findings.push({
      kind: 'inconsistent_value',
      message: `“${nameOf(first)}”在报告中前后数字不一致：先写${first.quantity.raw}，后写${other.quantity.raw}。`,
      text: first.quote === other.quote ? first.quote : `${first.quote} …… ${other.quote}`,
      expected: first.quantity.raw,
      actual: other.quantity.raw,
    });
  }
  return findings;
}

function factBounds(f: Fact): [number, number] {
  return bounds(f.quantity.normalized.value, f.quantity.approximation);
}

function nameOf(f: Fact): string {
  return f.label === '' ? '该项' : f.label;
}

function shown(f: Fact): string {
  return f.quantity.raw;
}

// the sum of the parts and the total, in the total's unit as written when every part shares it
function sumOf(total: Fact): { sum: number; total: number; unit: string } {
  const sameUnit = total.parts.every((p) => p.quantity.unit === total.quantity.unit);
  const pick = (f: Fact) => (sameUnit ? f.quantity.value : f.quantity.normalized.value);
  return {
    sum: round(total.parts.reduce((s, p) => s + pick(p), 0)),
    total: pick(total),
    unit: sameUnit ? total.quantity.unit : total.quantity.normalized.unit,
  };
}
