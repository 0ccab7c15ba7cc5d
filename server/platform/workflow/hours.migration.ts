import { sql, type Kysely, type Migration } from 'kysely';

export const HOURS_MIGRATION_NAME = '20261205000100-clock-hours';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // an hours clock (an urgent 12345 ticket: signed within 1 hour) is due at a moment, not on a day; `due` keeps its Beijing day
  await db.schema.alterTable('workflow_clock').addColumn('due_at', 'timestamptz').execute();
  await sql`comment on column workflow_clock.due_at is 'hours clocks: the due instant; null for day clocks'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workflow_clock').dropColumn('due_at').execute();
}

export const hoursMigrations: Record<string, Migration> = { [HOURS_MIGRATION_NAME]: { up, down } };
