import type { Ctx } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import type { LedgerRegistry } from '../ledger/ledger.service.ts';
import type { LedgerDef } from '../ledger/ledger.types.ts';
import type { IndicatorDef, LedgerIndicator } from './indicator.types.ts';
import { scanLedger } from './indicator.scan.ts';
import { indicatorsByLedger, tallyReady, tallyValues, wholeYears } from './indicator.tally.ts';
import { ratioValue, type ComputeOptions, type IndicatorValue, type Period } from './indicator.values.ts';

export { formatValue, type BreakdownItem, type ComputeOptions, type IndicatorValue, type Period } from './indicator.values.ts';

/**
 * computes indicators for an organisation's subtree over a period. Whole calendar years (the annual report, the
 * county's comparison, the dashboards) are read from the tally the database maintains (decision 0006): a few
 * thousand rows whatever the number of records. Any other period, and the record ids behind each figure, come from
 * one grouped scan of each source table (decisions 0003, 0005). Both give the same figures; `fazhi indicators
 * verify` compares them.
 */
export async function computeIndicators(ctx: Ctx, defs: readonly IndicatorDef[], ledgers: LedgerRegistry, p: Period, opts: ComputeOptions = {}): Promise<IndicatorValue[]> {
  if (!ctx.scope.codes.includes(p.org)) throw new AppError('not_found', '单位不存在或不在管辖范围内');
  const sources: Array<readonly [LedgerDef, LedgerIndicator[]]> = [...indicatorsByLedger(defs)].map(([name, inds]) => {
    const l = ledgers.get(name);
    if (!l) throw new Error(`indicator on unknown ledger ${name}`);
    return [l, inds] as const;
  });
  const out = new Map<string, IndicatorValue>();
  const source = opts.source ?? 'auto';
  const years = wholeYears(p.from, p.to);
  const prevYears = opts.compare ? wholeYears(opts.compare.from, opts.compare.to) : [];
  const tallyFits = !opts.withIds && years !== null && prevYears !== null;
  // the ledgers the tally can answer for; the others (a declaration changed since the tally was built, during an
  // upgrade) are scanned
  const ready = source !== 'scan' && tallyFits ? await tallyReady(ctx, sources) : new Set<string>();
  const fromTally = sources.filter(([l]) => ready.has(l.name));
  const scanned = sources.filter(([l]) => !ready.has(l.name));
  if (source === 'tally' && scanned.length) throw new Error(tallyFits ? `the tally of ${scanned.map(([l]) => l.name).join(', ')} was built from other indicator declarations` : 'the tally answers whole calendar years without record ids only');
  if (fromTally.length && years && prevYears) for (const v of await tallyValues(ctx, fromTally, p, years, prevYears, opts)) out.set(v.id, v);
  for (const [l, inds] of scanned) for (const v of await scanLedger(ctx, l, inds, p, opts)) out.set(v.id, v);
  const byId = new Map(defs.map((d) => [d.id, d]));
  for (const d of defs) if (d.kind === 'ratio') out.set(d.id, ratioValue(d, out, byId));
  return defs.map((d) => out.get(d.id)).filter((v): v is IndicatorValue => !!v);
}
