import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  CalendarError,
  describeDay,
  isWorkingDay,
  workingDaysBetween,
  type DayUnit,
} from './calendar.ts';
import { calendarFromChineseDays } from './holiday-data.ts';

const cal = calendarFromChineseDays();

interface Case {
  name: string;
  from: string;
  days: number;
  unit: DayUnit;
  due: string;
  roll?: false;
}

// each due date counted by hand against the State Council notices (国办发明电):
// 2024: 元旦 1/1; 春节 2/10–17 (班 2/4 Sun, 2/18 Sun); 清明 4/4–6 (班 4/7 Sun); 劳动节 5/1–5 (班 4/28 Sun, 5/11 Sat);
//       端午 6/10; 中秋 9/15–17 (班 9/14 Sat); 国庆 10/1–7 (班 9/29 Sun, 10/12 Sat)
// 2025: 元旦 1/1; 春节 1/28–2/4 (班 1/26 Sun, 2/8 Sat); 清明 4/4–6; 劳动节 5/1–5 (班 4/27 Sun); 端午 5/31–6/2;
//       国庆·中秋 10/1–8 (班 9/28 Sun, 10/11 Sat)
// 2026: 元旦 1/1–3 (班 1/4 Sun); 春节 2/15–23 (班 2/14 Sat, 2/28 Sat); 清明 4/4–6; 劳动节 5/1–5 (班 5/9 Sat);
//       端午 6/19–21; 中秋 9/25–27; 国庆 10/1–7 (班 9/20 Sun, 10/10 Sat)
const cases: Case[] = [
  // 2026, working days
  // 10/1–7 off; 10/8 Thu 1, 10/9 2, 10/10 Sat 班 3, 10/12–16 4–8, 10/19–23 9–13, 10/26–30 14–18, 11/2 19, 11/3 20
  { name: 'National Day 2026, 20 working days', from: '2026-09-30', days: 20, unit: 'working', due: '2026-11-03' },
  // 9/19 Sat off, 9/20 Sun 班 1, 9/21–24 2–5, 9/25–27 中秋 off, 9/28 6, 9/29 7
  { name: 'from a Friday over a Sunday make-up day and Mid-autumn 2026', from: '2026-09-18', days: 7, unit: 'working', due: '2026-09-29' },
  { name: '1 working day landing on the Saturday make-up day 2026-02-14', from: '2026-02-13', days: 1, unit: 'working', due: '2026-02-14' },
  // 2/13 1, 2/14 Sat 班 2, 2/15–23 off, 2/24 3, 2/25 4, 2/26 5
  { name: 'Spring Festival 2026, 5 working days', from: '2026-02-12', days: 5, unit: 'working', due: '2026-02-26' },
  // 2/11–13 1–3, 2/14 班 4, 2/24–27 5–8, 2/28 Sat 班 9, 3/2–6 10–14, 3/9–13 15–19, 3/16 20
  { name: 'Spring Festival 2026, 20 working days with both make-up Saturdays', from: '2026-02-10', days: 20, unit: 'working', due: '2026-03-16' },
  { name: 'from a Spring Festival holiday, 1 working day', from: '2026-02-16', days: 1, unit: 'working', due: '2026-02-24' },
  { name: 'from a Spring Festival holiday, 3 working days', from: '2026-02-16', days: 3, unit: 'working', due: '2026-02-26' },
  // 2026-01-01–03 off, 1/4 Sun 班 1
  { name: 'over New Year 2026 onto the Sunday make-up day', from: '2025-12-31', days: 1, unit: 'working', due: '2026-01-04' },
  { name: 'over New Year 2026, 5 working days', from: '2025-12-31', days: 5, unit: 'working', due: '2026-01-08' },
  // 1/4 1, 1/5–9 2–6, 1/12–16 7–11, 1/19–22 12–15
  { name: 'over New Year 2026, 15 working days', from: '2025-12-31', days: 15, unit: 'working', due: '2026-01-22' },
  // 1/2–3 off, 1/4 班 1, 1/5–9 2–6, 1/12–16 7–11, 1/19–23 12–16, 1/26–29 17–20
  { name: 'from New Year’s Day 2026, 20 working days', from: '2026-01-01', days: 20, unit: 'working', due: '2026-01-29' },
  { name: 'from a Friday before Qingming 2026', from: '2026-04-03', days: 1, unit: 'working', due: '2026-04-07' },
  // 5/1–5 off, 5/6–8 1–3, 5/9 Sat 班 4, 5/10 Sun off, 5/11 5
  { name: 'Labour Day 2026 with its Saturday make-up day', from: '2026-04-30', days: 5, unit: 'working', due: '2026-05-11' },
  { name: 'Dragon Boat 2026, 1 working day', from: '2026-06-18', days: 1, unit: 'working', due: '2026-06-22' },
  { name: 'Dragon Boat 2026, 7 working days', from: '2026-06-15', days: 7, unit: 'working', due: '2026-06-25' },
  { name: 'Mid-autumn 2026, 1 working day', from: '2026-09-24', days: 1, unit: 'working', due: '2026-09-28' },
  { name: 'from a Friday onto the Saturday make-up day 2026-10-10', from: '2026-10-09', days: 1, unit: 'working', due: '2026-10-10' },
  { name: 'National Day 2026 from the Monday before', from: '2026-09-28', days: 20, unit: 'working', due: '2026-10-30' },
  { name: 'December 2026 without holidays', from: '2026-12-01', days: 20, unit: 'working', due: '2026-12-29' },
  { name: 'ending exactly on the last day the calendar knows', from: '2026-12-03', days: 20, unit: 'working', due: '2026-12-31' },

  // 2025, working days
  // domain.md: 9/29–30 1–2, 10/1–8 off, 10/9–10 3–4, 10/11 Sat 班 5, 10/13–17 6–10, 10/20–24 11–15, 10/27–31 16–20
  { name: 'from the Sunday make-up day 2025-09-28, 20 working days', from: '2025-09-28', days: 20, unit: 'working', due: '2025-10-31' },
  { name: 'from a Friday onto the Sunday make-up day 2025-09-28', from: '2025-09-26', days: 1, unit: 'working', due: '2025-09-28' },
  { name: 'National Day 2025, 1 working day', from: '2025-09-30', days: 1, unit: 'working', due: '2025-10-09' },
  { name: 'from a National Day holiday 2025, 3 working days', from: '2025-10-03', days: 3, unit: 'working', due: '2025-10-11' },
  // 1/25 Sat off, 1/26 Sun 班 1, 1/27 2, 1/28–2/4 off, 2/5–7 3–5
  { name: 'Spring Festival 2025 from a Friday', from: '2025-01-24', days: 5, unit: 'working', due: '2025-02-07' },
  // 1/21–24 1–4, 1/26 班 5, 1/27 6, 2/5–7 7–9, 2/8 Sat 班 10, 2/10–14 11–15, 2/17–21 16–20
  { name: 'Spring Festival 2025, 20 working days', from: '2025-01-20', days: 20, unit: 'working', due: '2025-02-21' },
  // 4/27 Sun 班 1, 4/28–30 2–4, 5/1–5 off, 5/6 5
  { name: 'Labour Day 2025 with its Sunday make-up day', from: '2025-04-25', days: 5, unit: 'working', due: '2025-05-06' },
  { name: 'Dragon Boat 2025 from a Friday', from: '2025-05-30', days: 1, unit: 'working', due: '2025-06-03' },
  { name: 'Qingming 2025, 2 working days', from: '2025-04-03', days: 2, unit: 'working', due: '2025-04-08' },

  // 2024, working days
  { name: 'onto the Sunday make-up day 2024-02-04', from: '2024-02-02', days: 1, unit: 'working', due: '2024-02-04' },
  // 2/9 1, 2/10–17 off, 2/18 Sun 班 2, 2/19 3
  { name: 'Spring Festival 2024, 3 working days', from: '2024-02-08', days: 3, unit: 'working', due: '2024-02-19' },
  // 2/6–9 1–4, 2/18 班 5, 2/19–23 6–10, 2/26–3/1 11–15, 3/4–8 16–20
  { name: 'Spring Festival 2024, 20 working days', from: '2024-02-05', days: 20, unit: 'working', due: '2024-03-08' },
  { name: 'Qingming 2024 with its Sunday make-up day', from: '2024-04-03', days: 2, unit: 'working', due: '2024-04-08' },
  // 4/28 Sun 班 1, 4/29–30 2–3, 5/1–5 off, 5/6–7 4–5
  { name: 'Labour Day 2024 from a Friday', from: '2024-04-26', days: 5, unit: 'working', due: '2024-05-07' },
  { name: 'onto the Saturday make-up day 2024-05-11', from: '2024-05-10', days: 1, unit: 'working', due: '2024-05-11' },
  { name: 'Dragon Boat 2024: weekend then the Monday holiday', from: '2024-06-07', days: 1, unit: 'working', due: '2024-06-11' },
  { name: 'Mid-autumn 2024 from a Friday', from: '2024-09-13', days: 3, unit: 'working', due: '2024-09-19' },
  // 9/29 Sun 班 1, 9/30 2, 10/1–7 off, 10/8–11 3–6, 10/12 Sat 班 7, 10/14–18 8–12, 10/21–25 13–17, 10/28–30 18–20
  { name: 'National Day 2024, 20 working days', from: '2024-09-27', days: 20, unit: 'working', due: '2024-10-30' },
  { name: 'New Year 2025 from the last day of 2024', from: '2024-12-31', days: 1, unit: 'working', due: '2025-01-02' },
  { name: 'year end 2024 into 2025, 7 working days', from: '2024-12-27', days: 7, unit: 'working', due: '2025-01-08' },

  // calendar days: holidays inside the period count; a last day off moves to the next working day
  // 行政处罚法 art. 60: 90 days; 1/5 + 90 = 4/5 (Sun, 清明), 4/6 (清明) → 4/7
  { name: '90 days landing on Qingming 2026, rolled', from: '2026-01-05', days: 90, unit: 'calendar', due: '2026-04-07' },
  { name: '90 days landing on Qingming 2026, not rolled when asked', from: '2026-01-05', days: 90, unit: 'calendar', due: '2026-04-05', roll: false },
  { name: '90 days landing on a Monday holiday, rolled', from: '2026-01-06', days: 90, unit: 'calendar', due: '2026-04-07' },
  { name: '90 days landing on a working day, not rolled', from: '2026-01-08', days: 90, unit: 'calendar', due: '2026-04-08' },
  // 8/2 + 60 = 10/1 (国庆) → 10/8
  { name: '60 days landing on National Day 2026, rolled', from: '2026-08-02', days: 60, unit: 'calendar', due: '2026-10-08' },
  { name: '60 days landing on a working day', from: '2025-03-01', days: 60, unit: 'calendar', due: '2025-04-30' },
  { name: '15 days landing on National Day 2025, rolled', from: '2025-09-23', days: 15, unit: 'calendar', due: '2025-10-09' },
  { name: '15 days landing on the Sunday make-up day 2025-09-28, not rolled', from: '2025-09-13', days: 15, unit: 'calendar', due: '2025-09-28' },
  { name: '15 days landing on a plain Sunday, rolled to Monday', from: '2024-06-01', days: 15, unit: 'calendar', due: '2024-06-17' },
  // 2/16 (春节), 2/17 (春节) → 2/18 Sun 班
  { name: '15 days landing in Spring Festival 2024, rolled onto its Sunday make-up day', from: '2024-02-01', days: 15, unit: 'calendar', due: '2024-02-18' },
  { name: '30 days landing on New Year’s Day 2025, rolled', from: '2024-12-02', days: 30, unit: 'calendar', due: '2025-01-02' },
];

describe('deadline table (hand-counted)', () => {
  it.each(cases)('$name: $from + $days $unit → $due', ({ from, days, unit, due, roll }) => {
    const result = unit === 'working' ? addWorkingDays(from, days, cal) : addCalendarDays(from, days, cal, { rollToWorkingDay: roll ?? true });
    expect(result.due).toBe(due);
    expect(result.explanation.at(-1)).toContain(due);
    if (unit === 'working') expect(workingDaysBetween(from, due, cal)).toBe(days);
  });
});

describe('isWorkingDay', () => {
  it('counts a Sunday make-up day as a working day', () => {
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(describeDay('2025-09-28', cal)).toMatchObject({ reason: 'makeup', name: '国庆节', weekday: 0 });
  });

  it('skips weekends, and public holidays that fall on weekdays', () => {
    expect(isWorkingDay('2025-10-12', cal)).toBe(false);
    expect(describeDay('2025-10-01', cal)).toMatchObject({ working: false, reason: 'holiday', name: '国庆节' });
    expect(isWorkingDay('2025-10-09', cal)).toBe(true);
  });

  it('refuses a day in a year the calendar does not know', () => {
    expect(() => isWorkingDay('2027-01-04', cal)).toThrow(CalendarError);
  });
});

describe('addWorkingDays', () => {
  it('explains each skipped day and each counted make-up day', () => {
    const { explanation, notes } = addWorkingDays('2025-09-28', 20, cal);
    expect(explanation[0]).toBe('自2025-09-28（周日）的次日起算20个工作日（跳过周末和法定节假日，调休上班日计入）');
    expect(explanation).toContain('2025-10-01（周三） 法定节假日（国庆节），不计');
    expect(explanation).toContain('2025-10-06（周一） 法定节假日（中秋节），不计');
    expect(explanation).toContain('2025-10-11（周六） 调休上班（国庆节），计为工作日');
    expect(explanation).toContain('2025-10-12（周日） 周末，不计');
    expect(explanation.at(-1)).toBe('届满日：2025-10-31（周五）');
    // 8 holidays (10/1–8) and 5 plain weekend days
    expect(notes.map((n) => n.reason).filter((r) => r === 'holiday')).toHaveLength(8);
    expect(notes.filter((n) => n.reason === 'weekend')).toHaveLength(5);
  });

  it('refuses to count into 2027, which the calendar does not know', () => {
    const refuse = (): unknown => addWorkingDays('2026-12-04', 20, cal);
    expect(refuse).toThrow(CalendarError);
    expect(refuse).toThrow('工作日历缺少2027年数据，无法计算工作日期限，请管理员导入2027年节假日安排');
    try {
      refuse();
    } catch (e) {
      expect(e).toMatchObject({ code: 'calendar_unknown_year', status: 422, year: 2027 });
    }
  });

  it('refuses to count through a year missing in the middle of the calendar', () => {
    const gap = { ...cal, years: new Set([...cal.years].filter((y) => y !== 2025)) };
    expect(() => addWorkingDays('2024-12-20', 20, gap)).toThrow('工作日历缺少2025年数据');
  });

  it('rejects a malformed date and a negative count', () => {
    expect(() => addWorkingDays('2025-02-30', 1, cal)).toThrow('日期格式有误');
    expect(() => addWorkingDays('2025/02/03', 1, cal)).toThrow('日期格式有误');
    expect(() => addWorkingDays('2025-02-03', -1, cal)).toThrow('非负整数');
  });
});

describe('addCalendarDays', () => {
  it('rolls a last day off to the next working day and says why', () => {
    const { due, explanation } = addCalendarDays('2026-01-05', 90, cal);
    expect(due).toBe('2026-04-07');
    expect(explanation).toContain('期间最后一日：2026-04-05（周日）');
    expect(explanation).toContain('2026-04-06（周一） 法定节假日（清明节），不计');
  });

  it('refuses a roll into an unknown year, but counts plain calendar days without the calendar', () => {
    expect(() => addCalendarDays('2026-12-15', 30, cal)).toThrow(CalendarError);
    expect(addCalendarDays('2026-12-15', 30, cal, { rollToWorkingDay: false }).due).toBe('2027-01-14');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2025-09-28', '2025-10-31', cal)).toBe(20);
    expect(workingDaysBetween('2025-09-30', '2025-10-08', cal)).toBe(0);
    expect(workingDaysBetween('2025-10-31', '2025-10-31', cal)).toBe(0);
  });

  it('is negative when the second date is earlier', () => {
    expect(workingDaysBetween('2025-11-04', '2025-10-31', cal)).toBe(-2);
  });
});
