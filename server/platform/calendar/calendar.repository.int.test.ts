import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { connect, type DbHandle } from '../db/connect.ts';
import { addWorkingDays, CalendarError } from './calendar.ts';
import { calendarMigrations, CALENDAR_MIGRATION_NAME, down, up } from './calendar.migration.ts';
import { loadCalendar, replaceYear, seedCalendarIfEmpty } from './calendar.repository.ts';
import { calendarFromChineseDays, CHINESE_DAYS_SOURCE, chineseDaysRows, parseCalendarFile } from './holiday-data.ts';

let handle: DbHandle;

beforeAll(async () => {
  handle = await connect({ dataDir: 'memory://' });
  await up(handle.db);
});

afterAll(async () => {
  await handle.close();
});

describe('calendar repository', () => {
  it('exports the migration under its registered name', () => {
    expect(Object.keys(calendarMigrations)).toEqual(['20261122000200-calendar']);
    expect(CALENDAR_MIGRATION_NAME).toBe('20261122000200-calendar');
  });

  it('seeds chinese-days on first start and loads the same calendar back', async () => {
    const seeded = await seedCalendarIfEmpty(handle.db);
    expect(seeded[0]).toBe(2004);
    expect(seeded.at(-1)).toBe(2026);
    const loaded = await loadCalendar(handle.db);
    const direct = calendarFromChineseDays();
    expect(loaded.years).toEqual(direct.years);
    expect(loaded.holidays).toEqual(direct.holidays);
    expect(loaded.workdays).toEqual(direct.workdays);
    expect(addWorkingDays('2025-09-28', 20, loaded).due).toBe('2025-10-31');
  });

  it('does not seed again, nor overwrite a loaded year', async () => {
    await replaceYear(handle.db, 2026, [{ date: '2026-01-01', kind: 'holiday', name: '元旦', year: 2026 }], 'test', 'admin');
    expect(await seedCalendarIfEmpty(handle.db)).toEqual([]);
    expect((await loadCalendar(handle.db)).holidays.has('2026-10-01')).toBe(false);
    await replaceYear(handle.db, 2026, chineseDaysRows().filter((r) => r.year === 2026), CHINESE_DAYS_SOURCE, 'admin');
    expect((await loadCalendar(handle.db)).holidays.get('2026-10-01')).toBe('国庆节');
  });

  it('lets an administrator load a new year, after which deadlines may reach into it', async () => {
    const before = await loadCalendar(handle.db);
    expect(() => addWorkingDays('2026-12-04', 20, before)).toThrow(CalendarError);

    const file = parseCalendarFile('date,kind,name\n2027-01-01,休,元旦\n2027-01-02,休,元旦\n2027-01-03,休,元旦');
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    await replaceYear(handle.db, file.year, file.rows, 'upload', 'admin');

    const after = await loadCalendar(handle.db);
    // 12/7–11, 14–18, 21–25, 28–31 = 19; 1/1–3 off; 1/4 Mon = 20
    expect(addWorkingDays('2026-12-04', 20, after).due).toBe('2027-01-04');
    const year = await sql`select year, source, loaded_by from calendar_year where year = 2027`.execute(handle.db);
    expect(year.rows[0]).toMatchObject({ year: 2027, source: 'upload', loaded_by: 'admin' });
  });

  it('migrates down', async () => {
    await down(handle.db);
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name like 'calendar_%'`.execute(handle.db);
    expect(tables.rows[0]?.n).toBe(0);
  });
});
