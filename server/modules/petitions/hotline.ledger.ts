import { defineLedger } from '../../platform/ledger/ledger.types.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.types.ts';
import { HANDLING_UNITS } from './petitions.ledgers.ts';

// 国办发〔2020〕53号 (关于进一步优化地方政务服务便民热线的指导意见) leaves the limits to the cities; these are the
// defaults most city rules built on it set, each a setting the county may change (working days):
// sign a dispatched ticket within 1 working day; answer 咨询/求助 within 5, 投诉/举报/建议 within 15; one extension of 5
export const HOTLINE_SIGN_DAYS = 'clock.hotline.sign.days';
export const HOTLINE_ANSWER_SHORT_DAYS = 'clock.hotline.answer_short.days';
export const HOTLINE_ANSWER_LONG_DAYS = 'clock.hotline.answer_long.days';
export const HOTLINE_DEFAULTS = { sign: 1, answerShort: 5, answerLong: 15, extension: 5, signUrgentHours: 1, answerUrgentHours: 24 } as const;
// 紧急 tickets run on hours, from the dispatch time, nights and holidays included: signed within 1 hour, answered
// within 24 (the limits most city rules built on 国办发〔2020〕53号 set for 紧急诉求), each a setting
export const HOTLINE_SIGN_URGENT_HOURS = 'clock.hotline.sign_urgent.hours';
export const HOTLINE_ANSWER_URGENT_HOURS = 'clock.hotline.answer_urgent.hours';
// a ticket returned by a unit not responsible and re-dispatched (改派): whether the new unit's signing and handling
// periods start over from the re-dispatch (true, the default most cities use) or continue from the first dispatch
// with the time the ticket waited for re-dispatch left out (false)
export const HOTLINE_REDISPATCH_RESTART = 'hotline.redispatch.restart';
export const HOTLINE_URGENCY = ['一般', '紧急'] as const;

export const HOTLINE_KINDS = ['咨询', '求助', '投诉', '举报', '建议'] as const;
export const HOTLINE_SHORT_KINDS: readonly string[] = ['咨询', '求助'];
export const HOTLINE_SATISFACTION = ['满意', '基本满意', '不满意'] as const;
// 投诉、举报 checked by the unit: what it found, and — where a violation was found — whether a case was opened
// (行政执法监督条例: 有案不立 is a target of the supervision; supervision.clues.ts lists what these fields leave open)
export const HOTLINE_FINDINGS = ['属实', '部分属实', '不属实', '无法核实'] as const;
export const HOTLINE_CASE_DECISIONS = ['已立案', '不予立案', '移送有权机关', '不涉及违法行为'] as const;
export const HOTLINE_REPORT_KINDS: readonly string[] = ['投诉', '举报'];
/** a 投诉/举报 whose finding is 属实 or 部分属实: it must say what became of it (立案处理) */
export const foundTrue = (v: V): boolean => HOTLINE_REPORT_KINDS.includes(String(v['request_kind'])) && (v['finding'] === '属实' || v['finding'] === '部分属实');

type V = Readonly<Record<string, unknown>>;
const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';
const isShort = (v: V): boolean => HOTLINE_SHORT_KINDS.includes(String(v['request_kind']));
const notReturned = (v: V): boolean => !set(v['returned_on']);
export const isUrgent = (v: V): boolean => v['urgency'] === '紧急';
const REVIEWERS = ['reviewer', 'leader', 'county_admin'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const moment = (v: V, date: string, time: string): string => `${String(v[date] ?? '')} ${String(v[time] ?? '')}`;
/** returned by the unit and not re-dispatched since (a later or same-moment 改派 answers the 退回) */
const awaitingRedispatch = (v: V): boolean => set(v['bounced_on']) && !(set(v['redispatched_on']) && moment(v, 'redispatched_on', 'redispatched_time') >= moment(v, 'bounced_on', 'bounce_time'));
const timeCheck = (field: string, label: string) => ({ field, message: `${label}：请按“时:分”填写，如 09:15`, check: (v: Record<string, unknown>) => !set(v[field]) || TIME.test(String(v[field])) });
// the clocks of a ticket's unit pause while it waits for re-dispatch and start over (or resume) when it is re-dispatched
const REDISPATCH = { pauseOn: ['bounce'], resumeOn: ['redispatch'], restartOn: ['redispatch'], restartSetting: HOTLINE_REDISPATCH_RESTART } as const;
const DISPATCHERS = ['county_admin'] as const;

/**
 * 12345 政务服务便民热线 tickets dispatched to the town: 签收, 办理/回复, 退单, 延期, 回访 and one 重新办理 when the
 * caller is not satisfied. The state follows the dates, so imported and demo tickets land where their dates put them.
 */
export const hotlineWorkflow = defineWorkflow({
  states: {
    received: { label: '待签收' },
    handling: { label: '办理中' },
    replied: { label: '已回复待回访' },
    unsatisfied: { label: '回访不满意' },
    redoing: { label: '重新办理中' },
    redo_replied: { label: '重新办理已回复' },
    closed: { label: '已办结', final: true },
    returned: { label: '已退单', final: true },
    bounced: { label: '已退回待改派' },
  },
  initial: 'received',
  deriveState: (v) => {
    if (set(v['returned_on'])) return 'returned';
    if (awaitingRedispatch(v)) return 'bounced';
    if (set(v['revisited_on'])) return 'closed';
    if (set(v['redo_reply_on'])) return 'redo_replied';
    if (set(v['redo_on'])) return 'redoing';
    if (set(v['visited_on'])) return v['satisfaction'] === '不满意' ? 'unsatisfied' : 'closed';
    if (set(v['reply_on'])) return 'replied';
    if (set(v['signed_on'])) return 'handling';
    return 'received';
  },
  transitions: [
    {
      name: 'sign',
      label: '签收',
      from: ['received'],
      to: 'handling',
      todo: { label: '签收工单' },
      dateField: 'signed_on',
      timeField: 'signed_time',
      captures: ['signed_on', 'signed_time', 'handling_unit', 'handler'],
      gates: { fields: ['signed_on', 'handling_unit'], checks: [{ message: '紧急工单按小时计时，须填写签收时间', check: (v) => !isUrgent(v) || set(v['signed_time']) }] },
    },
    {
      name: 'reply',
      label: '办理回复',
      from: ['handling'],
      to: 'replied',
      todo: { label: '办理并回复' },
      dateField: 'reply_on',
      timeField: 'reply_time',
      captures: ['handling_result', 'reply_on', 'reply_time', 'finding', 'case_decision', 'penalty_case', 'no_case_reason'],
      gates: {
        fields: ['handling_result', 'reply_on'],
        checks: [
          { message: '紧急工单按小时计时，须填写回复时间', check: (v) => !isUrgent(v) || set(v['reply_time']) },
          { message: '投诉、举报类工单须填写核查结论（属实、部分属实、不属实或无法核实）', check: (v) => !HOTLINE_REPORT_KINDS.includes(String(v['request_kind'])) || set(v['finding']) },
          { message: '反映的问题查证属实的，须填写立案处理（已立案、不予立案、移送有权机关或不涉及违法行为）', check: (v) => !foundTrue(v) || set(v['case_decision']) },
          { message: '立案处理为“已立案”的，须选择立案的执法案件', check: (v) => v['case_decision'] !== '已立案' || set(v['penalty_case']) },
          { message: '不予立案或移送有权机关的，须写明理由', check: (v) => (v['case_decision'] !== '不予立案' && v['case_decision'] !== '移送有权机关') || set(v['no_case_reason']) },
        ],
      },
    },
    // a unit the ticket is not for sends it back, with the reason, before signing it; the dispatcher re-dispatches it
    {
      name: 'bounce',
      label: '退回改派',
      from: ['received'],
      to: 'bounced',
      roles: ['clerk', 'reviewer', 'leader'],
      dateField: 'bounced_on',
      timeField: 'bounce_time',
      captures: ['bounced_on', 'bounce_time', 'bounce_reason'],
      gates: { fields: ['bounced_on', 'bounce_reason'] },
    },
    // the county's hotline office hands it to the unit responsible: the ticket moves to that unit's lists and 待办
    {
      name: 'redispatch',
      label: '改派',
      from: ['bounced'],
      to: 'received',
      roles: DISPATCHERS,
      todo: { label: '改派工单' },
      moves: { label: '改派至单位' },
      dateField: 'redispatched_on',
      timeField: 'redispatched_time',
      captures: ['redispatched_on', 'redispatched_time', 'redispatch_note'],
      gates: { fields: ['redispatched_on'] },
    },
    // a ticket not the town's business goes back to the hotline platform, with the reason, before it is answered
    {
      name: 'return_ticket',
      label: '退单',
      from: ['received', 'handling'],
      to: 'returned',
      roles: REVIEWERS,
      dateField: 'returned_on',
      captures: ['returned_on', 'return_reason'],
      gates: { fields: ['returned_on', 'return_reason'] },
    },
    // once, approved by the leader before the answer period runs out (the clock refuses a late one)
    {
      name: 'extend',
      label: '申请延期',
      from: ['handling'],
      roles: ['leader', 'county_admin'],
      note: 'required',
      dateField: 'extension_approved_on',
      captures: ['extension_approved_on', 'extension_reason', 'extension_approver'],
      signedBy: 'extension_approver',
      gates: { fields: ['extension_approved_on', 'extension_reason', 'extension_approver'], checks: [{ message: '紧急工单按小时办理，不适用延期', check: (v) => !isUrgent(v) }] },
    },
    {
      name: 'visit',
      label: '回访',
      from: ['replied'],
      to: 'closed',
      todo: { label: '回访' },
      dateField: 'visited_on',
      captures: ['visited_on', 'satisfaction'],
      gates: { fields: ['visited_on', 'satisfaction'] },
      conclusion: { field: 'satisfaction', negative: ['不满意'], blocks: [], states: { 满意: 'closed', 基本满意: 'closed', 不满意: 'unsatisfied' } },
    },
    // 不满意: handled once more, answered and visited again; the second visit closes the ticket whatever it records
    { name: 'redo', label: '重新办理', from: ['unsatisfied'], to: 'redoing', todo: { label: '重新办理' }, dateField: 'redo_on', captures: ['redo_on', 'redo_reason'], gates: { fields: ['redo_on', 'redo_reason'] } },
    { name: 'redo_reply', label: '重新办理回复', from: ['redoing'], to: 'redo_replied', todo: { label: '重新办理回复' }, dateField: 'redo_reply_on', captures: ['redo_result', 'redo_reply_on'], gates: { fields: ['redo_result', 'redo_reply_on'] } },
    { name: 'revisit', label: '再次回访', from: ['redo_replied'], to: 'closed', todo: { label: '再次回访' }, dateField: 'revisited_on', captures: ['revisited_on', 'final_satisfaction'], gates: { fields: ['revisited_on', 'final_satisfaction'] } },
  ],
  editable: ['handler'],
  clocks: [
    { id: 'sign', rule: { id: 'hotline.sign', label: '工单签收时限', days: HOTLINE_DEFAULTS.sign, unit: 'working' }, daysSetting: HOTLINE_SIGN_DAYS, start: { field: 'received_on', when: (v) => notReturned(v) && !isUrgent(v) }, stop: { field: 'signed_on' }, ...REDISPATCH },
    {
      id: 'answer_short',
      rule: { id: 'hotline.answer_short', label: '咨询求助类工单办理时限', days: HOTLINE_DEFAULTS.answerShort, unit: 'working', extension: { days: HOTLINE_DEFAULTS.extension, unit: 'working' } },
      daysSetting: HOTLINE_ANSWER_SHORT_DAYS,
      start: { field: 'received_on', when: (v) => notReturned(v) && !isUrgent(v) && isShort(v) },
      stop: { field: 'reply_on' },
      extension: { roles: ['leader', 'county_admin'], on: ['extend'], field: 'extension_approved_on' },
      ...REDISPATCH,
    },
    {
      id: 'answer_long',
      rule: { id: 'hotline.answer_long', label: '投诉举报建议类工单办理时限', days: HOTLINE_DEFAULTS.answerLong, unit: 'working', extension: { days: HOTLINE_DEFAULTS.extension, unit: 'working' } },
      daysSetting: HOTLINE_ANSWER_LONG_DAYS,
      start: { field: 'received_on', when: (v) => notReturned(v) && !isUrgent(v) && set(v['request_kind']) && !isShort(v) },
      stop: { field: 'reply_on' },
      extension: { roles: ['leader', 'county_admin'], on: ['extend'], field: 'extension_approved_on' },
      ...REDISPATCH,
    },
    {
      id: 'sign_urgent',
      rule: { id: 'hotline.sign_urgent', label: '紧急工单签收时限', days: HOTLINE_DEFAULTS.signUrgentHours, unit: 'hours' },
      daysSetting: HOTLINE_SIGN_URGENT_HOURS,
      start: { field: 'received_on', timeField: 'received_time', when: (v) => notReturned(v) && isUrgent(v) },
      stop: { field: 'signed_on', timeField: 'signed_time' },
      ...REDISPATCH,
    },
    {
      id: 'answer_urgent',
      rule: { id: 'hotline.answer_urgent', label: '紧急工单办理时限', days: HOTLINE_DEFAULTS.answerUrgentHours, unit: 'hours' },
      daysSetting: HOTLINE_ANSWER_URGENT_HOURS,
      start: { field: 'received_on', timeField: 'received_time', when: (v) => notReturned(v) && isUrgent(v) },
      stop: { field: 'reply_on', timeField: 'reply_time' },
      ...REDISPATCH,
    },
  ],
});

export const hotlineLedger = defineLedger({
  name: 'petitions.hotline',
  workflow: hotlineWorkflow,
  table: 'petitions_hotline',
  label: '12345热线工单',
  noun: '工单',
  module: 'petitions',
  titleFields: ['ticket_no', 'summary'],
  defaultSort: { field: 'received_on', dir: 'desc' },
  dateField: 'received_on',
  homeChart: '12345热线工单',
  uniqueFields: ['ticket_no'],
  roles: { personal: ['clerk', 'reviewer', 'leader'] },
  rules: [
    { field: 'received_time', message: '派单时间：紧急工单按小时计时，须填写派单时间', check: (v) => !isUrgent(v) || set(v['received_time']) },
    timeCheck('received_time', '派单时间'),
    timeCheck('signed_time', '签收时间'),
    timeCheck('reply_time', '回复时间'),
    timeCheck('bounce_time', '退回时间'),
    timeCheck('redispatched_time', '改派时间'),
  ],
  fields: [
    { name: 'ticket_no', label: '工单编号', type: 'text', required: true, maxLength: 40, searchable: true, list: true, group: '工单', hint: '照12345热线平台派发的工单编号填写' },
    { name: 'called_at', label: '来电时间', type: 'text', maxLength: 20, group: '工单', hint: '热线平台记录的来电时间，如 2026-03-02 09:15' },
    { name: 'received_on', label: '派单（接收）日期', type: 'date', required: true, filter: true, list: true, group: '工单', hint: '收到热线平台派单的日期，签收和办理时限由此起算' },
    { name: 'received_time', label: '派单时间', type: 'text', maxLength: 5, group: '工单', hint: '时:分，如 09:15；紧急工单必填，按小时计时由此起算' },
    { name: 'urgency', label: '紧急程度', type: 'dict', options: HOTLINE_URGENCY, filter: true, list: true, group: '工单', hint: '紧急工单默认1小时内签收、24小时内办结回复（按小时计时，时限可在系统设置中按本市规定调整）' },
    { name: 'request_kind', label: '诉求类型', type: 'dict', required: true, options: HOTLINE_KINDS, filter: true, list: true, group: '工单', hint: '咨询、求助类默认5个工作日内办结回复，投诉、举报、建议类默认15个工作日（时限可在系统设置中按本市规定调整）' },
    { name: 'summary', label: '诉求摘要', type: 'text', required: true, maxLength: 100, searchable: true, list: true, redact: true, group: '工单' },
    { name: 'content', label: '诉求内容', type: 'textarea', required: true, maxLength: 5000, searchable: true, redact: true, group: '工单' },
    { name: 'location', label: '问题发生地', type: 'text', maxLength: 60, searchable: true, filter: true, group: '工单' },
    { name: 'caller_name', label: '来电人姓名', type: 'text', maxLength: 40, personal: 'name', group: '来电人' },
    { name: 'caller_phone', label: '来电人电话', type: 'phone', personal: 'phone', group: '来电人' },
    { name: 'signed_on', label: '签收日期', type: 'date', filter: true, group: '办理' },
    { name: 'signed_time', label: '签收时间', type: 'text', maxLength: 5, group: '办理', hint: '时:分；紧急工单必填' },
    { name: 'handling_unit', label: '承办单位', type: 'dict', options: HANDLING_UNITS, filter: true, list: true, group: '办理' },
    { name: 'handler', label: '承办人', type: 'text', maxLength: 40, group: '办理' },
    { name: 'handling_result', label: '办理结果', type: 'textarea', maxLength: 2000, searchable: true, redact: true, group: '办理' },
    { name: 'finding', label: '核查结论', type: 'dict', options: HOTLINE_FINDINGS, filter: true, group: '办理', hint: '投诉、举报类工单必填：对反映的问题核查后的结论' },
    { name: 'case_decision', label: '立案处理', type: 'dict', options: HOTLINE_CASE_DECISIONS, filter: true, group: '办理', hint: '反映的问题查证属实的必填：涉嫌违法、应予处罚的依法立案；不予立案或移送的写明理由（行政执法监督据此核查有案不立）' },
    { name: 'penalty_case', label: '立案的执法案件', type: 'ref', ref: 'enforcement.case', group: '办理', hint: '立案处理为“已立案”的，选择据此登记的执法案件' },
    { name: 'no_case_reason', label: '不予立案或移送理由', type: 'text', maxLength: 200, group: '办理', hint: '如：违法行为轻微并及时改正，没有造成危害后果（首违不罚）；已移送县市场监督管理局' },
    { name: 'reply_on', label: '回复日期', type: 'date', filter: true, list: true, group: '办理' },
    { name: 'reply_time', label: '回复时间', type: 'text', maxLength: 5, group: '办理', hint: '时:分；紧急工单必填' },
    { name: 'bounced_on', label: '退回日期', type: 'date', filter: true, group: '退回改派', hint: '派错单位的，签收前退回派单机构改派' },
    { name: 'bounce_time', label: '退回时间', type: 'text', maxLength: 5, group: '退回改派', hint: '时:分' },
    { name: 'bounce_reason', label: '退回理由', type: 'text', maxLength: 200, group: '退回改派', hint: '如：不属于本单位职责，应由某单位办理' },
    { name: 'redispatched_on', label: '改派日期', type: 'date', filter: true, group: '退回改派', hint: '最近一次改派的日期；每次退回、改派均记入办理记录' },
    { name: 'redispatched_time', label: '改派时间', type: 'text', maxLength: 5, group: '退回改派', hint: '时:分' },
    { name: 'redispatch_note', label: '改派说明', type: 'text', maxLength: 200, group: '退回改派' },
    { name: 'returned_on', label: '退单日期', type: 'date', filter: true, group: '退单' },
    { name: 'return_reason', label: '退单原因', type: 'text', maxLength: 200, group: '退单', hint: '不属于本单位职责等，退回热线平台重新派单' },
    { name: 'extension_approved_on', label: '延期批准日期', type: 'date', filter: true, group: '延期', hint: '办理时限届满前经领导批准可延期一次' },
    { name: 'extension_reason', label: '延期理由', type: 'text', maxLength: 200, group: '延期' },
    { name: 'extension_approver', label: '延期批准人', type: 'text', maxLength: 40, group: '延期' },
    { name: 'visited_on', label: '回访日期', type: 'date', group: '回访' },
    { name: 'satisfaction', label: '回访满意度', type: 'dict', options: HOTLINE_SATISFACTION, filter: true, list: true, group: '回访' },
    { name: 'redo_on', label: '重新办理日期', type: 'date', group: '回访', hint: '回访不满意的，可重新办理一次' },
    { name: 'redo_reason', label: '重新办理原因', type: 'text', maxLength: 200, group: '回访' },
    { name: 'redo_result', label: '重新办理结果', type: 'textarea', maxLength: 2000, redact: true, group: '回访' },
    { name: 'redo_reply_on', label: '重新办理回复日期', type: 'date', group: '回访' },
    { name: 'revisited_on', label: '再次回访日期', type: 'date', group: '回访' },
    { name: 'final_satisfaction', label: '再次回访满意度', type: 'dict', options: HOTLINE_SATISFACTION, filter: true, group: '回访' },
  ],
});
