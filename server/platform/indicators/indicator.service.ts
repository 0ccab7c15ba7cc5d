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
  label: string;
  unit: Unit;
  value: number;
  breakdown: BreakdownItem[];
  recordCount: number;
  /** the list of the records behind the number, as a web path */
  link: string | null;
  ledger: string | null;
  recordIds?: number[];
  numerator?: { id: string; value: number };
  denominator?: { id: string; value: number };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
type AnyDb = Kysely<any>;

const values = (v: Where[string]): ReadonlyArray<string | number | boolean | null> => (Array.isArray(v) ? v : [v as string | number | boolean | null]);

function condition(l: LedgerDef, where: Where | undefined): RawBuilder<boolean> {
  const parts: Array<RawBuilder<unknown>> = [sql`true`];
  for (const [field, v] of Object.entries(where ?? {})) {
    if (!l.fields.some((f) => f.name === field)) throw new Error(`indicator filter on unknown field ${l.name}.${field}`);
    const list = values(v);
    if (list.length === 1 && list[0] === null) parts.push(sql`${sql.ref(field)} is null`);
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
    const list = values(v).filter((x) => x !== null);
    if (!list.length) continue;
    q.set(`f.${field}`, f?.type === 'bool' ? (list[0] ? '是' : '否') : list.join(','));
  }
  return `/ledgers/${l.name}?${q.toString()}`;
}

/**
 * computes indicators for an organisation's subtree over a period: one query per source ledger,
 * using grouping sets for the breakdowns, so the cost is about one scan of each table
 */
export async function computeIndicators(ctx: Ctx, defs: readonly IndicatorDef[], ledgers: LedgerRegistry, p: Period, opts: { withIds?: boolean } = {}): Promise<IndicatorValue[]> {
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
    const breakdowns = [...new Set(inds.map((i) => i.breakdown).filter((b): b is string => !!b))];
    const selects: Array<RawBuilder<unknown>> = [];
    inds.forEach((ind, i) => {
      const dateField = ind.dateField ?? l.dateField;
      const inPeriod = ind.snapshot || !dateField ? sql`true` : sql`${sql.ref(dateField)} between ${p.from} and ${p.to}`;
      const cond = sql`(${inPeriod} and ${condition(l, ind.where)})`;
      selects.push(ind.kind === 'sum' ? sql`coalesce(sum(${sql.ref(ind.field ?? '')}) filter (where ${cond}), 0) as ${sql.ref(`v${i}`)}` : sql`count(*) filter (where ${cond}) as ${sql.ref(`v${i}`)}`);
      selects.push(sql`count(*) filter (where ${cond}) as ${sql.ref(`n${i}`)}`);
      if (opts.withIds) selects.push(sql`array_agg(id order by id) filter (where ${cond}) as ${sql.ref(`ids${i}`)}`);
    });
    const groupCols = breakdowns.map((b) => sql.ref(b));
    const grouping = breakdowns.length ? sql`, ${sql.join(groupCols)}, grouping(${sql.join(groupCols)}) as g` : sql`, 0 as g`;
    const groupBy = breakdowns.length ? sql`group by grouping sets ((), ${sql.join(breakdowns.map((b) => sql`(${sql.ref(b)})`))})` : sql``;
    const rows = (
      await sql<Record<string, unknown>>`select ${sql.join(selects)} ${grouping} from ${sql.table(l.table)} where org_code in ${subtree} and status = 'active' ${groupBy}`.execute(db)
    ).rows;
    const all = (1 << breakdowns.length) - 1;
    const total = rows.find((r) => Number(r['g']) === all || (breakdowns.length === 0 && Number(r['g']) === 0)) ?? {};
    inds.forEach((ind, i) => {
      const v: IndicatorValue = {
        id: ind.id,
        label: ind.label,
        unit: ind.unit,
        value: Number(total[`v${i}`] ?? 0),
        recordCount: Number(total[`n${i}`] ?? 0),
        breakdown: [],
        link: listLink(l, ind, p),
        ledger: l.name,
        ...(opts.withIds ? { recordIds: ((total[`ids${i}`] as number[] | null) ?? []).map(Number) } : {}),
      };
      if (ind.breakdown) {
        const bi = breakdowns.indexOf(ind.breakdown);
        // grouping() sets a bit for every column not grouped in that row; the breakdown's own bit is clear
        const mask = all & ~(1 << (breakdowns.length - 1 - bi));
        const field = l.fields.find((f) => f.name === ind.breakdown);
        const order = field?.type === 'bool' ? [true, false] : [...(field?.options ?? [])];
        const items = rows.filter((r) => Number(r['g']) === mask && Number(r[`n${i}`] ?? 0) > 0);
        items.sort((a, b) => order.indexOf(a[ind.breakdown ?? ''] as never) - order.indexOf(b[ind.breakdown ?? ''] as never));
        v.breakdown = items.map((r) => {
          const key = r[ind.breakdown ?? ''];
          const label = key === null || key === undefined ? '未填写' : typeof key === 'boolean' ? (key ? '是' : '否') : String(key);
          return {
            label,
            value: Number(r[`v${i}`] ?? 0),
            link: key === null || key === undefined ? null : listLink(l, ind, p, { [ind.breakdown ?? '']: key as string }),
            ...(opts.withIds ? { recordIds: ((r[`ids${i}`] as number[] | null) ?? []).map(Number) } : {}),
          };
        });
      }
      if (ind.kind === 'sum') v.value = Math.round(v.value * 100) / 100;
      out.set(ind.id, v);
    });
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
  const value = den.value === 0 ? 0 : Math.round((num.value / den.value) * 100 * 10 ** digits) / 10 ** digits;
  return {
    id: d.id,
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
    numerator: { id: d.numerator, value: num.value },
    denominator: { id: d.denominator, value: den.value },
  };
}

/** formats a value as a report would print it: 95.2%, 1140.5万元, 331件 */
export function formatValue(v: Pick<IndicatorValue, 'value' | 'unit'>): string {
  const n = Number.isInteger(v.value) ? String(v.value) : String(Number(v.value.toFixed(2)));
  return `${n}${v.unit}`;
}
