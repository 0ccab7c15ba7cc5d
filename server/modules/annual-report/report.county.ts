import type { Kysely } from 'kysely';
import type { Ctx } from '../../platform/http/context.ts';
import { computeIndicators, type BreakdownItem, type IndicatorValue } from '../../platform/indicators/indicator.service.ts';
import type { IndicatorDef, RatioIndicator } from '../../platform/indicators/indicator.types.ts';
import { ratioValue } from '../../platform/indicators/indicator.values.ts';
import type { Platform } from '../../platform/module.ts';
import { KIND as KIND_ANNUAL } from './report.service.ts';
import type { UnitSource } from '../../../common/reports.types.ts';

export type { UnitSource };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- report tables are this module's own
const db = (ctx: Pick<Ctx, 'tx'>): Kysely<any> => ctx.tx as unknown as Kysely<any>;

export const SOURCE_LABEL: Record<UnitSource['source'], string> = { submitted: '已报送', live: '未报送（台账实时数）', missing: '未报送' };

/** each unit's latest submitted (or published) report of the year, the one the county accepts */
export async function submittedSnapshots(ctx: Pick<Ctx, 'tx'>, codes: readonly string[], year: number, kind: string = KIND_ANNUAL): Promise<Map<string, { id: number; versionNo: number; submittedAt: string; values: IndicatorValue[] }>> {
  if (!codes.length) return new Map();
  const rows = await db(ctx).selectFrom('report_version').select(['id', 'org_code', 'version_no', 'submitted_at', 'indicators']).where('org_code', 'in', [...codes]).where('kind', '=', kind).where('year', '=', year).where('status', 'in', ['submitted', 'published']).orderBy('version_no', 'desc').execute();
  const out = new Map<string, { id: number; versionNo: number; submittedAt: string; values: IndicatorValue[] }>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
  for (const r of rows as any[]) if (!out.has(r.org_code)) out.set(r.org_code, { id: Number(r.id), versionNo: Number(r.version_no), submittedAt: new Date(r.submitted_at).toISOString(), values: r.indicators as IndicatorValue[] });
  return out;
}

type Part = { value: number; breakdown: Map<string, number>; ids: Set<number> | null };

const partOf = (v: IndicatorValue | undefined, withIds: boolean): Part => ({ value: v?.value ?? 0, breakdown: new Map((v?.breakdown ?? []).map((b) => [b.label, b.value])), ids: withIds ? new Set(v?.recordIds ?? []) : null });
const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * the county's figures: each unit's share from the report it submitted (frozen when it submitted, so later record
 * changes in a town do not move the county's report), the county's own records live, and — only if the county asks
 * for it — the live figures of units that have not submitted. Ratios are recomputed from the summed parts.
 * `units` on each value holds every unit's share (and the county's own under its code) for the appendix.
 */
export async function countyValues(
  ctx: Ctx,
  platform: Platform,
  defs: readonly IndicatorDef[],
  org: string,
  units: ReadonlyArray<{ code: string; name: string }>,
  year: number,
  opts: { withIds: boolean; liveUnsubmitted: boolean; kind?: string },
): Promise<{ values: Map<string, IndicatorValue>; sources: UnitSource[] }> {
  const period = (code: string) => ({ org: code, from: `${year}-01-01`, to: `${year}-12-31` });
  const compare = { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  const total = new Map((await computeIndicators(ctx, defs, platform.ledgers, period(org), { withIds: opts.withIds, compare })).map((v) => [v.id, v]));
  const live = new Map<string, Map<string, IndicatorValue>>();
  for (const u of units) live.set(u.code, new Map((await computeIndicators(ctx, defs, platform.ledgers, period(u.code), { withIds: opts.withIds, compare })).map((v) => [v.id, v])));
  const snaps = await submittedSnapshots(ctx, units.map((u) => u.code), year, opts.kind);
  const sources: UnitSource[] = units.map((u) => {
    const s = snaps.get(u.code);
    return { code: u.code, name: u.name, source: s ? 'submitted' : opts.liveUnsubmitted ? 'live' : 'missing', versionId: s?.id ?? null, versionNo: s?.versionNo ?? null, submittedAt: s?.submittedAt ?? null };
  });
  const snapValues = new Map([...snaps].map(([code, s]) => [code, new Map(s.values.map((v) => [v.id, v]))]));

  const out = new Map<string, IndicatorValue>();
  for (const d of defs) {
    if (d.kind === 'ratio') continue;
    const t = total.get(d.id);
    if (!t) continue;
    // the county's own records: everything in its subtree less what lies in the units below it
    const own = partOf(t, opts.withIds);
    for (const u of units) {
      const l = partOf(live.get(u.code)?.get(d.id), opts.withIds);
      own.value -= l.value;
      for (const [label, n] of l.breakdown) own.breakdown.set(label, (own.breakdown.get(label) ?? 0) - n);
      if (own.ids && l.ids) for (const id of l.ids) own.ids.delete(id);
    }
    const shares: Record<string, number> = { [org]: round(own.value) };
    const sum = { value: own.value, breakdown: new Map(own.breakdown), ids: own.ids };
    for (const s of sources) {
      if (s.source === 'missing') continue;
      const v = s.source === 'submitted' ? snapValues.get(s.code)?.get(d.id) : live.get(s.code)?.get(d.id);
      const p = partOf(v, opts.withIds);
      shares[s.code] = round(p.value);
      sum.value += p.value;
      for (const [label, n] of p.breakdown) sum.breakdown.set(label, (sum.breakdown.get(label) ?? 0) + n);
      if (sum.ids && p.ids) for (const id of p.ids) sum.ids.add(id);
    }
    const value = round(sum.value);
    // the drill-down opens the county's current records: offered only where they still give the report's figure
    const same = value === t.value;
    const breakdown: BreakdownItem[] = t.breakdown.map((b) => ({ label: b.label, value: round(sum.breakdown.get(b.label) ?? 0), link: same ? b.link : null }));
    for (const [label, n] of sum.breakdown) if (!breakdown.some((b) => b.label === label) && n !== 0) breakdown.push({ label, value: round(n), link: null });
    // last year's figure on the same footing: without the units this report leaves out
    const missing = sources.filter((x) => x.source === 'missing');
    const previous = t.previous === undefined ? undefined : round(missing.reduce((acc, x) => acc - (live.get(x.code)?.get(d.id)?.previous ?? 0), t.previous));
    out.set(d.id, {
      ...t,
      ...(previous === undefined ? {} : { previous }),
      value,
      breakdown,
      link: same ? t.link : null,
      units: shares,
      ...(sum.ids ? { recordIds: [...sum.ids].sort((a, b) => a - b) } : {}),
    });
  }
  const byId = new Map(defs.map((d) => [d.id, d]));
  for (const d of defs) if (d.kind === 'ratio') out.set(d.id, ratioValue(d as RatioIndicator, out, byId));
  return { values: out, sources };
}
