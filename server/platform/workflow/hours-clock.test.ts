import { describe, expect, it } from 'vitest';
import { calendarFromChineseDays } from '../calendar/holiday-data.ts';
import { ClockError, computeClock, type ClockEvent, type ClockRule } from './clock.ts';
import { chinaDateTime, chinaInstant } from './hours-clock.ts';
import { clockEvents, stepInstant } from './workflow.engine.ts';
import { defineLedger } from '../ledger/ledger.types.ts';
import { defineWorkflow, type ClockDef, type TransitionDef } from './workflow.types.ts';

const cal = calendarFromChineseDays();
// hand-counted cases for an urgent 12345 ticket (国办发〔2020〕53号 practice): signed within 1 hour, answered within 24
const sign: ClockRule = { id: 'hotline.sign_urgent', label: '紧急工单签收时限', days: 1, unit: 'hours' };
const answer: ClockRule = { id: 'hotline.answer_urgent', label: '紧急工单办理时限', days: 24, unit: 'hours', extension: { days: 12, unit: 'hours' } };
const at = (date: string, time: string): string => chinaInstant(date, time);
const ev = (kind: ClockEvent['kind'], date: string, time: string): ClockEvent => ({ kind, date, at: at(date, time) });
const now = (date: string, time: string): Date => new Date(at(date, time));

describe('hours clocks', () => {
  it('runs from the start instant, nights included, and reads overdue in started hours', () => {
    const events = [ev('start', '2026-03-06', '09:15')];
    const early = computeClock(sign, events, cal, { today: '2026-03-06', now: now('2026-03-06', '09:50') });
    expect(early).toMatchObject({ status: 'running', unit: 'hours', due: '2026-03-06', dueAt: '2026-03-06T02:15:00.000Z', totalDays: 1, daysLeft: 0, overdue: false });
    expect(early.explanation).toContain('届满时间：2026-03-06 10:15（北京时间）');
    // 11:20 is 1 h 5 min past 10:15: two started hours late
    const late = computeClock(sign, events, cal, { today: '2026-03-06', now: now('2026-03-06', '11:20') });
    expect(late).toMatchObject({ overdue: true, daysLeft: -2, dueSoon: false });
    expect(late.explanation.at(-1)).toBe('截至2026-03-06 11:20已超期2小时');
  });

  it('crosses midnight and a weekend: 24 hours from Friday 22:00 end Saturday 22:00 (Beijing)', () => {
    const s = computeClock(answer, [ev('start', '2026-03-06', '22:00')], cal, { today: '2026-03-07', now: now('2026-03-07', '08:00') });
    expect(s).toMatchObject({ due: '2026-03-07', dueAt: '2026-03-07T14:00:00.000Z', daysLeft: 14, daysUsed: 10, overdue: false, dueSoon: true });
  });

  it('pauses and resumes: the hours between do not count', () => {
    // 09:00 start, 1 h used by the 10:00 pause, resumed 14:00 with 23 h left: due 13:00 next day
    const events = [ev('start', '2026-03-09', '09:00'), ev('pause', '2026-03-09', '10:00'), ev('resume', '2026-03-09', '14:00')];
    const s = computeClock(answer, events, cal, { today: '2026-03-09', now: now('2026-03-09', '15:00') });
    expect(chinaDateTime(String(s.dueAt))).toBe('2026-03-10 13:00');
    expect(s).toMatchObject({ daysUsed: 2, daysLeft: 22 });
    const paused = computeClock(answer, events.slice(0, 2), cal, { today: '2026-03-09', now: now('2026-03-09', '12:00') });
    expect(paused).toMatchObject({ status: 'paused', due: null, dueAt: null, daysLeft: 23 });
  });

  it('restarts with the full period from the restart instant (a re-dispatched ticket) and extends once', () => {
    const restarted = computeClock(sign, [ev('start', '2026-03-09', '09:00'), ev('restart', '2026-03-09', '11:30')], cal, { today: '2026-03-09', now: now('2026-03-09', '12:00') });
    expect(chinaDateTime(String(restarted.dueAt))).toBe('2026-03-09 12:30');
    expect(restarted.overdue).toBe(false);
    const extended = computeClock(answer, [ev('start', '2026-03-09', '09:00'), ev('extend', '2026-03-09', '20:00')], cal, { today: '2026-03-09', now: now('2026-03-09', '21:00') });
    expect(chinaDateTime(String(extended.dueAt))).toBe('2026-03-10 21:00');
    expect(() => computeClock(answer, [ev('start', '2026-03-09', '09:00'), ev('extend', '2026-03-09', '10:00'), ev('extend', '2026-03-09', '11:00')], cal, { today: '2026-03-09' })).toThrow(ClockError);
  });

  it('stops: in time, or late by the started hours past the due moment', () => {
    const inTime = computeClock(sign, [ev('start', '2026-03-09', '09:00'), ev('stop', '2026-03-09', '09:59')], cal, { today: '2026-03-12', now: now('2026-03-12', '09:00') });
    expect(inTime).toMatchObject({ status: 'stopped', overdue: false, daysLeft: 0 });
    const late = computeClock(sign, [ev('start', '2026-03-09', '09:00'), ev('stop', '2026-03-09', '12:10')], cal, { today: '2026-03-12' });
    expect(late).toMatchObject({ status: 'stopped', overdue: true, daysLeft: -3 });
    expect(late.explanation.at(-1)).toBe('于2026-03-09 12:10办结，超期3小时');
  });

  it('an event without an instant takes effect at the start of its Beijing day; the rule refuses a day-unit extension', () => {
    const s = computeClock(sign, [{ kind: 'start', date: '2026-03-09' }], cal, { today: '2026-03-09', now: now('2026-03-09', '00:30') });
    expect(chinaDateTime(String(s.dueAt))).toBe('2026-03-09 01:00');
    expect(() => computeClock({ ...sign, extension: { days: 1, unit: 'working' } }, [{ kind: 'start', date: '2026-03-09' }], cal, { today: '2026-03-09' })).toThrow(ClockError);
  });

  it('takes the start and stop instants from the declared time fields, and a step its time field or now', () => {
    const clock: ClockDef = { id: 'sign_urgent', rule: sign, start: { field: 'received_on', timeField: 'received_time' }, stop: { field: 'signed_on', timeField: 'signed_time' } };
    const l = defineLedger({
      name: 't.ticket',
      table: 't_ticket',
      label: '工单',
      noun: '工单',
      module: 't',
      titleFields: ['received_on'],
      fields: [
        { name: 'received_on', label: '派单日期', type: 'date' },
        { name: 'received_time', label: '派单时间', type: 'text' },
        { name: 'signed_on', label: '签收日期', type: 'date' },
        { name: 'signed_time', label: '签收时间', type: 'text' },
      ],
      workflow: defineWorkflow({ states: { a: { label: 'A' } }, initial: 'a', transitions: [], clocks: [clock] }),
    });
    const events = clockEvents(l, clock, [], { received_on: '2026-03-09', received_time: '08:40', signed_on: '2026-03-09', signed_time: '09:10' });
    expect(events?.map((e) => [e.kind, e.at])).toEqual([
      ['start', '2026-03-09T00:40:00.000Z'],
      ['stop', '2026-03-09T01:10:00.000Z'],
    ]);
    const t: TransitionDef = { name: 'redispatch', label: '改派', from: ['a'], timeField: 'redispatched_time' };
    expect(stepInstant(t, '2026-03-09', { redispatched_time: '16:05' }, now('2026-03-10', '08:00'))).toBe('2026-03-09T08:05:00.000Z');
    expect(stepInstant(t, '2026-03-10', {}, now('2026-03-10', '08:00'))).toBe(now('2026-03-10', '08:00').toISOString());
    expect(stepInstant(t, '2026-03-09', {}, now('2026-03-10', '08:00'))).toBe('2026-03-08T16:00:00.000Z');
  });
});
