/**
 * Personal data inside free text (an ID number in a disclosure item, a phone number in a public comment, the name of
 * the private party in a decision's text) found and masked before the text leaves the building. Structured personal
 * fields are masked by mask.ts; this finds the same data where it was typed into prose.
 */

export type RedactionKind = 'id_number' | 'phone' | 'bank_card' | 'email' | 'name';

export const REDACTION_LABELS: Record<RedactionKind, string> = {
  id_number: '居民身份证号码',
  phone: '电话号码',
  bank_card: '银行卡号',
  email: '电子邮箱',
  name: '个人姓名',
};

export interface RedactionSpan {
  /** offsets in UTF-16 code units, end exclusive */
  start: number;
  end: number;
  kind: RedactionKind;
  label: string;
  text: string;
  replacement: string;
}

export interface RedactOptions {
  /** names of private persons known from the record (a party's name, a commenter's name) */
  names?: readonly (string | null | undefined)[];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** GB 11643: an 18-character 居民身份证号码 with a plausible region, birth date and the right check character */
export function isIdNumber18(s: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  if (y < 1880 || y > 2100 || !validDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === s[17]?.toUpperCase();
}

/** the first-generation 15-digit number: region, yymmdd birth date, sequence; no check digit */
export function isIdNumber15(s: string): boolean {
  if (!/^[1-9]\d{14}$/.test(s)) return false;
  return validDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const star = (n: number): string => '*'.repeat(Math.max(n, 0));
const digitsOf = (s: string): string => s.replace(/\D/g, '');

function maskId(s: string): string {
  return `${s.slice(0, 6)}${star(s.length - 10)}${s.slice(-4)}`;
}

/** keeps the separators, the country code and the first three digits of a mobile number (the area code of a fixed
 * number), and the last four digits */
function maskPhone(s: string, fixed: boolean): string {
  const total = digitsOf(s).length;
  const keepHead = fixed ? digitsOf(s.match(/^[（(]?0\d{2,3}/)?.[0] ?? '').length : total - 8;
  let seen = 0;
  return [...s].map((c) => {
    if (!/\d/.test(c)) return c;
    seen += 1;
    return seen <= keepHead || seen > total - 4 ? c : '*';
  }).join('');
}

function maskCard(s: string): string {
  const total = digitsOf(s).length;
  let seen = 0;
  return [...s].map((c) => {
    if (!/\d/.test(c)) return c;
    seen += 1;
    return seen <= 4 || seen > total - 4 ? c : '*';
  }).join('');
}

function maskEmail(s: string): string {
  const at = s.indexOf('@');
  return `${s.slice(0, 1)}***${s.slice(at)}`;
}

export function maskName(s: string): string {
  return `${[...s][0] ?? ''}某某`;
}

// digits not glued to other digits, letters or a decimal point: 1234.50 元 is an amount, 〔2024〕12号 a 文号
const NB = '(?<![0-9A-Za-z.．])';
const NA = '(?![0-9A-Za-z]|[.．]\\d)';
const ID18 = new RegExp(`${NB}\\d{17}[\\dXx]${NA}`, 'g');
const ID15 = new RegExp(`${NB}\\d{15}${NA}`, 'g');
const MOBILE = new RegExp(`${NB}(?:(?:\\+|00)?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}${NA}`, 'g');
const FIXED = new RegExp(`${NB}(?:0\\d{2,3}[-－—]\\d{7,8}|[（(]0\\d{2,3}[)）] ?\\d{7,8})(?:[-－]\\d{1,5})?${NA}`, 'g');
const CARD = new RegExp(`${NB}(?:\\d{16,19}|\\d{4}(?: \\d{4}){3}(?: ?\\d{1,3})?)${NA}`, 'g');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** every piece of personal data found in the text, in order, none overlapping (an ID number wins over a card number) */
export function findPersonalData(text: string, opts: RedactOptions = {}): RedactionSpan[] {
  if (!text) return [];
  const found: RedactionSpan[] = [];
  const taken = (start: number, end: number): boolean => found.some((s) => start < s.end && s.start < end);
  const add = (re: RegExp, kind: RedactionKind, ok: (m: string) => boolean, masked: (m: string) => string): void => {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ok(m[0]) || taken(start, end)) continue;
      found.push({ start, end, kind, label: REDACTION_LABELS[kind], text: m[0], replacement: masked(m[0]) });
    }
  };
  add(EMAIL, 'email', () => true, maskEmail);
  add(ID18, 'id_number', isIdNumber18, maskId);
  add(CARD, 'bank_card', (m) => luhn(digitsOf(m)), maskCard);
  add(ID15, 'id_number', isIdNumber15, maskId);
  add(MOBILE, 'phone', () => true, (m) => maskPhone(m, false));
  add(FIXED, 'phone', () => true, (m) => maskPhone(m, true));
  const names = [...new Set((opts.names ?? []).map((n) => (n ?? '').trim()).filter((n) => [...n].length >= 2 && !n.includes('*')))].sort((a, b) => b.length - a.length);
  if (names.length) add(new RegExp(names.map(escape).join('|'), 'g'), 'name', () => true, maskName);
  return found.sort((a, b) => a.start - b.start);
}

/** the text with every span replaced by its mask */
export function applyRedaction(text: string, spans: readonly RedactionSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  return out + text.slice(at);
}

/** the text as the public (and a role without the personal permission) may see it */
export function redactText(text: string, opts: RedactOptions = {}): string {
  return applyRedaction(text, findPersonalData(text, opts));
}

/** null and undefined pass through; anything else is redacted as text */
export function redactPublic<T extends string | null | undefined>(text: T, opts: RedactOptions = {}): T {
  return (typeof text === 'string' ? redactText(text, opts) : text) as T;
}

export interface RedactionPreview {
  spans: RedactionSpan[];
  redacted: string;
}

export function redactionPreview(text: string, opts: RedactOptions = {}): RedactionPreview {
  const spans = findPersonalData(text, opts);
  return { spans, redacted: applyRedaction(text, spans) };
}

/** every string inside a JSON-like value redacted (report snapshots, rendered sections) */
export function redactDeep<T>(value: T, opts: RedactOptions = {}): T {
  if (typeof value === 'string') return redactText(value, opts) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, opts)) as T;
  const proto: unknown = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  // plain objects only: dates, buffers and other instances pass through as they are
  if (value && (proto === Object.prototype || proto === null)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, opts)])) as T;
  return value;
}
