import { z } from 'zod';
import type { Scoring, SystemItem } from '../../../common/evaluation.types.ts';

export { scoringText } from '../../../common/evaluation.types.ts';

/**
 * indicator systems (示范指标体系, a county's 考核细则) are versioned data: a new version is published, validated, and
 * never edited; a round keeps the version it was opened on. Level 1 and 2 group, leaves score: computed from a
 * platform indicator by a rule, or by hand with evidence.
 */

const num = z.number('须为数字').min(0, '不能为负数').max(1_000_000, '过大');
const scoring = z.discriminatedUnion('type', [
  z.object({ type: z.literal('threshold'), min: num }),
  z.object({ type: z.literal('linear'), zero: num, full: num }),
  z.object({ type: z.literal('count'), n: z.number('须为数字').int('须为整数').min(1, '须大于0').max(100_000, '过大') }),
]);
const rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('computed'), indicator: z.string().trim().min(3, '须为平台指标编号').max(80), scoring, whenNone: z.enum(['full', 'zero']).default('zero') }),
  z.object({ kind: z.literal('manual'), guide: z.string().trim().min(4, '须写明评分标准').max(500, '不能超过500个字') }),
]);
export const systemItem = z.object({
  code: z.string().trim().regex(/^[1-9][0-9]?(\.[1-9][0-9]?){0,2}$/, '须为“1”“1.2”“1.2.3”形式的编号'),
  parent: z.string().trim().max(12).nullable().default(null),
  label: z.string().trim().min(2, '不能少于2个字').max(200, '不能超过200个字'),
  points: z.number('须为数字').min(0.5, '须大于0').max(1000, '不能超过1000'),
  rule: rule.optional(),
});
export const systemInput = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9-]{1,19}$/, '须为小写字母开头的简短标识'),
  title: z.string().trim().min(4, '不能少于4个字').max(80, '不能超过80个字'),
  note: z.string().trim().max(500, '不能超过500个字').default(''),
  items: z.array(systemItem).min(1, '至少一项').max(300, '不能超过300项'),
});
export type SystemInput = z.infer<typeof systemInput>;
export const SYSTEM_LABELS = { key: '指标体系标识', title: '指标体系名称', note: '说明', items: '指标', code: '指标编号', parent: '上级指标', label: '指标内容', points: '分值', rule: '评分规则', indicator: '平台指标', scoring: '计分方式', guide: '评分标准' };

type Problem = { path: string; label: string; message: string };
const half = (x: number): boolean => Math.round(x * 2) === x * 2;

/** why a system cannot be published: codes unique and nested under their parent, leaves with a rule, groups summing their children, known indicators */
export function systemProblems(s: SystemInput, knownIndicators: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  const byCode = new Map<string, SystemInput['items'][number]>();
  s.items.forEach((i, n) => {
    const at = `items.${n}`;
    if (byCode.has(i.code)) out.push({ path: `${at}.code`, label: '指标编号', message: `指标编号：${i.code}重复` });
    const expected = i.code.includes('.') ? i.code.slice(0, i.code.lastIndexOf('.')) : null;
    if (i.parent !== expected) out.push({ path: `${at}.parent`, label: '上级指标', message: `上级指标：${i.code}的上级指标应为${expected ?? '无'}` });
    else if (expected && !byCode.has(expected)) out.push({ path: `${at}.parent`, label: '上级指标', message: `上级指标：${i.code}的上级指标${expected}须排在它之前` });
    if (!half(i.points)) out.push({ path: `${at}.points`, label: '分值', message: `分值：${i.code}的分值以0.5分为单位` });
    byCode.set(i.code, i);
  });
  s.items.forEach((i, n) => {
    const at = `items.${n}`;
    const children = s.items.filter((c) => c.parent === i.code);
    if (children.length) {
      if (i.rule) out.push({ path: `${at}.rule`, label: '评分规则', message: `评分规则：${i.code}有下级指标，按下级指标计分，不能另设规则` });
      const sum = children.reduce((x, c) => x + c.points, 0);
      if (sum !== i.points) out.push({ path: `${at}.points`, label: '分值', message: `分值：${i.code}的分值${i.points}与下级指标合计${sum}不符` });
      return;
    }
    if (!i.rule) return out.push({ path: `${at}.rule`, label: '评分规则', message: `评分规则：末级指标${i.code}须设评分规则（自动计算或人工评分）` });
    if (i.rule.kind === 'computed') {
      if (!knownIndicators.has(i.rule.indicator)) out.push({ path: `${at}.rule.indicator`, label: '平台指标', message: `平台指标：${i.code}引用的指标${i.rule.indicator}不存在` });
      if (i.rule.scoring.type === 'linear' && i.rule.scoring.zero === i.rule.scoring.full) out.push({ path: `${at}.rule.scoring`, label: '计分方式', message: `计分方式：${i.code}的零分值与满分值不能相同` });
    }
    return undefined;
  });
  return out;
}

export const systemTotal = (items: readonly SystemItem[]): number => items.filter((i) => i.parent === null).reduce((x, i) => x + i.points, 0);
export const leaves = (items: readonly SystemItem[]): SystemItem[] => items.filter((i) => !items.some((c) => c.parent === i.code));
/** the first-level indicator a code belongs to: “4” for “4.1.2” */
export const groupOf = (code: string): string => code.split('.')[0] ?? code;

const roundHalf = (x: number): number => Math.round(x * 2) / 2;

/**
 * the points a figure earns under a rule, to the half point; `none` when the figure has nothing to count (a count of
 * 0 is a figure, a rate over nothing is none)
 */
export function pointsFor(max: number, s: Scoring, value: number | null, whenNone: 'full' | 'zero'): number {
  if (value === null) return whenNone === 'full' ? max : 0;
  switch (s.type) {
    case 'threshold':
      return value >= s.min ? max : 0;
    case 'linear': {
      const share = (value - s.zero) / (s.full - s.zero);
      return roundHalf(max * Math.min(1, Math.max(0, share)));
    }
    case 'count':
      return roundHalf(max * Math.min(1, value / s.n));
  }
}

const computed = (indicator: string, scoring: Scoring, whenNone: 'full' | 'zero' = 'zero') => ({ kind: 'computed' as const, indicator, scoring, whenNone });
const manual = (guide: string) => ({ kind: 'manual' as const, guide });
type Seed = { code: string; label: string; points: number; rule?: SystemItem['rule'] };
const tree = (rows: Seed[]): SystemItem[] => rows.map((r) => ({ ...r, parent: r.code.includes('.') ? r.code.slice(0, r.code.lastIndexOf('.')) : null }));

/**
 * 市县法治政府建设示范指标体系 (中央全面依法治国委员会办公室, 2021: 9 一级 / 32 二级 / 100 三级; the 2024 edition
 * 10 / 34 / 104): the nine first-level indicators of the 2021 edition in its order, with a subset of its second- and
 * third-level indicators as they apply to a town, each given points for the county's 示范创建 assessment. A subset:
 * the county enters the full text (or the newer edition) as a new version.
 */
export const DEMONSTRATION_SYSTEM: SystemInput = {
  key: 'shifan',
  title: '市县法治政府建设示范指标体系（节选）',
  note: '依据2021年版《市县法治政府建设示范指标体系》9项一级指标的结构节选适用于乡镇（街道）的二、三级指标并设定分值，共100分；完整指标体系或新版本可作为新版本发布。',
  items: tree([
    { code: '1', label: '政府职能依法全面履行', points: 10 },
    { code: '1.1', label: '持续优化法治化营商环境', points: 10 },
    { code: '1.1.1', label: '建立领导联系企业机制，企业反映的问题建议及时解决', points: 5, rule: computed('business-env.resolution_rate', { type: 'linear', zero: 60, full: 95 }, 'full') },
    { code: '1.1.2', label: '市场主体对法治化营商环境满意', points: 5, rule: computed('business-env.satisfaction_rate', { type: 'linear', zero: 70, full: 95 }, 'full') },
    { code: '2', label: '依法行政制度体系完善', points: 10 },
    { code: '2.1', label: '加强行政规范性文件制定和监督管理', points: 10 },
    { code: '2.1.1', label: '行政规范性文件按规定报送备案', points: 5, rule: computed('normdocs.filing_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '2.1.2', label: '行政规范性文件在规定时限内报备', points: 5, rule: computed('normdocs.filing_timely_rate', { type: 'linear', zero: 80, full: 100 }, 'full') },
    { code: '3', label: '重大行政决策科学民主合法', points: 12 },
    { code: '3.1', label: '严格落实重大行政决策程序', points: 12 },
    { code: '3.1.1', label: '重大行政决策履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序', points: 6, rule: computed('decisions.all_procedures_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '3.1.2', label: '重大行政决策经集体讨论决定', points: 3, rule: computed('decisions.collective_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '3.1.3', label: '编制并向社会公布年度重大行政决策事项目录', points: 3, rule: manual('目录按时编制并公布的得满分；编制未公布的得1.5分；未编制的不得分。须附目录及公布页面。') },
    { code: '4', label: '行政执法严格规范公正文明', points: 20 },
    { code: '4.1', label: '全面落实行政执法三项制度', points: 12 },
    { code: '4.1.1', label: '重大执法决定法制审核全覆盖', points: 4, rule: computed('enforcement.major_review_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '4.1.2', label: '行政执法决定信息依法公示', points: 4, rule: computed('enforcement.publication_rate', { type: 'linear', zero: 80, full: 100 }, 'full') },
    { code: '4.1.3', label: '行政执法决定信息在规定时限内公示', points: 4, rule: computed('enforcement.publication_timeliness', { type: 'linear', zero: 70, full: 100 }, 'full') },
    { code: '4.2', label: '规范涉企行政检查', points: 4 },
    { code: '4.2.1', label: '避免多头检查、重复检查，企业平均受检次数合理', points: 4, rule: computed('enforcement.enterprise_inspection_frequency', { type: 'linear', zero: 4, full: 1.5 }, 'full') },
    { code: '4.3', label: '行政执法案卷评查', points: 4 },
    { code: '4.3.1', label: '行政执法案卷质量', points: 4, rule: manual('依据县司法局年度案卷评查结果：抽查案卷均为优秀的得满分，有合格案卷的酌情扣分，有不合格案卷的每份扣2分。须附评查记录。') },
    { code: '5', label: '行政权力制约和监督全覆盖', points: 10 },
    { code: '5.1', label: '全面主动落实政务公开', points: 5 },
    { code: '5.1.1', label: '主动公开的政府信息经保密审查', points: 3, rule: computed('disclosure.items_review_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '5.1.2', label: '按时公布政府信息公开工作年度报告', points: 2, rule: manual('1月31日前公布的得满分；逾期公布的得1分；未公布的不得分。须附公布页面。') },
    { code: '5.2', label: '依法支持配合行政复议和行政诉讼', points: 5 },
    { code: '5.2.1', label: '行政复议决定被纠错率低', points: 2, rule: computed('reconsideration.correction_rate', { type: 'linear', zero: 30, full: 0 }, 'full') },
    { code: '5.2.2', label: '行政机关负责人出庭应诉', points: 3, rule: computed('reconsideration.head_appearance_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '6', label: '突发事件依法有效应对', points: 5 },
    { code: '6.1', label: '完善突发事件应对制度', points: 5 },
    { code: '6.1.1', label: '修订完善应急预案并组织演练，突发事件依法处置', points: 5, rule: manual('预案按时修订且全年组织演练的得满分；未修订或未演练的各扣2分；突发事件处置违法违规的不得分。须附预案和演练记录。') },
    { code: '7', label: '社会矛盾纠纷依法有效化解', points: 13 },
    { code: '7.1', label: '发挥人民调解作用', points: 7 },
    { code: '7.1.1', label: '矛盾纠纷调解成功率', points: 4, rule: computed('mediation.success_rate', { type: 'linear', zero: 80, full: 98 }, 'full') },
    { code: '7.1.2', label: '健全矛盾纠纷排查化解机制，落实“枫桥经验”', points: 3, rule: manual('定期排查、台账完整、重大纠纷有专案的得满分；机制不健全的酌情扣分；发生因纠纷化解不力引发的极端事件的不得分。须附排查台账。') },
    { code: '7.2', label: '依法办理信访事项', points: 6 },
    { code: '7.2.1', label: '信访事项按期办结', points: 3, rule: computed('petitions.on_time_rate', { type: 'linear', zero: 80, full: 100 }, 'full') },
    { code: '7.2.2', label: '信访群众满意', points: 3, rule: computed('petitions.satisfaction_rate', { type: 'linear', zero: 80, full: 100 }, 'full') },
    { code: '8', label: '政府工作人员法治思维和依法行政能力全面提高', points: 10 },
    { code: '8.1', label: '健全领导干部学法用法机制', points: 10 },
    { code: '8.1.1', label: '领导干部参加集体学法', points: 4, rule: computed('publicity.study_attendance_rate', { type: 'linear', zero: 80, full: 100 }, 'full') },
    { code: '8.1.2', label: '学法考试合格', points: 3, rule: computed('publicity.exam_pass_rate', { type: 'threshold', min: 95 }, 'full') },
    { code: '8.1.3', label: '开展法治宣传教育活动', points: 3, rule: computed('publicity.activities', { type: 'count', n: 12 }) },
    { code: '9', label: '法治政府建设组织领导落实到位', points: 10 },
    { code: '9.1', label: '党政主要负责人履行推进法治建设第一责任人职责', points: 6 },
    { code: '9.1.1', label: '每年专题听取法治政府建设工作汇报', points: 3, rule: computed('leadership.report_hearings', { type: 'count', n: 2 }) },
    { code: '9.1.2', label: '党政主要负责人年终述法', points: 3, rule: computed('leadership.principal_law_report_coverage', { type: 'threshold', min: 100 }) },
    { code: '9.2', label: '法治政府建设任务落实', points: 4 },
    { code: '9.2.1', label: '法治建设任务清单任务完成', points: 4, rule: computed('evaluation.task_completion_rate', { type: 'linear', zero: 60, full: 100 }, 'full') },
  ]),
};

/** a county's own yearly 考核细则 for its towns: shorter, weighted to what the county asks of them */
export const COUNTY_SYSTEM: SystemInput = {
  key: 'county',
  title: '乡镇（街道）法治建设年度考核细则',
  note: '县委全面依法治县委员会办公室制定，满分100分，考核结果纳入乡镇（街道）年度综合考核。',
  items: tree([
    { code: '1', label: '组织领导', points: 20 },
    { code: '1.1', label: '专题听取法治建设工作汇报不少于2次', points: 10, rule: computed('leadership.report_hearings', { type: 'count', n: 2 }) },
    { code: '1.2', label: '法治建设任务清单任务完成', points: 10, rule: computed('evaluation.task_completion_rate', { type: 'linear', zero: 60, full: 100 }, 'full') },
    { code: '2', label: '依法决策', points: 20 },
    { code: '2.1', label: '重大行政决策法定程序履行率100%', points: 10, rule: computed('decisions.all_procedures_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '2.2', label: '规范性文件合法性审核和备案', points: 10, rule: computed('normdocs.filing_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '3', label: '规范执法', points: 30 },
    { code: '3.1', label: '重大执法决定法制审核率100%', points: 10, rule: computed('enforcement.major_review_rate', { type: 'threshold', min: 100 }, 'full') },
    { code: '3.2', label: '执法决定按期公示', points: 10, rule: computed('enforcement.publication_timeliness', { type: 'linear', zero: 70, full: 100 }, 'full') },
    { code: '3.3', label: '行政执法案卷评查结果', points: 10, rule: manual('依据县司法局年度案卷评查结果评分，有不合格案卷的每份扣3分。须附评查记录。') },
    { code: '4', label: '矛盾化解和普法', points: 30 },
    { code: '4.1', label: '矛盾纠纷调解成功率', points: 10, rule: computed('mediation.success_rate', { type: 'linear', zero: 80, full: 98 }, 'full') },
    { code: '4.2', label: '信访事项按期办结', points: 10, rule: computed('petitions.on_time_rate', { type: 'linear', zero: 80, full: 100 }, 'full') },
    { code: '4.3', label: '“谁执法谁普法”责任落实和普法活动开展', points: 10, rule: manual('普法责任清单落实、全年开展普法活动不少于12次的得满分，酌情扣分。须附活动记录。') },
  ]),
};

export const DEFAULT_SYSTEMS: readonly SystemInput[] = [DEMONSTRATION_SYSTEM, COUNTY_SYSTEM];

export const evidenceInput = z.array(z.object({ label: z.string().trim().min(1, '不能为空').max(80, '不能超过80个字'), href: z.string().trim().regex(/^\/[A-Za-z0-9/_.?=&%:-]*$/, '须为平台内的记录或页面地址（以 / 开头）').max(300) })).max(20, '不能超过20项');

export const scoreInput = z.object({
  orgCode: z.string().trim().min(1).max(20),
  code: z.string().trim().min(1).max(12),
  points: z.number('须为数字').min(0, '不能为负数').max(1000),
  reason: z.string().trim().min(4, '须写明评分理由，不少于4个字').max(1000, '不能超过1000个字'),
  evidence: evidenceInput.default([]),
});
export type ScoreInput = z.infer<typeof scoreInput>;
export const SCORE_LABELS = { orgCode: '被考核单位', code: '指标编号', points: '得分', reason: '评分理由', evidence: '佐证材料', label: '佐证名称', href: '佐证地址' };

/** checks a hand score against its leaf: a hand-scored leaf of the round's system, within its points, in half points, evidence below full points */
export function handScoreProblems(item: SystemItem | undefined, input: Pick<ScoreInput, 'code' | 'points' | 'evidence'>): Problem[] {
  if (!item) return [{ path: 'code', label: '指标编号', message: `指标编号：本轮考核的指标体系中没有${input.code}` }];
  if (item.rule?.kind !== 'manual') return [{ path: 'code', label: '指标编号', message: `指标编号：${input.code}${item.rule ? '由平台数据自动计算，不能人工评分' : '不是末级指标'}` }];
  const out: Problem[] = [];
  if (input.points > item.points) out.push({ path: 'points', label: '得分', message: `得分：${item.code}最多${item.points}分` });
  if (!half(input.points)) out.push({ path: 'points', label: '得分', message: '得分：以0.5分为单位' });
  if (input.points < item.points && !input.evidence.length) out.push({ path: 'evidence', label: '佐证材料', message: '佐证材料：扣分须附佐证材料（相关记录或页面）' });
  return out;
}

export type { Scoring };
