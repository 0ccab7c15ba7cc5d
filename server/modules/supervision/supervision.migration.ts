import { sql, type Kysely } from 'kysely';
import { DEFAULT_SHEET, sheetTotal } from './supervision.sheet.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // 案卷评查 scoring sheets: versioned, never edited in place
  await db.schema
    .createTable('supervision_sheet')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'varchar(80)', (c) => c.notNull())
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('thresholds', 'jsonb', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer')
    .execute();
  await db.insertInto('supervision_sheet').values({ version: 1, title: DEFAULT_SHEET.title, items: JSON.stringify(DEFAULT_SHEET.items), thresholds: JSON.stringify(DEFAULT_SHEET.thresholds), total: sheetTotal(DEFAULT_SHEET.items) }).execute();
  // a plan's draw: the system's seed, the frozen candidate list and its hash, the sheet version scored on
  await db.schema
    .createTable('supervision_review_draw')
    .addColumn('review_id', 'integer', (c) => c.primaryKey())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    .addColumn('seed_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('list_text', 'text', (c) => c.notNull())
    .addColumn('list_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('candidates', 'integer', (c) => c.notNull())
    .addColumn('sheet_version', 'integer', (c) => c.notNull().references('supervision_sheet.version'))
    .addColumn('drawn_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // the drawn files, one row each, scored by a supervisor
  await db.schema
    .createTable('supervision_review_case')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('review_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('case_org', 'varchar(20)', (c) => c.notNull())
    .addColumn('case_no', 'varchar(60)', (c) => c.notNull())
    .addColumn('summary', 'varchar(200)', (c) => c.notNull())
    .addColumn('closed_on', 'date')
    .addColumn('lines', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('vetoes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('total', sql`numeric(6,1)`)
    .addColumn('grade', 'varchar(6)')
    .addColumn('comment', 'varchar(1000)')
    .addColumn('scored_by', 'integer')
    .addColumn('scored_by_name', 'varchar(40)')
    .addColumn('scored_at', 'timestamptz')
    .addUniqueConstraint('supervision_review_case_uq', ['review_id', 'case_id'])
    .execute();
  await db.schema.createIndex('supervision_review_case_review').on('supervision_review_case').columns(['review_id', 'position']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['supervision_review_case', 'supervision_review_draw', 'supervision_sheet']) await db.schema.dropTable(t).execute();
}
