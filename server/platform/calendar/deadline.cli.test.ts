import { describe, expect, it } from 'vitest';
import { calendarFromChineseDays, runDeadlineCli } from './deadline.cli.ts';

const cal = calendarFromChineseDays();

async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDeadlineCli(argv, cal, (line) => lines.push(line));
  return { code, lines };
}

describe('fazhi deadline', () => {
  it('prints the due date alone on the first line, then how it counted', async () => {
    const { code, lines } = await run('--from', '2025-09-28', '--days', '20', '--working');
    expect(code).toBe(0);
    expect(lines[0]).toBe('2025-10-31');
    expect(lines).toContain('2025-10-11（周六） 调休上班（国庆节），计为工作日');
    expect(lines).toContain('2025-10-01（周三） 法定节假日（国庆节），不计');
  });

  it('counts calendar days and rolls a holiday to the next working day', async () => {
    const { code, lines } = await run('deadline', '--from=2026-01-05', '--days=90', '--calendar');
    expect(code).toBe(0);
    expect(lines[0]).toBe('2026-04-07');
    expect(lines.join('\n')).toContain('顺延至下一个工作日');
  });

  it('does not roll with --no-roll', async () => {
    expect((await run('--from', '2026-01-05', '--days', '90', '--calendar', '--no-roll')).lines[0]).toBe('2026-04-05');
  });

  it('counts hours from a moment, nights and holidays included (an urgent 12345 ticket)', async () => {
    const { code, lines } = await run('--from', '2026-09-30', '--at', '22:30', '--hours', '24');
    expect(code).toBe(0);
    expect(lines[0]).toBe('2026-10-01 22:30');
    expect(lines).toContain('届满时间：2026-10-01 22:30（北京时间）');
    expect((await run('--from', '2026-09-30', '--at', '9点', '--hours', '1')).lines[0]).toContain('--at 应为时:分');
    expect((await run('--from', '2026-09-30', '--hours', '1')).lines[0]).toContain('--hours 与 --at');
  });

  it('exits 1 with a clear message when the calendar lacks the year', async () => {
    expect(await run('--from', '2026-12-04', '--days', '20', '--working')).toEqual({
      code: 1,
      lines: ['工作日历缺少2027年数据，无法计算工作日期限，请管理员导入2027年节假日安排'],
    });
  });

  it.each([
    [['--from', '2025-09-28', '--days', '20'], '请指定 --working（工作日）、--calendar（自然日）或 --hours（小时）三者之一'],
    [['--from', '2025-09-28', '--days', '20', '--working', '--calendar'], '请指定 --working（工作日）、--calendar（自然日）或 --hours（小时）三者之一'],
    [['--days', '20', '--working'], '缺少 --from（起算日期，格式YYYY-MM-DD）'],
    [['--from', '2025-02-30', '--days', '20', '--working'], '--from 应为有效日期（YYYY-MM-DD），收到“2025-02-30”'],
    [['--from', '2025-09-28', '--days', '0', '--working'], '--days 应至少为1'],
    [['--from', '2025-09-28', '--days', '2.5', '--working'], '--days 应为1至9999之间的整数，收到“2.5”'],
    [['--from', '2025-09-28', '--days', '20', '--working', '--no-roll'], '--no-roll 只适用于 --calendar'],
    [['--from', '2025-09-28', '--days', '20', '--weekdays'], '无法识别的参数'],
    [['--from', '2025-09-28', '--days'], '参数缺少取值'],
  ])('exits 2 on bad flags: %j', async (argv, message) => {
    const { code, lines } = await run(...argv);
    expect(code).toBe(2);
    expect(lines[0]).toContain(message);
    expect(lines.some((l) => l.startsWith('用法：fazhi deadline'))).toBe(true);
  });
});
