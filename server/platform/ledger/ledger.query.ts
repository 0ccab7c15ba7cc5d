import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Ctx } from '../http/context.ts';
import type { LedgerDef } from './ledger.types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time, not in the typed schema
export type LedgerDb = Kysely<any>;

/** the context's transaction, for queries on ledger tables */
export const ledgerDb = (ctx: Pick<Ctx, 'tx'>): LedgerDb => ctx.tx as unknown as LedgerDb;

/** a query over a ledger's active (not withdrawn) records in the caller's organisations; the scope must not be empty */
export function activeInScope(ctx: Ctx, ledger: LedgerDef) {
  return ledgerDb(ctx).selectFrom(ledger.table).where('org_code', 'in', ctx.scope.codes).where('status', '=', 'active');
}

/**
 * counts a ledger's active records in the caller's organisations, once for each named condition, in one scan;
 * all zero when the caller has no organisation
 * @example
 * const n = await countInScope(ctx, caseLedger, { pending: sql`outcome = '正在调解'`, late: sql`outcome = '正在调解' and received_on < ${today}::date - 30` });
 * n.late // a number
 */
export async function countInScope<K extends string>(ctx: Ctx, ledger: LedgerDef, conditions: Record<K, RawBuilder<unknown>>): Promise<Record<K, number>> {
  const keys = Object.keys(conditions) as K[];
  if (ctx.scope.codes.length === 0) return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const row = await activeInScope(ctx, ledger)
    .select(keys.map((k) => sql<number>`count(*) filter (where ${conditions[k]})`.as(k)))
    .executeTakeFirstOrThrow();
  return Object.fromEntries(keys.map((k) => [k, Number(row[k])])) as Record<K, number>;
}
