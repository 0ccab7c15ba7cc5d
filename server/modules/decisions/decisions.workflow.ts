import { defineWorkflow, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';
import { decisionComputed, decisionPeriodProblem, PROCEDURES, procedureMissing } from './decisions.rules.ts';

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** the setting that replaces the 30-day public comment period a decision waits for (条例 art. 15: 一般不少于30日) */
export const COMMENT_DAYS_SETTING = 'gate.decisions.commentDays';
/** the setting that replaces the 7 working days the legality review is given (条例 art. 26: 一般不少于7个工作日) */
export const LEGALITY_REVIEW_DAYS_SETTING = 'gate.decisions.legalityReviewDays';
export const LEGALITY_REVIEW_WORKING_DAYS = 7;

const PROCEDURE_FIELDS = ['pp_result', 'pp_date', 'pp_evidence', 'pp_skip_reason', 'er_result', 'er_date', 'er_evidence', 'er_skip_reason', 'ra_result', 'ra_date', 'ra_evidence', 'ra_skip_reason'];
// what a corrected decision must go through again: the legality review, the meeting, the decision and its publication
const RECONSIDERED = ['lr_submitted_on', 'lr_date', 'lr_evidence', 'lr_conclusion', 'cd_date', 'cd_meeting', 'participants', 'speaking_order', 'principal_leader', 'cd_evidence', 'decided_on', 'decision_result', 'published_on', 'evaluated_on', 'evaluation'];
const MEETING_FIELDS = ['cd_date', 'cd_meeting', 'participants', 'speaking_order', 'principal_leader', 'cd_evidence'];

/**
 * 重大行政决策 (重大行政决策程序暂行条例, 国务院令第713号): the state follows the dates; `decide` is refused, naming
 * each procedure, until 公众参与、专家论证、风险评估、合法性审查、集体讨论决定 are each recorded (or lawfully skipped with a reason)
 */
export function decisionWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      drafting: { label: '拟订中' },
      consulting: { label: '征求意见中' },
      decided: { label: '已决定', locked: true },
      published: { label: '已公布', locked: true },
      evaluated: { label: '已评估', final: true },
    },
    initial: 'drafting',
    deriveState: (v) => {
      if (set(v['evaluated_on'])) return 'evaluated';
      if (set(v['published_on'])) return 'published';
      if (set(v['decided_on'])) return 'decided';
      if (v['draft_published'] === true) return 'consulting';
      return 'drafting';
    },
    computeFields: decisionComputed,
    derived: { leader_last: '按集体讨论的发言顺序判断主要负责人是否末位表态', leader_last_note: '按集体讨论的发言顺序给出提示' },
    transitions: [
      {
        name: 'open_comment',
        label: '公开征求意见',
        from: ['drafting'],
        to: 'consulting',
        captures: ['draft_published', 'comment_from', 'comment_to', 'comment_short_reason', 'summary'],
        gates: {
          fields: ['comment_from', 'comment_to', 'summary'],
          checks: [
            { message: '须勾选“草案已公开征求意见”', check: (v) => v['draft_published'] === true },
            { message: '征求意见期限少于30日的，须说明理由（理由向社会公开）', check: (v) => decisionPeriodProblem(v) === null },
          ],
        },
      },
      { name: 'record_procedures', label: '记录法定程序', from: ['drafting', 'consulting'], captures: PROCEDURE_FIELDS },
      // 条例 art. 26: the draft is sent to the legality review with its materials; the review has its own period
      { name: 'submit_legality', label: '送交合法性审查', from: ['drafting', 'consulting'], captures: ['lr_submitted_on'], gates: { fields: ['lr_submitted_on'] } },
      // 条例 arts. 25–28: the legality review is the reviewing office's own step, with its conclusion; 不合法 blocks the decision
      {
        name: 'legality_review',
        label: '合法性审查',
        from: ['drafting', 'consulting'],
        roles: ['legal_reviewer', 'county_admin'],
        todo: { when: (v) => set(v['lr_submitted_on']) },
        captures: ['lr_date', 'lr_evidence', 'lr_conclusion'],
        gates: {
          fields: ['lr_submitted_on', 'lr_date', 'lr_evidence', 'lr_conclusion'],
          // art. 26: 送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日 — the reviewer's time, not cut short
          notBefore: [
            {
              id: 'legality_review_period',
              days: LEGALITY_REVIEW_WORKING_DAYS,
              unit: 'working',
              daysSetting: LEGALITY_REVIEW_DAYS_SETTING,
              from: { field: 'lr_submitted_on' },
              on: 'lr_date',
              reason: (p, last) => `合法性审查应当保证必要的审查时间，一般不少于${p}（送审后至${last}）`,
              statute: '重大行政决策程序暂行条例第二十六条',
            },
          ],
        },
        conclusion: { field: 'lr_conclusion', negative: ['不合法'], blocks: ['decide'] },
      },
      { name: 'record_meeting', label: '记录集体讨论', from: ['drafting', 'consulting'], captures: MEETING_FIELDS },
      {
        name: 'decide',
        label: '作出决定',
        from: ['drafting', 'consulting'],
        to: 'decided',
        roles: ['reviewer', 'leader', 'county_admin'],
        // the legality review done, the draft waits for the decision
        todo: { when: (v) => !!v['lr_date'] },
        captures: ['decided_on', 'decision_result', 'doc_no'],
        gates: {
          fields: ['decided_on', 'decision_result'],
          notBefore: [
            // 条例 art. 15: the public has at least 30 days (calendar) unless a shorter period was explained when opened
            {
              id: 'comment_period',
              days: 30,
              unit: 'calendar',
              daysSetting: COMMENT_DAYS_SETTING,
              from: { field: 'comment_from' },
              on: 'decided_on',
              reason: (p, last) => `公开征求意见的期限一般不少于${p}，至${last}届满`,
              statute: '重大行政决策程序暂行条例第十五条',
              when: (v) => v['draft_published'] === true,
              unless: ['comment_short_reason'],
            },
            // art. 15: the period announced is the public's, whatever its length
            {
              id: 'comment_to',
              days: 0,
              unit: 'calendar',
              rollToWorkingDay: false,
              from: { field: 'comment_to' },
              on: 'decided_on',
              reason: (_p, last) => `公开征求意见期限至${last}届满`,
              statute: '重大行政决策程序暂行条例第十五条',
              when: (v) => v['draft_published'] === true,
            },
          ],
          // arts. 18, 29(2): every comment studied and its adoption recorded before the draft goes to the meeting
          answered: [{ table: 'decisions_comment', ref: 'decision', fields: ['handling'], noun: '公众意见', message: (n) => `尚有${n}条公众意见未填写采纳情况（重大行政决策程序暂行条例第十八条、第二十九条）` }],
          checks: PROCEDURES.map((p) => ({ message: `缺少“${p.label}”程序记录（${p.key === 'cd' ? '须记录会议日期、名称、参会人员、发言顺序、主要负责人和会议纪要' : p.skippable ? '须记录完成日期和材料摘要，或依法不适用的理由' : '须记录完成日期和审查意见'}）`, check: (v) => procedureMissing(p, v) === null })),
        },
      },
      { name: 'publish', label: '公布决策', from: ['decided'], to: 'published', todo: true, captures: ['published_on'], gates: { fields: ['published_on'] } },
      { name: 'archive', label: '归档', from: ['decided', 'published', 'evaluated'], captures: ['archived_on'], gates: { fields: ['archived_on'] } },
      { name: 'evaluate', label: '决策后评估', from: ['published'], to: 'evaluated', captures: ['evaluated_on', 'evaluation'], gates: { fields: ['evaluated_on', 'evaluation'] } },
    ],
    // a decided decision changes only by 更正: it goes back through 合法性审查 and 集体讨论决定 (条例 arts. 25–30, 38)
    // and is published again; the replaced version stays readable
    correction: { clear: () => RECONSIDERED },
  });
}
