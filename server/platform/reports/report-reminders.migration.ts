import { sql, type Kysely, type Migration } from 'kysely';

export const REPORT_REMINDERS_MIGRATION_NAME = '20261205002000-report-reminders';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // a reminder that no longer applies (the report it asked for came) leaves the list; the row stays as the record
  await db.schema.alterTable('notification').addColumn('resolved_at', 'timestamptz').execute();
  await sql`alter table notification drop constraint notification_kind_check`.execute(db);
  await db.schema.alterTable('notification').addCheckConstraint('notification_kind_check', sql`kind in ('due_soon', 'overdue', 'handoff', 'returned', 'urge')`).execute();
  // 催报: the county asked a unit for its late report
  await db.schema
    .createTable('report_urge')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull().references('org.code'))
    .addColumn('report', 'varchar(40)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('urged_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('urged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('report_urge_org_idx').on('report_urge').columns(['org_code', 'report', 'year', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_urge').ifExists().execute();
  await db.deleteFrom('notification').where('kind', '=', 'urge').execute();
  await sql`alter table notification drop constraint notification_kind_check`.execute(db);
  await db.schema.alterTable('notification').addCheckConstraint('notification_kind_check', sql`kind in ('due_soon', 'overdue', 'handoff', 'returned')`).execute();
  await db.schema.alterTable('notification').dropColumn('resolved_at').execute();
}

export const reportRemindersMigrations: Record<string, Migration> = { [REPORT_REMINDERS_MIGRATION_NAME]: { up, down } };
