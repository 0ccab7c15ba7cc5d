import { sql, type Kysely } from 'kysely';
import { DEFAULT_LAYOUT } from './stats.layout.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // the province's 行政执法统计年报 table layouts: versioned, never edited in place
  await db.schema
    .createTable('enforcement_stats_layout')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'varchar(60)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'varchar(64)')
    .execute();
  await db
    .insertInto('enforcement_stats_layout')
    .values({ version: 1, title: DEFAULT_LAYOUT.title, note: '平台内置布局：六类执法行为（许可、处罚、强制、征收、征用、检查）及检查频次', content: JSON.stringify(DEFAULT_LAYOUT) })
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('enforcement_stats_layout').ifExists().execute();
}
