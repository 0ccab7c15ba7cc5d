import { sql, type Kysely } from 'kysely';
import { auditMany } from '../../platform/audit/audit.service.ts';
import type { Database } from '../../platform/db/schema.ts';
import { systemActor } from '../../platform/http/context.ts';
import { topPenalty } from './enforcement.rules.ts';

/**
 * 顶格处罚 for decisions recorded before the derived field existed: each decided case whose `top_penalty` is still
 * empty gets what the decision step would have derived from its own recorded fine and benchmark range
 * (`topPenalty`), never anything else: a fine without a recorded range is not 顶格 within a benchmark, a decision
 * without a fine stays empty. The benchmark's current figures are not read (it may have changed since). Every record
 * filled is audited (`top_penalty_backfill`, with the figures it was derived from); run at every start, it finds
 * nothing once done.
 */
export async function backfillTopPenalty(db: Kysely<Database>, now = new Date()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ledger tables are declared at run time
    const rows = await (tx as Kysely<any>)
      .selectFrom('enforcement_case')
      .select(['id', 'org_code', 'decided_on', 'amount', 'benchmark_max', 'version'])
      .where('top_penalty', 'is', null)
      .where('decided_on', 'is not', null)
      .where(sql<boolean>`amount > 0`)
      .execute();
    const filled: { id: number; org: string; value: boolean; amount: unknown; max: unknown }[] = [];
    for (const r of rows) {
      const value = topPenalty({ decided_on: r.decided_on, amount: r.amount, benchmark_max: r.benchmark_max });
      if (value === null) continue;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
      await (tx as Kysely<any>).updateTable('enforcement_case').set({ top_penalty: value, version: Number(r.version) + 1 }).where('id', '=', r.id).where('top_penalty', 'is', null).execute();
      filled.push({ id: Number(r.id), org: String(r.org_code), value, amount: r.amount, max: r.benchmark_max });
    }
    await auditMany(
      { actor: systemActor, ip: 'startup', tx, now },
      filled.map((f) => ({
        entity: 'enforcement.case',
        entityId: f.id,
        action: 'top_penalty_backfill',
        orgCode: f.org,
        diff: { top_penalty: { from: null, to: f.value }, amount: f.amount === null ? null : String(f.amount), benchmark_max: f.max === null ? null : String(f.max), rule: '罚款金额等于作出决定时记录的裁量基准上限' },
      })),
    );
    return filled.length;
  });
}
