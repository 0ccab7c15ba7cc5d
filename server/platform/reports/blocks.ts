/** a document as a list of blocks: the same content renders to GB/T 9704 DOCX and to HTML */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'para'; text: string; bold?: boolean; indent?: boolean; align?: 'left' | 'center' | 'right' }
  | { kind: 'table'; header: string[][]; rows: string[][]; widths?: number[]; caption?: string }
  | { kind: 'signature'; org: string; date: string }
  | { kind: 'pageBreak' };

export interface DocumentSpec {
  title: string;
  blocks: Block[];
  /** document number (文号) printed under the title, when there is one */
  docNumber?: string;
}

/** the heading number prefix a level uses in Chinese official documents: 一、 （一） 1. （1） */
export function headingPrefix(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

const DIGITS = '零一二三四五六七八九';

export function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (DIGITS[n] ?? String(n));
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** dates in official documents use Arabic numerals: 2026年3月1日 */
export function officialDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
