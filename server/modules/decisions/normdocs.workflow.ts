import { defineWorkflow, type WorkflowDef } from '../../platform/workflow/workflow.types.ts';
import { DEFAULT_FILING_DAYS, normdocComputed, normdocPeriodProblem } from './decisions.rules.ts';

const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

const REVIEWED_AGAIN = ['legality_review_on', 'legality_conclusion', 'legality_opinion', 'deliberation_on', 'deliberation_meeting', 'publish_on', 'filed_on', 'filed_to'];

/** the setting that replaces the 30-day filing period (the clock and the computed due date both follow it) */
export const FILING_DAYS_SETTING = 'clock.normdocs.filing.days';

// computeFields is synchronous: the configured period is read at start and whenever the home page is built
let filingDays = DEFAULT_FILING_DAYS;
export const setFilingDays = (days: unknown): void => {
  filingDays = typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : DEFAULT_FILING_DAYS;
};
export const currentFilingDays = (): number => filingDays;

/** 行政规范性文件 (国办发〔2018〕37号): 起草 → 征求意见 → 合法性审核 → 集体审议 → 公布 → 备案, then 清理 */
export function normdocWorkflow(): WorkflowDef {
  return defineWorkflow({
    states: {
      drafting: { label: '起草中' },
      commenting: { label: '征求意见' },
      reviewed: { label: '已合法性审核' },
      deliberated: { label: '已集体审议' },
      published: { label: '已公布待备案', locked: true },
      filed: { label: '已备案', locked: true },
      ended: { label: '已废止（失效）', final: true },
    },
    initial: 'drafting',
    deriveState: (v) => {
      if (v['effect'] === '已废止' || v['effect'] === '已失效') return 'ended';
      if (set(v['filed_on'])) return 'filed';
      if (set(v['publish_on'])) return 'published';
      if (set(v['deliberation_on'])) return 'deliberated';
      if (set(v['legality_review_on'])) return 'reviewed';
      if (set(v['comment_from'])) return 'commenting';
      return 'drafting';
    },
    computeFields: (v) => normdocComputed(v, filingDays),
    derived: { filing_due_on: '按公布日期和报备期限计算', filed_on_time: '按报备日期是否晚于报备截止日期判断' },
    transitions: [
      {
        name: 'open_comment',
        label: '公开征求意见',
        from: ['drafting'],
        to: 'commenting',
        captures: ['comment_from', 'comment_to', 'affects_business'],
        gates: { fields: ['comment_from', 'comment_to'], checks: [{ message: '征求意见期限不足（一般不少于7个工作日；与市场主体生产经营密切相关的不少于30日）', check: (v) => normdocPeriodProblem(v) === null }] },
      },
      {
        name: 'legality_review',
        label: '合法性审核',
        // again after 不合法: the new review replaces it
        from: ['commenting', 'reviewed'],
        to: 'reviewed',
        todo: true,
        roles: ['legal_reviewer', 'reviewer', 'county_admin'],
        captures: ['legality_review_on', 'legality_conclusion', 'legality_opinion', 'comment_summary'],
        gates: { fields: ['legality_review_on', 'legality_conclusion', 'legality_opinion'] },
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
      { name: 'amend', label: '修改', from: ['published', 'filed'], captures: ['effect', 'effect_changed_on', 'effect_reason'], gates: { fields: ['effect_changed_on', 'effect_reason'], checks: [{ message: '效力状态须为“已修改”', check: (v) => v['effect'] === '已修改' }] } },
      { name: 'repeal', label: '废止（失效）', from: ['published', 'filed'], to: 'ended', captures: ['effect', 'effect_changed_on', 'effect_reason'], gates: { fields: ['effect_changed_on'], checks: [{ message: '效力状态须为“已废止”或“已失效”', check: (v) => v['effect'] === '已废止' || v['effect'] === '已失效' }] } },
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
