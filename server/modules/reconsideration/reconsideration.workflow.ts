import type { RoleCode } from '../../platform/auth/roles.ts';
import { defineWorkflow, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';

const filledIn = (v: Readonly<Record<string, unknown>>, f: string): boolean => v[f] !== null && v[f] !== undefined && v[f] !== '';

/** who does what in the county's 行政复议 office: the office registers and examines, its reviewers hear, the head decides */
export const ORGAN_ROLES = {
  register: ['clerk', 'county_admin'],
  examine: ['clerk', 'reviewer', 'legal_reviewer', 'county_admin'],
  hear: ['reviewer', 'legal_reviewer'],
  decide: ['leader'],
} as const satisfies Record<string, readonly RoleCode[]>;

/**
 * the reconsideration organ's side (the county government as 行政复议机关, its 行政复议机构 doing the work, 行政复议法
 * 2023), for the reconsideration.organ ledger: acceptance review within 5 working days of receipt (art. 30; art. 88
 * makes 五日 working days) — after that the application counts as accepted, so a 不予受理 decision is refused and a
 * late acceptance shows on the overdue clock; the ordinary procedure decided within 60 days of acceptance, extended
 * once by at most 30 days with the head's approval before the period runs out (art. 62); the simplified procedure
 * within 30 days (art. 62 para. 2, arts. 53, 61); suspension stops the clock (art. 39); termination, withdrawal
 * included (arts. 41, 74); the reviewers' opinion, then the decision by the head, with the written decision attached.
 */
export function reconsiderationOrganWorkflow(): WorkflowDef {
  const decide = { transitions: ['decide', 'terminate'] };
  return defineWorkflow({
    states: {
      received: { label: '受理审查' },
      accepted: { label: '审理中（普通程序）' },
      accepted_simplified: { label: '审理中（简易程序）' },
      suspended: { label: '中止审理（普通程序）' },
      suspended_simplified: { label: '中止审理（简易程序）' },
      not_accepted: { label: '不予受理', final: true },
      decided: { label: '已作出复议决定', final: true },
      terminated: { label: '已终止', final: true },
    },
    initial: 'received',
    transitions: [
      { name: 'accept', label: '受理（普通程序）', from: ['received'], to: 'accepted', roles: ORGAN_ROLES.examine, todo: { label: '受理审查' }, captures: ['accepted_on'], dateField: 'accepted_on', gates: { fields: ['accepted_on'] } },
      // arts. 53, 61: the simplified procedure for clear facts, clear rights and duties and a small dispute, or when the parties agree
      { name: 'accept_simplified', label: '受理（简易程序）', from: ['received'], to: 'accepted_simplified', roles: ORGAN_ROLES.examine, todo: { label: '受理审查' }, captures: ['accepted_on'], dateField: 'accepted_on', gates: { fields: ['accepted_on'] } },
      // art. 30: after the review period the application counts as accepted, so no 不予受理 decision can follow
      {
        name: 'reject',
        label: '不予受理',
        from: ['received'],
        to: 'not_accepted',
        roles: ORGAN_ROLES.examine,
        todo: { label: '受理审查' },
        captures: ['rejected_on', 'reject_reason'],
        dateField: 'rejected_on',
        gates: {
          fields: ['rejected_on', 'reject_reason'],
          attachments: ['不予受理决定书'],
          notAfter: [{ id: 'acceptance_review', days: 5, unit: 'working', from: { field: 'received_on' }, on: 'rejected_on', reason: (p, last) => `行政复议机关应当自收到申请之日起${p}内审查，期满未作出不予受理决定的视为受理，审查期限最后一日为${last}，不能再决定不予受理`, statute: '行政复议法第三十条、第八十八条' }],
        },
      },
      // art. 39: suspension; the time suspended does not count
      { name: 'suspend', label: '中止审理', from: ['accepted'], to: 'suspended', roles: ORGAN_ROLES.hear, note: 'required', gates: { attachments: ['中止审理通知书'] } },
      { name: 'resume', label: '恢复审理', from: ['suspended'], to: 'accepted', roles: ORGAN_ROLES.hear, note: 'optional' },
      { name: 'suspend_simplified', label: '中止审理', from: ['accepted_simplified'], to: 'suspended_simplified', roles: ORGAN_ROLES.hear, note: 'required', gates: { attachments: ['中止审理通知书'] } },
      { name: 'resume_simplified', label: '恢复审理', from: ['suspended_simplified'], to: 'accepted_simplified', roles: ORGAN_ROLES.hear, note: 'optional' },
      // the reviewers hear the case (arts. 49–51, 58) and put their opinion to the head
      { name: 'propose', label: '提出审理意见', from: ['accepted', 'accepted_simplified'], roles: ORGAN_ROLES.hear, todo: { label: '审理', when: (v) => !filledIn(v, 'review_opinion') }, captures: ['review_opinion', 'proposed_kind'], gates: { fields: ['review_opinion', 'proposed_kind'] } },
      // art. 62: extended by up to 30 days with the head's approval, the parties told in writing
      { name: 'extend', label: '延长审理期限', from: ['accepted', 'suspended'], roles: ORGAN_ROLES.decide, note: 'required' },
      {
        name: 'decide',
        label: '作出复议决定',
        from: ['accepted', 'accepted_simplified'],
        to: 'decided',
        roles: ORGAN_ROLES.decide,
        todo: { label: '作出复议决定', when: (v) => filledIn(v, 'review_opinion') },
        captures: ['decision_kind', 'decided_on'],
        dateField: 'decided_on',
        gates: { fields: ['decision_kind', 'decided_on'], after: ['propose'], attachments: ['行政复议决定书'] },
      },
      // art. 79: the decision is published as the act reviewed was, or the reason it is not recorded; the state stays
      {
        name: 'publish',
        label: '决定书公开',
        from: ['decided'],
        roles: ORGAN_ROLES.decide,
        todo: { label: '决定书公开', when: (v) => !filledIn(v, 'publication') },
        captures: ['publication', 'nonpublication_reason', 'published_on', 'public_text'],
        gates: { fields: ['publication'] },
      },
      // arts. 41, 74: termination, the applicant's withdrawal (撤回申请) among its grounds
      { name: 'terminate', label: '终止审理', from: ['accepted', 'accepted_simplified', 'suspended', 'suspended_simplified'], to: 'terminated', roles: ORGAN_ROLES.hear, note: 'required', captures: ['termination_reason', 'terminated_on'], dateField: 'terminated_on', gates: { fields: ['termination_reason', 'terminated_on'] } },
    ],
    clocks: [
      // art. 30: examine the application within 5 (working, art. 88) days of receipt
      { id: 'acceptance', rule: { id: 'reconsideration.accept', label: '受理审查期限', days: 5, unit: 'working' }, start: { field: 'received_on' }, stop: { transitions: ['accept', 'accept_simplified', 'reject'] } },
      // art. 62: decide within 60 days of acceptance, +30 once with the head's approval
      {
        id: 'decide',
        rule: { id: 'reconsideration.decide', label: '复议决定期限', days: 60, unit: 'calendar', extension: { days: 30, unit: 'calendar' } },
        start: { transitions: ['accept'] },
        pauseOn: ['suspend'],
        resumeOn: ['resume'],
        stop: decide,
        extension: { roles: ORGAN_ROLES.decide, noticeKind: '延期审理通知书', on: ['extend'] },
      },
      // art. 62 para. 2: simplified procedure, 30 days
      {
        id: 'decide_simplified',
        rule: { id: 'reconsideration.decide_simplified', label: '复议决定期限（简易程序）', days: 30, unit: 'calendar' },
        start: { transitions: ['accept_simplified'] },
        pauseOn: ['suspend_simplified'],
        resumeOn: ['resume_simplified'],
        stop: decide,
      },
    ],
  });
}

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';
const reconsideration = (v: Readonly<Record<string, unknown>>): boolean => v['kind'] === '行政复议';
const simplified = (v: Readonly<Record<string, unknown>>): boolean => v['procedure'] === '简易程序';

/**
 * the respondent's side, for the reconsideration.case ledger (a town or department answering a 行政复议 or an
 * 行政诉讼): the written answer within 10 working days, 5 in the simplified procedure (行政复议法
 * arts. 48, 54, 88), or the defence within 15 days (行政诉讼法 art. 67) of receiving the copy, and the organ's decision within 60 days of acceptance, +30 (art. 62), or 30 days
 * in the simplified procedure. The state follows the dates; every clock starts and stops on a date field.
 */
export function reconsiderationCaseWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      answering: { label: '待答复（答辩）' },
      pending: { label: '审理中' },
      decided: { label: '已决定（裁判）' },
      closed: { label: '已结案', final: true },
    },
    initial: 'answering',
    deriveState: (v) => (set(v['closed_on']) ? 'closed' : set(v['decided_on']) ? 'decided' : set(v['answered_on']) ? 'pending' : 'answering'),
    // free data the steps record for convenience: the procedural stage moves with appeals the office learns of outside
    // its own steps (登记决定 records it beside the judgment); 承办人 and 代理人 change with staff and counsel
    editable: ['stage', 'handler', 'agent'],
    transitions: [
      { name: 'answer', label: '提交答复（答辩）', from: ['answering'], to: 'pending', todo: true, captures: ['answered_on', 'handler', 'agent'], gates: { fields: ['answered_on'] } },
      // 行政诉讼法 art. 3, 行政复议法 art. 51: the head of the organ appears
      { name: 'record_hearing', label: '登记开庭（听证）', from: ['pending'], captures: ['hearing_on', 'head_appeared', 'head_name', 'head_title', 'head_absence_reason'], gates: { fields: ['hearing_on', 'head_appeared'] } },
      { name: 'record_decision', label: '登记决定（裁判）', from: ['answering', 'pending'], to: 'decided', todo: { when: (v) => !!v['answered_on'] }, captures: ['stage', 'outcome', 'decided_on', 'lost'], gates: { fields: ['outcome', 'decided_on'] } },
      { name: 'close', label: '结案', from: ['decided'], to: 'closed', todo: true, captures: ['closed_on', 'risk_notes'], gates: { fields: ['closed_on'] } },
    ],
    clocks: [
      // 行政复议法 arts. 48, 88: the written answer and evidence within 10 working days of receiving the copy
      { id: 'answer', rule: { id: 'reconsideration.answer', label: '行政复议答复期限', days: 10, unit: 'working' }, start: { field: 'received_on', when: (v) => reconsideration(v) && !simplified(v) }, stop: { field: 'answered_on' } },
      // 行政诉讼法 art. 67: the defence and evidence within 15 days of receiving the complaint (calendar days; a last
      // day on a holiday moves to the next working day, 民事诉讼法 art. 85)
      { id: 'defence', rule: { id: 'litigation.defence', label: '行政诉讼答辩期限', days: 15, unit: 'calendar' }, start: { field: 'received_on', when: (v) => v['kind'] === '行政诉讼' }, stop: { field: 'answered_on' } },
      {
        id: 'decide',
        rule: { id: 'reconsideration.decide', label: '复议决定期限', days: 60, unit: 'calendar', extension: { days: 30, unit: 'calendar' } },
        start: { field: 'filed_on', when: (v) => reconsideration(v) && v['procedure'] !== '简易程序' },
        stop: { field: 'decided_on' },
        // the organ extends; the respondent records it with the notice it received
        extension: { noticeKind: '延期审理通知书' },
      },
      {
        id: 'decide_simplified',
        rule: { id: 'reconsideration.decide_simplified', label: '复议决定期限（简易程序）', days: 30, unit: 'calendar' },
        start: { field: 'filed_on', when: (v) => reconsideration(v) && v['procedure'] === '简易程序' },
        stop: { field: 'decided_on' },
      },
      // 行政复议法 arts. 54, 88: in the simplified procedure the answer is due within 5 working days
      { id: 'answer_simplified', rule: { id: 'reconsideration.answer_simplified', label: '行政复议答复期限（简易程序）', days: 5, unit: 'working' }, start: { field: 'received_on', when: (v) => reconsideration(v) && simplified(v) }, stop: { field: 'answered_on' } },
    ],
  });
}
