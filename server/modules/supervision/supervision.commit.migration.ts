import type { Kysely } from 'kysely';

/**
 * commit-reveal for the module's two draws (issue #19): a review's draw row is written at the commitment (seed, its
 * hash, the time) and completed at the draw (list, hash, result); an activity's draw gets its own table
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // null for the draws made before commitments existed
  await db.schema.alterTable('supervision_review_draw').addColumn('committed_at', 'timestamptz').execute();
  for (const c of ['list_text', 'list_hash', 'candidates', 'sheet_version', 'drawn_at']) await db.schema.alterTable('supervision_review_draw').alterColumn(c, (a) => a.dropNotNull()).execute();
  await db.schema
    .createTable('supervision_activity_draw')
    .addColumn('activity_id', 'integer', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    .addColumn('seed_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('committed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('unit_count', 'integer')
    .addColumn('list_text', 'text')
    .addColumn('list_hash', 'varchar(64)')
    .addColumn('candidates', 'integer')
    // the drawn codes in draw order, one a line
    .addColumn('result', 'text')
    .addColumn('drawn_at', 'timestamptz')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supervision_activity_draw').execute();
  await db.schema.alterTable('supervision_review_draw').dropColumn('committed_at').execute();
}
