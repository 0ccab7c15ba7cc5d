import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { getSetting } from '../../platform/settings.ts';
import { defineWorkflow, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';
import { DEFAULT_FILING_DAYS, NORMDOC_COMMENT_DEFAULTS, normdocComputed, normdocPeriodProblem, type NormdocCommentPeriods } from './decisions.rules.ts';

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

const FILING_REVIEW = ['filing_received_on', 'filing_review_on', 'filing_conclusion', 'filing_opinion', 'correction_due_on', 'corrected_on', 'correction_report'];
const REVIEWED_AGAIN = ['legality_review_on', 'legality_conclusion', 'legality_opinion', 'deliberation_on', 'deliberation_meeting', 'publish_on', 'filed_on', 'filed_to', ...FILING_REVIEW];

/** the settings that replace the shortest comment periods (国办发〔2018〕37号: 7 working days; 30 days for businesses) */
export const COMMENT_WORKING_DAYS_SETTING = 'gate.normdocs.commentWorkingDays';
export const BUSINESS_COMMENT_DAYS_SETTING = 'gate.normdocs.businessCommentDays';

// gate checks and record rules are synchronous: the configured periods are read before every write (loadSettings)
let periods: NormdocCommentPeriods = { ...NORMDOC_COMMENT_DEFAULTS };
export const commentPeriods = (): NormdocCommentPeriods => periods;
const positive = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback);
export async function loadCommentPeriods(db: Kysely<Database>): Promise<void> {
  periods = {
    workingDays: positive(await getSetting(db, COMMENT_WORKING_DAYS_SETTING), NORMDOC_COMMENT_DEFAULTS.workingDays),
    businessDays: positive(await getSetting(db, BUSINESS_COMMENT_DAYS_SETTING), NORMDOC_COMMENT_DEFAULTS.businessDays),
  };
}
export const periodMessage = (): string => `征求意见期限不足（一般不少于${periods.workingDays}个工作日；与市场主体生产经营活动密切相关的不少于${periods.businessDays}日）`;

/**
 * a filing the county government reviews (备案审查): one made to the upper government only. A county-level
 * government's own documents also go to its people's congress standing committee, and the county does not review
 * its own filings; a town has no standing committee.
 */
export const filedWithCounty = (v: Readonly<Record<string, unknown>>): boolean => {
  const to = Array.isArray(v['filed_to']) ? (v['filed_to'] as unknown[]).map(String) : typeof v['filed_to'] === 'string' ? [v['filed_to']] : [];
  return to.includes('上一级人民政府') && !to.includes('本级人大常委会');
};
const COUNTY_REVIEWERS = ['county_admin', 'supervisor'] as const;

/** the setting that replaces the 30-day filing period (the clock and the computed due date both follow it) */
export const FILING_DAYS_SETTING = 'clock.normdocs.filing.days';

// computeFields is synchronous: the configured period is read before every write (loadSettings), as the comment
// periods are — not only at start: with several servers (decision 0044) a change saved through one must hold on all
let filingDays = DEFAULT_FILING_DAYS;
export const setFilingDays = (days: unknown): void => {
  filingDays = typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : DEFAULT_FILING_DAYS;
};
export const currentFilingDays = (): number => filingDays;

/** the settings the 行政规范性文件 rules and derived fields read: the comment periods and the filing period */
export async function loadNormdocSettings(db: Kysely<Database>): Promise<void> {
  await loadCommentPeriods(db);
  setFilingDays(await getSetting(db, FILING_DAYS_SETTING));
}

/** 行政规范性文件 (国办发〔2018〕37号): 起草 → 征求意见 → 合法性审核 → 集体审议 → 公布 → 备案, then 清理 */
export function normdocWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      drafting: { label: '起草中' },
      commenting: { label: '征求意见' },
      reviewed: { label: '已合法性审核' },
      deliberated: { label: '已集体审议' },
      published: { label: '已公布待备案', locked: true },
      filed: { label: '已报备', locked: true },
      filing_received: { label: '备案审查中', locked: true },
      correction_requested: { label: '备案审查要求纠正', locked: true },
      filing_passed: { label: '备案审查通过', locked: true },
      ended: { label: '已废止（失效）', final: true },
    },
    initial: 'drafting',
    deriveState: (v) => {
      if (v['effect'] === '已废止' || v['effect'] === '已失效') return 'ended';
      if (v['filing_conclusion'] === '合法') return 'filing_passed';
      if (v['filing_conclusion'] === '要求纠正') return set(v['corrected_on']) && String(v['corrected_on']) >= String(v['filing_review_on']) ? 'filing_received' : 'correction_requested';
      if (set(v['filing_received_on'])) return 'filing_received';
      if (set(v['filed_on'])) return 'filed';
      if (set(v['publish_on'])) return 'published';
      if (set(v['deliberation_on'])) return 'deliberated';
      if (set(v['legality_review_on'])) return 'reviewed';
      if (set(v['comment_from'])) return 'commenting';
      return 'drafting';
    },
    computeFields: (v) => normdocComputed(v, filingDays),
    loadSettings: loadNormdocSettings,
    derived: { filing_due_on: '按公布日期和报备期限计算', filed_on_time: '按报备日期是否晚于报备截止日期判断' },
    transitions: [
      {
        name: 'open_comment',
        label: '公开征求意见',
        from: ['drafting'],
        to: 'commenting',
        captures: ['comment_from', 'comment_to', 'affects_business', 'draft_summary'],
        gates: {
          fields: ['comment_from', 'comment_to'],
          checks: [
            {
              get message() {
                return periodMessage();
              },
              check: (v) => normdocPeriodProblem(v, undefined, periods) === null,
            },
          ],
        },
      },
      {
        name: 'legality_review',
        label: '合法性审核',
        // again after 不合法: the new review replaces it
        from: ['commenting', 'reviewed'],
        to: 'reviewed',
        todo: true,
        // the legal reviewer's own conclusion (decision 0011), as for major decisions
        roles: ['legal_reviewer', 'county_admin'],
        captures: ['legality_review_on', 'legality_conclusion', 'legality_opinion', 'comment_summary'],
        gates: {
          fields: ['legality_review_on', 'legality_conclusion', 'legality_opinion'],
          // the period announced is the public's: the draft is not reviewed (and so not adopted) before it ends
          notBefore: [
            {
              id: 'comment_to',
              days: 0,
              unit: 'calendar',
              rollToWorkingDay: false,
              from: { field: 'comment_to' },
              on: 'legality_review_on',
              reason: (_p, last) => `公开征求意见期限至${last}届满，期限不得缩短`,
              statute: '国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）',
            },
          ],
          answered: [{ table: 'normdocs_comment', ref: 'document', fields: ['handling'], noun: '公众意见', message: (n) => `尚有${n}条公众意见未填写采纳情况，须研究处理后再送合法性审核` }],
        },
        conclusion: { field: 'legality_conclusion', negative: ['不合法'], blocks: ['deliberate'] },
      },
      {
        name: 'deliberate',
        label: '集体审议',
        from: ['reviewed'],
        to: 'deliberated',
        todo: true,
        captures: ['deliberation_on', 'deliberation_meeting'],
        // a 不合法 conclusion blocks it (legality_review's conclusion), until a new review
        gates: { fields: ['deliberation_on', 'deliberation_meeting'] },
      },
      { name: 'publish', label: '公布', from: ['deliberated'], to: 'published', todo: true, captures: ['publish_on', 'valid_until', 'effect'], gates: { fields: ['publish_on', 'valid_until'], checks: [{ message: '效力状态须为“现行有效”', check: (v) => v['effect'] === '现行有效' }] } },
      { name: 'file', label: '报送备案', from: ['published'], to: 'filed', todo: true, captures: ['filed_on', 'filed_to'], gates: { fields: ['filed_on', 'filed_to'] } },
      // 备案审查 by the county government of what towns filed: received, reviewed, correction asked and reported
      {
        name: 'filing_receive',
        label: '接收备案',
        from: ['filed'],
        to: 'filing_received',
        roles: COUNTY_REVIEWERS,
        todo: { when: filedWithCounty },
        captures: ['filing_received_on'],
        gates: { fields: ['filing_received_on'], checks: [{ message: '县级备案审查只审查报送县（区）人民政府备案的乡镇文件（同时报送本级人大常委会的文件由上一级机关审查）', check: filedWithCounty }] },
      },
      {
        name: 'filing_review',
        label: '备案审查',
        from: ['filing_received'],
        to: 'filing_passed',
        roles: COUNTY_REVIEWERS,
        todo: true,
        returns: true,
        captures: ['filing_review_on', 'filing_conclusion', 'filing_opinion', 'correction_due_on'],
        gates: {
          fields: ['filing_review_on', 'filing_conclusion', 'filing_opinion'],
          checks: [{ message: '要求纠正的，须写明纠正期限', check: (v) => v['filing_conclusion'] !== '要求纠正' || set(v['correction_due_on']) }],
        },
        conclusion: { field: 'filing_conclusion', negative: ['要求纠正'], blocks: [], states: { 合法: 'filing_passed', 要求纠正: 'correction_requested' } },
      },
      {
        name: 'report_correction',
        label: '报告纠正情况',
        from: ['correction_requested'],
        to: 'filing_received',
        todo: true,
        captures: ['corrected_on', 'correction_report'],
        gates: { fields: ['corrected_on', 'correction_report'] },
      },
      { name: 'amend', label: '修改', from: ['published', 'filed', 'filing_received', 'correction_requested', 'filing_passed'], captures: ['effect', 'effect_changed_on', 'effect_reason'], gates: { fields: ['effect_changed_on', 'effect_reason'], checks: [{ message: '效力状态须为“已修改”', check: (v) => v['effect'] === '已修改' }] } },
      { name: 'repeal', label: '废止（失效）', from: ['published', 'filed', 'filing_received', 'correction_requested', 'filing_passed'], to: 'ended', captures: ['effect', 'effect_changed_on', 'effect_reason'], gates: { fields: ['effect_changed_on'], checks: [{ message: '效力状态须为“已废止”或“已失效”', check: (v) => v['effect'] === '已废止' || v['effect'] === '已失效' }] } },
    ],
    clocks: [
      // filing with the upper government and the people's congress standing committee within 30 days of publication
      { id: 'filing', rule: { id: 'normdocs.filing', label: '规范性文件报备期限', days: DEFAULT_FILING_DAYS, unit: 'calendar' }, daysSetting: FILING_DAYS_SETTING, start: { field: 'publish_on' }, stop: { field: 'filed_on' } },
    ],
    // a corrected document in force goes back through 合法性审核 and 集体审议 and is published and filed again
    // (国办发〔2018〕37号); a repealed one keeps its state and only its record is corrected
    correction: { clear: (v) => (v['effect'] === '已废止' || v['effect'] === '已失效' ? [] : REVIEWED_AGAIN) },
  });
}
