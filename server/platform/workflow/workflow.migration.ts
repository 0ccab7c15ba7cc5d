import { sql, type Kysely, type Migration } from 'kysely';
import { hoursMigrations } from './hours.migration.ts';
import { reportRemindersMigrations } from '../reports/report-reminders.migration.ts';
import { notifyMigrations } from './notify.migration.ts';

export const WORKFLOW_MIGRATION_NAME = '20261122000400-workflow';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // every transition of every record: the timeline, append-only
  await db.schema
    .createTable('workflow_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('ledger', 'varchar(80)', (c) => c.notNull())
    .addColumn('record_id', 'bigint', (c) => c.notNull())
    .addColumn('transition', 'varchar(60)', (c) => c.notNull())
    .addColumn('label', 'varchar(60)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(40)')
    .addColumn('to_state', 'varchar(40)')
    /** the day it took effect (may be earlier than `at` when recorded afterwards) */
    .addColumn('on_date', 'date', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('actor_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('workflow_event_record_idx').on('workflow_event').columns(['org_code', 'ledger', 'record_id', 'id']).execute();
  // a record's timeline is read by ledger and id (a record moved to another organisation keeps its history)
  await db.schema.createIndex('workflow_event_ledger_idx').on('workflow_event').columns(['ledger', 'record_id', 'id']).execute();

  // one row per started clock: its events (the truth) and the last computation (what lists and reminders read)
  await db.schema
    .createTable('workflow_clock')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('ledger', 'varchar(80)', (c) => c.notNull())
    .addColumn('record_id', 'bigint', (c) => c.notNull())
    .addColumn('clock_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('label', 'varchar(60)', (c) => c.notNull())
    .addColumn('events', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('due', 'date')
    .addColumn('unit', 'varchar(10)', (c) => c.notNull())
    .addColumn('total_days', 'integer', (c) => c.notNull())
    .addColumn('days_left', 'integer')
    .addColumn('extended', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('due_soon', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('overdue', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('explanation', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    /** why it cannot be computed (a calendar year is missing), null when it can */
    .addColumn('error', 'text')
    .addColumn('computed_on', 'date')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('workflow_clock_status_check', sql`status in ('pending', 'running', 'paused', 'stopped', 'error')`)
    .execute();
  await db.schema.createIndex('workflow_clock_record_uniq').on('workflow_clock').columns(['org_code', 'ledger', 'record_id', 'clock_id']).unique().execute();
  await db.schema.createIndex('workflow_clock_due_idx').on('workflow_clock').columns(['org_code', 'status', 'due']).execute();
  await db.schema.createIndex('workflow_clock_ledger_idx').on('workflow_clock').columns(['ledger', 'record_id']).execute();
  // the daily scan walks the open clocks of each ledger
  await db.schema.createIndex('workflow_clock_open_idx').on('workflow_clock').columns(['ledger', 'status', 'id']).execute();

  // in-app reminders; the unique index is the second guard (after the advisory lock) against sending one twice
  await db.schema
    .createTable('notification')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('ledger', 'varchar(80)', (c) => c.notNull())
    .addColumn('record_id', 'bigint', (c) => c.notNull())
    .addColumn('clock_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('due', 'date', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addCheckConstraint('notification_kind_check', sql`kind in ('due_soon', 'overdue')`)
    .execute();
  await db.schema.createIndex('notification_once_uniq').on('notification').columns(['user_id', 'ledger', 'record_id', 'clock_id', 'kind', 'due']).unique().execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'read_at', 'id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification').ifExists().execute();
  await db.schema.dropTable('workflow_clock').ifExists().execute();
  await db.schema.dropTable('workflow_event').ifExists().execute();
}

export const workflowMigrations: Record<string, Migration> = { [WORKFLOW_MIGRATION_NAME]: { up, down }, ...notifyMigrations, ...hoursMigrations, ...reportRemindersMigrations };
