import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // one row per submission a signed-in user sent with an Idempotency-Key: claimed while it runs, then the answer
  // it got, replayed to a retry of the same submission (docs/decisions/0038-idempotent-submissions-and-drafts.md)
  await db.schema
    .createTable('idempotency_key')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('key', 'varchar(128)', (c) => c.notNull())
    /** SM3 of method, URL and body: the same key sent with another request is refused */
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    /** null while the first request still runs */
    .addColumn('status', 'integer')
    .addColumn('content_type', 'varchar(200)')
    .addColumn('body', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // the constraint decides between concurrent duplicates, on one server or many
    .addUniqueConstraint('idempotency_key_user_key_unique', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_key_expires_idx').on('idempotency_key').column('expires_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_key').ifExists().execute();
}
