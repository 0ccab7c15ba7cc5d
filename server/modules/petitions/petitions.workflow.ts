import { defineWorkflow, type TimingGate, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** 信访工作条例 arts. 35–36: the petitioner's 30 days to ask for 复查 (复核), counted from the answer the request is against */
function requestWindow(id: string, from: string, on: string, who: string, what: string, statute: string): TimingGate {
  return { id, days: 30, unit: 'calendar', from: { field: from }, on, reason: (p) => `${who}${p}内${what}`, statute };
}

export interface PetitionWorkflowOptions {
  /** fields that follow from the dates, e.g. `(v) => ({ progress: progressOf(v) })` for the 办理状态 */
  computeFields?: WorkflowDef['computeFields'];
}

/**
 * 信访事项 (信访工作条例 2022), for a ledger with the petitions.case fields (received_on, acceptance, accepted_on,
 * reply_on, closed_on, extension_approved_on, review_… and rereview_… dates). The state follows the dates, so
 * records edited as a whole or imported from Excel stay right; every clock starts and stops on a date field.
 */
export function petitionWorkflow(opts: PetitionWorkflowOptions = {}): WorkflowDef {
  return defineWorkflow({
    states: {
      registered: { label: '待受理' },
      handling: { label: '办理中' },
      answered: { label: '已答复' },
      reviewing: { label: '复查中' },
      reviewed: { label: '已复查' },
      rereviewing: { label: '复核中' },
      closed: { label: '已办结', final: true },
      // art. 23: a matter sent down that is not this organ's business, objected to and returned
      returned: { label: '已退回转送（交办）机关', final: true },
      // art. 36: the 复核 opinion ends the matter; the same facts and reasons are not taken again
      concluded: { label: '复核终结', final: true },
    },
    initial: 'registered',
    deriveState: (v) => {
      if (set(v['objected_on'])) return 'returned';
      if (set(v['rereview_reply_on'])) return 'concluded';
      if (set(v['rereview_requested_on'])) return 'rereviewing';
      if (set(v['review_reply_on'])) return 'reviewed';
      if (set(v['review_requested_on'])) return 'reviewing';
      if (set(v['closed_on'])) return 'closed';
      if (set(v['reply_on']) || (set(v['acceptance']) && v['acceptance'] !== '受理')) return 'answered';
      if (v['acceptance'] === '受理') return 'handling';
      return 'registered';
    },
    ...(opts.computeFields ? { computeFields: opts.computeFields } : {}),
    transitions: [
      {
        name: 'accept',
        label: '受理',
        from: ['registered'],
        to: 'handling',
        todo: { label: '受理或告知' },
        captures: ['acceptance', 'accepted_on', 'handling_unit', 'handler'],
        gates: { fields: ['accepted_on', 'handling_unit'], checks: [{ message: '受理情况须为“受理”（转送、导入相应程序、告知向有权机关提出或不再受理的，请办理“告知”）', check: (v) => v['acceptance'] === '受理' }] },
      },
      {
        name: 'notify',
        label: '告知（转送、导入相应程序或不再受理）',
        from: ['registered'],
        to: 'answered',
        captures: ['acceptance', 'accepted_on', 'handling_result', 'reply_method', 'diverted_to'],
        gates: { fields: ['accepted_on'], checks: [{ message: '受理情况须为转送有权机关、导入相应程序、告知向有权机关提出或不再受理', check: (v) => ['转送有权机关', '导入相应程序', '告知向有权机关提出', '不再受理'].includes(String(v['acceptance'])) }] },
      },
      // 信访工作条例 art. 34: a 申诉求决 matter extended by up to 30 days with the head's approval, the petitioner told why
      {
        name: 'extend',
        label: '延期办理',
        from: ['handling'],
        roles: ['leader', 'county_admin'],
        note: 'required',
        captures: ['extension_approved', 'extension_approved_on', 'extension_reason'],
        gates: { fields: ['extension_approved_on'], checks: [{ message: '只有申诉求决类事项才有60日办理期限，才能延期（信访工作条例第三十四条）', check: (v) => v['matter_class'] === '申诉求决' }] },
      },
      { name: 'reply', label: '出具处理意见', from: ['handling'], to: 'answered', todo: true, captures: ['result_kind', 'handling_result', 'reply_on', 'reply_method'], gates: { fields: ['reply_on', 'result_kind'] } },
      { name: 'close', label: '办结', from: ['answered'], to: 'closed', todo: true, captures: ['satisfaction', 'closed_on', 'on_time'], gates: { fields: ['closed_on'] } },
      // art. 35: a request for 复查 within 30 days of the written answer, answered within 30 days; art. 36 the same for
      // 复核. A late request is refused with its last day named (the day it is recorded as made, not the day entered)
      {
        name: 'request_review',
        label: '申请复查',
        from: ['answered', 'closed'],
        to: 'reviewing',
        captures: ['review_requested_on'],
        gates: { fields: ['review_requested_on'], notAfter: [requestWindow('review_window', 'reply_on', 'review_requested_on', '信访人可自收到书面答复之日起', '请求复查', '信访工作条例第三十五条')] },
      },
      { name: 'review_reply', label: '出具复查意见', from: ['reviewing'], to: 'reviewed', todo: true, captures: ['review_reply_on', 'review_result'], gates: { fields: ['review_reply_on', 'review_result'] } },
      {
        name: 'request_rereview',
        label: '申请复核',
        from: ['reviewed'],
        to: 'rereviewing',
        captures: ['rereview_requested_on'],
        gates: { fields: ['rereview_requested_on'], notAfter: [requestWindow('rereview_window', 'review_reply_on', 'rereview_requested_on', '信访人可自收到复查意见之日起', '请求复核', '信访工作条例第三十六条')] },
      },
      { name: 'rereview_reply', label: '出具复核意见', from: ['rereviewing'], to: 'concluded', todo: true, captures: ['rereview_reply_on', 'rereview_result'], gates: { fields: ['rereview_reply_on', 'rereview_result'] } },
      // art. 36 para. 2: the time a 复核 hearing takes is not counted in the 30 days
      { name: 'rereview_hearing', label: '举行复核听证', from: ['rereviewing'], captures: ['rereview_hearing_on'], gates: { fields: ['rereview_hearing_on'], checks: [{ message: '复核听证已经举行', check: (v) => !set(v['rereview_hearing_end_on']) }] } },
      { name: 'rereview_hearing_end', label: '复核听证结束', from: ['rereviewing'], captures: ['rereview_hearing_end_on'], gates: { fields: ['rereview_hearing_end_on'], after: ['rereview_hearing'] } },
      // art. 23: a matter sent down that is not this organ's business is objected to within 5 working days
      {
        name: 'object',
        label: '提出异议（退回转送、交办机关）',
        from: ['registered'],
        to: 'returned',
        captures: ['objected_on', 'objection_reason'],
        gates: {
          fields: ['objected_on', 'objection_reason'],
          checks: [{ message: '只有上级转送、交办的事项才能提出异议', check: (v) => v['channel'] === '上级交办' }],
          notAfter: [
            {
              id: 'objection_window',
              days: 5,
              unit: 'working',
              from: { field: 'received_on' },
              on: 'objected_on',
              reason: (p) => `转送、交办的事项不属于本机关职权范围的，应自收到之日起${p}内提出异议`,
              statute: '信访工作条例第二十三条',
            },
          ],
        },
      },
    ],
    clocks: [
      // arts. 22–23: registered, then routed or the petitioner told in writing within 15 days (no acceptance decision);
      // a matter objected to and returned (art. 23, 5 working days) is not kept on this clock
      { id: 'accept', rule: { id: 'petition.accept', label: '登记告知期限', days: 15, unit: 'calendar' }, start: { field: 'received_on', when: (v) => !set(v['objected_on']) }, stop: { field: 'accepted_on' } },
      // art. 34: a 申诉求决 matter is handled within 60 days of acceptance, +30 once with approval before it runs out
      {
        id: 'handle',
        rule: { id: 'petition.handle', label: '申诉求决类事项办理期限', days: 60, unit: 'calendar', extension: { days: 30, unit: 'calendar' } },
        start: { field: 'accepted_on', when: (v) => v['acceptance'] === '受理' && v['matter_class'] === '申诉求决' },
        stop: { field: 'reply_on' },
        extension: { roles: ['leader', 'county_admin'], noticeKind: '延期告知书', on: ['extend'], field: 'extension_approved_on' },
      },
      { id: 'review', rule: { id: 'petition.review', label: '复查期限', days: 30, unit: 'calendar' }, start: { field: 'review_requested_on' }, stop: { field: 'review_reply_on' } },
      { id: 'rereview', rule: { id: 'petition.rereview', label: '复核期限', days: 30, unit: 'calendar' }, start: { field: 'rereview_requested_on' }, stop: { field: 'rereview_reply_on' }, pauseOn: ['rereview_hearing'], resumeOn: ['rereview_hearing_end'] },
    ],
  });
}
