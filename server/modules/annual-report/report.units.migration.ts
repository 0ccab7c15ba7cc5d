import type { Kysely } from 'kysely';

/** a county's submitted report keeps where each unit's figures came from (its submitted report, live records, none) */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_version').addColumn('units', 'jsonb').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_version').dropColumn('units').execute();
}
