import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // 文号: one counter per organisation, year and document kind
  await db.schema
    .createTable('enforcement_doc_counter')
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('enforcement_doc_counter_pk', ['org_code', 'year', 'kind'])
    .execute();
  // a document keeps the number it was given the first time
  await db.schema
    .createTable('enforcement_document')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('doc_no', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addUniqueConstraint('enforcement_document_case_kind', ['case_id', 'kind'])
    .execute();
  // 双随机: the draw, its seed and frozen inputs, published
  await db.schema
    .createTable('enforcement_draw')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('seed', 'varchar(100)', (c) => c.notNull())
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .addColumn('per_target', 'integer', (c) => c.notNull())
    .addColumn('max_per_inspector', 'integer', (c) => c.notNull())
    .addColumn('targets', 'jsonb', (c) => c.notNull())
    .addColumn('inspectors', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('matter_id', 'integer', (c) => c.notNull())
    .addColumn('drawn_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enforcement_draw_org_idx').on('enforcement_draw').columns(['org_code', 'drawn_on']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['enforcement_draw', 'enforcement_document', 'enforcement_doc_counter']) await db.schema.dropTable(t).ifExists().execute();
}
