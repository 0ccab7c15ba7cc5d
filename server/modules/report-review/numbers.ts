// the t2cn build carries only the traditional → simplified dictionaries
import * as OpenCC from 'opencc-js/t2cn';

// traditional → simplified, for matching only; tw and hk variants both occur in submitted reports
const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** full-width ASCII and the ideographic space → half-width; keeps the string length */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** simplified form of the text with the same length, so positions in it are positions in the original */
export function toSimplified(text: string): string {
  const whole = fromTw(fromHk(text));
  if (whole.length === text.length) return whole;
  // a phrase conversion changed the length: fall back to character by character
  return Array.from(text, (ch) => {
    const one = fromTw(fromHk(ch));
    return one.length === ch.length ? one : ch;
  }).join('');
}

// every part of a review asks for the form of the same paragraphs, and converting to simplified is most of a review's
// time: the forms last asked for are kept (the map is emptied when full, so it never holds more than this many)
const FORMS_KEPT = 4096;
const forms = new Map<string, string>();

/** the form every matcher works on: half-width, simplified, same length as the original */
export function matchForm(text: string): string {
  let form = forms.get(text);
  if (form === undefined) {
    if (forms.size >= FORMS_KEPT) forms.clear();
    form = formOf(text);
    forms.set(text, form);
  }
  return form;
}

function formOf(text: string): string {
  // "办理各类事项（4862件）": brackets that hold nothing but a figure are read as if the figure stood bare (same length)
  return toSimplified(toHalfWidth(text))
    .replace(/\((\d[\d,.]*\s?[万亿]?(?:%|[^\d()\s,;:.。，；：、%]{1,3}))\)/gu, ' $1 ')
    // "29件（份）", "23件（起）": a second name of the unit in brackets is no aside of its own
    .replace(/(?<=\d\s?[件起份宗个项次人台辆套])\((件|起|份|宗|个|项|次|人次|件次|套|台|辆)\)/gu, (m) => ' '.repeat(m.length));
}

const DIGITS: Record<string, number> = {
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** value of a Chinese numeral (一百二十, 两千, 十五, 一万二千); undefined for sequences like 十四五 or 二〇二四 */
export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch === '零' || ch === '〇') {
      if (digit !== undefined) return undefined;
      continue;
    }
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined) return undefined;
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (digit === undefined && !(ch === '十' && section === 0 && total === 0)) return undefined;
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    if (ch === '万') {
      total += (section + (digit ?? 0)) * 1e4;
    } else if (ch === '亿') {
      total = (total + section + (digit ?? 0)) * 1e8;
    } else {
      return undefined;
    }
    section = 0;
    digit = undefined;
  }
  const value = total + section + (digit ?? 0);
  return value > 0 ? value : undefined;
}

/** how an approximate figure was written: 余/多 (more than), 约/左右 (about), 近 (just under), 以上 (at least) */
export type Approximation = 'more' | 'about' | 'under' | 'atLeast';

/** a number with its unit as written in the text; positions are indices into the paragraph */
export interface Quantity {
  start: number;
  end: number;
  /** the number as written, markers and unit included: "1140余万元" */
  raw: string;
  value: number;
  /** unit as written, with any 万/亿 multiplier: "万元" */
  unit: string;
  approximation?: Approximation;
  /** decimals as written, for rounding tolerance of percentages */
  decimals: number;
  normalized: { value: number; unit: string };
}

// longest first, so 人次 wins over 人 and 个月 over 个
const UNITS = [
  '个百分点', '个工作日', '平方米', '人次', '户次', '家次', '件次', '场次', '条次', '批次', '航次', '辆次', '节次', '期次', '个月', '课时', '学时', '小时', '分钟', '公里', '元',
  '件', '宗', '起', '次', '项', '条', '个', '名', '人', '位', '场', '户', '家', '期', '批', '篇', '份', '处',
  '座', '支', '类', '套', '台', '辆', '艘', '本', '册', '张', '幅', '块', '天', '亩', '卷', '所', '%', '‰',
  // calls to a hotline ("接听26,480通"), never the 通 of 通过, 通知, 通报…
  '通(?![过知报道行用讯畅达告信])',
];

// fixed expressions that look like counts but name a policy or slogan
const SET_PHRASES = [
  '三项制度', '三张清单', '两个确立', '两个维护', '四个意识', '四个自信', '四个全面', '五位一体', '三个代表',
  '两个务必', '三会一课', '一岗双责', '四下基层', '两法衔接', '三个一', '八五', '七五',
];

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CHINESE = '[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*';
const UNIT_PATTERN = UNITS.map((u) => u.replace('%', '%')).join('|');
const QUANTITY = new RegExp(
  String.raw`(大约|将近|接近|超过|约|近|逾)?(百分之)?(${ARABIC}|${CHINESE})[ \t]?(余|多)?(万|亿)?(余|多)?[ \t]?(${UNIT_PATTERN})?(左右|以上|余)?`,
  'g',
);

const PREFIX_APPROX: Record<string, Approximation> = {
  大约: 'about', 约: 'about', 将近: 'under', 接近: 'under', 近: 'under', 超过: 'atLeast', 逾: 'atLeast',
};

/** every quantity with a unit in a paragraph (given in match form); dates, ordinals, codes and slogans are left out */
export function findQuantities(text: string): Quantity[] {
  const quoted = quotedSpans(text);
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, prefix, percentWord, numeral = '', more1, multiplier, more2, unitWord, suffix] = m;
    let start = m.index;
    let end = start + whole.length;
    const isPercent = percentWord !== undefined;
    const unit = isPercent ? '%' : unitWord;
    if (unit === undefined || (isPercent && unitWord !== undefined)) continue;
    const numStart = start + (prefix?.length ?? 0) + (percentWord?.length ?? 0);
    if (!standsAlone(text, start, numStart, numeral)) continue;
    if (quoted.some(([a, b]) => numStart >= a && numStart < b)) continue;
    if (SET_PHRASES.some((p) => text.startsWith(p, numStart))) continue;

    let value: number | undefined;
    let multiple = multiplier ?? '';
    if (/\d/.test(numeral)) {
      value = Number(numeral.replaceAll(',', ''));
    } else if (numeral === '一' && !multiple) {
      // a bare 一 is nearly always a word (一支队伍, 一起, 一次性), not a count
      continue;
    } else if (/[万亿]$/.test(numeral) && numeral.length > 1 && !multiple) {
      multiple = numeral.slice(-1);
      value = parseChineseNumeral(numeral.slice(0, -1));
    } else {
      value = parseChineseNumeral(numeral);
    }
    if (value === undefined) continue;
    // a prefix that is really part of a word (最近, 附近) is not an approximation
    let approxPrefix = prefix;
    // (nor is the 约 that ends 民约, 公约, 合约, 契约, 规约, 预约, 签约, 履约, 节约, 制约)
    if ((prefix === '近' && /[最附邻接将]/.test(text[start - 1] ?? '')) || (prefix === '约' && /[民公合契规预签履节制]/.test(text[start - 1] ?? ''))) {
      approxPrefix = undefined;
      start += 1;
    }
    // "以上" after a percentage is usually "above the rate", keep it; trailing 余 after the unit is rare but seen
    const approximation = approximationOf(approxPrefix, more1 ?? more2, suffix);
    if (suffix === undefined && approximation === undefined) end = trimTrailingSpace(text, end);
    const multiplierValue = multiple === '万' ? 1e4 : multiple === '亿' ? 1e8 : 1;
    const writtenUnit = `${multiple}${unit}`;
    const decimals = numeral.includes('.') ? (numeral.split('.')[1]?.length ?? 0) : 0;
    const q: Quantity = {
      start,
      end,
      raw: text.slice(start, end),
      value,
      unit: writtenUnit,
      decimals,
      normalized: { value: round(value * multiplierValue), unit },
    };
    if (approximation !== undefined) q.approximation = approximation;
    found.push(q);
  }
  return found;
}

function approximationOf(prefix?: string, more?: string, suffix?: string): Approximation | undefined {
  if (prefix !== undefined) return PREFIX_APPROX[prefix];
  if (more !== undefined || suffix === '余') return 'more';
  if (suffix === '左右') return 'about';
  if (suffix === '以上') return 'atLeast';
  return undefined;
}

// a number glued to letters, digits, dashes or a leading 第 is a code, date, phone number or ordinal
function standsAlone(text: string, start: number, numStart: number, numeral: string): boolean {
  const before = text[start - 1] ?? '';
  const justBefore = text[numStart - 1] ?? '';
  if (/[A-Za-z0-9\-/.:·〔\[#]/.test(before)) return false;
  if (before === '第' || justBefore === '第' || (before === ' ' && text[start - 2] === '第')) return false;
  if (/^\d{7,}$/.test(numeral)) return false;
  return !/^[.\d]/.test(text[numStart + numeral.length] ?? '');
}

function trimTrailingSpace(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[ \t]/.test(text[e - 1] ?? '')) e -= 1;
  return e;
}

// spans inside quotes or book-title marks: slogans ("最多跑一次") and law names are not figures
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pairs: Array<[string, string, number]> = [
    ['“', '”', 30], ['《', '》', 60], ['「', '」', 30], ['『', '』', 30], ['‘', '’', 30],
  ];
  for (const [open, close, limit] of pairs) {
    let i = text.indexOf(open);
    while (i >= 0) {
      const j = text.indexOf(close, i + 1);
      if (j < 0) break;
      if (j - i <= limit) spans.push([i, j]);
      i = text.indexOf(open, j + 1);
    }
  }
  return spans;
}

/** the bounds an approximate value stands for; exact values are their own bounds */
export function bounds(value: number, approximation?: Approximation): [number, number] {
  switch (approximation) {
    case undefined:
      return [value, value];
    case 'more': {
      // "20余" means 21–29, "331余" loosely "about 331"
      const zeros = /0*$/.exec(String(Math.trunc(value)))?.[0].length ?? 0;
      return [value, value + Math.max(10 ** zeros, Math.ceil(value * 0.1))];
    }
    case 'about':
      return [value * 0.9, value * 1.1];
    case 'under':
      return [value * 0.9, value];
    case 'atLeast':
      return [value, Infinity];
  }
}

export function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** count units that describe the same kind of thing, so parts and totals can mix them */
export function unitFamily(unit: string): string {
  if (unit === '件' || unit === '宗' || unit === '起') return 'case';
  if (unit === '人' || unit === '名' || unit === '位') return 'person';
  // "普法活动64场次，其中…9场、…12场"
  if (unit === '场' || unit === '场次') return 'session';
  if (unit === '期' || unit === '期次') return 'issue';
  return unit;
}

/** a value written back with its unit, "1140余万元" style */
export function formatQuantity(value: number, unit: string, approximation?: Approximation): string {
  const shown = Number.isInteger(value) ? String(value) : String(round(value, 2));
  const marker = approximation === 'more' ? '余' : '';
  const prefix = approximation === 'about' ? '约' : approximation === 'under' ? '近' : '';
  const suffix = approximation === 'atLeast' ? '以上' : '';
  return `${prefix}${shown}${marker}${unit}${suffix}`;
}
