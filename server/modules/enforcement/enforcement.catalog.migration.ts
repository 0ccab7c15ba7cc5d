import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // 三张清单: a published version freezes the organisation's valid matters as they stood that day
  await db.schema
    .createTable('enforcement_catalog_version')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('label', 'varchar(40)', (c) => c.notNull())
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addUniqueConstraint('enforcement_catalog_version_label', ['org_code', 'label'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('enforcement_catalog_version').ifExists().execute();
}
