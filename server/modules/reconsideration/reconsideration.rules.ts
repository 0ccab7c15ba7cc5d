import type { CrossFieldRule } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled, forbiddenWhen, is, isEmpty, isFilled, isNot, requiredWhen } from '../../platform/ledger/rules.ts';

export const KINDS = ['行政复议', '行政诉讼'] as const;
export type Kind = (typeof KINDS)[number];

export const RECONSIDERATION_STAGES = ['受理', '审理', '决定'] as const;
export const LITIGATION_STAGES = ['一审', '二审', '再审', '执行'] as const;
export const STAGES = [...RECONSIDERATION_STAGES, ...LITIGATION_STAGES] as const;

// 行政复议法 (2023) arts. 63–74, 41 (终止, including withdrawal)
export const RECONSIDERATION_OUTCOMES = ['维持', '驳回复议请求', '撤销', '变更', '确认违法', '确认无效', '责令履行', '调解', '终止', '撤回申请'] as const;
// 行政诉讼法 arts. 69–78, 62 (撤诉); 裁定驳回起诉 when the suit fails the filing conditions
export const LITIGATION_OUTCOMES = ['驳回诉讼请求', '裁定驳回起诉', '撤销', '确认违法', '确认无效', '责令履行', '变更', '调解', '原告撤诉', '其他'] as const;
export const OUTCOMES = [...new Set<string>([...RECONSIDERATION_OUTCOMES, ...LITIGATION_OUTCOMES])];

/** outcomes that correct the organ: 纠错 in reconsideration, 败诉 in litigation */
export const CORRECTING_OUTCOMES = ['撤销', '变更', '确认违法', '确认无效', '责令履行'] as const;
const UPHELD = new Set<string>(['维持', '驳回复议请求', '驳回诉讼请求', '裁定驳回起诉', '终止', '撤回申请', '原告撤诉']);

/** whether an outcome means the government lost: true, false, or null when the clerk must judge (调解, 其他) */
export function lostFor(outcome: string): boolean | null {
  if ((CORRECTING_OUTCOMES as readonly string[]).includes(outcome)) return true;
  if (UPHELD.has(outcome)) return false;
  return null;
}

export const stagesFor = (kind: unknown): readonly string[] => (kind === '行政复议' ? RECONSIDERATION_STAGES : kind === '行政诉讼' ? LITIGATION_STAGES : []);
export const outcomesFor = (kind: unknown): readonly string[] => (kind === '行政复议' ? RECONSIDERATION_OUTCOMES : kind === '行政诉讼' ? LITIGATION_OUTCOMES : []);

const ORDER: ReadonlyArray<readonly [later: string, earlier: string, message: string]> = [
  ['received_on', 'filed_on', '收到答复（应诉）通知书日期不能早于受理（立案）日期'],
  ['answered_on', 'received_on', '提交答复（答辩）日期不能早于收到通知书日期'],
  ['hearing_on', 'filed_on', '开庭（听证）日期不能早于受理（立案）日期'],
  ['decided_on', 'filed_on', '决定（裁判）日期不能早于受理（立案）日期'],
  ['closed_on', 'decided_on', '结案日期不能早于决定（裁判）日期'],
  ['filed_on', 'act_on', '受理（立案）日期不能早于行政行为作出日期'],
];

/** the cross-field rules of a reconsideration or litigation case */
export const caseRules: CrossFieldRule[] = [
  ...ORDER.map(([later, earlier, message]) => dateNotBefore(later, earlier, message)),
  { field: 'stage', message: '办理阶段与案件类型不符：行政复议为受理、审理、决定，行政诉讼为一审、二审、再审、执行', check: (r) => !filled(r, 'stage') || stagesFor(r['kind']).includes(String(r['stage'])) },
  { field: 'outcome', message: '结果与案件类型不符：维持、驳回复议请求、终止、撤回申请等为复议决定，驳回诉讼请求、裁定驳回起诉、原告撤诉等为裁判结果', check: (r) => !filled(r, 'outcome') || outcomesFor(r['kind']).includes(String(r['outcome'])) },
  requiredWhen('procedure', is('kind', '行政复议'), '行政复议须选择审理程序（普通程序或简易程序）'),
  forbiddenWhen('after_reconsideration', isNot('kind', '行政诉讼'), '只有行政诉讼案件才填写是否经复议后起诉'),
  { field: 'after_reconsideration', message: '行政诉讼案件须填写是否经复议后起诉', check: (r) => r['kind'] !== '行政诉讼' || typeof r['after_reconsideration'] === 'boolean' },
  requiredWhen('applicant_person', is('applicant_type', '自然人'), '申请人（原告）为自然人的须填写姓名'),
  requiredWhen('applicant_org', is('applicant_type', '法人或其他组织'), '申请人（原告）为法人或其他组织的须填写单位名称'),
  requiredWhen('appeal_case_no', is('stage', '二审', '再审'), '二审、再审阶段须填写二审（再审）案号'),
  requiredWhen('decided_on', isFilled('outcome'), '已有决定（裁判）结果的须填写决定（裁判）日期'),
  requiredWhen('outcome', isFilled('decided_on'), '填写了决定（裁判）日期的须选择结果'),
  { field: 'stage', message: '行政复议已作出决定的，办理阶段应为“决定”', check: (r) => r['kind'] !== '行政复议' || filled(r, 'outcome') === (r['stage'] === '决定') },
  forbiddenWhen('closed_on', isEmpty('outcome'), '尚无决定（裁判）结果的案件不能结案'),
  { field: 'lost', message: '已有结果的须填写是否败诉（被纠错）', check: (r) => !filled(r, 'outcome') || typeof r['lost'] === 'boolean' },
  forbiddenWhen('lost', isEmpty('outcome'), '尚无结果的案件不填是否败诉（被纠错）'),
  { field: 'lost', message: '撤销、变更、确认违法、确认无效、责令履行为败诉（被纠错），维持、驳回、撤诉、撤回、终止不是', check: (r) => !filled(r, 'outcome') || typeof r['lost'] !== 'boolean' || lostFor(String(r['outcome'])) === null || lostFor(String(r['outcome'])) === r['lost'] },
  requiredWhen('head_name', is('head_appeared', true), '负责人出庭应诉（参加听证）的须填写出庭负责人姓名'),
  requiredWhen('head_title', is('head_appeared', true), '负责人出庭应诉（参加听证）的须填写其职务'),
  requiredWhen('head_absence_reason', is('head_appeared', false), '负责人未出庭应诉（参加听证）的须说明理由'),
  forbiddenWhen('head_appeared', isEmpty('hearing_on'), '填写负责人是否出庭须先填写开庭（听证）日期'),
  // 行政诉讼法 art. 3: the head appears in court, or explains why not; the rate needs every heard case recorded
  { field: 'head_appeared', message: '已开庭并有裁判结果的行政诉讼案件须填写负责人是否出庭应诉', check: (r) => r['kind'] !== '行政诉讼' || !filled(r, 'hearing_on') || !filled(r, 'outcome') || typeof r['head_appeared'] === 'boolean' },
];

/** the cross-field rules of a case at the 复议机关 */
export const organRules: CrossFieldRule[] = [
  dateNotBefore('accepted_on', 'received_on', '受理日期不能早于收到申请日期'),
  dateNotBefore('rejected_on', 'received_on', '不予受理决定日期不能早于收到申请日期'),
  dateNotBefore('decided_on', 'accepted_on', '决定日期不能早于受理日期'),
  dateNotBefore('terminated_on', 'accepted_on', '终止日期不能早于受理日期'),
  requiredWhen('applicant_person', is('applicant_type', '自然人'), '申请人为自然人的须填写姓名'),
  requiredWhen('applicant_org', is('applicant_type', '法人或其他组织'), '申请人为法人或其他组织的须填写单位名称'),
  // art. 79: a decision published (its date and the text put out) or the reason it is not
  requiredWhen('published_on', is('publication', '公开'), '公开决定书的须填写公开日期'),
  requiredWhen('public_text', is('publication', '公开'), '公开决定书的须填写公开文本'),
  requiredWhen('nonpublication_reason', is('publication', '不予公开'), '不予公开的须说明理由'),
  forbiddenWhen('published_on', isNot('publication', '公开'), '未决定公开的不应填写公开日期'),
  dateNotBefore('published_on', 'decided_on', '公开日期不能早于决定日期'),
];
