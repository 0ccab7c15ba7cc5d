import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Ctx } from '../http/context.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import type { LedgerIndicator } from './indicator.types.ts';
import { breakdownItems, isMultiField, listLink, periodField, round2, subtreeOrgs, subtreeUnits, whereAllSql, whereSql, type BreakdownGroup, type ComputeOptions, type IndicatorValue, type Period } from './indicator.values.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
type AnyDb = Kysely<any>;

/**
 * a ledger's indicators from one grouped scan of its table (any period, with record ids when asked). every yes/no
 * question an indicator asks of a record (its date in the period or last year's, a field filled in, a field holding
 * one of some values) is one bit of an integer; the records are grouped by those bits and, per breakdown column, by
 * that column's value (one grouping set per breakdown, so independent breakdowns do not multiply into each other's
 * groups). each indicator is then evaluated here over the few rows that come back (decision 0005)
 */
export async function scanLedger(ctx: Ctx, l: LedgerDef, inds: readonly LedgerIndicator[], p: Period, opts: ComputeOptions): Promise<IndicatorValue[]> {
  const db = ctx.tx as unknown as AnyDb;
  const subtree = subtreeOrgs(p.org);
  const isMulti = (b: string): boolean => isMultiField(l, b);
  const flags = new Map<string, RawBuilder<boolean>>();
  const tests = new Map<string, string[]>();
  const sumFields = new Set<string>();
  const flag = (key: string, expr: RawBuilder<boolean>): string => {
    if (!flags.has(key)) flags.set(key, expr);
    return key;
  };
  const breakdowns: string[] = [];
  for (const ind of inds) {
    if (ind.breakdown && !isMulti(ind.breakdown) && !breakdowns.includes(ind.breakdown)) breakdowns.push(ind.breakdown);
    // a distinct count groups by its field like a breakdown, and counts the groups
    if (ind.distinct && !breakdowns.includes(ind.distinct)) breakdowns.push(ind.distinct);
    const keys = Object.entries(ind.where ?? {}).map(([field, v]) => flag(`where:${field}:${JSON.stringify(v)}`, whereSql(l, field, v)));
    const dateField = periodField(l, ind);
    if (dateField) {
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
    ? sql`(select ${sql.table(l.table)}.*, o.${sql.ref(UNIT)} from ${sql.table(l.table)} join ${subtreeUnits(p.org, UNIT)} o on o.code = ${sql.table(l.table)}.org_code) as ${sql.table(l.table)}`
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
    const dateField = periodField(l, ind);
    if (period === 'prev' && dateField && !r.flag(`prev:${dateField}`)) return false;
    return (tests.get(ind.id) ?? []).every((k) => (period === 'prev' && k.startsWith('cur:') ? true : r.flag(k)));
  };
  const matches = (ind: LedgerIndicator, r: Row, period: 'cur' | 'prev'): boolean => r.set === setFor(ind) && matchesIn(ind, r, period);
  const measure = (ind: LedgerIndicator, r: Row): number => (ind.kind === 'sum' ? r.sum(ind.field ?? '') : r.n);
  // a distinct count: the different non-empty values of the field among the matching groups
  const total = (ind: LedgerIndicator, hit: Row[]): number => (ind.distinct ? new Set(hit.map((r) => r.col(ind.distinct ?? '')).filter((x) => x !== null && x !== undefined).map(String)).size : hit.reduce((a, r) => a + measure(ind, r), 0));
  const out: IndicatorValue[] = [];
  for (const ind of inds) {
    const hit = rows.filter((r) => matches(ind, r, 'cur'));
    const v: IndicatorValue = {
      id: ind.id,
      kind: ind.kind,
      label: ind.label,
      unit: ind.unit,
      value: round2(total(ind, hit)),
      ...(ind.distinct ? { distinct: ind.distinct } : {}),
        ...(periodField(l, ind) === null ? { snapshot: true } : {}),
      recordCount: hit.reduce((a, r) => a + r.n, 0),
      breakdown: [],
      link: listLink(l, ind, p),
      ledger: l.name,
      ...(opts.withIds ? { recordIds: hit.flatMap((r) => r.ids).sort((a, b) => a - b) } : {}),
      ...(opts.compare ? { previous: round2(total(ind, rows.filter((r) => matches(ind, r, 'prev')))) } : {}),
    };
    if (opts.byUnit) {
      const units: Record<string, number> = {};
      const inUnitSet = rows.filter((r) => r.set === unitSet && matchesIn(ind, r, 'cur'));
      for (const u of new Set(inUnitSet.map((r) => r.unit))) units[u] = round2(total(ind, inUnitSet.filter((r) => r.unit === u)));
      v.units = units;
    }
    if (ind.breakdown && isMulti(ind.breakdown)) {
      v.overlapping = true;
      v.breakdown = await multiBreakdown(db, l, ind, p, subtree, opts.withIds === true);
    } else if (ind.breakdown) {
      const key = ind.breakdown;
      const groups = new Map<string, BreakdownGroup & { ids: number[] }>();
      for (const r of hit) {
        const rawKey = r.col(key) ?? null;
        const k = JSON.stringify(rawKey);
        const g = groups.get(k) ?? { raw: rawKey, n: 0, value: 0, ids: [] };
        g.n += r.n;
        g.value += measure(ind, r);
        if (opts.withIds) g.ids.push(...r.ids);
        groups.set(k, g);
      }
      v.breakdown = breakdownItems(l, ind, p, [...groups.values()], opts.withIds === true);
    }
    out.push(v);
  }
  return out;
}

/** a multi-value field splits by unnesting its values: a record counts once under each of them */
async function multiBreakdown(db: AnyDb, l: LedgerDef, ind: LedgerIndicator, p: Period, subtree: RawBuilder<unknown>, withIds: boolean): Promise<IndicatorValue['breakdown']> {
  const field = ind.breakdown ?? '';
  const dateField = periodField(l, ind);
  const inPeriod = dateField ? sql`${sql.ref(dateField)} between ${p.from} and ${p.to}` : sql`true`;
  const measure = ind.kind === 'sum' ? sql`coalesce(sum(${sql.ref(ind.field ?? '')}), 0)` : sql`count(*)`;
  const rows = (
    await sql<{ k: string; v: number; n: number; ids: number[] | null }>`select k, ${measure} as v, count(*) as n${withIds ? sql`, array_agg(id order by id) as ids` : sql``}
      from ${sql.table(l.table)} cross join lateral jsonb_array_elements_text(coalesce(${sql.ref(field)}, '[]'::jsonb)) as k
      where org_code in ${subtree} and status = 'active' and ${inPeriod} and ${whereAllSql(l, ind.where)} group by k`.execute(db)
  ).rows;
  return breakdownItems(
    l,
    ind,
    p,
    rows.map((r) => ({ raw: r.k, value: Number(r.v), n: Number(r.n), ids: (r.ids ?? []).map(Number) })),
    withIds,
  );
}

