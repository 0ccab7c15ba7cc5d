import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Ctx } from '../http/context.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import type { IndicatorDef, LedgerIndicator } from './indicator.types.ts';
import { breakdownItems, isMultiField, listLink, periodField, round2, subtreeOrgs, subtreeUnits, whereAllSql, type BreakdownGroup, type ComputeOptions, type IndicatorValue, type Period } from './indicator.values.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
type AnyDb = Kysely<any>;

/**
 * The tally: every indicator's figure kept per organisation, calendar year and breakdown value, maintained by the
 * database itself (decision 0006). Each ledger table that indicators read has statement-level triggers that add a
 * signed row for every change (+1 for a record that now counts, −1 for one that no longer does, and the summed
 * field's amount); the rows are merged into one per key from time to time (`compactTally`). A whole-year figure is
 * then read from a few thousand tally rows instead of scanning every ledger table; the records behind each figure
 * are still found in the ledger itself (the list the figure links to, and `withIds` scans).
 */

// raised when the SQL the tally is made of changes: every ledger's tally is rebuilt at the next start
const TALLY_VERSION = 1;
const SYNC_LOCK = 8150004;
const COMPACT_LOCK = 8150005;
// a statement changing up to this many records takes the one-pass form of the tally's insert, more the per-indicator one
const FEW_ROWS = 16;

/** what decides an indicator's tally rows; a change to any of it rebuilds its ledger's tally */
export function tallyHash(l: LedgerDef, ind: LedgerIndicator): string {
  const spec = {
    v: TALLY_VERSION,
    table: l.table,
    kind: ind.kind,
    field: ind.field ?? null,
    where: Object.entries(ind.where ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    multi: Object.keys(ind.where ?? {}).filter((f) => isMultiField(l, f)),
    date: periodField(l, ind),
    breakdown: ind.breakdown ?? null,
    multiBreakdown: ind.breakdown ? isMultiField(l, ind.breakdown) : false,
    distinct: ind.distinct ?? null,
  };
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 32);
}

/** adds a value to the list a map holds under a key */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** the indicators of each ledger, in declaration order */
export function indicatorsByLedger(defs: readonly IndicatorDef[]): Map<string, LedgerIndicator[]> {
  const out = new Map<string, LedgerIndicator[]>();
  for (const d of defs) if (d.kind !== 'ratio') append(out, d.ledger, d);
  return out;
}

/**
 * the statement adding the tally rows of the records in `source` (a query giving the ledger's columns and `fz_sign`,
 * +1 or −1): one branch per indicator, summed per key, nothing written for changes that cancel out. Values are
 * literals, so the statement can live inside a trigger function.
 */
export function tallyInsert(l: LedgerDef, inds: readonly LedgerIndicator[], source: RawBuilder<unknown>, delta: boolean, shape: 'rows' | 'branches' = 'branches'): RawBuilder<unknown> {
  const parts = inds.map((ind) => {
    const dateField = periodField(l, ind);
    const y = dateField ? sql`extract(year from ${sql.ref(dateField)})::int` : sql`0::int`;
    const s = ind.kind === 'sum' && ind.field ? sql`coalesce(${sql.ref(ind.field)}, 0)::numeric` : sql`0::numeric`;
    const ok = sql`${dateField ? sql`${sql.ref(dateField)} is not null and ` : sql``}${whereAllSql(l, ind.where, true)}`;
    const multi = !!ind.breakdown && isMultiField(l, ind.breakdown);
    // a breakdown or a distinct count keeps one row per value of its field (JSON text: "劳动争议", true, 3, null); a
    // multi-value field's total counts each record once, under ''
    const split = multi ? undefined : (ind.breakdown ?? ind.distinct);
    const k = split ? sql`coalesce(to_jsonb(${sql.ref(split)})::text, 'null')` : sql`''`;
    return { ind, y, s, ok, k, multi };
  });
  const branches: Array<RawBuilder<unknown>> = [];
  if (shape === 'rows') {
    // a few records (the API's one-record writes): one pass giving a row per record and indicator, kept where it
    // counts; a small plan that starts fast
    const rows = sql.join(
      parts.map((x) => sql`(${sql.lit(x.ind.id)}::text, ${x.ok}, ${x.y}, ${x.k}::text, ${x.s})`),
      sql`, `,
    );
    branches.push(sql`select v.ind, fz_src.org_code, v.y, v.k, fz_src.fz_sign as n, fz_src.fz_sign * v.s as s from fz_src cross join lateral (values ${rows}) as v(ind, ok, y, k, s) where fz_src.status = 'active' and v.ok`);
  } else {
    // many records (imports, recounts): one branch per indicator, computing keys only for the records that count
    for (const x of parts) branches.push(sql`select ${sql.lit(x.ind.id)}::text as ind, org_code, ${x.y} as y, ${x.k}::text as k, fz_sign as n, fz_sign * ${x.s} as s from fz_src where status = 'active' and ${x.ok}`);
  }
  // each value of a multi-value field counts the records holding it
  for (const x of parts.filter((p) => p.multi)) {
    branches.push(
      sql`select ${sql.lit(x.ind.id)}::text, org_code, ${x.y}, to_jsonb(fz_e.v)::text, fz_sign, fz_sign * ${x.s} from fz_src cross join lateral jsonb_array_elements_text(coalesce(${sql.ref(x.ind.breakdown ?? '')}, '[]'::jsonb)) as fz_e(v) where status = 'active' and ${x.ok}`,
    );
  }
  return sql`with fz_src as materialized (${source})
    insert into indicator_tally (ledger, ind, org_code, y, k, n, s, delta)
    select ${sql.lit(l.name)}, ind, org_code, y, k, sum(n), sum(s), ${sql.lit(delta)} from (${sql.join(branches, sql` union all `)}) fz_x
    group by ind, org_code, y, k having sum(n) <> 0 or sum(s) <> 0`;
}

const fnName = (l: LedgerDef): string => `fz_tally_${l.table}`;

/** the trigger function keeping a ledger's tally: SQL text, values inlined */
export function tallyFunctionSql(db: AnyDb, l: LedgerDef, inds: readonly LedgerIndicator[]): string {
  const text = (source: string, shape: 'rows' | 'branches'): string => tallyInsert(l, inds, sql.raw(source), true, shape).compile(db).sql;
  const both = (table: string, source: string): string => `if (select count(*) from ${table}) <= ${FEW_ROWS} then
      ${text(source, 'rows')};
    else
      ${text(source, 'branches')};
    end if`;
  // an update that changes none of the columns the indicators read (a text, a workflow timestamp) changes no figure
  const read = [...new Set(['status', 'org_code', ...inds.flatMap((i) => [periodField(l, i), ...Object.keys(i.where ?? {}), i.breakdown, i.distinct, i.kind === 'sum' ? i.field : undefined])])].filter((c): c is string => !!c);
  const row = (alias: string): string => `(${read.map((c) => `${alias}.${c}`).join(', ')})`;
  const body = `begin
  if tg_op = 'INSERT' then
    ${both('fz_new', 'select 1 as fz_sign, * from fz_new')};
  elsif tg_op = 'UPDATE' then
    if not exists (select 1 from fz_old o join fz_new n on n.id = o.id where ${row('o')} is distinct from ${row('n')}) then
      return null;
    end if;
    ${both('fz_new', 'select -1 as fz_sign, * from fz_old union all select 1 as fz_sign, * from fz_new')};
  elsif tg_op = 'DELETE' then
    ${both('fz_old', 'select -1 as fz_sign, * from fz_old')};
  end if;
  return null;
end`;
  if (body.includes('$fz$')) throw new Error(`${l.name}: indicator values may not contain $fz$`);
  return `create or replace function ${fnName(l)}() returns trigger language plpgsql as $fz$\n${body}\n$fz$`;
}

async function dropTriggers(tx: AnyDb, table: string): Promise<void> {
  for (const t of ['fz_tally_ins', 'fz_tally_upd', 'fz_tally_del']) await sql.raw(`drop trigger if exists ${t} on ${table}`).execute(tx);
}

/**
 * brings every ledger's tally up to its indicators' declarations: a ledger whose indicators changed (or that has no
 * tally yet) gets new triggers and its tally recounted from the table, writers held off meanwhile; a ledger that no
 * longer has indicators loses them. Returns what was rebuilt.
 */
export async function syncTallies(db: AnyDb, ledgers: readonly LedgerDef[], defs: readonly IndicatorDef[], opts: { force?: boolean } = {}): Promise<string[]> {
  const rebuilt: string[] = [];
  const perLedger = indicatorsByLedger(defs);
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${SYNC_LOCK})`.execute(tx);
    const stored = (await sql<{ ind: string; ledger: string; hash: string }>`select ind, ledger, hash from indicator_tally_spec`.execute(tx)).rows;
    for (const l of ledgers) {
      const inds = perLedger.get(l.name) ?? [];
      const mine = stored.filter((r) => r.ledger === l.name);
      const same = !opts.force && mine.length === inds.length && inds.every((i) => mine.some((r) => r.ind === i.id && r.hash === tallyHash(l, i)));
      if (same) continue;
      // writers wait until the new triggers and the recount are in place; readers go on
      await sql.raw(`lock table ${l.table} in share row exclusive mode`).execute(tx);
      await dropTriggers(tx, l.table);
      await sql`delete from indicator_tally where ledger = ${l.name}`.execute(tx);
      await sql`delete from indicator_tally_spec where ledger = ${l.name}`.execute(tx);
      if (!inds.length) {
        await sql.raw(`drop function if exists ${fnName(l)}()`).execute(tx);
        if (mine.length) rebuilt.push(`${l.name}: 统计台账已移除`);
        continue;
      }
      await sql.raw(tallyFunctionSql(tx, l, inds)).execute(tx);
      await sql.raw(`create trigger fz_tally_ins after insert on ${l.table} referencing new table as fz_new for each statement execute function ${fnName(l)}()`).execute(tx);
      await sql.raw(`create trigger fz_tally_upd after update on ${l.table} referencing old table as fz_old new table as fz_new for each statement execute function ${fnName(l)}()`).execute(tx);
      await sql.raw(`create trigger fz_tally_del after delete on ${l.table} referencing old table as fz_old for each statement execute function ${fnName(l)}()`).execute(tx);
      await tallyInsert(l, inds, sql`select 1 as fz_sign, * from ${sql.table(l.table)}`, false).execute(tx);
      await tx
        .insertInto('indicator_tally_spec')
        .values(inds.map((i) => ({ ind: i.id, ledger: l.name, hash: tallyHash(l, i) })))
        .execute();
      rebuilt.push(`${l.name}: 统计台账已重建（${inds.length}项指标）`);
    }
  });
  return rebuilt;
}

/**
 * merges the signed rows each change added into one row per key (and drops keys that came to nothing); safe beside
 * concurrent writers, whose rows are simply merged next time. Returns the number of rows merged away.
 */
export async function compactTally(db: AnyDb): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((tx) => compactTally(tx));
  const got = (await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${COMPACT_LOCK}) as ok`.execute(db)).rows[0]?.ok;
  if (!got) return 0;
  const before = Number((await sql<{ n: string }>`select count(*) as n from indicator_tally where delta`.execute(db)).rows[0]?.n ?? 0);
  if (!before) return 0;
  await sql`with fz_keys as (select distinct ledger, ind, org_code, y, k from indicator_tally where delta),
    fz_gone as (delete from indicator_tally t using fz_keys c where t.ledger = c.ledger and t.ind = c.ind and t.org_code = c.org_code and t.y = c.y and t.k = c.k returning t.ledger, t.ind, t.org_code, t.y, t.k, t.n, t.s)
    insert into indicator_tally (ledger, ind, org_code, y, k, n, s, delta)
    select ledger, ind, org_code, y, k, sum(n), sum(s), false from fz_gone group by ledger, ind, org_code, y, k having sum(n) <> 0 or sum(s) <> 0`.execute(db);
  return before;
}

const YEAR_START = /^(\d{4})-01-01$/;
const YEAR_END = /^(\d{4})-12-31$/;

/** the calendar years a period spans exactly, or null when it starts or ends inside a year */
export function wholeYears(from: string, to: string): number[] | null {
  const a = YEAR_START.exec(from)?.[1];
  const b = YEAR_END.exec(to)?.[1];
  if (!a || !b || Number(b) < Number(a)) return null;
  return Array.from({ length: Number(b) - Number(a) + 1 }, (_, i) => Number(a) + i);
}

/** the ledgers whose tally holds their indicators as they are declared now (built from the same declarations) */
export async function tallyReady(ctx: Ctx, ledgers: ReadonlyArray<readonly [LedgerDef, readonly LedgerIndicator[]]>): Promise<Set<string>> {
  const ids = ledgers.flatMap(([, inds]) => inds.map((i) => i.id));
  const stored = ids.length ? new Map((await sql<{ ind: string; hash: string }>`select ind, hash from indicator_tally_spec where ind = any(${sql.val(ids)}::text[])`.execute(ctx.tx)).rows.map((r) => [r.ind, r.hash])) : new Map<string, string>();
  return new Set(ledgers.filter(([l, inds]) => inds.every((i) => stored.get(i.id) === tallyHash(l, i))).map(([l]) => l.name));
}

/**
 * the indicators of the given ledgers for whole calendar years, from the tally: one query for the totals, parts and
 * last year's figures, one more for each unit's share
 */
export async function tallyValues(ctx: Ctx, ledgers: ReadonlyArray<readonly [LedgerDef, readonly LedgerIndicator[]]>, p: Period, years: number[], prevYears: number[], opts: ComputeOptions): Promise<IndicatorValue[]> {
  const inds = ledgers.flatMap(([, x]) => x);
  if (!inds.length) return [];
  const ids = inds.map((i) => i.id);
  const rows = (
    await sql<{ ind: string; y: number; k: string; n: string; s: string }>`select ind, y, k, sum(n) as n, sum(s) as s from indicator_tally
      where ind = any(${sql.val(ids)}::text[]) and y = any(${sql.val([0, ...years, ...prevYears])}::int[]) and org_code in ${subtreeOrgs(p.org)}
      group by ind, y, k`.execute(ctx.tx)
  ).rows;
  type Part = { k: string; n: number; s: number };
  const cur = new Map<string, Part[]>();
  const prev = new Map<string, Part[]>();
  for (const r of rows) {
    const part = { k: r.k, n: Number(r.n), s: Number(r.s) };
    const y = Number(r.y);
    if (y === 0 || years.includes(y)) append(cur, r.ind, part);
    if (y === 0 || prevYears.includes(y)) append(prev, r.ind, part);
  }
  const units = new Map<string, Array<{ u: string; k: string; n: number; s: number }>>();
  if (opts.byUnit) {
    // the unit below the organisation that each organisation belongs to, as in the scan (decision 0005)
    const distinctIds = inds.filter((i) => i.distinct).map((i) => i.id);
    const multiIds = ledgers.flatMap(([l, x]) => x.filter((i) => i.breakdown && isMultiField(l, i.breakdown)).map((i) => i.id));
    const unitRows = (
      await sql<{ ind: string; u: string; k: string; n: string; s: string }>`select t.ind, o.u, case when t.ind = any(${sql.val(distinctIds)}::text[]) then t.k else '' end as k, sum(t.n) as n, sum(t.s) as s
        from indicator_tally t join ${subtreeUnits(p.org, 'u')} o on o.code = t.org_code
        where t.ind = any(${sql.val(ids)}::text[]) and t.y = any(${sql.val([0, ...years])}::int[]) and (t.k = '' or not t.ind = any(${sql.val(multiIds)}::text[]))
        group by 1, 2, 3`.execute(ctx.tx)
    ).rows;
    for (const r of unitRows) append(units, r.ind, { u: r.u, k: r.k, n: Number(r.n), s: Number(r.s) });
  }

  const out: IndicatorValue[] = [];
  for (const [l, list] of ledgers) {
    for (const ind of list) {
      const multi = !!ind.breakdown && isMultiField(l, ind.breakdown);
      const measure = (x: { n: number; s: number }): number => (ind.kind === 'sum' ? x.s : x.n);
      // the parts that make the total: a multi-value field's own '' rows, else every key
      const totalParts = (parts: Part[]): Part[] => (multi ? parts.filter((x) => x.k === '') : parts);
      const figure = (parts: Part[]): number => {
        const own = totalParts(parts);
        if (!ind.distinct) return round2(own.reduce((a, x) => a + measure(x), 0));
        // the different non-empty values among the records
        const byKey = new Map<string, number>();
        for (const x of own) byKey.set(x.k, (byKey.get(x.k) ?? 0) + x.n);
        return [...byKey].filter(([k, n]) => k !== 'null' && n > 0).length;
      };
      const mine = cur.get(ind.id) ?? [];
      const v: IndicatorValue = {
        id: ind.id,
        kind: ind.kind,
        label: ind.label,
        unit: ind.unit,
        value: figure(mine),
        ...(ind.distinct ? { distinct: ind.distinct } : {}),
        ...(periodField(l, ind) === null ? { snapshot: true } : {}),
        recordCount: totalParts(mine).reduce((a, x) => a + x.n, 0),
        breakdown: [],
        link: listLink(l, ind, p),
        ledger: l.name,
        ...(opts.compare ? { previous: figure(prev.get(ind.id) ?? []) } : {}),
      };
      if (opts.byUnit) {
        const perUnit = new Map<string, Part[]>();
        for (const r of units.get(ind.id) ?? []) append(perUnit, r.u, r);
        v.units = Object.fromEntries([...perUnit].filter(([, parts]) => parts.reduce((a, x) => a + x.n, 0) > 0).map(([u, parts]) => [u, figure(parts)]));
      }
      if (ind.breakdown) {
        const groups = new Map<string, BreakdownGroup>();
        for (const x of mine) {
          if (multi && x.k === '') continue;
          const g = groups.get(x.k) ?? { raw: JSON.parse(x.k) as unknown, n: 0, value: 0 };
          g.n += x.n;
          g.value += measure(x);
          groups.set(x.k, g);
        }
        if (multi) v.overlapping = true;
        v.breakdown = breakdownItems(l, ind, p, [...groups.values()], false);
      }
      out.push(v);
    }
  }
  return out;
}

/** one figure the tally and the ledger scan disagree on */
export interface TallyDifference {
  org: string;
  year: number;
  indicator: string;
  /** which part: value, previous, recordCount, breakdown, units */
  part: string;
  tally: string;
  scan: string;
}

/** the calendar years the tally holds records for, oldest first */
export async function tallyYears(db: AnyDb): Promise<number[]> {
  return (await sql<{ y: number }>`select distinct y from indicator_tally where y > 0 order by y`.execute(db)).rows.map((r) => Number(r.y));
}

/**
 * compares every figure of the tally with the same figure counted from the ledger tables (with last year's figure
 * and each unit's share), for each organisation and year given; `compute` is the indicator engine
 */
export async function verifyTally(
  orgs: readonly string[],
  years: readonly number[],
  compute: (org: string, year: number, source: 'tally' | 'scan') => Promise<IndicatorValue[]>,
): Promise<{ checked: number; differences: TallyDifference[] }> {
  const differences: TallyDifference[] = [];
  let checked = 0;
  const show = (x: unknown): string => JSON.stringify(x ?? null);
  for (const org of orgs) {
    for (const year of years) {
      const [tally, scan] = [await compute(org, year, 'tally'), await compute(org, year, 'scan')];
      const scanned = new Map(scan.map((v) => [v.id, v]));
      for (const t of tally) {
        const s = scanned.get(t.id);
        checked++;
        const parts: Array<[string, unknown, unknown]> = [
          ['value', t.value, s?.value],
          ['previous', t.previous, s?.previous],
          ['recordCount', t.recordCount, s?.recordCount],
          ['breakdown', t.breakdown.map((b) => [b.label, b.value]), s?.breakdown.map((b) => [b.label, b.value])],
          ['units', Object.entries(t.units ?? {}).sort(), Object.entries(s?.units ?? {}).sort()],
        ];
        for (const [part, a, b] of parts) if (show(a) !== show(b)) differences.push({ org, year, indicator: t.id, part, tally: show(a), scan: show(b) });
      }
    }
  }
  return { checked, differences };
}
