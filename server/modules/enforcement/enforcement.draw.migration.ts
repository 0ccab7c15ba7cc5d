import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // 双随机 commit-reveal: a draw is an attempt that goes committed → frozen → drawn, or is cancelled with a reason
  await db.schema
    .alterTable('enforcement_draw')
    .addColumn('status', 'varchar(12)', (c) => c.notNull().defaultTo('drawn'))
    .addColumn('domain', 'varchar(20)')
    .addColumn('seed_hash', 'varchar(64)')
    .addColumn('list_hash', 'varchar(64)')
    .addColumn('committed_at', 'timestamptz')
    .addColumn('frozen_at', 'timestamptz')
    .addColumn('drawn_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'varchar(500)')
    .addColumn('legacy', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // draws made before this change took a seed the operator could choose and committed nothing in advance
  await sql`update enforcement_draw set legacy = true, drawn_at = created_at`.execute(db);
  for (const col of ['targets', 'inspectors', 'result', 'drawn_on']) await db.schema.alterTable('enforcement_draw').alterColumn(col, (c) => c.dropNotNull()).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from enforcement_draw where status <> 'drawn'`.execute(db);
  for (const col of ['status', 'domain', 'seed_hash', 'list_hash', 'committed_at', 'frozen_at', 'drawn_at', 'cancelled_at', 'cancel_reason', 'legacy']) await db.schema.alterTable('enforcement_draw').dropColumn(col).execute();
}
