import { calendarDaysBetween } from '../../platform/calendar/calendar.ts';
import type { CrossFieldRule } from '../../platform/ledger/ledger.types.ts';
import { dateNotBefore, filled, forbiddenWhen, is, isEmpty, isFilled, isNot, notBefore, requiredWhen, type RecordValues } from '../../platform/ledger/rules.ts';

// 信访工作条例 (2022) arts. 22–23: register, then route or notify the petitioner in writing within 15 days
export const ACCEPTANCE_DAYS = 15;
// 信访工作条例 art. 34: a 申诉求决 matter is handled within 60 days of acceptance, extendable by up to 30 with the head's approval
export const HANDLING_DAYS = 60;
export const EXTENSION_DAYS = 30;
// 信访工作条例 arts. 35–36: 复查 within 30 days of the written answer, 复核 within 30 days of the 复查 opinion
export const REVIEW_REQUEST_DAYS = 30;
/** the class of matter the 60-day handling limit applies to */
export const HANDLED_CLASS = '申诉求决';
// a calendar-day deadline falling on a holiday moves to the next working day; the longest run of
// non-working days (春节) is 9, so only answers later than limit + 9 are late beyond doubt
export const HOLIDAY_SLACK = 9;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * whether the recorded 是否按期办结 disagrees with the dates: 'late' when it says 按期 but the answer is late,
 * 'on_time' when it says 超期 but the answer was in time, null when consistent or undecidable.
 * A ticket (12345, 上级交办) carries its own deadline and is checked exactly; a 信访事项 is checked against
 * the statutory limit, refusing only what is certain without the holiday calendar (the clock engine decides the rest).
 */
export function onTimeConflict(r: RecordValues): 'late' | 'on_time' | null {
  const onTime = r['on_time'];
  if (typeof onTime !== 'boolean') return null;
  const accepted = str(r['accepted_on']);
  const due = str(r['ticket_due_on']);
  // what ends the clock: the answer for an accepted matter, the written notice for one not accepted
  const answer = r['acceptance'] === '受理' ? str(r['reply_on']) : accepted;
  if (due && answer) {
    const ok = answer <= due;
    return ok === onTime ? null : ok ? 'on_time' : 'late';
  }
  // only 申诉求决 matters carry a statutory handling limit (art. 34); other accepted matters are not judged here
  if (r['acceptance'] === '受理' && r['matter_class'] !== HANDLED_CLASS) return null;
  const [from, to, limit] =
    r['acceptance'] === '受理'
      ? [accepted, str(r['reply_on']), HANDLING_DAYS + (r['extension_approved'] === true ? EXTENSION_DAYS : 0)]
      : [str(r['received_on']), accepted, ACCEPTANCE_DAYS];
  if (!from || !to) return null;
  const used = calendarDaysBetween(from, to);
  if (onTime && used > limit + HOLIDAY_SLACK) return 'late';
  if (!onTime && used <= limit) return 'on_time';
  return null;
}

export const PROGRESS = ['待受理', '办理中', '已答复', '已办结', '已退回'] as const;
export type Progress = (typeof PROGRESS)[number];

/**
 * whether a request was certainly made more than `days` after `from` (a calendar period ending on a holiday moves on,
 * so only a request later than limit + the longest holiday run is late beyond doubt; the workflow gate decides exactly)
 */
export function certainlyLate(r: RecordValues, from: string, request: string, days: number): boolean {
  const a = str(r[from]);
  const b = str(r[request]);
  return !!a && !!b && calendarDaysBetween(a, b) > days + HOLIDAY_SLACK;
}

/** the 办理状态 the dates say a record is in */
export function progressOf(r: RecordValues): Progress {
  if (filled(r, 'objected_on')) return '已退回';
  if (filled(r, 'rereview_reply_on')) return '已办结';
  if (filled(r, 'closed_on')) return '已办结';
  if (!filled(r, 'acceptance')) return '待受理';
  if (r['acceptance'] === '受理' && !filled(r, 'reply_on')) return '办理中';
  return '已答复';
}

const PROGRESS_MESSAGES: Record<Progress, string> = {
  待受理: '尚未作出受理决定的，办理状态应为“待受理”',
  办理中: '已受理尚未答复的，办理状态应为“办理中”',
  已答复: '已答复（告知）尚未办结的，办理状态应为“已答复”',
  已办结: '已填写办结日期（或复核意见日期）的，办理状态应为“已办结”',
  已退回: '已对转送、交办提出异议的，办理状态应为“已退回”',
};

const ORDER: ReadonlyArray<readonly [later: string, earlier: string, message: string]> = [
  ['accepted_on', 'received_on', '受理（告知）日期不能早于登记日期'],
  ['ticket_due_on', 'received_on', '交办时限不能早于登记日期'],
  ['reply_on', 'accepted_on', '答复日期不能早于受理日期'],
  ['extension_approved_on', 'accepted_on', '延期批准日期不能早于受理日期'],
  ['closed_on', 'reply_on', '办结日期不能早于答复日期'],
  ['closed_on', 'accepted_on', '办结日期不能早于受理（告知）日期'],
  ['review_requested_on', 'reply_on', '复查申请日期不能早于原处理意见答复日期'],
  ['review_reply_on', 'review_requested_on', '复查意见日期不能早于复查申请日期'],
  ['rereview_requested_on', 'review_reply_on', '复核申请日期不能早于复查意见日期'],
  ['rereview_reply_on', 'rereview_requested_on', '复核意见日期不能早于复核申请日期'],
  ['objected_on', 'received_on', '提出异议日期不能早于登记日期'],
  ['rereview_hearing_on', 'rereview_requested_on', '复核听证日期不能早于复核申请日期'],
  ['rereview_hearing_end_on', 'rereview_hearing_on', '复核听证结束日期不能早于听证开始日期'],
  ['rereview_reply_on', 'rereview_hearing_end_on', '复核意见日期不能早于复核听证结束日期'],
];

/** the cross-field rules of a petition record: dates in order, each stage complete before the next */
export const petitionRules: CrossFieldRule[] = [
  ...PROGRESS.map((p) => ({ field: 'progress', message: PROGRESS_MESSAGES[p], check: (r: RecordValues) => progressOf(r) !== p || r['progress'] === p })),
  ...ORDER.map(([later, earlier, message]) => dateNotBefore(later, earlier, message)),
  requiredWhen('referred_by', is('channel', '上级交办'), '上级交办件须填写交办单位'),
  requiredWhen('ticket_due_on', is('channel', '12345热线'), '12345热线工单须填写工单办结时限'),
  { field: 'people_count', message: '集体访（联名信）人数应为5人以上', check: (r) => r['party_kind'] !== '集体' || Number(r['people_count'] ?? 0) >= 5 },
  { field: 'people_count', message: '个人信访人数不超过4人，5人以上请选“集体”', check: (r) => r['party_kind'] !== '个人' || Number(r['people_count'] ?? 1) <= 4 },
  requiredWhen('accepted_on', isFilled('acceptance'), '已作出受理决定的须填写受理（告知）日期'),
  requiredWhen('acceptance', isFilled('accepted_on'), '填写了受理（告知）日期的须选择受理情况'),
  forbiddenWhen('reply_on', isNot('acceptance', '受理'), '只有已受理的事项才有办理答复，未受理的以告知日期为准'),
  requiredWhen('handling_result', isFilled('reply_on'), '已答复的须填写办理结果'),
  requiredWhen('result_kind', isFilled('reply_on'), '已答复的须选择处理意见类别'),
  requiredWhen('reply_method', isFilled('reply_on'), '已答复的须选择答复方式'),
  { field: 'extension_approved', message: '只有已受理的事项才能延期办理', check: (r) => r['extension_approved'] !== true || r['acceptance'] === '受理' },
  requiredWhen('extension_reason', is('extension_approved', true), '经批准延期的须填写延期理由（并告知信访人）'),
  requiredWhen('extension_approved_on', is('extension_approved', true), '经批准延期的须填写延期批准日期'),
  { field: 'extension_approved_on', message: '延期须在答复前批准', check: (r) => r['extension_approved'] !== true || notBefore(r, 'reply_on', 'extension_approved_on') },
  forbiddenWhen('closed_on', (r) => r['acceptance'] === '受理' && !filled(r, 'reply_on'), '已受理的事项须答复后才能办结'),
  forbiddenWhen('closed_on', isEmpty('acceptance'), '未作出受理决定的事项不能办结'),
  { field: 'on_time', message: '已办结的须填写是否按期办结', check: (r) => !filled(r, 'closed_on') || typeof r['on_time'] === 'boolean' },
  forbiddenWhen('on_time', isEmpty('closed_on'), '未办结的事项不填是否按期办结'),
  forbiddenWhen('satisfaction', isEmpty('reply_on'), '答复后才能评价满意度'),
  forbiddenWhen('review_requested_on', isEmpty('reply_on'), '复查须针对已答复的处理意见'),
  { field: 'review_result', message: '复查结果与复查意见日期须同时填写', check: (r) => filled(r, 'review_result') === filled(r, 'review_reply_on') },
  forbiddenWhen('review_reply_on', isEmpty('review_requested_on'), '须先填写复查申请日期'),
  forbiddenWhen('rereview_requested_on', isEmpty('review_reply_on'), '复核须在复查意见作出后申请'),
  { field: 'rereview_result', message: '复核结果与复核意见日期须同时填写', check: (r) => filled(r, 'rereview_result') === filled(r, 'rereview_reply_on') },
  forbiddenWhen('rereview_reply_on', isEmpty('rereview_requested_on'), '须先填写复核申请日期'),
  // 信访工作条例 arts. 29–31: a petition (not a 12345 ticket) is classified
  requiredWhen('matter_class', isNot('channel', '12345热线'), '信访事项须选择信访事项类别（建议意见、检举控告、申诉求决）'),
  requiredWhen('diverted_to', is('acceptance', '导入相应程序'), '导入相应程序的须选择导入的程序（诉讼、仲裁、行政复议等）'),
  forbiddenWhen('diverted_to', isNot('acceptance', '导入相应程序'), '只有导入相应程序的事项才填写导入程序'),
  { field: 'acceptance', message: '导入相应程序适用于申诉求决类事项（信访工作条例第三十一条）', check: (r) => r['acceptance'] !== '导入相应程序' || !filled(r, 'matter_class') || r['matter_class'] === HANDLED_CLASS },
  { field: 'extension_approved', message: '只有申诉求决类事项才有60日办理期限，才能批准延期（信访工作条例第三十四条）', check: (r) => r['extension_approved'] !== true || r['matter_class'] === HANDLED_CLASS },
  // art. 23: a matter sent down that is not this organ's business is objected to within 5 working days and returned
  forbiddenWhen('objected_on', isNot('channel', '上级交办'), '只有上级转送、交办的事项才能提出异议'),
  requiredWhen('objection_reason', isFilled('objected_on'), '提出异议的须说明理由'),
  forbiddenWhen('objection_reason', isEmpty('objected_on'), '未提出异议的不填异议理由'),
  forbiddenWhen('acceptance', isFilled('objected_on'), '已提出异议退回的事项不再填写受理情况'),
  // arts. 35–36: a request after the 30 days is not taken (the workflow gate names the exact last day)
  { field: 'review_requested_on', message: '复查须自收到书面答复之日起30日内请求（信访工作条例第三十五条），该申请已逾期', check: (r) => !certainlyLate(r, 'reply_on', 'review_requested_on', REVIEW_REQUEST_DAYS) },
  { field: 'rereview_requested_on', message: '复核须自收到复查意见之日起30日内请求（信访工作条例第三十六条），该申请已逾期', check: (r) => !certainlyLate(r, 'review_reply_on', 'rereview_requested_on', REVIEW_REQUEST_DAYS) },
  forbiddenWhen('rereview_hearing_on', isEmpty('rereview_requested_on'), '复核听证须在申请复核后举行'),
  forbiddenWhen('rereview_hearing_end_on', isEmpty('rereview_hearing_on'), '须先填写复核听证开始日期'),
  { field: 'on_time', message: '答复（告知）已超过办理期限（申诉求决类受理后60日，经批准延期90日；未受理的收到后15日；工单以交办时限为准），不能记为按期办结', check: (r) => onTimeConflict(r) !== 'late' },
  { field: 'on_time', message: '答复（告知）在办理期限内，应记为按期办结', check: (r) => onTimeConflict(r) !== 'on_time' },
];
