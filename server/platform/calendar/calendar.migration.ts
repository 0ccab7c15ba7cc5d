import { sql, type Kysely, type Migration } from 'kysely';

/** register with the migrator under this name */
export const CALENDAR_MIGRATION_NAME = '20261122000200-calendar';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_day')
    .addColumn('date', 'date', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('calendar_day_kind_check', sql`kind in ('holiday', 'workday')`)
    .execute();
  await db.schema.createIndex('calendar_day_year_idx').on('calendar_day').column('year').execute();

  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'varchar(40)')
    .addColumn('loaded_at', 'timestamptz', (c) => c.defaultTo(sql`now()`))
    .addColumn('loaded_by', 'varchar(64)')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_year').ifExists().execute();
  await db.schema.dropTable('calendar_day').ifExists().execute();
}

/** `{ '20261122000200-calendar': { up, down } }`, ready to spread into the migration set */
export const calendarMigrations: Record<string, Migration> = { [CALENDAR_MIGRATION_NAME]: { up, down } };
