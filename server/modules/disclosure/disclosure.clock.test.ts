import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../platform/calendar/calendar.ts';
import { calendarFromChineseDays } from '../../platform/calendar/holiday-data.ts';
import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { workflowProblems } from '../../platform/workflow/workflow.types.ts';
import { applicationClock, supplementDeadline, useCalendar } from './disclosure.clock.ts';
import { applicationLedger, itemLedger } from './disclosure.ledgers.ts';

const cal = calendarFromChineseDays();
const received = { received_on: '2025-09-28' };

describe('the answer clock of an application (政府信息公开条例 arts. 30–33)', () => {
  it('is due 20 working days after receipt: 2025-09-28 → 2025-10-31', () => {
    expect(applicationClock(received, cal, '2025-10-01')).toMatchObject({ due: '2025-10-31', totalDays: 20, status: 'running' });
  });

  it('restarts with the full 20 working days when the applicant completes the application after 5 working days', () => {
    // 补正 asked on 9/30; 5 working days later (National Day holidays not counted, 10/11 is a make-up Saturday) is 10/14
    const back = addWorkingDays('2025-09-30', 5, cal).due;
    expect(back).toBe('2025-10-14');
    const clock = applicationClock({ ...received, supplement_requested_on: '2025-09-30', supplement_received_on: back }, cal, '2025-10-15');
    expect(clock?.due).toBe(addWorkingDays(back, 20, cal).due);
    expect(clock?.due).toBe('2025-11-11');
  });

  it('has no due date while waiting for the 补正', () => {
    expect(applicationClock({ ...received, supplement_requested_on: '2025-09-30' }, cal, '2025-10-10')).toMatchObject({ status: 'paused', due: null });
  });

  it('adds 20 working days once with an approved extension', () => {
    expect(applicationClock({ ...received, extension_approved_on: '2025-10-20' }, cal, '2025-10-21')).toMatchObject({ due: '2025-11-28', extended: true, totalDays: 40 });
  });

  it('does not count the time spent consulting a third party', () => {
    // paused after 10/9 (2 working days used: 9/29, 9/30 … 10/9 is the third), resumed after 10/20
    const plain = applicationClock(received, cal, '2025-10-21');
    const consulted = applicationClock({ ...received, consult_sent_on: '2025-10-09', consult_replied_on: '2025-10-20' }, cal, '2025-10-21');
    expect(plain?.due).toBe('2025-10-31');
    // 10/10, 10/11, 10/13–17, 10/20 are 8 working days not counted
    expect(consulted?.due).toBe(addWorkingDays('2025-10-31', 8, cal).due);
  });

  it('stops on the answer and tells whether it was in time', () => {
    expect(applicationClock({ ...received, answered_on: '2025-10-30' }, cal, '2025-12-01')).toMatchObject({ status: 'stopped', overdue: false });
    expect(applicationClock({ ...received, answered_on: '2025-11-05' }, cal, '2025-12-01')).toMatchObject({ status: 'stopped', overdue: true });
  });
});

describe('the ledgers', () => {
  it('declare sound workflows', () => {
    expect(workflowProblems(itemLedger)).toEqual([]);
    expect(workflowProblems(applicationLedger)).toEqual([]);
    expect(() => defineLedger(applicationLedger)).not.toThrow();
  });

  it('refuse to publish an item without a secrecy review that allows it', () => {
    const failing = (values: Record<string, unknown>) => (itemLedger.rules ?? []).filter((r) => !r.check(values)).map((r) => r.message);
    const base = { title: '通知', category: '通知公告', made_on: '2025-03-01' };
    expect(failing({ ...base, published_on: '2025-03-05' })).toContain('未经保密审查同意公开的信息不得发布');
    expect(failing({ ...base, secrecy_result: '不予公开', secrecy_reviewer: '甲', secrecy_reviewed_on: '2025-03-02', published_on: '2025-03-05' })).toContain('未经保密审查同意公开的信息不得发布');
    expect(failing({ ...base, secrecy_result: '同意公开', secrecy_reviewer: '甲', secrecy_reviewed_on: '2025-03-02', published_on: '2025-03-05' })).toEqual([]);
  });

  it('keep the outcome reason inside its outcome', () => {
    const failing = (values: Record<string, unknown>) => (applicationLedger.rules ?? []).filter((r) => !r.check(values)).map((r) => r.message);
    const base = { app_no: 'A1', received_on: '2025-03-01', channel: '邮寄（需签收）', signed_on: '2025-03-01', applicant_kind: '自然人', applicant_name: '张三', subject: 's', content: 'c', answered_on: '2025-03-10' };
    expect(failing({ ...base, outcome: '不予公开' })).toContain('请选择办理结果的具体情形');
    expect(failing({ ...base, outcome: '不予公开', outcome_reason: '重复申请' })).toContain('具体情形与办理结果不符');
    expect(failing({ ...base, outcome: '不予处理', outcome_reason: '重复申请' })).toEqual([]);
    expect(failing({ ...base, outcome: '予以公开' })).toEqual([]);
    expect(failing({ ...base, applicant_kind: '商业企业', outcome: '予以公开' })).toContain('法人或其他组织申请的须填写组织名称');
  });
});

describe('补正 within 7 working days of receipt (art. 30)', () => {
  it('ends on the 7th working day after receipt, National Day not counted and the make-up Saturday counted', () => {
    expect(supplementDeadline('2025-09-28', cal)).toBe('2025-10-14');
    expect(supplementDeadline('2025-03-03', cal)).toBe('2025-03-12');
  });

  it('never guesses a year the calendar does not hold', () => {
    const known = { ...cal, years: new Set([2025]) };
    expect(supplementDeadline('2025-12-30', known)).toBe('unknown');
    expect(supplementDeadline(null, cal)).toBeNull();
  });

  it('refuses a later 补正 request in the ledger, naming the last day', async () => {
    await useCalendar(() => Promise.resolve(cal));
    const failing = (values: Record<string, unknown>) => (applicationLedger.rules ?? []).filter((r) => !r.check(values)).map((r) => `${r.field}：${r.message}`);
    const base = { app_no: 'A1', received_on: '2025-09-28', channel: '邮寄（需签收）', signed_on: '2025-09-28', applicant_kind: '自然人', applicant_name: '张三', subject: 's', content: 'c' };
    expect(failing({ ...base, supplement_requested_on: '2025-10-14' })).toEqual([]);
    expect(failing({ ...base, supplement_requested_on: '2025-10-15' })).toEqual(['supplement_requested_on：应在收到申请之日起7个工作日内（最迟2025-10-14）一次性告知补正，逾期不得再要求补正（政府信息公开条例第三十条）']);
  });
});
