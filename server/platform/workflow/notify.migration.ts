import { sql, type Kysely, type Migration } from 'kysely';

export const NOTIFY_MIGRATION_NAME = '20261204000500-notification-handoff';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // hand-offs (your turn) and returns (sent back to you) besides the clocks' reminders; they name no due date
  await sql`alter table notification drop constraint notification_kind_check`.execute(db);
  await db.schema.alterTable('notification').addCheckConstraint('notification_kind_check', sql`kind in ('due_soon', 'overdue', 'handoff', 'returned')`).execute();
  await db.schema.alterTable('notification').alterColumn('due', (c) => c.dropNotNull()).execute();
  // the outgoing hook (e-mail/SMS gateway): each new notification is posted once by the delivery worker;
  // notifications made before the hook existed are not sent
  await db.schema.alterTable('notification').addColumn('delivery', 'varchar(12)', (c) => c.notNull().defaultTo('skipped')).execute();
  await db.schema.alterTable('notification').alterColumn('delivery', (c) => c.setDefault('pending')).execute();
  await db.schema.alterTable('notification').addCheckConstraint('notification_delivery_check', sql`delivery in ('pending', 'delivered', 'failed', 'skipped')`).execute();
  await db.schema.alterTable('notification').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('notification').addColumn('next_attempt_at', 'timestamptz').execute();
  await db.schema.alterTable('notification').addColumn('delivered_at', 'timestamptz').execute();
  await db.schema.alterTable('notification').addColumn('last_error', 'varchar(300)').execute();
  await sql`create index notification_delivery_idx on notification (next_attempt_at, id) where delivery = 'pending'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notification_delivery_idx').ifExists().execute();
  await db.schema.alterTable('notification').dropConstraint('notification_delivery_check').execute();
  for (const c of ['last_error', 'delivered_at', 'next_attempt_at', 'attempts', 'delivery']) await db.schema.alterTable('notification').dropColumn(c).execute();
  await db.deleteFrom('notification').where('kind', 'in', ['handoff', 'returned']).execute();
  await db.schema.alterTable('notification').alterColumn('due', (c) => c.setNotNull()).execute();
  await sql`alter table notification drop constraint notification_kind_check`.execute(db);
  await db.schema.alterTable('notification').addCheckConstraint('notification_kind_check', sql`kind in ('due_soon', 'overdue')`).execute();
}

export const notifyMigrations: Record<string, Migration> = { [NOTIFY_MIGRATION_NAME]: { up, down } };
