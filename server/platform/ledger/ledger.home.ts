import type { RawBuilder } from 'kysely';
import { can, type Ctx } from '../http/context.ts';
import type { HomeItem } from '../module.ts';
import { countInScope } from './ledger.query.ts';
import { perm, type LedgerDef } from './ledger.types.ts';

/** one count of pending work on the home page, and the list of exactly the records it counts */
export interface LedgerHomeCount {
  key: string;
  label: string;
  /** the records counted among the ledger's active ones in scope: a condition on its columns */
  where: RawBuilder<unknown>;
  /** the list filter that shows the same records, as in the web app's list URL (`f.progress=办理中`); '' for the whole list */
  filter: string;
  /** the tone when there is something to count; 'normal' when there is nothing, or when absent */
  alert?: 'warning' | 'danger' | undefined;
  /** left off the home page when there is nothing to count */
  hideWhenNone?: boolean;
}

/**
 * the home page items of one ledger, counted in one scan; none when the caller may not read the ledger or has no organisation
 * @example
 * ledgerHomeItems(ctx, caseLedger, [
 *   { key: 'mediation.pending', label: '正在调解的纠纷', where: sql`outcome = '正在调解'`, filter: 'f.outcome=正在调解' },
 * ])
 */
export async function ledgerHomeItems(ctx: Ctx, ledger: LedgerDef, counts: readonly LedgerHomeCount[]): Promise<HomeItem[]> {
  if (!can(ctx, perm(ledger, 'read')) || ctx.scope.codes.length === 0) return [];
  const n = await countInScope(ctx, ledger, Object.fromEntries(counts.map((c, i) => [`n${i}`, c.where])));
  return counts
    .map((c, i) => ({ c, count: n[`n${i}`] ?? 0 }))
    .filter(({ c, count }) => count > 0 || !c.hideWhenNone)
    .map(({ c, count }) => ({ key: c.key, label: c.label, count, link: c.filter ? `/ledgers/${ledger.name}?${c.filter}` : `/ledgers/${ledger.name}`, tone: count > 0 && c.alert ? c.alert : 'normal' }));
}
