import type { CrossFieldRule } from '../../platform/ledger/ledger.types.ts';

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

type Rec = Record<string, unknown>;
const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';
const notBefore = (a: unknown, b: unknown): boolean => !set(a) || !set(b) || String(a) >= String(b);

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
  ...ORDER.map(([later, earlier, message]) => ({ field: later, message, check: (r: Rec) => notBefore(r[later], r[earlier]) })),
  { field: 'stage', message: '办理阶段与案件类型不符：行政复议为受理、审理、决定，行政诉讼为一审、二审、再审、执行', check: (r) => !set(r['stage']) || stagesFor(r['kind']).includes(String(r['stage'])) },
  { field: 'outcome', message: '结果与案件类型不符：维持、驳回复议请求、终止、撤回申请等为复议决定，驳回诉讼请求、裁定驳回起诉、原告撤诉等为裁判结果', check: (r) => !set(r['outcome']) || outcomesFor(r['kind']).includes(String(r['outcome'])) },
  { field: 'procedure', message: '行政复议须选择审理程序（普通程序或简易程序）', check: (r) => r['kind'] !== '行政复议' || set(r['procedure']) },
  { field: 'after_reconsideration', message: '只有行政诉讼案件才填写是否经复议后起诉', check: (r) => r['kind'] === '行政诉讼' || !set(r['after_reconsideration']) },
  { field: 'after_reconsideration', message: '行政诉讼案件须填写是否经复议后起诉', check: (r) => r['kind'] !== '行政诉讼' || typeof r['after_reconsideration'] === 'boolean' },
  { field: 'applicant_person', message: '申请人（原告）为自然人的须填写姓名', check: (r) => r['applicant_type'] !== '自然人' || set(r['applicant_person']) },
  { field: 'applicant_org', message: '申请人（原告）为法人或其他组织的须填写单位名称', check: (r) => r['applicant_type'] !== '法人或其他组织' || set(r['applicant_org']) },
  { field: 'appeal_case_no', message: '二审、再审阶段须填写二审（再审）案号', check: (r) => (r['stage'] !== '二审' && r['stage'] !== '再审') || set(r['appeal_case_no']) },
  { field: 'decided_on', message: '已有决定（裁判）结果的须填写决定（裁判）日期', check: (r) => !set(r['outcome']) || set(r['decided_on']) },
  { field: 'outcome', message: '填写了决定（裁判）日期的须选择结果', check: (r) => !set(r['decided_on']) || set(r['outcome']) },
  { field: 'stage', message: '行政复议已作出决定的，办理阶段应为“决定”', check: (r) => r['kind'] !== '行政复议' || set(r['outcome']) === (r['stage'] === '决定') },
  { field: 'closed_on', message: '尚无决定（裁判）结果的案件不能结案', check: (r) => !set(r['closed_on']) || set(r['outcome']) },
  { field: 'lost', message: '已有结果的须填写是否败诉（被纠错）', check: (r) => !set(r['outcome']) || typeof r['lost'] === 'boolean' },
  { field: 'lost', message: '尚无结果的案件不填是否败诉（被纠错）', check: (r) => set(r['outcome']) || !set(r['lost']) },
  { field: 'lost', message: '撤销、变更、确认违法、确认无效、责令履行为败诉（被纠错），维持、驳回、撤诉、撤回、终止不是', check: (r) => !set(r['outcome']) || typeof r['lost'] !== 'boolean' || lostFor(String(r['outcome'])) === null || lostFor(String(r['outcome'])) === r['lost'] },
  { field: 'head_name', message: '负责人出庭应诉（参加听证）的须填写出庭负责人姓名', check: (r) => r['head_appeared'] !== true || set(r['head_name']) },
  { field: 'head_title', message: '负责人出庭应诉（参加听证）的须填写其职务', check: (r) => r['head_appeared'] !== true || set(r['head_title']) },
  { field: 'head_absence_reason', message: '负责人未出庭应诉（参加听证）的须说明理由', check: (r) => r['head_appeared'] !== false || set(r['head_absence_reason']) },
  { field: 'head_appeared', message: '填写负责人是否出庭须先填写开庭（听证）日期', check: (r) => !set(r['head_appeared']) || set(r['hearing_on']) },
  // 行政诉讼法 art. 3: the head appears in court, or explains why not; the rate needs every heard case recorded
  { field: 'head_appeared', message: '已开庭并有裁判结果的行政诉讼案件须填写负责人是否出庭应诉', check: (r) => r['kind'] !== '行政诉讼' || !set(r['hearing_on']) || !set(r['outcome']) || typeof r['head_appeared'] === 'boolean' },
];
