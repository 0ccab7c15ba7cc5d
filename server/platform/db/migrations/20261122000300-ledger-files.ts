import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ledger_schema')
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('ledger', 'varchar(80)', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull().references('org.code'))
    .addColumn('owner', 'varchar(80)', (c) => c.notNull())
    .addColumn('owner_id', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull().defaultTo('附件'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_owner_idx').on('attachment').columns(['org_code', 'owner', 'owner_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment').ifExists().execute();
  await db.schema.dropTable('ledger_schema').ifExists().execute();
}
