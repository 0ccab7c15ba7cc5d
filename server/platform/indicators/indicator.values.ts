import { sql, type RawBuilder } from 'kysely';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import type { IndicatorDef, LedgerIndicator, RatioIndicator, Unit, Where } from './indicator.types.ts';

export interface Period {
  /** organisation whose subtree is counted */
  org: string;
  from: string;
  to: string;
}

export interface BreakdownItem {
  label: string;
  value: number;
  link: string | null;
  recordIds?: number[];
}

export interface IndicatorValue {
  id: string;
  kind: 'count' | 'sum' | 'ratio';
  label: string;
  unit: Unit;
  value: number;
  breakdown: BreakdownItem[];
  recordCount: number;
  /** the list of the records behind the number, as a web path */
  link: string | null;
  ledger: string | null;
  recordIds?: number[];
  /** the same figure for the comparison period (last year), computed in the same scan */
  previous?: number;
  /**
   * with `byUnit`: the value split by the units directly below the organisation (each with its own subtree),
   * the organisation's own records under its own code; computed in the same scan
   */
  units?: Record<string, number>;
  /** the breakdown's parts overlap (a multi-value field): they are not meant to add up to the total */
  overlapping?: boolean;
  numerator?: { id: string; value: number };
  denominator?: { id: string; value: number };
  /** the value counts the different values of this field among the records the link opens (not the records) */
  distinct?: string;
  /** a ratio's statutory floor (see RatioIndicator.required) */
  required?: number;
  /** counted whatever the records' dates (a roster: committees, advisors): the same in any period */
  snapshot?: boolean;
}

export interface ComputeOptions {
  /** the ids of the records behind every value and part (drill-down, submission snapshots) */
  withIds?: boolean;
  /** a second period (last year) computed alongside: `previous` */
  compare?: { from: string; to: string };
  /** each value split by the units directly below the organisation: `units` */
  byUnit?: boolean;
  /**
   * where the figures come from: `tally` (the maintained per-indicator totals, whole calendar years only), `scan`
   * (one grouped scan of each ledger table), or `auto` (the tally wherever it can answer, else the scan)
   */
  source?: 'auto' | 'tally' | 'scan';
}

const isPresence = (v: Where[string]): v is { present: boolean } => typeof v === 'object' && v !== null && !Array.isArray(v) && 'present' in v;
export const whereValues = (v: Where[string]): ReadonlyArray<string | number | boolean | null> => (isPresence(v) ? [] : Array.isArray(v) ? v : [v as string | number | boolean | null]);

export const isMultiField = (l: LedgerDef, field: string): boolean => l.fields.find((f) => f.name === field)?.type === 'dicts';

/**
 * one condition of an indicator's `where` as SQL: a field filled in or empty, holding one of some values (or, for a
 * multi-value field, any of them). `inline` writes the values as literals, for SQL stored in the database (the
 * tally's trigger functions); otherwise they are parameters
 */
export function whereSql(l: LedgerDef, field: string, v: Where[string], inline = false): RawBuilder<boolean> {
  if (!l.fields.some((f) => f.name === field)) throw new Error(`indicator filter on unknown field ${l.name}.${field}`);
  const ref = sql.ref(field);
  const val = (x: string | number | boolean): RawBuilder<unknown> => (inline ? sql.lit(x) : sql`${x}`);
  if (isPresence(v)) return v.present ? sql<boolean>`(${ref} is not null)` : sql<boolean>`(${ref} is null)`;
  const list = whereValues(v);
  if (isMultiField(l, field)) {
    const texts = list.map(String);
    return sql<boolean>`coalesce(${ref} ?| ${inline ? sql`array[${sql.join(texts.map((x) => sql.lit(x)))}]` : sql.val(texts)}::text[], false)`;
  }
  const given = list.filter((x): x is string | number | boolean => x !== null);
  const parts: Array<RawBuilder<boolean>> = [];
  if (given.length) parts.push(sql<boolean>`coalesce(${ref} in (${sql.join(given.map(val))}), false)`);
  if (given.length < list.length) parts.push(sql<boolean>`(${ref} is null)`);
  if (!parts.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** all of an indicator's conditions together */
export function whereAllSql(l: LedgerDef, where: Where | undefined, inline = false): RawBuilder<boolean> {
  const parts = Object.entries(where ?? {}).map(([field, v]) => whereSql(l, field, v, inline));
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/** the date field placing an indicator's records in the period, or none for rosters counted whatever their date */
export function periodField(l: LedgerDef, ind: LedgerIndicator): string | null {
  const f = ind.dateField ?? l.dateField;
  return !ind.snapshot && f ? f : null;
}

/** the ledger list (web path) showing exactly the records an indicator, or one part of it, counts */
export function listLink(l: LedgerDef, ind: LedgerIndicator, p: Period, extra: Where = {}): string {
  const q = new URLSearchParams();
  q.set('org', p.org);
  const dateField = periodField(l, ind);
  if (dateField) {
    q.set(`f.${dateField}.from`, p.from);
    q.set(`f.${dateField}.to`, p.to);
  }
  for (const [field, v] of Object.entries({ ...(ind.where ?? {}), ...extra })) {
    const f = l.fields.find((x) => x.name === field);
    if (isPresence(v)) {
      q.set(`f.${field}.present`, v.present ? '1' : '0');
      continue;
    }
    const all = whereValues(v);
    if (all.length === 1 && all[0] === null) {
      q.set(`f.${field}.present`, '0');
      continue;
    }
    const list = all.filter((x) => x !== null);
    if (!list.length) continue;
    // yes or no (a decided case, a hearing whether or not the head appeared): any value filled, not the first one
    if (f?.type === 'bool' && list.includes(true) && list.includes(false)) {
      if (!all.includes(null)) q.set(`f.${field}.present`, '1');
      continue;
    }
    q.set(`f.${field}`, f?.type === 'bool' ? (list[0] ? '是' : '否') : list.join(','));
  }
  return `/ledgers/${l.name}?${q.toString()}`;
}

/** the codes of `org` and every organisation below it, as a subquery */
export function subtreeOrgs(org: string): RawBuilder<unknown> {
  return sql`(select code from org where path like ${`%/${org}/%`})`;
}

/**
 * each organisation of `org`'s subtree with the unit directly below `org` it belongs to (the code after `org`'s in its
 * path; `org`'s own code for `org` itself), as columns `code` and `unit`. `offset 0` keeps PostgreSQL from pulling the
 * subquery into the join, where it would match the path pattern once per joined record instead of once per organisation
 */
export function subtreeUnits(org: string, unit: string): RawBuilder<unknown> {
  return sql`(select code, coalesce(substring(path from ${`/${org}/([^/]+)/`}), ${org}) as ${sql.ref(unit)} from org where path like ${`%/${org}/%`} offset 0)`;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** one part of a breakdown as counted: the field's value, the figure, how many records, and which */
export interface BreakdownGroup {
  raw: unknown;
  value: number;
  n: number;
  ids?: number[];
}

/**
 * a breakdown as a report lists it: parts with records only, in the dictionary's order (yes before no), each linking
 * to its own list; a multi-value field's parts link to "holds this value"
 */
export function breakdownItems(l: LedgerDef, ind: LedgerIndicator, p: Period, groups: readonly BreakdownGroup[], withIds: boolean): BreakdownItem[] {
  const key = ind.breakdown ?? '';
  const field = l.fields.find((f) => f.name === key);
  const multi = field?.type === 'dicts';
  const order: unknown[] = field?.type === 'bool' ? [true, false] : [...(field?.options ?? [])];
  return groups
    .filter((g) => g.n > 0)
    .sort((a, b) => (order.indexOf(a.raw) + 1 || 999) - (order.indexOf(b.raw) + 1 || 999))
    .map((g) => ({
      label: g.raw === null ? '未填写' : typeof g.raw === 'boolean' ? (g.raw ? '是' : '否') : String(g.raw),
      value: round2(g.value),
      link: g.raw === null ? null : listLink(l, ind, p, { [key]: multi ? [g.raw as string] : (g.raw as string) }),
      ...(withIds ? { recordIds: [...(g.ids ?? [])].sort((a, b) => a - b) } : {}),
    }));
}

/** numerator / denominator, as a percentage when the unit is %, else as a plain quotient (次 per enterprise); carrying both figures */
export function ratioValue(d: RatioIndicator, values: ReadonlyMap<string, IndicatorValue>, defs: ReadonlyMap<string, IndicatorDef>): IndicatorValue {
  const num = values.get(d.numerator);
  const den = values.get(d.denominator);
  if (!num || !den) throw new Error(`ratio ${d.id}: ${d.numerator} or ${d.denominator} not computed`);
  const digits = d.digits ?? 1;
  const scale = d.unit === '%' ? 100 : 1;
  const pct = (n: number, m: number): number => (m === 0 ? 0 : Math.round((n / m) * scale * 10 ** digits) / 10 ** digits);
  const value = pct(num.value, den.value);
  return {
    id: d.id,
    kind: 'ratio',
    label: d.label,
    unit: d.unit,
    value,
    recordCount: den.recordCount,
    breakdown: [
      { label: defs.get(d.numerator)?.label ?? d.numerator, value: num.value, link: num.link },
      { label: defs.get(d.denominator)?.label ?? d.denominator, value: den.value, link: den.link },
    ],
    link: den.link,
    ledger: den.ledger,
    ...(den.recordIds ? { recordIds: den.recordIds } : {}),
    ...(num.previous !== undefined && den.previous !== undefined ? { previous: pct(num.previous, den.previous) } : {}),
    // per unit only where the unit has a denominator: a rate of nothing is not 0%
    ...(num.units && den.units ? { units: Object.fromEntries(Object.entries(den.units).filter(([, m]) => m > 0).map(([u, m]) => [u, pct(num.units?.[u] ?? 0, m)])) } : {}),
    numerator: { id: d.numerator, value: num.value },
    denominator: { id: d.denominator, value: den.value },
    ...(d.required !== undefined ? { required: d.required } : {}),
    ...(num.snapshot && den.snapshot ? { snapshot: true } : {}),
  };
}

/** formats a value as a report would print it: 95.2%, 1140.5万元, 331件 */
export function formatValue(v: Pick<IndicatorValue, 'value' | 'unit'>): string {
  const n = Number.isInteger(v.value) ? String(v.value) : String(Number(v.value.toFixed(2)));
  return `${n}${v.unit}`;
}
