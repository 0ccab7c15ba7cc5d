import { describe, expect, it } from 'vitest';
import { checkRules } from '../../platform/ledger/ledger.validate.ts';
import { petitionLedger } from './petitions.ledgers.ts';
import { onTimeConflict, progressOf } from './petitions.rules.ts';

const accepted = { channel: '来访', matter_class: '申诉求决', received_on: '2025-03-03', acceptance: '受理', accepted_on: '2025-03-10' };

describe('onTimeConflict', () => {
  it.each([
    ['answered on day 60 and marked on time', { ...accepted, reply_on: '2025-05-09', on_time: true }, null],
    ['answered on day 60 but marked late', { ...accepted, reply_on: '2025-05-09', on_time: false }, 'on_time'],
    ['answered on day 65: the deadline may have rolled past a holiday', { ...accepted, reply_on: '2025-05-14', on_time: true }, null],
    ['answered on day 65 and marked late', { ...accepted, reply_on: '2025-05-14', on_time: false }, null],
    ['answered on day 75 without extension but marked on time', { ...accepted, reply_on: '2025-05-24', on_time: true }, 'late'],
    ['answered on day 85 with an approved extension', { ...accepted, extension_approved: true, reply_on: '2025-06-03', on_time: true }, null],
    ['answered on day 110 with an extension but marked on time', { ...accepted, extension_approved: true, reply_on: '2025-06-28', on_time: true }, 'late'],
    ['a ticket answered by its deadline', { ...accepted, channel: '12345热线', ticket_due_on: '2025-03-10', reply_on: '2025-03-10', on_time: true }, null],
    ['a ticket answered a day late but marked on time', { ...accepted, channel: '12345热线', ticket_due_on: '2025-03-10', reply_on: '2025-03-11', on_time: true }, 'late'],
    ['a ticket answered in time but marked late', { ...accepted, channel: '12345热线', ticket_due_on: '2025-03-10', reply_on: '2025-03-09', on_time: false }, 'on_time'],
    ['not accepted, told on day 7', { ...accepted, acceptance: '导入相应程序', closed_on: '2025-03-10', on_time: true }, null],
    ['not accepted, told on day 30 but marked on time', { ...accepted, acceptance: '导入相应程序', accepted_on: '2025-04-02', closed_on: '2025-04-02', on_time: true }, 'late'],
    ['nothing recorded yet', { ...accepted }, null],
    ['a 建议意见 matter has no statutory handling limit', { ...accepted, matter_class: '建议意见', reply_on: '2025-06-28', on_time: true }, null],
  ] as const)('%s', (_name, record, expected) => {
    expect(onTimeConflict(record)).toBe(expected);
  });
});

describe('progressOf', () => {
  it.each([
    [{ channel: '来信' }, '待受理'],
    [{ acceptance: '受理' }, '办理中'],
    [{ acceptance: '受理', reply_on: '2025-04-01' }, '已答复'],
    [{ acceptance: '转送有权机关' }, '已答复'],
    [{ acceptance: '受理', reply_on: '2025-04-01', closed_on: '2025-04-03' }, '已办结'],
  ] as const)('%o is %s', (record, expected) => {
    expect(progressOf(record)).toBe(expected);
  });
});

describe('petition rules', () => {
  const base = { reg_no: 'X1', channel: '来信', received_on: '2025-03-03', category: '民政', matter_class: '申诉求决', summary: '申请低保', party_kind: '个人', people_count: 1, petitioner_name: '王某', progress: '待受理' };
  const failing = (r: Record<string, unknown>): string[] => checkRules(petitionLedger, r).map((e) => e.path);
  const answered = { acceptance: '受理', accepted_on: '2025-03-05', reply_on: '2025-04-01', handling_result: '不予支持', result_kind: '不予支持', reply_method: '书面答复（处理意见书）', progress: '已答复' };

  it('accepts a 复查 request on the 30th day and a 复核 request on the 39th (a last day may roll past a holiday)', () => {
    expect(failing({ ...base, ...answered, review_requested_on: '2025-05-01' })).toEqual([]);
    expect(failing({ ...base, ...answered, review_requested_on: '2025-04-20', review_reply_on: '2025-05-10', review_result: '维持', rereview_requested_on: '2025-06-18' })).toEqual([]);
  });

  it('accepts a fresh letter', () => {
    expect(failing(base)).toEqual([]);
  });

  it.each([
    ['acceptance before receipt', { acceptance: '受理', accepted_on: '2025-03-01', progress: '办理中' }, 'accepted_on'],
    ['a collective visit of three', { party_kind: '集体', people_count: 3 }, 'people_count'],
    ['an assigned case without its assigning organ', { channel: '上级交办' }, 'referred_by'],
    ['a hotline ticket without a deadline', { channel: '12345热线' }, 'ticket_due_on'],
    ['an extension without a reason', { acceptance: '受理', accepted_on: '2025-03-05', extension_approved: true, extension_approved_on: '2025-04-20', progress: '办理中' }, 'extension_reason'],
    ['a reply to a matter not accepted', { acceptance: '导入相应程序', accepted_on: '2025-03-05', reply_on: '2025-03-06', progress: '已答复' }, 'reply_on'],
    ['a closed matter without on-time flag', { acceptance: '导入相应程序', accepted_on: '2025-03-05', closed_on: '2025-03-06', progress: '已办结' }, 'on_time'],
    ['a status that the dates contradict', { acceptance: '受理', accepted_on: '2025-03-05', progress: '待受理' }, 'progress'],
    ['a review before the answer', { acceptance: '受理', accepted_on: '2025-03-05', progress: '办理中', review_requested_on: '2025-03-20' }, 'review_requested_on'],
    ['a re-review without a review', { acceptance: '受理', accepted_on: '2025-03-05', reply_on: '2025-04-01', handling_result: '已答复', result_kind: '解释说明', reply_method: '当面答复', progress: '已答复', rereview_requested_on: '2025-05-01' }, 'rereview_requested_on'],
    ['a petition without its class', { matter_class: null }, 'matter_class'],
    ['a diverted matter without the procedure', { acceptance: '导入相应程序', accepted_on: '2025-03-05', progress: '已答复' }, 'diverted_to'],
    ['a procedure named for a matter not diverted', { acceptance: '转送有权机关', accepted_on: '2025-03-05', diverted_to: '诉讼', progress: '已答复' }, 'diverted_to'],
    ['an extension of a 建议意见 matter', { matter_class: '建议意见', acceptance: '受理', accepted_on: '2025-03-05', extension_approved: true, extension_approved_on: '2025-04-20', extension_reason: '情况复杂', progress: '办理中' }, 'extension_approved'],
    ['an objection to a letter not sent down', { objected_on: '2025-03-05', objection_reason: '非本机关职权', progress: '已退回' }, 'objected_on'],
    // the request 314 days late that testers got accepted
    ['a 复查 request 314 days after the answer', { ...answered, review_requested_on: '2026-02-09' }, 'review_requested_on'],
    ['a 复核 request 60 days after the 复查 opinion', { ...answered, review_requested_on: '2025-04-20', review_reply_on: '2025-05-10', review_result: '维持', rereview_requested_on: '2025-07-09' }, 'rereview_requested_on'],
  ] as const)('refuses %s', (_name, patch, field) => {
    expect(failing({ ...base, ...patch })).toContain(field);
  });
});
