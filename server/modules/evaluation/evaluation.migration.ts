import { sql, type Kysely } from 'kysely';
import { DEFAULT_SYSTEMS, systemTotal } from './evaluation.system.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // indicator systems: each version a row, never edited; a round keeps the id of the version it was opened on
  await db.schema
    .createTable('evaluation_system')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(80)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('items', 'jsonb', (c) => c.notNull())
    .addColumn('total', sql`numeric(7,1)`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer')
    .addUniqueConstraint('evaluation_system_uq', ['key', 'version'])
    .execute();
  for (const s of DEFAULT_SYSTEMS) {
    const items = s.items.map((i) => ({ ...i, parent: i.parent ?? null }));
    await db.insertInto('evaluation_system').values({ key: s.key, version: 1, title: s.title, note: s.note, items: JSON.stringify(items), total: systemTotal(items) }).execute();
  }
  // every score of a leaf for a unit in a round is a new row (seq 1, 2, …): the current one is the last; the earlier
  // ones are the history the score cell shows; a score after the round closed is a correction with its reason
  await db.schema
    .createTable('evaluation_score')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('round_id', 'integer', (c) => c.notNull())
    .addColumn('org_code', 'varchar(20)', (c) => c.notNull())
    .addColumn('code', 'varchar(12)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('points', sql`numeric(7,1)`, (c) => c.notNull())
    .addColumn('value', sql`numeric(14,2)`)
    .addColumn('value_text', 'varchar(40)')
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('source_note', 'varchar(200)')
    .addColumn('link', 'varchar(1000)')
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('reason', 'varchar(1000)')
    .addColumn('correction', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('scored_by', 'integer')
    .addColumn('scored_by_name', 'varchar(40)')
    .addColumn('scored_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('evaluation_score_uq', ['round_id', 'org_code', 'code', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['evaluation_score', 'evaluation_system']) await db.schema.dropTable(t).execute();
}
