import { describe, expect, it } from 'vitest';
import { calendarFileAppError, calendarFromChineseDays, chineseDaysRows, parseCalendarFile } from './holiday-data.ts';

const range = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
};

describe('chinese-days data', () => {
  const cal = calendarFromChineseDays();

  it('covers every year from 2004 to 2026', () => {
    expect([...cal.years].sort()).toEqual(range('2004-01-01', '2026-01-01').filter((d) => d.endsWith('-01-01')).map((d) => Number(d.slice(0, 4))));
  });

  it('agrees with the 2026 State Council notice quoted in domain.md', () => {
    const holidays = [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ];
    const of2026 = (m: ReadonlyMap<string, string>): string[] => [...m.keys()].filter((d) => d.startsWith('2026')).sort();
    expect(of2026(cal.holidays)).toEqual(holidays);
    expect(of2026(cal.workdays)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('names days in Chinese, with the full festival name', () => {
    const byDate = new Map(chineseDaysRows().map((r) => [r.date, r]));
    expect(byDate.get('2026-04-05')).toEqual({ date: '2026-04-05', kind: 'holiday', name: '清明节', year: 2026 });
    expect(byDate.get('2025-09-28')).toEqual({ date: '2025-09-28', kind: 'workday', name: '国庆节', year: 2025 });
    expect(Math.max(...chineseDaysRows().map((r) => r.name.length))).toBeLessThanOrEqual(40);
  });
});

describe('parseCalendarFile', () => {
  it('reads a CSV with a BOM, a header, comments, CRLF line ends and Excel-style dates', () => {
    const csv = '\uFEFFdate,kind,name\r\n# 2027年节假日安排\r\n2027-01-01,休,元旦\r\n2027/2/7,班,春节\r\n2027-02-06,holiday,春节\r\n\r\n';
    expect(parseCalendarFile(csv)).toEqual({
      ok: true,
      year: 2027,
      rows: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦', year: 2027 },
        { date: '2027-02-06', kind: 'holiday', name: '春节', year: 2027 },
        { date: '2027-02-07', kind: 'workday', name: '春节', year: 2027 },
      ],
    });
  });

  it('reads the JSON format', () => {
    const json = JSON.stringify({ year: 2027, holidays: { '2027-01-01': '元旦' }, workdays: { '2027-02-07': '春节' } });
    const result = parseCalendarFile(json);
    expect(result.ok && result.rows.map((r) => `${r.date} ${r.kind}`)).toEqual(['2027-01-01 holiday', '2027-02-07 workday']);
  });

  it('accepts a make-up day in December of the year before, filed under the notice year', () => {
    const result = parseCalendarFile('2027-01-01,休,元旦\n2026-12-26,班,元旦\n2027-01-02,休,元旦');
    expect(result).toMatchObject({ ok: true, year: 2027 });
    expect(result.ok && result.rows[0]).toEqual({ date: '2026-12-26', kind: 'workday', name: '元旦', year: 2027 });
  });

  it('lists every bad CSV line with its line number and field, in Chinese', () => {
    const csv = [
      'date,kind,name',
      '2027-01-01,休,元旦',
      '2027-02-30,休,春节',
      '2027-02-08,放假,春节',
      '2027-02-09,休,',
      '2027-02-10,休',
      '2027-01-01,休,元旦',
      '2027-02-15,班,春节',
      '2028-10-01,休,国庆节',
    ].join('\n');
    const result = parseCalendarFile(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 3, field: 'date', message: '第3行 日期：“2027-02-30”不是有效日期，格式应为YYYY-MM-DD' },
      { line: 4, field: 'kind', message: '第4行 类型：“放假”无效，应为“休”或“班”（也可写 holiday / workday）' },
      { line: 5, field: 'name', message: '第5行 名称：不能为空' },
      { line: 6, field: 'file', message: '第6行 文件：应为3列“日期,类型,名称”，实际2列' },
      { line: 7, field: 'date', message: '第7行 日期：2027-01-01重复出现（与第2行相同）' },
      { line: 8, field: 'date', message: '第8行 日期：调休上班日应为周六或周日，2027-02-15是周一' },
      { line: 9, field: 'date', message: '第9行 日期：2028-10-01不属于2027年的节假日安排' },
    ]);
  });

  it('points a bad JSON entry to its line', () => {
    const json = '{\n  "year": 2027,\n  "holidays": {\n    "2027-01-01": "元旦",\n    "2027-13-01": "春节"\n  }\n}';
    expect(parseCalendarFile(json)).toEqual({
      ok: false,
      errors: [{ line: 5, field: 'holidays.2027-13-01', message: '第5行 日期（holidays.2027-13-01）：“2027-13-01”不是有效日期，格式应为YYYY-MM-DD' }],
    });
  });

  it('rejects JSON without a year, and JSON that does not parse', () => {
    const missing = parseCalendarFile('{"holidays": {"2027-01-01": "元旦"}}');
    expect(missing.ok || missing.errors.map((e) => e.field)).toEqual(['year']);
    expect(missing.ok || missing.errors[0]?.message).toContain('年度');
    const broken = parseCalendarFile('{"year": 2027,');
    expect(broken.ok || broken.errors[0]?.message).toMatch(/^文件：JSON格式有误/);
  });

  it('rejects a file without any holiday', () => {
    const result = parseCalendarFile('date,kind,name\n2027-02-07,班,春节');
    expect(result.ok || result.errors).toEqual([{ line: null, field: 'file', message: '文件：没有任何节假日（休）记录，请检查文件内容' }]);
  });

  it('turns the errors into a validation_failed problem with one entry per line', () => {
    const result = parseCalendarFile('2027-01-01,休,元旦\n2027-02-30,休,春节');
    if (result.ok) throw new Error('expected errors');
    const problem = calendarFileAppError(result.errors).toProblem();
    expect(problem).toMatchObject({ code: 'validation_failed', errors: [{ path: 'line2.date', label: '日期' }] });
  });
});
