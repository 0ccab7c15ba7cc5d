import { describe, expect, it } from 'vitest';
import { calendarFromChineseDays } from '../calendar/holiday-data.ts';
import { defineLedger, type LedgerDef } from '../ledger/ledger.types.ts';
import { computeClock } from './clock.ts';
import { chinaDate, clockEffects, clockEvents, effectiveRule, gateMisses, phaseOf, withEffect, type StoredClockEvent } from './workflow.engine.ts';
import { defineWorkflow, workflowPermissions, workflowProblems, type ClockDef } from './workflow.types.ts';

const cal = calendarFromChineseDays();

const workflow = defineWorkflow({
  states: { filed: { label: '已立案' }, reviewed: { label: '已审核' }, suspended: { label: '已中止' }, decided: { label: '已决定', final: true } },
  initial: 'filed',
  transitions: [
    { name: 'review', label: '法制审核', from: ['filed'], to: 'reviewed', roles: ['legal_reviewer'], gates: { attachments: ['法制审核意见书'] } },
    { name: 'suspend', label: '中止', from: ['filed', 'reviewed'], to: 'suspended', note: 'required' },
    { name: 'resume', label: '恢复', from: ['suspended'], to: 'filed' },
    { name: 'extend', label: '延期', from: ['filed', 'reviewed'], note: 'required' },
    {
      name: 'decide',
      label: '作出决定',
      from: ['filed', 'reviewed'],
      to: 'decided',
      permission: 'matter.decide',
      captures: ['decision_no', 'decided_on'],
      gates: { after: ['review'], fields: ['decision_no'], checks: [{ message: '决定日期不能早于受理日期', check: (v) => !v['decided_on'] || String(v['decided_on']) >= String(v['received_on']) }] },
    },
  ],
  clocks: [
    {
      id: 'decide',
      rule: { id: 'matter.decide', label: '决定期限', days: 20, unit: 'working', extension: { days: 20, unit: 'working' } },
      start: { field: 'received_on' },
      pauseOn: ['suspend'],
      resumeOn: ['resume'],
      stop: { transitions: ['decide'], field: 'decided_on' },
      extension: { noticeKind: '延期通知书', on: ['extend'] },
    },
  ],
});

const ledger: LedgerDef = defineLedger({
  name: 'test.matter',
  table: 'test_matter',
  label: '测试事项',
  noun: '事项',
  module: 'test',
  titleFields: ['case_no'],
  fields: [
    { name: 'case_no', label: '案号', type: 'text', required: true },
    { name: 'received_on', label: '受理日期', type: 'date' },
    { name: 'decision_no', label: '决定书文号', type: 'text' },
    { name: 'decided_on', label: '决定日期', type: 'date' },
    { name: 'note', label: '备注', type: 'text' },
  ],
  workflow,
});

const clock = workflow.clocks?.[0] as ClockDef;
const decide = workflow.transitions.find((t) => t.name === 'decide');
if (!decide) throw new Error('decide missing');

describe('gates', () => {
  it('names every missing prior step, field, attachment and failed check', () => {
    const misses = gateMisses(ledger, decide, { values: { received_on: '2026-03-02', decided_on: '2026-03-01', decision_no: '' }, attachmentKinds: new Set(), done: new Set(['create']) });
    expect(misses.map((m) => m.message)).toEqual(['尚未办理“法制审核”', '未填写“决定书文号”', '决定日期不能早于受理日期']);
    expect(misses.map((m) => m.path)).toEqual(['after.review', 'decision_no', 'check']);
  });

  it('lets the transition through when everything is there', () => {
    expect(gateMisses(ledger, decide, { values: { received_on: '2026-03-02', decision_no: '决字〔2026〕1号' }, attachmentKinds: new Set(), done: new Set(['review']) })).toEqual([]);
  });

  it('asks for the attachment kind by name', () => {
    const review = workflow.transitions[0];
    if (!review) throw new Error('review missing');
    expect(gateMisses(ledger, review, { values: {}, attachmentKinds: new Set(['附件']), done: new Set() })).toEqual([{ path: 'attachments.法制审核意见书', label: '法制审核意见书', message: '缺少附件“法制审核意见书”' }]);
  });
});

describe('clock events', () => {
  it('derives the start from a date field and the stop from another, the stop last', () => {
    const stored: StoredClockEvent[] = [{ kind: 'pause', date: '2026-03-06' }, { kind: 'resume', date: '2026-03-20' }];
    const events = clockEvents(ledger, clock, stored, { received_on: '2026-03-02', decided_on: '2026-03-20' });
    expect(events?.map((e) => `${e.kind}:${e.date}`)).toEqual(['start:2026-03-02', 'pause:2026-03-06', 'resume:2026-03-20', 'stop:2026-03-20']);
    expect(events?.[0]?.reason).toBe('受理日期');
  });

  it('has not started while the start field is empty', () => {
    expect(clockEvents(ledger, clock, [], { received_on: null })).toBeNull();
    expect(phaseOf(clockEvents(ledger, clock, [], {}))).toBe('idle');
  });

  it('replaces a stop recorded by a transition with the date the field holds', () => {
    const events = clockEvents(ledger, clock, [{ kind: 'stop', date: '2026-03-25', transition: 'decide' }], { received_on: '2026-03-02', decided_on: '2026-03-24' });
    expect(events?.filter((e) => e.kind === 'stop')).toEqual([{ kind: 'stop', date: '2026-03-24', reason: '决定日期' }]);
  });

  it('reads the start only when its condition holds', () => {
    const conditional: ClockDef = { ...clock, start: { field: 'received_on', when: (v) => v['note'] === '受理' } };
    expect(clockEvents(ledger, conditional, [], { received_on: '2026-03-02', note: '不予受理' })).toBeNull();
    expect(clockEvents(ledger, conditional, [], { received_on: '2026-03-02', note: '受理' })).toHaveLength(1);
  });

  it('maps transitions to clock effects and applies each only in a phase where it makes sense', () => {
    expect(clockEffects(clock, 'suspend')).toEqual(['pause']);
    expect(clockEffects(clock, 'extend')).toEqual(['extend']);
    expect(clockEffects(clock, 'decide')).toEqual(['stop']);
    expect(clockEffects(clock, 'review')).toEqual([]);
    const e: StoredClockEvent = { kind: 'pause', date: '2026-03-06' };
    expect(withEffect('pause', [], 'running', e)).toEqual([e]);
    expect(withEffect('pause', [e], 'paused', e)).toBeNull();
    expect(withEffect('resume', [], 'running', { kind: 'resume', date: '2026-03-07' })).toBeNull();
    expect(withEffect('start', [], 'running', { kind: 'start', date: '2026-03-07' })).toBeNull();
    expect(withEffect('restart', [], 'idle', { kind: 'restart', date: '2026-03-07' })).toEqual([{ kind: 'start', date: '2026-03-07' }]);
    expect(withEffect('stop', [], 'stopped', { kind: 'stop', date: '2026-03-07' })).toBeNull();
  });

  it('computes pause and resume through the stored events (paused time does not count)', () => {
    const stored: StoredClockEvent[] = [{ kind: 'pause', date: '2026-03-06' }, { kind: 'resume', date: '2026-03-20' }];
    const events = clockEvents(ledger, clock, stored, { received_on: '2026-03-02' }) ?? [];
    expect(computeClock(clock.rule, events, cal, { today: '2026-03-23' }).due).toBe('2026-04-14');
  });

  it('takes a configured number of days in place of the declared one, and ignores nonsense', () => {
    const base = { ...clock, daysSetting: 'clock.x' };
    expect(effectiveRule(base, 45).days).toBe(45);
    expect(effectiveRule(base, '45').days).toBe(45);
    expect(effectiveRule(base, undefined).days).toBe(20);
    expect(effectiveRule(base, -3).days).toBe(20);
    expect(effectiveRule(base, 'abc').days).toBe(20);
  });
});

describe('declarations', () => {
  it('accepts a sound workflow and derives its permissions', () => {
    expect(workflowProblems(ledger)).toEqual([]);
    expect(workflowPermissions(ledger).map((p) => [p.code, p.label, [...p.roles]])).toEqual([
      ['test.matter.transition.review', '测试事项：法制审核', ['legal_reviewer']],
      ['test.matter.transition.suspend', '测试事项：中止', ['clerk', 'reviewer', 'county_admin']],
      ['test.matter.transition.resume', '测试事项：恢复', ['clerk', 'reviewer', 'county_admin']],
      ['test.matter.transition.extend', '测试事项：延期', ['clerk', 'reviewer', 'county_admin']],
      ['test.matter.clock.decide.extend', '测试事项：延长决定期限', ['leader', 'county_admin']],
      // a ledger with a final state: its closed records change only through 更正 (decision 0012)
      ['test.matter.correct', '测试事项：更正、撤回已结案或已公开的记录', ['reviewer', 'leader', 'county_admin']],
    ]);
  });

  it('lists every mistake in a declaration', () => {
    const bad = defineWorkflow({
      states: { a: { label: 'A' } },
      initial: 'b',
      transitions: [
        { name: 'go', label: '去', from: ['a'], to: 'c', captures: ['nope'], gates: { after: ['ghost'] } },
        { name: 'go', label: '去', from: ['a'], to: 'a' },
      ],
      clocks: [
        { id: 'k', rule: { id: 'k', label: 'K', days: 5, unit: 'working' }, start: { field: 'case_no' }, stop: { transitions: ['later'] }, extension: {} },
        { id: 'never', rule: { id: 'n', label: 'N', days: 5, unit: 'working' }, start: {} },
      ],
    });
    expect(workflowProblems({ ...ledger, workflow: bad })).toEqual([
      'test.matter workflow: initial state b is not declared',
      'test.matter workflow: transition go uses undeclared state c',
      'test.matter workflow: transition go names unknown field nope',
      'test.matter workflow: duplicate transition go',
      'test.matter workflow: transition go waits for unknown transition ghost',
      'test.matter workflow: clock k names unknown transition later',
      'test.matter workflow: clock k field case_no is not a date',
      'test.matter workflow: clock k declares an extension its rule does not allow',
      'test.matter workflow: clock never never starts',
    ]);
  });
});

describe('chinaDate', () => {
  it('counts days in Beijing time', () => {
    expect(chinaDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(chinaDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});
