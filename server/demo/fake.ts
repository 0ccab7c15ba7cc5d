import { makeIdNumber, makeUscc } from '../../common/validators.ts';
import { DEMO_COUNTY, DEMO_TOWNS } from './demo-county.ts';
import { chinaDate } from '../platform/workflow/workflow.engine.ts';

/** a small seeded PRNG (mulberry32): demo data is the same on every machine */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** picks by weight: [[value, weight], …] */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  chance(p: number): boolean;
}

export function rng(seed: number | string): Rng {
  let a = typeof seed === 'number' ? seed : [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of items) {
        if ((x -= w) < 0) return v;
      }
      return (items.at(-1) as readonly [never, number])[0];
    },
    chance: (p) => next() < p,
  };
  return r;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '海燕', '丽华', '国庆', '春梅', '明华', '玉兰', '德明', '永红', '卫东', '晓东', '红梅', '文斌', '小军', '雪梅', '建华', '淑珍', '伟', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '辉', '鹏', '华', '飞', '琳', '家豪', '子涵', '雨轩', '浩然', '思远', '欣怡', '梓萱', '俊杰', '宇航', '佳怡', '永福', '金花', '长生', '水生', '根生', '冬梅', '秋菊', '木兰', '玉珍', '凤英'];

export function personName(r: Rng): string {
  return `${r.pick([...SURNAMES])}${r.pick(GIVEN)}`;
}

const COMPANY_HEAD = ['清溪', '石桥', '城关', '兴隆', '丰源', '恒泰', '鑫达', '宏远', '绿野', '金穗', '瑞丰', '永安', '华盛', '民丰', '天成', '长青', '双龙', '青山', '通达', '佳禾'];
const COMPANY_TAIL = ['建筑工程有限公司', '农业开发有限公司', '商贸有限公司', '食品有限公司', '物流有限公司', '家具厂', '纺织有限公司', '生态农业专业合作社', '物业服务有限公司', '机械制造有限公司', '餐饮店', '超市', '建材经营部', '养殖场', '汽车修理厂', '民宿', '茶业有限公司', '石材加工厂'];

export function companyName(r: Rng): string {
  return `演示县${r.pick(COMPANY_HEAD)}${r.pick(COMPANY_TAIL)}`;
}

export const TOWN_VILLAGES: Record<string, readonly string[]> = {
  '999001001000': ['东街社区', '西街社区', '南门社区', '北关村', '河口村', '新桥村', '柳林村', '桃园村', '杨家湾村', '火车站社区'],
  '999001002000': ['清溪村', '上游村', '下坝村', '石门村', '竹园村', '枫树村', '龙潭村', '白鹤村'],
  '999001003000': ['石桥村', '高坪村', '大湾村', '马鞍村', '青龙村', '金竹村', '凉水村'],
};

export function village(r: Rng, town: string): string {
  return r.pick(TOWN_VILLAGES[town.slice(0, 12)] ?? ['中心村']);
}

export function mobile(r: Rng): string {
  return `1${r.pick(['38', '39', '50', '51', '58', '59', '77', '80', '86', '87', '89', '99'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function idNumber(r: Rng): string {
  const y = r.int(1950, 2004);
  const m = String(r.int(1, 12)).padStart(2, '0');
  const d = String(r.int(1, 28)).padStart(2, '0');
  return makeIdNumber('999001', `${y}-${m}-${d}`, r.int(0, 999));
}

export function uscc(r: Rng): string {
  return makeUscc('999001', r.int(100_000, 999_999_999));
}

/** an amount between two bounds, to two decimals (万元 in most ledgers) */
export function amountBetween(r: Rng, min: number, max: number): number {
  return Math.round((min + r.next() * (max - min)) * 100) / 100;
}

const DAY = 86_400_000;

/** an ISO date between two ISO dates, inclusive, weighted to working days */
export function dateBetween(r: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  for (let i = 0; i < 5; i++) {
    const d = new Date(a + Math.floor(r.next() * ((b - a) / DAY + 1)) * DAY);
    const wd = d.getUTCDay();
    if ((wd !== 0 && wd !== 6) || i === 4) return d.toISOString().slice(0, 10);
  }
  return from;
}

/** an ISO date from its parts */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** days from one ISO date to another, negative when `to` is earlier */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY;
}

/** about `perYear` dates a year at random over [from, to], sorted: visits, reviews, guidance */
export function datesOver(r: Rng, from: string, to: string, perYear: number): string[] {
  return Array.from({ length: Math.round((perYear * (daysBetween(from, to) + 1)) / 365) }, () => dateBetween(r, from, to)).sort();
}

/** `perYear` dates in each year, one in each equal slice of it (salons and forums are held on a rhythm), none after `to` */
export function regularDates(r: Rng, years: readonly number[], to: string, perYear: number): string[] {
  return years
    .flatMap((y) => Array.from({ length: perYear }, (_, i) => dateBetween(r, isoDate(y, Math.floor((i * 12) / perYear) + 1, 1), isoDate(y, Math.floor(((i + 1) * 12) / perYear), 28))))
    .filter((d) => d <= to);
}

/** an ISO date in `month` of `year` between days d1 and d2 (clamped to the month), every day alike */
export function dayIn(r: Rng, year: number, month: number, d1 = 1, d2 = 31): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, r.int(Math.max(1, d1), Math.min(last, d2)));
}

/** an ISO date in `month` of `year`, weighted to working days */
export function dateInMonth(r: Rng, year: number, month: number): string {
  return dateBetween(r, isoDate(year, month, 1), dayIn(r, year, month, 28, 31));
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export interface DemoWindow {
  from: string;
  to: string;
  years: number[];
}

/** the demo window: the whole of last year and this year to date */
export function demoWindow(now: Date): DemoWindow {
  const y = Number(chinaDate(now).slice(0, 4));
  return { from: `${y - 1}-01-01`, to: chinaDate(now), years: [y - 1, y] };
}

/** [from, to] of `year` clipped to the demo window, or null when the window has not reached it */
export function yearSpan(year: number, from: string, to: string): { start: string; end: string } | null {
  const start = `${year}-01-01` < from ? from : `${year}-01-01`;
  const end = `${year}-12-31` > to ? to : `${year}-12-31`;
  return start <= end ? { start, end } : null;
}

/** each year of the window with its part inside the window and that part's share of a whole year, to scale yearly volumes */
export function windowYears(w: DemoWindow): Array<{ year: number; start: string; end: string; share: number }> {
  return w.years.flatMap((year) => {
    const span = yearSpan(year, w.from, w.to);
    return span ? [{ year, ...span, share: daysBetween(span.start, span.end) / 365 }] : [];
  });
}

export const DEMO_TOWN_CODES = DEMO_TOWNS.map((t) => t.code);

/** a demo town's name: 城关镇, 清溪镇, 石桥乡 */
export function townName(code: string): string {
  const town = DEMO_TOWNS.find((t) => t.code === code);
  if (!town) throw new Error(`no demo town ${code}`);
  return town.name;
}

// the departments that keep a kind of record: [in a town, in the county] (see TOWN_DEPARTMENTS and COUNTY_DEPARTMENTS)
const OFFICES = { government: ['01', '03'], justice: ['02', '01'], enforcement: ['03', '02'] } as const;

/**
 * the department of a town or of the county that keeps a kind of record: a town's 党政办公室, 司法所 or
 * 综合行政执法队; the county's 县人民政府办公室, 县司法局 or 县综合行政执法局
 */
export function officeOf(unit: string, office: keyof typeof OFFICES): string {
  return `${unit}-${OFFICES[office][unit === DEMO_COUNTY.code ? 1 : 0]}`;
}
