import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadFieldOptions } from './field-options.ts';
import type { Ctx } from '../http/context.ts';
import type { Platform } from '../module.ts';
import { countedRefusals } from './counted-fields.ts';
import { insertMany } from './ledger.service.ts';
import { checkRules, validateRecord } from './ledger.validate.ts';

/**
 * inserts demo (or reference) records through the same validation as the API, so seeded data is
 * data a user could have entered; returns the new ids in input order
 */
export async function seedLedger(ctx: Ctx, platform: Platform, ledger: string, rows: Array<{ orgCode: string; values: Record<string, unknown> }>): Promise<number[]> {
  const l = platform.ledgers.get(ledger);
  if (!l) throw new Error(`unknown ledger ${ledger}`);
  await loadFieldOptions(ctx.tx as unknown as Kysely<Database>, l);
  const items = rows.map((r, i) => {
    // a seeded record carries no figure the system counts, as a typed one would not
    const typed = countedRefusals(l, r.values, null);
    if (typed.length) throw new Error(`${ledger} seed row ${i}: ${typed.map((e) => e.message).join('; ')}`);
    const { values, errors } = validateRecord(l, r.values);
    const all = [...errors, ...(errors.length ? [] : checkRules(l, values))];
    if (all.length) throw new Error(`${ledger} seed row ${i}: ${all.map((e) => e.message).join('; ')}`);
    return { row: i + 1, values, orgCode: r.orgCode };
  });
  const { ids, errors } = await insertMany(ctx, l, items, platform.ledgers, 'demo_seed');
  if (errors.length) throw new Error(`${ledger} seed: ${errors.slice(0, 3).map((e) => `${e.row} ${e.column} ${e.message}`).join('; ')}`);
  return ids;
}
