import { sql } from 'kysely';
import { audit } from '../audit/audit.service.ts';
import type { Ctx } from '../http/context.ts';
import { getSetting } from '../settings.ts';

/** one numbering series: a kind of document, numbered from 1 each year for each organisation */
export interface SeriesKey {
  /** e.g. "normdocs.document" */
  series: string;
  orgCode: string;
  year: number;
}

export interface AssignOptions extends SeriesKey {
  /** the number as people write it, from the sequence number: (n) => `城关政规〔2026〕${n}号` */
  format: (seq: number) => string;
  /** a number already in use (typed in by hand, imported) is skipped rather than given out twice */
  taken?: (text: string) => Promise<boolean>;
  /** the record the number is for, named in the audit entry */
  entity?: { name: string; id: number | string };
}

export interface AssignedNumber {
  seq: number;
  text: string;
}

// a runaway loop over numbers typed in by hand would mean a broken `taken`; stop long before that hurts
const MAX_SKIPS = 1000;

/**
 * gives out the next number of a series inside the caller's transaction (ctx.tx): the upsert takes the row lock,
 * so two concurrent publishes never get the same number, and a write that fails afterwards gives its number back
 * with the rollback. Audited with the same transaction.
 */
export async function assignNumber(ctx: Ctx, opts: AssignOptions): Promise<AssignedNumber> {
  for (let skips = 0; skips <= MAX_SKIPS; skips++) {
    const next = await sql<{ last_no: number }>`insert into number_sequence (series, org_code, year, last_no, updated_at)
      values (${opts.series}, ${opts.orgCode}, ${opts.year}, 1, ${ctx.now})
      on conflict (org_code, series, year) do update set last_no = number_sequence.last_no + 1, updated_at = excluded.updated_at
      returning last_no`.execute(ctx.tx);
    const seq = Number(next.rows[0]?.last_no);
    const text = opts.format(seq);
    if (opts.taken && (await opts.taken(text))) continue;
    await audit(ctx, {
      entity: opts.entity?.name ?? 'numbering',
      entityId: opts.entity?.id ?? `${opts.series}/${opts.orgCode}/${opts.year}`,
      action: 'number_assigned',
      orgCode: opts.orgCode,
      diff: { series: opts.series, year: opts.year, seq, number: text, ...(skips ? { skipped: skips } : {}) },
    });
    return { seq, text };
  }
  throw new Error(`numbering ${opts.series}/${opts.orgCode}/${opts.year}: more than ${MAX_SKIPS} numbers in use in a row`);
}

/** the number the next assignment would give (not reserved: a concurrent write may take it first) */
export async function peekNumber(db: Ctx['tx'], key: SeriesKey): Promise<number> {
  const row = await sql<{ last_no: number }>`select last_no from number_sequence where series = ${key.series} and org_code = ${key.orgCode} and year = ${key.year}`.execute(db);
  return Number(row.rows[0]?.last_no ?? 0) + 1;
}

/** the setting that holds an organisation's prefix for a series (机关代字, e.g. "城关政规") */
export const prefixSetting = (series: string, orgCode: string): string => `numbering.${series}.prefix.${orgCode}`;

/** an organisation's configured prefix for a series, or the fallback */
export async function seriesPrefix(db: Ctx['tx'], series: string, orgCode: string, fallback: string): Promise<string> {
  const v = await getSetting<unknown>(db, prefixSetting(series, orgCode));
  return typeof v === 'string' && v.trim() ? v.trim() : fallback;
}

/** the short name an organisation uses in 机关代字: 城关镇 → 城关, 东风街道办事处 → 东风, 演示县 stays 演示县 */
export function shortOrgName(name: string): string {
  const short = name.replace(/(人民政府|街道办事处|街道|镇|乡)$/, '');
  return short || name;
}

/** 〔2026〕3号 after a prefix: the usual layout of a 文号 (GB/T 9704: year in 六角括号, no leading zeros) */
export const docNumberText = (prefix: string, year: number, seq: number): string => `${prefix}〔${year}〕${seq}号`;
