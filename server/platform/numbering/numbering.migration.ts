import { sql, type Kysely, type Migration } from 'kysely';

export const NUMBERING_MIGRATION_NAME = '20261122000500-numbering';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // one counter per series (a kind of document), organisation and year: the last number given out
  await db.schema
    .createTable('number_sequence')
    .addColumn('series', 'varchar(80)', (c) => c.notNull())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('number_sequence_pk', ['org_code', 'series', 'year'])
    .addCheckConstraint('number_sequence_positive', sql`last_no >= 0`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('number_sequence').ifExists().execute();
}

/** `{ '20261122000500-numbering': { up, down } }`, ready to spread into the migration set */
export const numberingMigrations: Record<string, Migration> = { [NUMBERING_MIGRATION_NAME]: { up, down } };
