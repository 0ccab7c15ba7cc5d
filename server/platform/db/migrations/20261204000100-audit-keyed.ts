import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // entries written so far keep the unkeyed rule they were written under; every later entry is keyed
  await db.schema.alterTable('audit_log').addColumn('alg', 'varchar(16)', (c) => c.notNull().defaultTo('sm3')).execute();
  await db.schema.alterTable('audit_log').alterColumn('alg', (c) => c.dropDefault()).execute();
  // no foreign key to audit_log: a checkpoint must outlive the entries someone deletes
  await db.schema
    .createTable('audit_checkpoint')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_id', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('mac', 'varchar(64)', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoint').ifExists().execute();
  await db.schema.alterTable('audit_log').dropColumn('alg').execute();
}
