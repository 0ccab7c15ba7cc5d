import type { FieldDef } from '../../platform/ledger/ledger.types.ts';
import { filled, numberOf, type RecordValues } from '../../platform/ledger/rules.ts';
import type { ClockDef, GateCheck, TransitionDef } from '../../platform/workflow/workflow.types.ts';
import { isSummary } from './enforcement.summary.ts';

/**
 * The periods of the 行政处罚法 that the case's other steps do not already hold, every one in working days (art. 85:
 * “二日”“三日”“五日”“七日” are working days), and the pause and extension of the 90-day decision period where a
 * sectoral procedural rule allows them (art. 60: 法律、法规、规章另有规定的，从其规定).
 *
 * - art. 56: evidence registered and kept (先行登记保存) with the head's approval is dealt with within 7 days;
 * - arts. 68–71: a fine collected on the spot (当场收缴) only in the cases of arts. 68–69, against the finance
 *   department's receipt (art. 70), handed to the organ within 2 days of collection (of coming ashore, on water), and
 *   paid by the organ into the designated bank within 2 days;
 * - the decision period: time of 听证、公告、检测、检验、检疫、鉴定 … is not counted, and the head may extend it, where
 *   the department's rule says so (市场监督管理行政处罚程序规定 art. 64, 农业行政处罚程序规定 and the like): each
 *   pause and extension names the rule, the extension is approved by the head with the signed approval form.
 */
const PENALTY = '行政处罚';
const penalty = (v: RecordValues): boolean => v['case_type'] === PENALTY;

/** art. 68(1): a fine of at most 100 元 given on the spot may be collected there */
export const SPOT_COLLECTION_LIMIT = 100;
export const SPOT_GROUNDS = ['依法给予一百元以下罚款', '不当场收缴事后难以执行', '边远、水上、交通不便地区当事人提出'] as const;
const [SMALL_FINE, HARD_LATER] = SPOT_GROUNDS;
export const PRESERVATION_OUTCOMES = ['解除先行登记保存', '依法予以没收', '移送有关部门处理', '采取查封扣押等行政强制措施'] as const;
export const PAUSE_REASONS = ['听证', '公告', '检测、检验、检疫、鉴定', '权利人辨认或者鉴别', '责令退还多收价款', '案件中止调查', '其他法定不计入期限的情形'] as const;
/** the attachment kind of the head's signed approval of a longer decision period */
export const EXTENSION_APPROVAL = '延长办案期限审批表';
/** the extension the departments' rules allow once with the head's approval (市场监督管理行政处罚程序规定 art. 64: 30 days) */
export const DECISION_EXTENSION_DAYS = 30;

export const PERIOD_FIELDS: FieldDef[] = [
  // 行政处罚法 art. 56
  { name: 'preserved_on', label: '先行登记保存日期', type: 'date', group: '先行登记保存', hint: '证据可能灭失或者以后难以取得的，经行政机关负责人批准，可以先行登记保存，并应当在7个工作日内作出处理决定（行政处罚法第五十六条、第八十五条）' },
  { name: 'preservation_approver', label: '批准先行登记保存的负责人', type: 'text', maxLength: 40, group: '先行登记保存' },
  { name: 'preserved_items', label: '登记保存的物品', type: 'textarea', maxLength: 2000, group: '先行登记保存' },
  { name: 'preservation_decided_on', label: '登记保存处理决定日期', type: 'date', group: '先行登记保存' },
  { name: 'preservation_outcome', label: '登记保存处理决定', type: 'dict', options: PRESERVATION_OUTCOMES, group: '先行登记保存' },
  // 行政处罚法 arts. 68–71
  { name: 'spot_collected_on', label: '当场收缴罚款日期', type: 'date', group: '当场收缴', hint: '执法人员当场收缴的罚款，应当自收缴之日起2个工作日内交至行政机关；行政机关应当在2个工作日内缴付指定的银行（行政处罚法第七十一条、第八十五条）' },
  { name: 'spot_collection_ground', label: '当场收缴的情形', type: 'dict', options: SPOT_GROUNDS, group: '当场收缴', hint: '行政处罚法第六十八条（当场处罚一百元以下罚款，或者不当场收缴事后难以执行）、第六十九条（边远、水上、交通不便地区，当事人提出）' },
  { name: 'spot_receipt_no', label: '罚没款专用票据号码', type: 'text', maxLength: 60, group: '当场收缴', hint: '须出具财政部门统一制发的专用票据（行政处罚法第七十条）' },
  { name: 'spot_on_water', label: '在水上当场收缴', type: 'bool', group: '当场收缴' },
  { name: 'ashore_on', label: '抵岸日期', type: 'date', group: '当场收缴', hint: '在水上当场收缴的罚款，自抵岸之日起2个工作日内交至行政机关' },
  { name: 'fine_handed_in_on', label: '罚款交至行政机关日期', type: 'date', group: '当场收缴' },
  { name: 'fine_banked_on', label: '罚款缴付银行日期', type: 'date', group: '当场收缴' },
  // the decision period's pause and extension under a sectoral rule
  { name: 'period_paused_on', label: '办案期限中止计算日期', type: 'date', group: '办案期限', hint: '部门行政处罚程序规定明确不计入办案期限的听证、公告、检测、检验、检疫、鉴定等期间' },
  { name: 'period_pause_reason', label: '不计入办案期限的事由', type: 'dict', options: PAUSE_REASONS, group: '办案期限' },
  { name: 'period_resumed_on', label: '办案期限恢复计算日期', type: 'date', group: '办案期限' },
  { name: 'period_extended_on', label: '延长办案期限批准日期', type: 'date', group: '办案期限', hint: `经行政机关负责人批准延长${DECISION_EXTENSION_DAYS}日，须上传负责人签批的“${EXTENSION_APPROVAL}”` },
  { name: 'period_rule', label: '中止计算（延长）期限的依据', type: 'text', maxLength: 200, group: '办案期限', hint: '部门行政处罚程序规定的条款，如“市场监督管理行政处罚程序规定第六十四条”' },
];

const day = (v: RecordValues, f: string): string => String(v[f] ?? '');
const notBeforeField = (f: string, other: string, message: string): GateCheck => ({ message, check: (v) => !filled(v, other) || !filled(v, f) || day(v, f) >= day(v, other) });

const fine = (v: RecordValues): number => numberOf(v, 'amount') ?? 0;
/** arts. 68–69: the cases in which a fine may be collected on the spot */
const SPOT_COLLECTION_CHECKS: GateCheck[] = [
  { message: '只有处以罚款的决定可以当场收缴罚款', check: (v) => fine(v) > 0 },
  { message: '“依法给予一百元以下罚款”“不当场收缴事后难以执行”只适用于依照行政处罚法第五十一条当场作出的处罚决定（第六十八条）', check: (v) => !(v['spot_collection_ground'] === SMALL_FINE || v['spot_collection_ground'] === HARD_LATER) || isSummary(v) },
  { message: `罚款超过${SPOT_COLLECTION_LIMIT}元，不能依照行政处罚法第六十八条第一项当场收缴`, check: (v) => v['spot_collection_ground'] !== SMALL_FINE || fine(v) <= SPOT_COLLECTION_LIMIT },
];

/** the decision period is paused now: a pause recorded and not resumed since */
const paused = (v: RecordValues): boolean => filled(v, 'period_paused_on') && (!filled(v, 'period_resumed_on') || day(v, 'period_resumed_on') < day(v, 'period_paused_on'));

export const PERIOD_TRANSITIONS: TransitionDef[] = [
  // art. 56: the head approves; the decision on what was kept follows within 7 working days (the clock below)
  {
    name: 'preserve_evidence',
    label: '先行登记保存证据',
    offeredWhen: (v) => penalty(v) && !filled(v, 'preserved_on'),
    from: ['filed', 'investigated', 'notified'],
    dateField: 'preserved_on',
    captures: ['preserved_on', 'preservation_approver', 'preserved_items'],
    gates: { fields: ['preserved_on', 'preservation_approver', 'preserved_items'], checks: [notBeforeField('preserved_on', 'filed_on', '先行登记保存日期不能早于立案日期')] },
  },
  {
    name: 'decide_preservation',
    label: '对登记保存的证据作出处理决定',
    offeredWhen: (v) => filled(v, 'preserved_on') && !filled(v, 'preservation_decided_on'),
    from: ['filed', 'investigated', 'notified', 'decided', 'served'],
    todo: { when: (v) => filled(v, 'preserved_on') && !filled(v, 'preservation_decided_on') },
    dateField: 'preservation_decided_on',
    captures: ['preservation_decided_on', 'preservation_outcome'],
    gates: {
      fields: ['preserved_on', 'preservation_decided_on', 'preservation_outcome'],
      checks: [notBeforeField('preservation_decided_on', 'preserved_on', '处理决定日期不能早于先行登记保存日期')],
    },
  },
  // arts. 68–70: collected on the spot in the cases of the law only, against the finance department's receipt
  {
    name: 'collect_on_spot',
    label: '当场收缴罚款',
    offeredWhen: (v) => fine(v) > 0 && !filled(v, 'spot_collected_on'),
    from: ['decided', 'served'],
    dateField: 'spot_collected_on',
    captures: ['spot_collected_on', 'spot_collection_ground', 'spot_receipt_no', 'spot_on_water', 'ashore_on'],
    gates: {
      fields: ['spot_collected_on', 'spot_collection_ground', 'spot_receipt_no'],
      checks: [
        ...SPOT_COLLECTION_CHECKS,
        notBeforeField('spot_collected_on', 'decided_on', '当场收缴罚款的日期不能早于处罚决定日期'),
        { message: '在水上当场收缴的，须填写抵岸日期，且不能早于收缴日期', check: (v) => v['spot_on_water'] !== true || (filled(v, 'ashore_on') && day(v, 'ashore_on') >= day(v, 'spot_collected_on')) },
      ],
    },
  },
  {
    name: 'hand_in_fine',
    label: '当场收缴的罚款交至行政机关',
    offeredWhen: (v) => filled(v, 'spot_collected_on') && !filled(v, 'fine_handed_in_on'),
    from: ['served', 'executed', 'closed'],
    todo: { when: (v) => filled(v, 'spot_collected_on') && !filled(v, 'fine_handed_in_on') },
    dateField: 'fine_handed_in_on',
    captures: ['fine_handed_in_on'],
    gates: {
      fields: ['spot_collected_on', 'fine_handed_in_on'],
      checks: [notBeforeField('fine_handed_in_on', 'spot_collected_on', '罚款交至行政机关的日期不能早于当场收缴的日期'), notBeforeField('fine_handed_in_on', 'ashore_on', '在水上收缴的罚款，交至行政机关的日期不能早于抵岸日期')],
    },
  },
  {
    name: 'bank_fine',
    label: '当场收缴的罚款缴付银行',
    offeredWhen: (v) => filled(v, 'fine_handed_in_on') && !filled(v, 'fine_banked_on'),
    from: ['served', 'executed', 'closed'],
    todo: { when: (v) => filled(v, 'fine_handed_in_on') && !filled(v, 'fine_banked_on') },
    dateField: 'fine_banked_on',
    captures: ['fine_banked_on'],
    gates: { fields: ['fine_handed_in_on', 'fine_banked_on'], checks: [notBeforeField('fine_banked_on', 'fine_handed_in_on', '缴付银行的日期不能早于罚款交至行政机关的日期')] },
  },
  // the decision period under a sectoral rule: paused, resumed and extended by the head, each naming the rule
  {
    name: 'pause_period',
    label: '办案期限中止计算',
    offeredWhen: (v) => penalty(v) && !isSummary(v) && !paused(v),
    from: ['filed', 'investigated', 'notified'],
    roles: ['leader', 'county_admin'],
    note: 'required',
    dateField: 'period_paused_on',
    captures: ['period_paused_on', 'period_pause_reason', 'period_rule'],
    gates: { fields: ['period_paused_on', 'period_pause_reason', 'period_rule'], checks: [{ message: '只有一般程序的行政处罚案件计算办案期限', check: (v) => penalty(v) && !isSummary(v) }] },
  },
  {
    name: 'resume_period',
    label: '办案期限恢复计算',
    offeredWhen: paused,
    from: ['filed', 'investigated', 'notified'],
    roles: ['leader', 'county_admin'],
    dateField: 'period_resumed_on',
    captures: ['period_resumed_on'],
    gates: { fields: ['period_paused_on', 'period_resumed_on'], checks: [notBeforeField('period_resumed_on', 'period_paused_on', '恢复计算的日期不能早于中止计算的日期')] },
  },
  {
    name: 'extend_period',
    label: '延长办案期限',
    offeredWhen: (v) => penalty(v) && !isSummary(v) && !filled(v, 'period_extended_on'),
    from: ['filed', 'investigated', 'notified'],
    roles: ['leader', 'county_admin'],
    note: 'required',
    dateField: 'period_extended_on',
    captures: ['period_extended_on', 'period_rule'],
    gates: { fields: ['period_extended_on', 'period_rule'], checks: [{ message: '只有一般程序的行政处罚案件计算办案期限', check: (v) => penalty(v) && !isSummary(v) }] },
  },
];

const water = (v: RecordValues): boolean => v['spot_on_water'] === true;

export const PERIOD_CLOCKS: ClockDef[] = [
  // art. 56 with art. 85
  { id: 'preservation', rule: { id: 'enforcement.preservation', label: '先行登记保存处理期限', days: 7, unit: 'working' }, start: { field: 'preserved_on' }, stop: { field: 'preservation_decided_on' } },
  // art. 71 with art. 85: to the organ within 2 working days of collection (of coming ashore), then to the bank within 2
  { id: 'spot_hand_in', rule: { id: 'enforcement.spot_hand_in', label: '当场收缴罚款交至行政机关期限', days: 2, unit: 'working' }, start: { field: 'spot_collected_on', when: (v) => !water(v) }, stop: { field: 'fine_handed_in_on' } },
  { id: 'spot_hand_in_water', rule: { id: 'enforcement.spot_hand_in_water', label: '水上收缴罚款交至行政机关期限', days: 2, unit: 'working' }, start: { field: 'ashore_on', when: water }, stop: { field: 'fine_handed_in_on' } },
  { id: 'spot_bank', rule: { id: 'enforcement.spot_bank', label: '当场收缴罚款缴付银行期限', days: 2, unit: 'working' }, start: { field: 'fine_handed_in_on', when: (v) => filled(v, 'spot_collected_on') }, stop: { field: 'fine_banked_on' } },
];
