import { sql, type Kysely, type Migration } from 'kysely';

export const INDICATOR_MIGRATION_NAME = '20261203000100-indicator-tally';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // signed contributions per indicator, organisation, calendar year (0: rosters counted whatever their date) and
  // breakdown value; `delta` rows are the ones the triggers added since the last compaction (decision 0006)
  await db.schema
    .createTable('indicator_tally')
    .addColumn('ledger', 'varchar(80)', (c) => c.notNull())
    .addColumn('ind', 'varchar(120)', (c) => c.notNull())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('y', 'integer', (c) => c.notNull())
    .addColumn('k', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('s', 'numeric', (c) => c.notNull())
    .addColumn('delta', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema.createIndex('indicator_tally_org_idx').on('indicator_tally').columns(['org_code', 'ind', 'y']).execute();
  await db.schema.createIndex('indicator_tally_ledger_idx').on('indicator_tally').columns(['ledger']).execute();
  await sql`create index indicator_tally_delta_idx on indicator_tally (ledger, ind, org_code, y, k) where delta`.execute(db);
  // the declaration each indicator's tally was built from
  await db.schema
    .createTable('indicator_tally_spec')
    .addColumn('ind', 'varchar(120)', (c) => c.primaryKey())
    .addColumn('ledger', 'varchar(80)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('built_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_tally_spec').ifExists().execute();
  await db.schema.dropTable('indicator_tally').ifExists().execute();
}

export const indicatorMigrations: Record<string, Migration> = { [INDICATOR_MIGRATION_NAME]: { up, down } };
