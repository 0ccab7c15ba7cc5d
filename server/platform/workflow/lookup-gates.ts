import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Ctx } from '../http/context.ts';
import type { GateMiss } from './workflow.engine.ts';
import type { TransitionDef } from './workflow.types.ts';

/**
 * A gate that reads other tables to judge what a step records: the officers named on a case must be the
 * certified officers of the organisation's registry. Checks are synchronous elsewhere (declared checks, record rules);
 * a lookup gets the transaction, the values as they would be after the step, and the record's organisation.
 */
export interface LookupGate {
  /** unique within the transition */
  id: string;
  /** the gate applies only when this holds */
  when?: (values: Readonly<Record<string, unknown>>) => boolean;
  /** the refusals, each naming its field (none: the gate passes) */
  check(db: Kysely<Database>, values: Readonly<Record<string, unknown>>, record: { id: number; orgCode: string }): Promise<GateMiss[]>;
}

/** the misses of a transition's lookup gates on the values it would record */
export async function lookupMisses(ctx: Ctx, t: TransitionDef, record: { id: number; orgCode: string }, values: Readonly<Record<string, unknown>>): Promise<GateMiss[]> {
  const out: GateMiss[] = [];
  for (const g of t.gates?.lookups ?? []) {
    if (g.when && !g.when(values)) continue;
    out.push(...(await g.check(ctx.tx as unknown as Kysely<Database>, values, record)));
  }
  return out;
}
