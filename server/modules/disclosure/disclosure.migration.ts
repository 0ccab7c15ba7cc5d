import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_report')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull().references('org.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('draft'))
    .addColumn('narrative', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('manual', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('snapshot', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('finalised_at', 'timestamptz')
    .addColumn('finalised_by', 'varchar(64)')
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'varchar(64)')
    .addUniqueConstraint('disclosure_report_uniq', ['org_code', 'year'])
    .execute();
  // 文号 of reply letters: one sequence per organisation, year and kind
  await db.schema
    .createTable('disclosure_doc_counter')
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull().references('org.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_doc_counter_pk', ['org_code', 'year', 'kind'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_doc_counter').execute();
  await db.schema.dropTable('disclosure_report').execute();
}
