/** live fields in report text, as the server writes them: {{mediation.cases}}, {{id|parts}}, {{id|n}} */
export const TOKEN_RE = /\{\{([a-z][a-z0-9_.-]*)(?:\|(parts|n))?\}\}/g;

export type FieldFormat = 'value' | 'parts' | 'n';

export type Segment = { kind: 'text'; text: string } | { kind: 'field'; id: string; format: FieldFormat; raw: string };

export function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    out.push({ kind: 'field', id: m[1] ?? '', format: (m[2] as 'parts' | 'n' | undefined) ?? 'value', raw: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

export function fieldToken(id: string, format: FieldFormat): string {
  return format === 'value' ? `{{${id}}}` : `{{${id}|${format}}}`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

interface Valued {
  value: number;
  unit: string;
  breakdown: Array<{ label: string; value: number }>;
}

/** what a live field prints, the same way the server renders it */
export function renderField(v: Valued, format: FieldFormat): string {
  switch (format) {
    case 'n':
      return formatNumber(v.value);
    case 'parts': {
      const parts = v.breakdown.filter((b) => b.value > 0).map((b) => `${b.label}${formatNumber(b.value)}${v.unit}`);
      return parts.length ? parts.join('、') : '无';
    }
    case 'value':
      return `${formatNumber(v.value)}${v.unit}`;
  }
}

// a count typed by hand ("46宗", "95%") rather than taken from the ledgers; years and dates are not counts
const HAND_NUMBER = /(?<![\d.])\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:件|宗|次|人次|人|名|个|条|项|场|份|户|家|万元|元|%)/g;

export function handTypedNumbers(text: string): string[] {
  const plain = text.replace(TOKEN_RE, '');
  return [...plain.matchAll(HAND_NUMBER)].map((m) => m[0]);
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二 (section and sub-heading numbers never exceed 99) */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_DIGITS[n] ?? String(n);
  if (n < 20) return `十${CN_DIGITS[n - 10] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_DIGITS[tens] ?? ''}十${ones ? (CN_DIGITS[ones] ?? '') : ''}`;
}
