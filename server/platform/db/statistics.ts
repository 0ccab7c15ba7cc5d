import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * refreshes the planner's statistics. PostgreSQL's autovacuum does this by itself; the embedded PGlite has no
 * autovacuum, and without statistics its planner guesses one row per table and picks nested loops and sorts
 * that make the indicator scans several times slower. so the platform runs it after bulk writes (an import,
 * the demo seed) and with the daily scan. `tables` limits it to those tables.
 */
export async function refreshStatistics(db: Kysely<Database>, tables: readonly string[] = []): Promise<void> {
  const names = tables.filter((t) => /^[a-z_][a-z0-9_]*$/.test(t));
  await sql.raw(names.length ? `analyze ${names.join(', ')}` : 'analyze').execute(db);
}
