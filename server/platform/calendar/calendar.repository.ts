import { sql, type Kysely } from 'kysely';
import type { CalendarData } from './calendar.ts';
import { CHINESE_DAYS_SOURCE, calendarFromRows, chineseDaysRows, type CalendarRow, type CalendarRowKind } from './holiday-data.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- calendar tables are not in the typed schema (server/platform/db/schema.ts) yet
type AnyDb = Kysely<any>;

/** the whole calendar from the database; the known years are those recorded in calendar_year */
export async function loadCalendar(db: AnyDb): Promise<CalendarData> {
  // to_char: a `date` read through pg would become a local-time Date and could shift by a day
  const rows = await db
    .selectFrom('calendar_day')
    .select([sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'), 'kind', 'name', 'year'])
    .orderBy('date')
    .execute();
  const years = await db.selectFrom('calendar_year').select('year').execute();
  return calendarFromRows(
    rows.map((r) => ({ date: String(r.date), kind: r.kind as CalendarRowKind, name: String(r.name), year: Number(r.year) })),
    years.map((r) => Number(r.year)),
  );
}

/** replaces one notice year: deletes its rows, inserts the new ones and records who loaded it, in one transaction */
export async function replaceYear(db: AnyDb, year: number, rows: readonly CalendarRow[], source: string, actor: string): Promise<void> {
  const write = async (tx: AnyDb): Promise<void> => {
    await tx.deleteFrom('calendar_day').where('year', '=', year).execute();
    // a date loaded earlier under another notice year is superseded by this notice
    if (rows.length) await tx.deleteFrom('calendar_day').where('date', 'in', rows.map((r) => r.date)).execute();
    if (rows.length) {
      await tx
        .insertInto('calendar_day')
        .values(rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, year, source })))
        .execute();
    }
    await tx
      .insertInto('calendar_year')
      .values({ year, source, loaded_by: actor, loaded_at: sql`now()` })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source, loaded_by: actor, loaded_at: sql`now()` }))
      .execute();
  };
  await inTransaction(db, write);
}

/**
 * loads every chinese-days year the calendar does not have yet: all of them on first start, and new ones after a
 * package upgrade; a year already loaded (perhaps by an administrator) is never overwritten
 */
export async function seedCalendarIfEmpty(db: AnyDb): Promise<number[]> {
  return inTransaction(db, async (tx) => {
    // several servers may start at once: one seeds, the others then find the years loaded
    await sql`select pg_advisory_xact_lock(hashtext('fazhi.calendar_seed'))`.execute(tx);
    const loaded = new Set((await tx.selectFrom('calendar_year').select('year').execute()).map((r) => Number(r.year)));
    const byYear = new Map<number, CalendarRow[]>();
    for (const row of chineseDaysRows()) {
      if (!loaded.has(row.year)) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
    }
    const years = [...byYear.keys()].sort((a, b) => a - b);
    for (const year of years) await replaceYear(tx, year, byYear.get(year) ?? [], CHINESE_DAYS_SOURCE, 'system');
    return years;
  });
}

function inTransaction<T>(db: AnyDb, fn: (tx: AnyDb) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
