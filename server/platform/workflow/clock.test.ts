import { describe, expect, it } from 'vitest';
import { CalendarError } from '../calendar/calendar.ts';
import { calendarFromChineseDays } from '../calendar/holiday-data.ts';
import { ClockError, computeClock, type ClockEvent, type ClockRule } from './clock.ts';

const cal = calendarFromChineseDays();

// 政府信息公开条例 art. 33: answer within 20 working days, +20 with approval
const disclosure: ClockRule = { id: 'disclosure.answer', label: '依申请公开答复', days: 20, unit: 'working', extension: { days: 20, unit: 'working' } };
// 行政处罚法 art. 60: decide within 90 days of 立案
const penalty: ClockRule = { id: 'penalty.decide', label: '行政处罚决定', days: 90, unit: 'calendar' };
// 信访工作条例 art. 32: handle within 60 days, +30
const petition: ClockRule = { id: 'petition.handle', label: '信访事项办理', days: 60, unit: 'calendar', extension: { days: 30, unit: 'calendar' } };

const start = (date: string, reason = '收到申请'): ClockEvent => ({ kind: 'start', date, reason });

describe('computeClock', () => {
  it('counts 20 working days from a Sunday make-up day and reads the clock on a given day', () => {
    // used by 10/20: 9/29, 9/30, 10/9, 10/10, 10/11 (Sat 班), 10/13–17, 10/20 = 11
    const clock = computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-10-20' });
    expect(clock).toMatchObject({ status: 'running', due: '2025-10-31', daysUsed: 11, daysLeft: 9, overdue: false, dueSoon: false, totalDays: 20 });
    expect(clock.explanation).toContain('2025-09-28（周日） 起算（收到申请），自次日开始计算');
    expect(clock.explanation).toContain('  2025-10-01（周三） 法定节假日（国庆节），不计');
    expect(clock.explanation).toContain('届满日：2025-10-31（周五）');
  });

  it('falls due on a later day fixed and told to the applicant (art. 35), never on an earlier one', () => {
    const later = computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-11-03', deferredTo: '2025-11-28' });
    expect(later).toMatchObject({ due: '2025-11-28', overdue: false, daysLeft: 19 });
    expect(later.explanation).toContain('已确定延迟答复的合理期限并告知，期限延至2025-11-28（周五）');
    expect(computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-10-20', deferredTo: '2025-10-24' })).toMatchObject({ due: '2025-10-31' });
  });

  it('is due soon within 3 working days, configurable', () => {
    expect(computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-10-28' })).toMatchObject({ daysLeft: 3, dueSoon: true });
    expect(computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-10-27' })).toMatchObject({ daysLeft: 4, dueSoon: false });
    expect(computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-10-27', dueSoonDays: 5 }).dueSoon).toBe(true);
    expect(computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-10-31' })).toMatchObject({ daysLeft: 0, dueSoon: true, overdue: false });
  });

  it('is overdue the day after the due date', () => {
    const clock = computeClock(disclosure, [start('2025-09-28')], cal, { today: '2025-11-03' });
    expect(clock).toMatchObject({ overdue: true, dueSoon: false, daysLeft: -1, daysUsed: 21 });
    expect(clock.explanation.at(-1)).toBe('截至2025-11-03（周一）已超期1个工作日');
  });

  it('adds an extension of 20 working days once', () => {
    // after 10/31: 11/3–7, 11/10–14, 11/17–21, 11/24–28
    const clock = computeClock(disclosure, [start('2025-09-28'), { kind: 'extend', date: '2025-10-20', reason: '经机构负责人批准' }], cal, { today: '2025-10-20' });
    expect(clock).toMatchObject({ due: '2025-11-28', extended: true, totalDays: 40, daysLeft: 29 });
    expect(clock.explanation).toContain('2025-10-20（周一） 延长期限20个工作日（经机构负责人批准），总期限40个工作日');
  });

  it('refuses a second extension', () => {
    const events: ClockEvent[] = [start('2025-09-28'), { kind: 'extend', date: '2025-10-20' }, { kind: 'extend', date: '2025-11-20' }];
    expect(() => computeClock(disclosure, events, cal, { today: '2025-11-20' })).toThrow(ClockError);
    expect(() => computeClock(disclosure, events, cal, { today: '2025-11-20' })).toThrow('“依申请公开答复”已延长过一次期限，不能再次延长');
    try {
      computeClock(disclosure, events, cal, { today: '2025-11-20' });
    } catch (e) {
      expect((e as ClockError).code).toBe('clock_extension_used');
    }
  });

  it('refuses an extension the rule does not allow', () => {
    expect(() => computeClock(penalty, [start('2026-01-05'), { kind: 'extend', date: '2026-02-01' }], cal, { today: '2026-02-01' })).toThrow(
      expect.objectContaining({ code: 'clock_no_extension' }),
    );
  });

  it('does not count paused time, and continues with the days left on resume', () => {
    // 政府信息公开条例 art. 32: time consulting a third party is excluded.
    // 3/3–6 = 4 used; paused 3/7–3/20; 16 left from 3/21: 3/23–27, 3/30–4/3, (4/4–6 清明), 4/7–10, 4/13, 4/14
    const events: ClockEvent[] = [
      start('2026-03-02'),
      { kind: 'pause', date: '2026-03-06', reason: '征求第三方意见' },
      { kind: 'resume', date: '2026-03-20', reason: '第三方答复' },
    ];
    const paused = computeClock(disclosure, events.slice(0, 2), cal, { today: '2026-03-10' });
    expect(paused).toMatchObject({ status: 'paused', due: null, daysUsed: 4, daysLeft: 16, overdue: false, dueSoon: false });
    expect(paused.explanation).toContain('2026-03-06（周五） 暂停计时（征求第三方意见），此前已计4个工作日，暂停期间不计入期限');

    const resumed = computeClock(disclosure, events, cal, { today: '2026-03-23' });
    expect(resumed).toMatchObject({ status: 'running', due: '2026-04-14', daysUsed: 5, daysLeft: 15 });
    expect(resumed.explanation).toContain(
      '2026-03-20（周五） 恢复计时（第三方答复），2026-03-07（周六）至2026-03-20（周五）不计入，剩余16个工作日自次日起继续计算',
    );
    expect(resumed.explanation).toContain('  2026-04-04（周六） 法定节假日（清明节），不计');
  });

  it('restarts the period when the 补正 is received', () => {
    // 政府信息公开条例 art. 30: counted again from receipt of the completed application.
    // from 3/10: 3/11–13, 3/16–20, 3/23–27, 3/30–4/3, (清明), 4/7, 4/8
    const events: ClockEvent[] = [
      start('2026-03-02'),
      { kind: 'pause', date: '2026-03-04', reason: '告知补正' },
      { kind: 'restart', date: '2026-03-10', reason: '收到补正材料' },
    ];
    const clock = computeClock(disclosure, events, cal, { today: '2026-03-10' });
    expect(clock).toMatchObject({ status: 'running', due: '2026-04-08', daysUsed: 0, daysLeft: 20 });
    expect(clock.explanation).toContain('2026-03-10（周二） 重新起算（收到补正材料）：此前已计的2个工作日不再计算，自次日起重新计算20个工作日');
  });

  it('drops an extension granted before a restart, and allows a new one', () => {
    const events: ClockEvent[] = [start('2026-03-02'), { kind: 'extend', date: '2026-03-03' }, { kind: 'restart', date: '2026-03-10' }];
    expect(computeClock(disclosure, events, cal, { today: '2026-03-10' })).toMatchObject({ due: '2026-04-08', extended: false, totalDays: 20 });
    const extended = computeClock(disclosure, [...events, { kind: 'extend', date: '2026-03-11' }], cal, { today: '2026-03-11' });
    expect(extended.totalDays).toBe(40);
  });

  it('makes a clock paused on its last day due on the day it resumes', () => {
    const rule: ClockRule = { id: 'x', label: '五日期限', days: 5, unit: 'working' };
    const events: ClockEvent[] = [start('2026-03-02'), { kind: 'pause', date: '2026-03-09' }];
    expect(computeClock(rule, events, cal, { today: '2026-03-10' })).toMatchObject({ status: 'paused', due: null, daysUsed: 5, daysLeft: 0, overdue: false });
    expect(computeClock(rule, [...events, { kind: 'resume', date: '2026-03-12' }], cal, { today: '2026-03-12' })).toMatchObject({
      due: '2026-03-12',
      daysLeft: 0,
      overdue: false,
      dueSoon: true,
    });
  });

  it('keeps a clock paused after its due date overdue', () => {
    const rule: ClockRule = { id: 'x', label: '五日期限', days: 5, unit: 'working' };
    const clock = computeClock(rule, [start('2026-03-02'), { kind: 'pause', date: '2026-03-11' }], cal, { today: '2026-03-12' });
    expect(clock).toMatchObject({ status: 'paused', due: '2026-03-09', daysUsed: 7, daysLeft: -2, overdue: true });
  });

  it('freezes on stop and tells whether it was done in time', () => {
    const onTime = computeClock(disclosure, [start('2025-09-28'), { kind: 'stop', date: '2025-10-30', reason: '已答复' }], cal, { today: '2025-12-01' });
    expect(onTime).toMatchObject({ status: 'stopped', due: '2025-10-31', daysUsed: 19, daysLeft: 1, overdue: false, dueSoon: false });
    expect(onTime.explanation.at(-1)).toBe('于2025-10-30（周四）办结，在期限内');
    const late = computeClock(disclosure, [start('2025-09-28'), { kind: 'stop', date: '2025-11-04' }], cal, { today: '2025-12-01' });
    expect(late).toMatchObject({ status: 'stopped', due: '2025-10-31', daysUsed: 22, daysLeft: -2, overdue: true });
    expect(late.explanation.at(-1)).toBe('于2025-11-04（周二）办结，超期2个工作日');
  });

  it('rolls a calendar-day limit that ends on a holiday', () => {
    // 1/5 + 90 = 4/5 (Sun, 清明), 4/6 (清明) → 4/7
    const clock = computeClock(penalty, [start('2026-01-05', '立案')], cal, { today: '2026-04-06' });
    expect(clock).toMatchObject({ due: '2026-04-07', daysUsed: 91, daysLeft: 1, overdue: false, dueSoon: true });
    expect(clock.explanation).toContain('期间最后一日不是工作日，顺延至下一个工作日：');
  });

  it('pauses a calendar-day limit and extends it in calendar days', () => {
    // 3/2–11 = 10 used; 50 left from 3/21 → 5/10 (Sun) → 5/11. Extended by 30: counted on from the period's own
    // last day 5/10 (the roll only moves the final due date) → 6/9 (Tue)
    const events: ClockEvent[] = [start('2026-03-01', '受理'), { kind: 'pause', date: '2026-03-11' }, { kind: 'resume', date: '2026-03-21' }];
    expect(computeClock(petition, events, cal, { today: '2026-03-21' }).due).toBe('2026-05-11');
    expect(computeClock(petition, [...events, { kind: 'extend', date: '2026-04-01' }], cal, { today: '2026-04-01' }).due).toBe('2026-06-09');
  });

  it('refuses a due date in a year the calendar does not know', () => {
    expect(() => computeClock(disclosure, [start('2026-12-10')], cal, { today: '2026-12-10' })).toThrow(CalendarError);
  });

  it.each<[string, ClockEvent[], string]>([
    ['no start', [], '尚未起算'],
    ['a pause before the start', [{ kind: 'pause', date: '2026-03-02' }], '计时未开始，不能暂停'],
    ['a resume while running', [start('2026-03-02'), { kind: 'resume', date: '2026-03-03' }], '计时计时中，不能恢复'],
    ['events out of order', [start('2026-03-02'), { kind: 'pause', date: '2026-03-01' }], '须按日期先后排列'],
    ['an event after the stop', [start('2026-03-02'), { kind: 'stop', date: '2026-03-03' }, { kind: 'pause', date: '2026-03-04' }], '不能暂停'],
  ])('rejects %s', (_name, events, message) => {
    expect(() => computeClock(disclosure, events, cal, { today: '2026-03-05' })).toThrow(message);
  });

  it('rejects an extension in another unit than the rule', () => {
    const mixed: ClockRule = { ...disclosure, extension: { days: 30, unit: 'calendar' } };
    expect(() => computeClock(mixed, [start('2026-03-02')], cal, { today: '2026-03-02' })).toThrow(expect.objectContaining({ code: 'clock_invalid_rule' }));
  });
});
