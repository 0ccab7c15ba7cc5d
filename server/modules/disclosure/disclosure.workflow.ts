import { defineWorkflow, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';
import { RECEIPT_HINT, receiptDate } from './disclosure.receipt.ts';
import { FEE_LAPSED_REASON, LAPSED_REASON } from './disclosure.taxonomy.ts';
import { FEE_PAYMENT_DAYS, feeAmount, loadFeeSchedules } from './disclosure.fees.ts';
import { beyondReasonableRange, EXCESSIVE_REASON, UNREASONABLE } from './disclosure.excessive.ts';

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
        signedBy: 'secrecy_reviewer',
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
const THIRD_PARTY_DAYS = 15;

/**
 * 依申请公开 (政府信息公开条例 2019): answer within 20 working days of the day of receipt art. 31 fixes (+20 once with
 * the approval of the disclosure office's head, the applicant told, art. 33); one request to complete the
 * application (补正) within 7 working days with a reasonable period, the completed application restarting the clock,
 * silence past the period closing it as abandoned (art. 30); consulting a third party or a co-producing organ (15
 * working days, arts. 32, 34) is not counted (art. 33). Every step is dated by the date it records (decision 0020).
 */
export function applicationWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      received: { label: '办理中' },
      awaiting_supplement: { label: '待补正' },
      consulting: { label: '征求意见中' },
      answered: { label: '已答复', final: true },
      awaiting_fee: { label: '待缴费' },
      awaiting_reasons: { label: '待说明理由' },
      lapsed: { label: '视为放弃申请', final: true },
    },
    initial: 'received',
    deriveState: (v) => {
      if (set(v['lapsed_on']) || set(v['fee_lapsed_on'])) return 'lapsed';
      if (set(v['answered_on'])) return 'answered';
      if (set(v['supplement_requested_on']) && !set(v['supplement_received_on'])) return 'awaiting_supplement';
      if (set(v['consult_sent_on']) && !set(v['consult_replied_on'])) return 'consulting';
      if (set(v['fee_notice_on']) && !set(v['fee_paid_on'])) return 'awaiting_fee';
      if (set(v['reasons_asked_on']) && !set(v['reasons_judged_on'])) return 'awaiting_reasons';
      return 'received';
    },
    computeFields: (v) => ({
      received_on: receiptDate(v),
      fee_amount: feeAmount(v),
      // 逾期不缴费 closes the application likewise (国办函〔2020〕109号)
      ...(set(v['fee_lapsed_on']) ? { outcome: '其他处理', outcome_reason: FEE_LAPSED_REASON, answered_on: v['fee_lapsed_on'] } : {}),
      // 逾期不补正 closes the application: 年度报告表三 “其他处理” (art. 30)
      ...(set(v['lapsed_on']) ? { outcome: '其他处理', outcome_reason: LAPSED_REASON, answered_on: v['lapsed_on'] } : {}),
    }),
    derived: { received_on: RECEIPT_HINT, fee_amount: '按国办函〔2020〕109号的收费标准（或本省设置的标准）根据计收方式、件数或页数计算' },
    loadSettings: loadFeeSchedules,
    transitions: [
      {
        name: 'request_supplement',
        label: '告知补正',
        from: ['received'],
        to: 'awaiting_supplement',
        dateField: 'supplement_requested_on',
        captures: ['supplement_requested_on', 'supplement_items', 'supplement_due_on'],
        // the 7 working days of art. 30 are the ledger rule on supplement_requested_on (disclosure.ledgers.ts)
        gates: { fields: ['supplement_requested_on', 'supplement_items', 'supplement_due_on'], checks: [{ message: '补正应一次性告知：本申请已告知过补正并收到补正材料，不能再次要求补正（政府信息公开条例第三十条）', check: (v) => !set(v['supplement_received_on']) }] },
      },
      { name: 'supplement_received', label: '收到补正材料', from: ['awaiting_supplement'], to: 'received', dateField: 'supplement_received_on', captures: ['supplement_received_on'], gates: { fields: ['supplement_received_on'] } },
      {
        name: 'supplement_lapsed',
        label: '逾期不补正（视为放弃申请）',
        from: ['awaiting_supplement'],
        to: 'lapsed',
        todo: true,
        dateField: 'lapsed_on',
        captures: ['lapsed_on'],
        gates: {
          fields: ['lapsed_on'],
          notBefore: [{ id: 'supplement_period', days: 0, unit: 'calendar', rollToWorkingDay: false, from: { field: 'supplement_due_on' }, on: 'lapsed_on', reason: (_p, last) => `申请人可在补正期限（${last}）届满前提交补正材料`, statute: '政府信息公开条例第三十条' }],
        },
      },
      { name: 'consult', label: '征求意见', from: ['received'], to: 'consulting', dateField: 'consult_sent_on', captures: ['consult_party', 'consult_with', 'consult_sent_on'], gates: { fields: ['consult_party', 'consult_with', 'consult_sent_on'] } },
      {
        name: 'consulted',
        label: '收到意见',
        from: ['consulting'],
        to: 'received',
        dateField: 'consult_replied_on',
        captures: ['consult_replied_on', 'consult_opinion'],
        gates: {
          fields: ['consult_replied_on', 'consult_opinion'],
          // silence is recorded only once the 15 working days have run
          notBefore: [{ id: 'consult_period', days: THIRD_PARTY_DAYS, unit: 'working', from: { field: 'consult_sent_on' }, on: 'consult_replied_on', reason: (p, last) => `被征求意见方可在收到征求意见书之日起${p}内提出意见（至${last}）`, statute: '政府信息公开条例第三十二条、第三十四条', when: (v) => v['consult_opinion'] === '逾期未提出意见' }],
        },
      },
      {
        name: 'fee_notice',
        label: '发出收费通知',
        from: ['received'],
        to: 'awaiting_fee',
        dateField: 'fee_notice_on',
        captures: ['fee_basis', 'fee_pages', 'fee_notice_on'],
        gates: { fields: ['fee_basis', 'fee_notice_on'], checks: [{ message: '按收费标准计算的信息处理费为0元，不应发出收费通知', check: (v) => Number(feeAmount(v) ?? 0) > 0 }] },
      },
      {
        name: 'fee_paid',
        label: '申请人缴费',
        from: ['awaiting_fee'],
        to: 'received',
        dateField: 'fee_paid_on',
        captures: ['fee_paid_on'],
        gates: { fields: ['fee_paid_on'], notAfter: [{ id: 'fee_payment', days: FEE_PAYMENT_DAYS, unit: 'working', from: { field: 'fee_notice_on' }, on: 'fee_paid_on', reason: (p, last) => `申请人应自收到收费通知之日起${p}内缴费（至${last}），逾期视为放弃申请`, statute: '国办函〔2020〕109号' }] },
      },
      {
        name: 'fee_lapsed',
        label: '逾期未缴费（视为放弃申请）',
        from: ['awaiting_fee'],
        to: 'lapsed',
        todo: true,
        dateField: 'fee_lapsed_on',
        captures: ['fee_lapsed_on'],
        gates: { fields: ['fee_lapsed_on'], notBefore: [{ id: 'fee_payment', days: FEE_PAYMENT_DAYS, unit: 'working', from: { field: 'fee_notice_on' }, on: 'fee_lapsed_on', reason: (p, last) => `申请人可自收到收费通知之日起${p}内缴费（至${last}）`, statute: '国办函〔2020〕109号' }] },
      },
      {
        // art. 35: the applicant is asked for reasons when the requests clearly exceed a reasonable range (local setting)
        name: 'ask_reasons',
        label: '要求说明理由',
        from: ['received'],
        to: 'awaiting_reasons',
        dateField: 'reasons_asked_on',
        captures: ['reasons_asked_on', 'reasons_due_on'],
        gates: {
          fields: ['reasons_asked_on', 'reasons_due_on'],
          checks: [{ message: '已就本申请审查过申请理由，不能再次要求说明理由', check: (v) => !set(v['reasons_result']) }],
          lookups: [beyondReasonableRange],
        },
      },
      {
        name: 'judge_reasons',
        label: '审查申请理由',
        from: ['awaiting_reasons'],
        to: 'received',
        todo: true,
        dateField: 'reasons_judged_on',
        captures: ['reasons_received_on', 'reasons_result', 'reasons_judged_on', 'delayed_due_on'],
        gates: {
          fields: ['reasons_result', 'reasons_judged_on'],
          checks: [
            { message: '申请理由不合理的，应告知申请人不予处理，不能确定延迟答复期限（政府信息公开条例第三十五条）', check: (v) => v['reasons_result'] === '理由合理' || !set(v['delayed_due_on']) },
            { message: '申请人说明了理由的，须填写收到理由说明日期', check: (v) => v['reasons_result'] === '逾期未说明理由' || set(v['reasons_received_on']) },
          ],
          // silence is recorded only once the period given to the applicant has run
          notBefore: [{ id: 'reasons_period', days: 0, unit: 'calendar', rollToWorkingDay: false, from: { field: 'reasons_due_on' }, on: 'reasons_judged_on', reason: (_p, last) => `申请人可在说明理由期限（${last}）届满前说明理由`, statute: '政府信息公开条例第三十五条', when: (v) => v['reasons_result'] === '逾期未说明理由' }],
        },
      },
      { name: 'extend', label: '延期答复', from: ['received', 'consulting'], roles: ['leader', 'county_admin'], note: 'required', dateField: 'extension_approved_on', captures: ['extension_approved_on', 'extension_reason'], gates: { fields: ['extension_approved_on', 'extension_reason'] } },
      {
        name: 'answer',
        label: '作出答复',
        todo: true,
        // from consulting too: a third party that does not reply within its period does not hold the answer (art. 32)
        from: ['received', 'consulting'],
        to: 'answered',
        dateField: 'answered_on',
        captures: ['outcome', 'outcome_reason', 'answered_on'],
        gates: {
          fields: ['outcome', 'answered_on'],
          // art. 35: 不予处理 for excessive requests follows the reasons asked for and found unreasonable, and only that
          checks: [
            { message: '以“无正当理由大量反复申请”不予处理的，须先要求申请人说明理由并认定理由不合理（政府信息公开条例第三十五条）', check: (v) => v['outcome_reason'] !== EXCESSIVE_REASON || UNREASONABLE.has(v['reasons_result']) },
            { message: `申请理由经审查不合理，应答复不予处理（${EXCESSIVE_REASON}）`, check: (v) => !UNREASONABLE.has(v['reasons_result']) || v['outcome_reason'] === EXCESSIVE_REASON },
          ],
          // art. 32: the third party has 15 working days to give its opinion before its information is disclosed
          notBefore: [
            {
              id: 'third_party',
              days: THIRD_PARTY_DAYS,
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
        // consultation and the time from a fee notice to payment are not counted (art. 33; 国办函〔2020〕109号)
        pauseOn: ['request_supplement', 'consult', 'fee_notice'],
        resumeOn: ['consulted', 'fee_paid'],
        restartOn: ['supplement_received'],
        stop: { field: 'answered_on' },
        // the head's approval is on file before the extension; the 延期答复告知书 to the applicant is numbered by it
        extension: { roles: ['leader', 'county_admin'], noticeKind: EXTENSION_APPROVAL, on: ['extend'], field: 'extension_approved_on' },
        // art. 35: reasons found reasonable but the answer not possible in time: a reasonable later date, told to the applicant
        deferField: 'delayed_due_on',
      },
    ],
    // the reply letter's 文号 is given when the letter is first printed, after the answer
    correction: { editableWhenLocked: ['reply_no', 'supplement_notice_no', 'consult_notice_no', 'extension_notice_no', 'reasons_notice_no', 'delay_notice_no'] },
  });
}

/** the attachment kind the extension needs: the head of the disclosure office agreed (art. 33) */
export const EXTENSION_APPROVAL = '延期答复审批表';
