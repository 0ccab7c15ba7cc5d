import type { Kysely } from 'kysely';
import { compactTally } from '../indicators/indicator.tally.ts';
import type { Database } from './schema.ts';
import { refreshStatistics } from './statistics.ts';

/**
 * what follows a bulk write (an import, the demo seed, the daily scan): the planner's statistics refreshed (the
 * embedded database has no autovacuum) and the indicator tally's signed rows merged into one per figure
 */
export async function afterBulkWrite(db: Kysely<Database>, tables: readonly string[] = []): Promise<void> {
  await refreshStatistics(db, tables);
  await compactTally(db);
}
