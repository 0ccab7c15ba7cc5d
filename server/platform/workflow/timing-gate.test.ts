import { describe, expect, it } from 'vitest';
import { calendarFromChineseDays } from '../calendar/holiday-data.ts';
import { defineLedger } from '../ledger/ledger.types.ts';
import { chineseDay, gateDays, readTimingGate } from './workflow.engine.ts';
import { defineWorkflow, workflowProblems, type TimingGate, type TransitionDef } from './workflow.types.ts';

const cal = calendarFromChineseDays();

const decide: TransitionDef = { name: 'decide', label: '作出处罚决定', from: ['notified'], to: 'decided' };

// 行政处罚法 art. 64 with art. 85: 5 working days after the notice
const hearing: TimingGate = {
  id: 'hearing_request',
  days: 5,
  unit: 'working',
  from: { field: 'notified_on' },
  on: 'decided_on',
  reason: (p) => `当事人可在告知后${p}内要求听证`,
  statute: '行政处罚法第六十四条',
  when: (v) => v['case_type'] === '行政处罚',
  unless: ['rights_waived_on'],
};
// 重大行政决策程序暂行条例 art. 15: 30 calendar days, a last day on a holiday moves to the next working day
const comment: TimingGate = { id: 'comment', days: 30, unit: 'calendar', from: { field: 'comment_from' }, reason: (p, last) => `征求意见不少于${p}，至${last}届满`, statute: '重大行政决策程序暂行条例第十五条' };

const read = (g: TimingGate, values: Record<string, unknown>, configured?: unknown) => readTimingGate(decide, g, { values, transitionDates: new Map([['notify', '2026-03-02']]), cal, configured });

describe('timing gates: the first day a step may be taken', () => {
  it.each([
    // [notice, last day of the window, first allowed day, why]
    ['2026-03-02', '2026-03-09', '2026-03-10', 'an ordinary week: Tue–Fri and the next Monday'],
    ['2026-02-12', '2026-02-26', '2026-02-27', 'across the Spring Festival: Sat 2/14 is a 调休 working day, 2/15–2/23 are holidays'],
    ['2026-02-27', '2026-03-05', '2026-03-06', 'Sat 2/28 is a 调休 working day and counts'],
    ['2026-09-28', '2026-10-10', '2026-10-11', 'across National Day: 10/1–10/7 do not count, Sat 10/10 (调休) does'],
    ['2026-04-30', '2026-05-11', '2026-05-12', 'across Labour Day and the Sat 5/9 调休 working day'],
  ])('a notice on %s: the window ends %s, the decision is allowed from %s (%s)', (notified, ends, notBefore) => {
    expect(read(hearing, { case_type: '行政处罚', notified_on: notified })).toMatchObject({ start: notified, ends, notBefore });
  });

  it('names the right, the statute and the day in the refusal', () => {
    expect(read(hearing, { case_type: '行政处罚', notified_on: '2026-03-02' })?.message).toBe('当事人可在告知后5个工作日内要求听证（行政处罚法第六十四条），2026年3月10日起方可作出处罚决定');
  });

  it.each([
    ['2026-03-02', '2026-04-01', '2026-04-02'],
    // 10/1 is a holiday: the last day moves to the first working day after National Day
    ['2026-09-01', '2026-10-08', '2026-10-09'],
  ])('a comment period opened %s runs 30 calendar days to %s; the decision may follow from %s', (from, ends, notBefore) => {
    const r = read(comment, { comment_from: from });
    expect(r).toMatchObject({ ends, notBefore });
    expect(r?.reason).toBe(`征求意见不少于30个自然日，至${chineseDay(ends)}届满（重大行政决策程序暂行条例第十五条）`);
  });

  it('does not roll a calendar period when told not to (a declared end date)', () => {
    const end: TimingGate = { ...comment, id: 'end', days: 0, rollToWorkingDay: false, from: { field: 'comment_to' } };
    expect(read(end, { comment_to: '2026-10-03' })).toMatchObject({ ends: '2026-10-03', notBefore: '2026-10-04' });
    expect(read({ ...end, rollToWorkingDay: true }, { comment_to: '2026-10-03' })).toMatchObject({ ends: '2026-10-08' });
  });

  it('takes the days from the setting when one is configured, a bad value falling back to the declared days', () => {
    expect(read(comment, { comment_from: '2026-03-02' }, 45)).toMatchObject({ ends: '2026-04-16' });
    expect(read(comment, { comment_from: '2026-03-02' }, '40')).toMatchObject({ ends: '2026-04-13' });
    expect(gateDays(comment, -3)).toBe(30);
    expect(gateDays(comment, 'abc')).toBe(30);
    expect(gateDays(comment, 2.5)).toBe(30);
  });

  it('counts from the day a transition happened', () => {
    const { when: _when, ...any } = hearing;
    const afterNotify: TimingGate = { ...any, from: { transition: 'notify' } };
    expect(read(afterNotify, {})).toMatchObject({ start: '2026-03-02', notBefore: '2026-03-10' });
    expect(readTimingGate(decide, afterNotify, { values: {}, transitionDates: new Map(), cal })).toBeNull();
  });

  it('does not apply to another kind of record, after a written waiver, or before its period started', () => {
    expect(read(hearing, { case_type: '行政检查', notified_on: '2026-03-02' })).toBeNull();
    expect(read(hearing, { case_type: '行政处罚', notified_on: '2026-03-02', rights_waived_on: '2026-03-03' })).toBeNull();
    expect(read(hearing, { case_type: '行政处罚', notified_on: null })).toBeNull();
  });

  it('refuses a declaration naming fields or transitions that do not exist', () => {
    const l = defineLedger({
      name: 'tg.case',
      table: 'tg_case',
      label: '测试',
      noun: '案件',
      module: 'tg',
      titleFields: ['no'],
      fields: [
        { name: 'no', label: '编号', type: 'text' },
        { name: 'notified_on', label: '告知日期', type: 'date' },
      ],
      workflow: defineWorkflow({
        states: { a: { label: 'A' }, b: { label: 'B' } },
        initial: 'a',
        transitions: [{ name: 'go', label: '办理', from: ['a'], to: 'b', gates: { notBefore: [{ ...hearing, from: { transition: 'nope' } }, { ...hearing, id: 'x', from: { field: 'no' } }] } }],
      }),
    });
    expect(workflowProblems(l)).toEqual([
      'tg.case workflow: timing gate hearing_request starts on unknown transition nope',
      'tg.case workflow: timing gate hearing_request names unknown field decided_on',
      'tg.case workflow: timing gate hearing_request names unknown field rights_waived_on',
      'tg.case workflow: timing gate x names unknown field decided_on',
      'tg.case workflow: timing gate x names unknown field rights_waived_on',
      'tg.case workflow: timing gate x field no is not a date',
    ]);
  });
});
