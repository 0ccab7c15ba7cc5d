import { describe, expect, it } from 'vitest';
import { calendarFromChineseDays } from '../calendar/holiday-data.ts';
import { ClockError, type ClockRule } from './clock.ts';
import { assertExtendable, latestMisses } from './deadline-gates.ts';
import type { TransitionDef } from './workflow.types.ts';

const cal = calendarFromChineseDays();
// 信访工作条例 art. 34: 60 days, +30 once
const handle: ClockRule = { id: 'petition.handle', label: '申诉求决类事项办理期限', days: 60, unit: 'calendar', extension: { days: 30, unit: 'calendar' } };

const refusal = (f: () => void): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ClockError);
    expect((e as ClockError).code).toBe('clock_extension_expired');
    return (e as ClockError).message;
  }
  throw new Error('not refused');
};

describe('assertExtendable', () => {
  // accepted 8/6: 8/6 + 60 = 10/5, inside 国庆 10/1–7 → due Thu 10/8
  const started = [{ kind: 'start' as const, date: '2026-08-06' }];

  it('allows an extension up to the due day, moved past the holiday', () => {
    expect(() => assertExtendable(handle, started, '2026-10-05', cal)).not.toThrow();
    expect(() => assertExtendable(handle, started, '2026-10-08', cal)).not.toThrow();
  });

  it('refuses one the day after, naming the day the period ran out', () => {
    expect(refusal(() => assertExtendable(handle, started, '2026-10-09', cal))).toBe('“申诉求决类事项办理期限”已于2026年10月8日届满，届满后不能再延长（延长须在期限届满前批准）');
  });

  it('counts a pause: a clock paused with days left may be extended, and its due day moves with the pause', () => {
    const paused = [...started, { kind: 'pause' as const, date: '2026-08-16' }];
    expect(() => assertExtendable(handle, paused, '2026-12-01', cal)).not.toThrow();
    // paused 8/16 (10 days used), resumed 8/26: 50 days left from 8/27 → Thu 10/15
    const resumed = [...paused, { kind: 'resume' as const, date: '2026-08-26' }];
    expect(() => assertExtendable(handle, resumed, '2026-10-15', cal)).not.toThrow();
    expect(refusal(() => assertExtendable(handle, resumed, '2026-10-16', cal))).toContain('2026年10月15日');
  });
});

describe('latestMisses', () => {
  const t: TransitionDef = {
    name: 'request_review',
    label: '申请复查',
    from: ['answered'],
    gates: {
      notAfter: [{ id: 'window', days: 30, unit: 'calendar', from: { field: 'reply_on' }, on: 'review_requested_on', reason: (p) => `信访人可自收到书面答复之日起${p}内请求复查`, statute: '信访工作条例第三十五条' }],
    },
  };
  const facts = (values: Record<string, unknown>) => ({ values, transitionDates: new Map<string, string>(), cal, configured: new Map<string, unknown>() });

  // answered 1/16: 1/16 + 30 = 2/15, 春节 2/15–23 → last day Tue 2/24
  it('allows a request on the last day, moved past 春节', () => {
    expect(latestMisses(t, facts({ reply_on: '2026-01-16', review_requested_on: '2026-02-24' }), '2026-03-10')).toEqual([]);
  });

  it('refuses a request the day after, naming the last day, whatever day it is entered', () => {
    const misses = latestMisses(t, facts({ reply_on: '2026-01-16', review_requested_on: '2026-02-25' }), '2026-02-25');
    expect(misses).toEqual([{ path: 'notAfter.window', label: '信访人可自收到书面答复之日起30个自然日内请求复查（信访工作条例第三十五条）', message: '信访人可自收到书面答复之日起30个自然日内请求复查（信访工作条例第三十五条），最后一日为2026年2月24日，已逾期，不能申请复查' }]);
  });

  it('checks the step date when the request date is not recorded, and nothing before the period starts', () => {
    expect(latestMisses(t, facts({ reply_on: '2026-01-16' }), '2026-02-25')).toHaveLength(1);
    expect(latestMisses(t, facts({}), '2026-12-25')).toEqual([]);
  });

  it('counts working days across 调休: 5 working days from Mon 9/28 end on Sat 10/10 (a make-up working day)', () => {
    const object: TransitionDef = { name: 'object', label: '提出异议', from: ['registered'], gates: { notAfter: [{ id: 'w', days: 5, unit: 'working', from: { field: 'received_on' }, reason: (p) => `应自收到之日起${p}内提出异议`, statute: '信访工作条例第二十三条' }] } };
    expect(latestMisses(object, facts({ received_on: '2026-09-28' }), '2026-10-10')).toEqual([]);
    expect(latestMisses(object, facts({ received_on: '2026-09-28' }), '2026-10-12')[0]?.message).toBe('应自收到之日起5个工作日内提出异议（信访工作条例第二十三条），最后一日为2026年10月10日，已逾期，不能提出异议');
  });
});

describe('assertExtendable in a year whose calendar is not loaded', () => {
  it('allows an extension on or before the unmoved last day (11/16 + 60 = 2027-01-15)', () => {
    const started = [{ kind: 'start' as const, date: '2026-11-16' }];
    expect(() => assertExtendable(handle, started, '2026-11-19', cal)).not.toThrow();
  });
});
