import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { numberOf, type RecordValues } from '../../platform/ledger/rules.ts';
import { getSetting } from '../../platform/settings.ts';

/**
 * 信息处理费 (政府信息公开条例 art. 42; 政府信息公开信息处理费管理办法, 国办函〔2020〕109号): charged only where an
 * applicant's requests clearly exceed a reasonable amount or frequency, either by count (按件) or by volume (按量),
 * never both. The national schedule is the default; a province's own schedule replaces it through the settings.
 *
 * 按件计收: within one calendar month the first 10 applications are free, the 11th–30th cost 100元 each, and from
 * the 31st every further 10 applications cost 100元 more each (31st–40th 200元, 41st–50th 300元 …).
 * 按量计收: within one application the first 30 pages are free, pages 31–100 cost 10元, 101–200 20元, above 200 40元.
 */
export const FEE_BY_COUNT = 'disclosure.fee.by_count';
export const FEE_BY_PAGES = 'disclosure.fee.by_pages';
export const FEE_BASES = ['按件计收', '按量计收'] as const;
/** the applicant pays within 20 working days of the notice, else the application is treated as abandoned */
export const FEE_PAYMENT_DAYS = 20;

export interface CountSchedule {
  free: number;
  /** the price of each application up to `upTo` */
  tiers: Array<{ upTo: number; price: number }>;
  /** beyond the last tier: every `step` applications the price rises by `increment` */
  beyond: { step: number; increment: number };
}
export interface PageSchedule {
  free: number;
  tiers: Array<{ upTo: number; price: number }>;
  /** the price of each page beyond the last tier */
  beyond: number;
}
export const FEE_DEFAULTS: { count: CountSchedule; pages: PageSchedule } = {
  count: { free: 10, tiers: [{ upTo: 30, price: 100 }], beyond: { step: 10, increment: 100 } },
  pages: { free: 30, tiers: [{ upTo: 100, price: 10 }, { upTo: 200, price: 20 }], beyond: 40 },
};

// computeFields is synchronous: the configured schedules are read before every write (WorkflowDef.loadSettings)
let current = FEE_DEFAULTS;

const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const validTiers = (t: unknown): t is Array<{ upTo: number; price: number }> => Array.isArray(t) && t.every((x: { upTo?: unknown; price?: unknown }) => nonNegative(x?.upTo) && nonNegative(x?.price));
function validCount(v: unknown): v is CountSchedule {
  const s = v as CountSchedule | undefined;
  return !!s && nonNegative(s.free) && validTiers(s.tiers) && nonNegative(s.beyond?.step) && s.beyond.step > 0 && nonNegative(s.beyond?.increment);
}
function validPages(v: unknown): v is PageSchedule {
  const s = v as PageSchedule | undefined;
  return !!s && nonNegative(s.free) && validTiers(s.tiers) && nonNegative(s.beyond);
}

export async function loadFeeSchedules(db: Kysely<Database>): Promise<void> {
  const count = await getSetting(db, FEE_BY_COUNT);
  const pages = await getSetting(db, FEE_BY_PAGES);
  current = { count: validCount(count) ? count : FEE_DEFAULTS.count, pages: validPages(pages) ? pages : FEE_DEFAULTS.pages };
}

/** the fee for the n-th application of the applicant's calendar month (按件) */
export function feeByCount(n: number, s: CountSchedule = current.count): number {
  if (n <= s.free) return 0;
  const tier = s.tiers.find((t) => n <= t.upTo);
  if (tier) return tier.price;
  const last = s.tiers.at(-1) ?? { upTo: s.free, price: 0 };
  return last.price + Math.ceil((n - last.upTo) / s.beyond.step) * s.beyond.increment;
}

/** the fee for an application of p pages (按量): each page at the price of the band it falls in */
export function feeByPages(p: number, s: PageSchedule = current.pages): number {
  let fee = 0;
  let from = s.free;
  for (const t of s.tiers) {
    if (p > from) fee += (Math.min(p, t.upTo) - from) * t.price;
    from = t.upTo;
  }
  if (p > from) fee += (p - from) * s.beyond;
  return fee;
}

/** the fee the recorded basis and figures give, null while no basis is chosen or its figure is missing */
export function feeAmount(v: RecordValues): number | null {
  if (v['fee_basis'] === '按件计收') {
    const n = numberOf(v, 'fee_count');
    return n === null ? null : feeByCount(n);
  }
  if (v['fee_basis'] === '按量计收') {
    const p = numberOf(v, 'fee_pages');
    return p === null ? null : feeByPages(p);
  }
  return null;
}
