import { defineWorkflow, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

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
    },
    initial: 'registered',
    deriveState: (v) => {
      if (set(v['rereview_reply_on'])) return 'closed';
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
        gates: { fields: ['accepted_on', 'handling_unit'], checks: [{ message: '受理情况须为“受理”（不予受理、不再受理或转送的，请办理“告知”）', check: (v) => v['acceptance'] === '受理' }] },
      },
      {
        name: 'notify',
        label: '告知（不予受理、不再受理或转送）',
        from: ['registered'],
        to: 'answered',
        captures: ['acceptance', 'accepted_on', 'handling_result', 'reply_method'],
        gates: { fields: ['accepted_on'], checks: [{ message: '受理情况须为不予受理、不再受理或转送有权机关', check: (v) => ['不予受理', '不再受理', '转送有权机关'].includes(String(v['acceptance'])) }] },
      },
      // 信访工作条例 art. 35: extended by up to 30 days with the head's approval, the petitioner told why
      {
        name: 'extend',
        label: '延期办理',
        from: ['handling'],
        roles: ['leader', 'county_admin'],
        note: 'required',
        captures: ['extension_approved', 'extension_approved_on', 'extension_reason'],
        gates: { fields: ['extension_approved_on'] },
      },
      { name: 'reply', label: '出具处理意见', from: ['handling'], to: 'answered', todo: true, captures: ['result_kind', 'handling_result', 'reply_on', 'reply_method'], gates: { fields: ['reply_on', 'result_kind'] } },
      { name: 'close', label: '办结', from: ['answered'], to: 'closed', todo: true, captures: ['satisfaction', 'closed_on', 'on_time'], gates: { fields: ['closed_on'] } },
      // art. 36: a request for 复查 within 30 days of the opinion, answered within 30 days; art. 37 the same for 复核
      { name: 'request_review', label: '申请复查', from: ['answered', 'closed'], to: 'reviewing', captures: ['review_requested_on'], gates: { fields: ['review_requested_on'] } },
      { name: 'review_reply', label: '出具复查意见', from: ['reviewing'], to: 'reviewed', todo: true, captures: ['review_reply_on', 'review_result'], gates: { fields: ['review_reply_on', 'review_result'] } },
      { name: 'request_rereview', label: '申请复核', from: ['reviewed'], to: 'rereviewing', captures: ['rereview_requested_on'], gates: { fields: ['rereview_requested_on'] } },
      { name: 'rereview_reply', label: '出具复核意见', from: ['rereviewing'], to: 'closed', todo: true, captures: ['rereview_reply_on', 'rereview_result'], gates: { fields: ['rereview_reply_on', 'rereview_result'] } },
    ],
    clocks: [
      // art. 31: decide within 15 days whether to accept
      { id: 'accept', rule: { id: 'petition.accept', label: '受理告知期限', days: 15, unit: 'calendar' }, start: { field: 'received_on' }, stop: { field: 'accepted_on' } },
      // art. 35: handle within 60 days of acceptance, +30 once with approval
      {
        id: 'handle',
        rule: { id: 'petition.handle', label: '信访事项办理期限', days: 60, unit: 'calendar', extension: { days: 30, unit: 'calendar' } },
        start: { field: 'accepted_on', when: (v) => v['acceptance'] === '受理' },
        stop: { field: 'reply_on' },
        extension: { roles: ['leader', 'county_admin'], noticeKind: '延期告知书', on: ['extend'], field: 'extension_approved_on' },
      },
      { id: 'review', rule: { id: 'petition.review', label: '复查期限', days: 30, unit: 'calendar' }, start: { field: 'review_requested_on' }, stop: { field: 'review_reply_on' } },
      { id: 'rereview', rule: { id: 'petition.rereview', label: '复核期限', days: 30, unit: 'calendar' }, start: { field: 'rereview_requested_on' }, stop: { field: 'rereview_reply_on' } },
    ],
  });
}
