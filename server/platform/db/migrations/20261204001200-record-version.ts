import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // the versions a correction or revocation replaced: the stored values (personal data still encrypted), append-only
  await db.schema
    .createTable('record_version')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('ledger', 'varchar(80)', (c) => c.notNull())
    .addColumn('record_id', 'bigint', (c) => c.notNull())
    /** the record's version number while these values held */
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(40)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('values', 'jsonb', (c) => c.notNull())
    /** who last wrote the replaced version, and when */
    .addColumn('written_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('written_at', 'timestamptz', (c) => c.notNull())
    /** what replaced it: a correction or a revocation, why, by whom, when */
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('record_version_kind_check', sql`kind in ('correct', 'revoke')`)
    .execute();
  await db.schema.createIndex('record_version_record_idx').on('record_version').columns(['org_code', 'ledger', 'record_id', 'id']).execute();
  await db.schema.createIndex('record_version_ledger_idx').on('record_version').columns(['ledger', 'record_id', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_version').ifExists().execute();
}
