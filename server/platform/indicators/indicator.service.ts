import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Ctx } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import type { LedgerRegistry } from '../ledger/ledger.service.ts';
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
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
type AnyDb = Kysely<any>;

const isPresence = (v: Where[string]): v is { present: boolean } => typeof v === 'object' && v !== null && !Array.isArray(v) && 'present' in v;
const values = (v: Where[string]): ReadonlyArray<string | number | boolean | null> => (isPresence(v) ? [] : Array.isArray(v) ? v : [v as string | number | boolean | null]);

function condition(l: LedgerDef, where: Where | undefined): RawBuilder<boolean> {
  const parts: Array<RawBuilder<unknown>> = [sql`true`];
  for (const [field, v] of Object.entries(where ?? {})) {
    const f = l.fields.find((x) => x.name === field);
    if (!f) throw new Error(`indicator filter on unknown field ${l.name}.${field}`);
    if (isPresence(v)) {
      parts.push(v.present ? sql`${sql.ref(field)} is not null` : sql`${sql.ref(field)} is null`);
      continue;
    }
    const list = values(v);
    if (list.length === 1 && list[0] === null) parts.push(sql`${sql.ref(field)} is null`);
    else if (f.type === 'dicts') parts.push(sql`${sql.ref(field)} ?| ${sql.val(list.map(String))}::text[]`);
    else parts.push(sql`${sql.ref(field)} in (${sql.join(list.map((x) => sql`${x}`))})`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

function listLink(l: LedgerDef, ind: LedgerIndicator, p: Period, extra: Where = {}): string {
  const q = new URLSearchParams();
  q.set('org', p.org);
  const dateField = ind.dateField ?? l.dateField;
  if (!ind.snapshot && dateField) {
    q.set(`f.${dateField}.from`, p.from);
    q.set(`f.${dateField}.to`, p.to);
  }
  for (const [field, v] of Object.entries({ ...(ind.where ?? {}), ...extra })) {
    const f = l.fields.find((x) => x.name === field);
    if (isPresence(v)) {
      q.set(`f.${field}.present`, v.present ? '1' : '0');
      continue;
    }
    const all = values(v);
    if (all.length === 1 && all[0] === null) {
      q.set(`f.${field}.present`, '0');
      continue;
    }
    const list = all.filter((x) => x !== null);
    if (!list.length) continue;
    q.set(`f.${field}`, f?.type === 'bool' ? (list[0] ? '是' : '否') : list.join(','));
  }
  return `/ledgers/${l.name}?${q.toString()}`;
}

/**
 * computes indicators for an organisation's subtree over a period: one query per source ledger,
 * grouping by the breakdown columns together, so the cost is about one scan of each table
 */
export async function computeIndicators(ctx: Ctx, defs: readonly IndicatorDef[], ledgers: LedgerRegistry, p: Period, opts: { withIds?: boolean; compare?: { from: string; to: string }; byUnit?: boolean } = {}): Promise<IndicatorValue[]> {
  if (!ctx.scope.codes.includes(p.org)) throw new AppError('not_found', '单位不存在或不在管辖范围内');
  const db = ctx.tx as unknown as AnyDb;
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out = new Map<string, IndicatorValue>();
  const perLedger = new Map<string, LedgerIndicator[]>();
  for (const d of defs) if (d.kind !== 'ratio') perLedger.set(d.ledger, [...(perLedger.get(d.ledger) ?? []), d]);
  const subtree = sql`(select code from org where path like ${`%/${p.org}/%`})`;

  for (const [name, inds] of perLedger) {
    const l = ledgers.get(name);
    if (!l) throw new Error(`indicator on unknown ledger ${name}`);
    const isMulti = (b: string): boolean => l.fields.find((f) => f.name === b)?.type === 'dicts';
    // one aggregation per table. every yes/no question an indicator asks of a record (its date in the period or
    // last year's, a field filled in, a field holding one of some values) is one bit of an integer; the records
    // are grouped by those bits and, per breakdown column, by that column's value (one grouping set per
    // breakdown, so independent breakdowns do not multiply into each other's groups). each indicator is then
    // evaluated here over the few rows that come back.
    const flags = new Map<string, RawBuilder<boolean>>();
    const tests = new Map<string, string[]>();
    const sumFields = new Set<string>();
    const flag = (key: string, expr: RawBuilder<boolean>): string => {
      if (!flags.has(key)) flags.set(key, expr);
      return key;
    };
    const whereFlag = (field: string, v: Where[string]): string => {
      const ref = sql.ref(field);
      const list = values(v);
      if (isPresence(v)) return flag(`present:${field}:${String(v.present)}`, v.present ? sql<boolean>`(${ref} is not null)` : sql<boolean>`(${ref} is null)`);
      if (isMulti(field)) return flag(`any:${field}:${JSON.stringify(list)}`, sql<boolean>`coalesce(${ref} ?| ${sql.val(list.map(String))}::text[], false)`);
      const given = list.filter((x) => x !== null);
      const parts: Array<RawBuilder<boolean>> = [];
      if (given.length) parts.push(sql<boolean>`coalesce(${ref} in (${sql.join(given.map((x) => sql`${x}`))}), false)`);
      if (given.length < list.length) parts.push(sql<boolean>`(${ref} is null)`);
      return flag(`in:${field}:${JSON.stringify(list)}`, sql<boolean>`(${sql.join(parts, sql` or `)})`);
    };
    const breakdowns: string[] = [];
    for (const ind of inds) {
      if (ind.breakdown && !isMulti(ind.breakdown) && !breakdowns.includes(ind.breakdown)) breakdowns.push(ind.breakdown);
      // a distinct count groups by its field like a breakdown, and counts the groups
      if (ind.distinct && !breakdowns.includes(ind.distinct)) breakdowns.push(ind.distinct);
      const keys = Object.entries(ind.where ?? {}).map(([field, v]) => whereFlag(field, v));
      const dateField = ind.dateField ?? l.dateField;
      if (!ind.snapshot && dateField) {
        keys.push(flag(`cur:${dateField}`, sql<boolean>`coalesce(${sql.ref(dateField)} between ${p.from} and ${p.to}, false)`));
        if (opts.compare) flag(`prev:${dateField}`, sql<boolean>`coalesce(${sql.ref(dateField)} between ${opts.compare.from} and ${opts.compare.to}, false)`);
      }
      tests.set(ind.id, keys);
      if (ind.kind === 'sum' && ind.field) sumFields.add(ind.field);
    }
    const flagKeys = [...flags.keys()];
    // 30 bits to an integer
    const flagWords = Array.from({ length: Math.ceil(flagKeys.length / 30) }, (_, w) => flagKeys.slice(w * 30, w * 30 + 30));
    const selects: Array<RawBuilder<unknown>> = breakdowns.map((k, i) => sql`${sql.ref(k)} as ${sql.ref(`d${i}`)}`);
    flagWords.forEach((word, w) => selects.push(sql`(${sql.join(word.map((k, b) => sql`((${flags.get(k)})::int << ${sql.lit(b)})`), sql` | `)}) as ${sql.ref(`f${w}`)}`));
    const wordCols = flagWords.map((_, w) => sql.raw(String(breakdowns.length + w + 1)));
    // the grouping sets, as lists of key columns: one per breakdown; by unit, one more holding the unit below the
    // organisation (with the distinct-count fields), from which totals and each unit's share are read
    const distincts = inds.flatMap((i) => (i.distinct ? [i.distinct] : []));
    const UNIT = 'fz_unit';
    const keys = opts.byUnit ? [...breakdowns, UNIT] : breakdowns;
    const sets: string[][] = opts.byUnit ? [...breakdowns.filter((k) => !distincts.includes(k)).map((k) => [k]), [UNIT, ...distincts]] : breakdowns.length ? breakdowns.map((k) => [k]) : [[]];
    const unitSet = opts.byUnit ? sets.length - 1 : -1;
    const position = (k: string): RawBuilder<unknown> => sql.raw(String(k === UNIT ? breakdowns.length + flagWords.length + 1 : breakdowns.indexOf(k) + 1));
    if (opts.byUnit) selects.push(sql`${sql.ref(UNIT)} as u`);
    if (sets.length > 1) selects.push(sql`grouping(${sql.join(keys.map((k) => sql.ref(k)))}) as g`);
    selects.push(sql`count(*) as n`);
    const sums = [...sumFields];
    sums.forEach((f, i) => selects.push(sql`coalesce(sum(${sql.ref(f)}), 0) as ${sql.ref(`s${i}`)}`));
    if (opts.withIds) selects.push(sql`array_agg(id order by id) as ids`);
    const groupBy =
      sets.length > 1
        ? sql`group by grouping sets (${sql.join(sets.map((set) => sql`(${sql.join([...set.map(position), ...wordCols])})`))})`
        : (sets[0] ?? []).length + wordCols.length > 0
          ? sql`group by ${sql.join([...(sets[0] ?? []).map(position), ...wordCols])}`
          : sql``;
    // by unit, each record carries the unit below the organisation it belongs to: the code after the organisation's
    // own in its organisation path, or the organisation's code for its own records (a subquery, so that no column
    // name of the ledger clashes with org's)
    const from = opts.byUnit
      ? sql`(select ${sql.table(l.table)}.*, o.${sql.ref(UNIT)} from ${sql.table(l.table)} join (select code, coalesce(substring(path from ${`/${p.org}/([^/]+)/`}), ${p.org}) as ${sql.ref(UNIT)} from org where path like ${`%/${p.org}/%`}) o on o.code = ${sql.table(l.table)}.org_code) as ${sql.table(l.table)}`
      : sql`${sql.table(l.table)}`;
    const raw = (await sql<Record<string, unknown>>`select ${sql.join(selects)} from ${from} where org_code in ${subtree} and status = 'active' ${groupBy}`.execute(db)).rows;
    const flagIndex = new Map(flagKeys.map((k, i) => [k, { word: `f${Math.floor(i / 30)}`, bit: i % 30 }]));
    // grouping() sets a bit for every key column left out of the row's grouping set (the first column is the highest bit)
    const all = 2 ** keys.length - 1;
    const setByGrouping = new Map(sets.map((set, i) => [all - set.reduce((m, k) => m + 2 ** (keys.length - 1 - keys.indexOf(k)), 0), i]));
    const setOf = (r: Record<string, unknown>): number => (sets.length > 1 ? (setByGrouping.get(Number(r['g'])) ?? -1) : 0);
    const rows = raw.map((r) => ({
      set: setOf(r),
      flag: (k: string): boolean => {
        const f = flagIndex.get(k);
        return f !== undefined && ((Number(r[f.word]) >> f.bit) & 1) === 1;
      },
      col: (k: string): unknown => r[`d${breakdowns.indexOf(k)}`],
      n: Number(r['n']),
      sum: (f: string): number => Number(r[`s${sums.indexOf(f)}`] ?? 0),
      ids: ((r['ids'] as number[] | null) ?? []).map(Number),
      unit: String(r['u'] ?? ''),
    }));
    type Row = (typeof rows)[number];
    // every grouping set holds all the records: an indicator is read from its breakdown's set, a distinct count
    // from its field's (the unit set, by unit), anything else from the unit set or the first
    const setFor = (ind: LedgerIndicator): number => {
      if (ind.breakdown && !isMulti(ind.breakdown)) return sets.findIndex((set) => set.length === 1 && set[0] === ind.breakdown);
      if (ind.distinct) return opts.byUnit ? unitSet : sets.findIndex((set) => set[0] === ind.distinct);
      return opts.byUnit ? unitSet : 0;
    };
    // whether a group's records count for an indicator, the group being in the given grouping set
    const matchesIn = (ind: LedgerIndicator, r: Row, period: 'cur' | 'prev'): boolean => {
      const dateField = ind.dateField ?? l.dateField;
      if (period === 'prev' && !ind.snapshot && dateField && !r.flag(`prev:${dateField}`)) return false;
      return (tests.get(ind.id) ?? []).every((k) => (period === 'prev' && k.startsWith('cur:') ? true : r.flag(k)));
    };
    const matches = (ind: LedgerIndicator, r: Row, period: 'cur' | 'prev'): boolean => r.set === setFor(ind) && matchesIn(ind, r, period);
    const multi: Array<{ ind: LedgerIndicator; value: IndicatorValue }> = [];
    const round = (x: number): number => Math.round(x * 100) / 100;
    const measure = (ind: LedgerIndicator, r: Row): number => (ind.kind === 'sum' ? r.sum(ind.field ?? '') : r.n);
    // a distinct count: the different non-empty values of the field among the matching groups
    const total = (ind: LedgerIndicator, hit: Row[]): number => (ind.distinct ? new Set(hit.map((r) => r.col(ind.distinct ?? '')).filter((x) => x !== null && x !== undefined).map(String)).size : hit.reduce((a, r) => a + measure(ind, r), 0));
    inds.forEach((ind) => {
      const hit = rows.filter((r) => matches(ind, r, 'cur'));
      const v: IndicatorValue = {
        id: ind.id,
        kind: ind.kind,
        label: ind.label,
        unit: ind.unit,
        value: round(total(ind, hit)),
        ...(ind.distinct ? { distinct: ind.distinct } : {}),
        recordCount: hit.reduce((a, r) => a + r.n, 0),
        breakdown: [],
        link: listLink(l, ind, p),
        ledger: l.name,
        ...(opts.withIds ? { recordIds: hit.flatMap((r) => r.ids).sort((a, b) => a - b) } : {}),
        ...(opts.compare ? { previous: round(total(ind, rows.filter((r) => matches(ind, r, 'prev')))) } : {}),
      };
      if (opts.byUnit) {
        const units: Record<string, number> = {};
        const inUnitSet = rows.filter((r) => r.set === unitSet && matchesIn(ind, r, 'cur'));
        for (const u of new Set(inUnitSet.map((r) => r.unit))) units[u] = round(total(ind, inUnitSet.filter((r) => r.unit === u)));
        v.units = units;
      }
      if (ind.breakdown && isMulti(ind.breakdown)) {
        multi.push({ ind, value: v });
      } else if (ind.breakdown) {
        const key = ind.breakdown;
        const field = l.fields.find((f) => f.name === key);
        const groups = new Map<string, { raw: unknown; n: number; v: number; ids: number[] }>();
        for (const r of hit) {
          const rawKey = r.col(key) ?? null;
          const k = JSON.stringify(rawKey);
          const g = groups.get(k) ?? { raw: rawKey, n: 0, v: 0, ids: [] };
          g.n += r.n;
          g.v += measure(ind, r);
          if (opts.withIds) g.ids.push(...r.ids);
          groups.set(k, g);
        }
        const order: unknown[] = field?.type === 'bool' ? [true, false] : [...(field?.options ?? [])];
        v.breakdown = [...groups.values()]
          .filter((g) => g.n > 0)
          .sort((a, b) => (order.indexOf(a.raw) + 1 || 999) - (order.indexOf(b.raw) + 1 || 999))
          .map((g) => ({
            label: g.raw === null ? '未填写' : typeof g.raw === 'boolean' ? (g.raw ? '是' : '否') : String(g.raw),
            value: round(g.v),
            link: g.raw === null ? null : listLink(l, ind, p, { [key]: g.raw as string }),
            ...(opts.withIds ? { recordIds: g.ids.sort((a, b) => a - b) } : {}),
          }));
      }
      out.set(ind.id, v);
    });
    // a multi-value field splits by unnesting its values: a record counts once under each of them
    for (const { ind, value } of multi) {
      const field = ind.breakdown ?? '';
      const dateField = ind.dateField ?? l.dateField;
      const inPeriod = ind.snapshot || !dateField ? sql`true` : sql`${sql.ref(dateField)} between ${p.from} and ${p.to}`;
      const measure = ind.kind === 'sum' ? sql`coalesce(sum(${sql.ref(ind.field ?? '')}), 0)` : sql`count(*)`;
      const rows = (
        await sql<{ k: string; v: number; ids: number[] | null }>`select k, ${measure} as v${opts.withIds ? sql`, array_agg(id order by id) as ids` : sql``}
          from ${sql.table(l.table)} cross join lateral jsonb_array_elements_text(coalesce(${sql.ref(field)}, '[]'::jsonb)) as k
          where org_code in ${subtree} and status = 'active' and ${inPeriod} and ${condition(l, ind.where)} group by k`.execute(db)
      ).rows;
      const order = [...(l.fields.find((f) => f.name === field)?.options ?? [])];
      rows.sort((a, b) => order.indexOf(a.k) - order.indexOf(b.k));
      value.overlapping = true;
      value.breakdown = rows.map((r) => ({ label: r.k, value: Number(r.v), link: listLink(l, ind, p, { [field]: [r.k] }), ...(opts.withIds ? { recordIds: (r.ids ?? []).map(Number) } : {}) }));
    }
  }

  for (const d of defs) {
    if (d.kind !== 'ratio') continue;
    const r = ratio(d, out, byId);
    out.set(d.id, r);
  }
  return defs.map((d) => out.get(d.id)).filter((v): v is IndicatorValue => !!v);
}

function ratio(d: RatioIndicator, values: Map<string, IndicatorValue>, defs: Map<string, IndicatorDef>): IndicatorValue {
  const num = values.get(d.numerator);
  const den = values.get(d.denominator);
  if (!num || !den) throw new Error(`ratio ${d.id}: ${d.numerator} or ${d.denominator} not computed`);
  const digits = d.digits ?? 1;
  const pct = (n: number, m: number): number => (m === 0 ? 0 : Math.round((n / m) * 100 * 10 ** digits) / 10 ** digits);
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
    ...(num.units && den.units ? { units: Object.fromEntries(Object.entries(den.units).filter(([, d]) => d > 0).map(([u, d]) => [u, pct(num.units?.[u] ?? 0, d)])) } : {}),
    numerator: { id: d.numerator, value: num.value },
    denominator: { id: d.denominator, value: den.value },
    ...(d.required !== undefined ? { required: d.required } : {}),
  };
}

/** formats a value as a report would print it: 95.2%, 1140.5万元, 331件 */
export function formatValue(v: Pick<IndicatorValue, 'value' | 'unit'>): string {
  const n = Number.isInteger(v.value) ? String(v.value) : String(Number(v.value.toFixed(2)));
  return `${n}${v.unit}`;
}
