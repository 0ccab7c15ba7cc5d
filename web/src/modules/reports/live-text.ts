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

/** a clause [[…]] the server leaves out when a live field in it has nothing to count */
export const CLAUSE_RE = /\[\[([^\]]*)\]\]/g;

interface Counted {
  kind: string;
  value: number;
  denominator?: { value: number } | undefined;
}

/** a count or sum of 0, a rate whose denominator is 0: printed as a sentence or left out, never as 0 */
export function countsNothing(v: Counted | undefined): boolean {
  if (!v) return false;
  if (v.kind === 'ratio' || v.denominator) return (v.denominator?.value ?? 0) === 0;
  return v.value === 0;
}

/** the text split into plain runs and clauses, each clause marked when it will be left out of the printed report */
export function clausesOf(text: string, values: ReadonlyMap<string, Counted>): Array<{ text: string; clause: boolean; dropped: boolean }> {
  const out: Array<{ text: string; clause: boolean; dropped: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(CLAUSE_RE)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), clause: false, dropped: false });
    const inner = m[1] ?? '';
    out.push({ text: inner, clause: true, dropped: segmentsOf(inner).some((s) => s.kind === 'field' && countsNothing(values.get(s.id))) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), clause: false, dropped: false });
  return out;
}

/** whether a paragraph prints its `none` sentence: its first live field has nothing to count */
export function printsNone(text: string, none: string | undefined, values: ReadonlyMap<string, Counted>): boolean {
  const first = segmentsOf(text).find((s) => s.kind === 'field');
  return none !== undefined && first?.kind === 'field' && countsNothing(values.get(first.id));
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

interface Compared {
  id: string;
  label: string;
  unit: string;
  value: number;
  previous?: number | null | undefined;
  snapshot?: boolean | undefined;
}

/**
 * notes on the quoted figures that changed by 30% or more from last year (or from nothing). When last year has no
 * figure at all — the ledgers were not kept in the system yet — one note says so instead of one per figure.
 */
export function yearOnYearNotes(values: readonly Compared[], used: ReadonlySet<string>): Array<{ id: string; message: string }> {
  // a roster's figure is the same in any year: nothing to compare
  const compared = values.filter((v) => used.has(v.id) && !v.snapshot && v.previous !== undefined && v.previous !== null);
  if (compared.length > 0 && compared.every((v) => v.previous === 0)) return [{ id: 'none', message: '上一年度台账中没有记录（系统尚未启用），本报告不作同比检查' }];
  const notes: Array<{ id: string; message: string }> = [];
  for (const v of compared) {
    const previous = v.previous ?? 0;
    if (previous === v.value) continue;
    const change = previous === 0 ? null : ((v.value - previous) / previous) * 100;
    if (change !== null && Math.abs(change) < 30) continue;
    const text = change === null ? `上年为0，今年${formatNumber(v.value)}${v.unit}` : `同比${change > 0 ? '增加' : '减少'}${Math.abs(change).toFixed(0)}%（上年${formatNumber(previous)}${v.unit}，今年${formatNumber(v.value)}${v.unit}）`;
    notes.push({ id: v.id, message: `“${v.label}”${text}，请核实并在文中说明` });
  }
  return notes;
}
