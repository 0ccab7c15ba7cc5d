import { defineWorkflow, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';

const SECRECY_REVIEW_AND_PUBLICATION = ['secrecy_result', 'secrecy_reviewer', 'secrecy_reviewed_on', 'secrecy_opinion', 'redaction_confirmed', 'published_on'];
const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';
export const PUBLISHABLE = ['同意公开', '删除涉密内容后公开'] as const;
export const isPublishable = (v: unknown): boolean => (PUBLISHABLE as readonly unknown[]).includes(v);

/**
 * 主动公开: drafted → 保密审查 → published (or withheld). 政府信息公开条例 art. 26: published within 20 working days of
 * the information being made or changed. The state follows the dates, so imported records stay right.
 */
export function itemWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      draft: { label: '待送审' },
      reviewing: { label: '保密审查中' },
      approved: { label: '待发布' },
      published: { label: '已公开', final: true },
      withheld: { label: '不予公开', final: true },
      revoked: { label: '已撤回', final: true },
    },
    initial: 'draft',
    deriveState: (v) => {
      if (set(v['revoked_on'])) return 'revoked';
      if (set(v['published_on'])) return 'published';
      if (v['secrecy_result'] === '不予公开') return 'withheld';
      if (isPublishable(v['secrecy_result'])) return 'approved';
      if (set(v['secrecy_submitted_on'])) return 'reviewing';
      return 'draft';
    },
    transitions: [
      { name: 'submit_review', label: '送保密审查', from: ['draft'], to: 'reviewing', todo: true, captures: ['secrecy_submitted_on'], gates: { fields: ['secrecy_submitted_on'] } },
      {
        name: 'review',
        label: '保密审查',
        from: ['reviewing'],
        roles: ['reviewer', 'legal_reviewer', 'leader', 'county_admin'],
        todo: { when: (v) => !v['secrecy_result'] },
        captures: ['secrecy_result', 'secrecy_reviewer', 'secrecy_reviewed_on', 'secrecy_opinion', 'redaction_confirmed'],
        gates: { fields: ['secrecy_result', 'secrecy_reviewer', 'secrecy_reviewed_on'] },
        // the conclusion decides where the item goes: agreed items wait for 发布, the others are not published
        conclusion: { field: 'secrecy_result', negative: ['不予公开'], blocks: ['publish'], states: { 同意公开: 'approved', 删除涉密内容后公开: 'approved', 不予公开: 'withheld' } },
      },
      {
        name: 'publish',
        label: '发布',
        from: ['approved'],
        to: 'published',
        todo: true,
        captures: ['published_on', 'channels', 'url'],
        gates: { fields: ['published_on', 'channels'], checks: [{ message: '须经保密审查同意公开后方可发布', check: (v) => isPublishable(v['secrecy_result']) }] },
      },
    ],
    clocks: [
      // 政府信息公开条例 art. 26: 20 working days from the day the information is made or changed
      { id: 'publish', rule: { id: 'disclosure.publish', label: '主动公开期限', days: 20, unit: 'working' }, start: { field: 'made_on' }, stop: { field: 'published_on' } },
    ],
    correction: {
      // a corrected item goes back to 保密审查 and stays off the public site until it is approved and published again
      clear: () => SECRECY_REVIEW_AND_PUBLICATION,
      revoke: { field: 'revoked_on', reasonField: 'revoke_reason', to: 'revoked', label: '撤回公开' },
    },
  });
}

// outcomes that disclose; before one is chosen the third party's period is shown as running
const DISCLOSING = new Set(['予以公开', '部分公开']);

/**
 * 依申请公开 (政府信息公开条例 2019): answer within 20 working days of receipt (+20 once with approval, the applicant
 * told, art. 33); a request to complete the application (补正, within 7 working days, art. 30) pauses the clock and
 * the completed application restarts it; third-party consultation is not counted (art. 32).
 */
export function applicationWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      received: { label: '办理中' },
      awaiting_supplement: { label: '待补正' },
      consulting: { label: '征求第三方意见' },
      answered: { label: '已答复', final: true },
    },
    initial: 'received',
    deriveState: (v) => {
      if (set(v['answered_on'])) return 'answered';
      if (set(v['supplement_requested_on']) && !set(v['supplement_received_on'])) return 'awaiting_supplement';
      if (set(v['consult_sent_on']) && !set(v['consult_replied_on'])) return 'consulting';
      return 'received';
    },
    transitions: [
      { name: 'request_supplement', label: '告知补正', from: ['received'], to: 'awaiting_supplement', captures: ['supplement_requested_on'], gates: { fields: ['supplement_requested_on'] } },
      { name: 'supplement_received', label: '收到补正材料', from: ['awaiting_supplement'], to: 'received', captures: ['supplement_received_on'], gates: { fields: ['supplement_received_on'] } },
      { name: 'consult', label: '征求第三方意见', from: ['received'], to: 'consulting', captures: ['consult_sent_on'], gates: { fields: ['consult_sent_on'] } },
      { name: 'consulted', label: '第三方答复', from: ['consulting'], to: 'received', captures: ['consult_replied_on'], gates: { fields: ['consult_replied_on'] } },
      { name: 'extend', label: '延期答复', from: ['received', 'consulting'], roles: ['leader', 'county_admin'], note: 'required', captures: ['extension_approved_on', 'extension_reason'], gates: { fields: ['extension_approved_on'] } },
      {
        name: 'answer',
        label: '作出答复',
        todo: true,
        // from consulting too: a third party that does not reply within its period does not hold the answer (art. 32)
        from: ['received', 'consulting'],
        to: 'answered',
        captures: ['outcome', 'outcome_reason', 'answered_on'],
        gates: {
          fields: ['outcome', 'answered_on'],
          // art. 32: the third party has 15 working days to give its opinion before its information is disclosed
          notBefore: [
            {
              id: 'third_party',
              days: 15,
              unit: 'working',
              from: { field: 'consult_sent_on' },
              on: 'answered_on',
              reason: (p) => `第三方可在收到征求意见书之日起${p}内提出意见`,
              statute: '政府信息公开条例第三十二条',
              when: (v) => !set(v['outcome']) || DISCLOSING.has(String(v['outcome'])),
              unless: ['consult_replied_on'],
            },
          ],
        },
      },
    ],
    clocks: [
      {
        id: 'answer',
        rule: { id: 'disclosure.answer', label: '依申请公开答复期限', days: 20, unit: 'working', extension: { days: 20, unit: 'working' } },
        start: { field: 'received_on' },
        pauseOn: ['request_supplement', 'consult'],
        resumeOn: ['consulted'],
        restartOn: ['supplement_received'],
        stop: { field: 'answered_on' },
        extension: { roles: ['leader', 'county_admin'], noticeKind: '延期答复告知书', on: ['extend'], field: 'extension_approved_on' },
      },
    ],
    // the reply letter's 文号 is given when the letter is first printed, after the answer
    correction: { editableWhenLocked: ['reply_no'] },
  });
}
