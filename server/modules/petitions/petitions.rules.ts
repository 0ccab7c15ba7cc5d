import { calendarDaysBetween } from '../../platform/calendar/calendar.ts';
import type { CrossFieldRule } from '../../platform/ledger/ledger.types.ts';

// 信访工作条例 (2022) art. 31: decide acceptance (or refer / tell the petitioner to use legal channels) within 15 days
export const ACCEPTANCE_DAYS = 15;
// 信访工作条例 art. 35: handle within 60 days of acceptance, extendable by up to 30 with the head's approval
export const HANDLING_DAYS = 60;
export const EXTENSION_DAYS = 30;
// a calendar-day deadline falling on a holiday moves to the next working day; the longest run of
// non-working days (春节) is 9, so only answers later than limit + 9 are late beyond doubt
export const HOLIDAY_SLACK = 9;

type Rec = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const set = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** a is on or after b, or one of them is empty */
export const notBefore = (a: unknown, b: unknown): boolean => !str(a) || !str(b) || String(a) >= String(b);

/**
 * whether the recorded 是否按期办结 disagrees with the dates: 'late' when it says 按期 but the answer is late,
 * 'on_time' when it says 超期 but the answer was in time, null when consistent or undecidable.
 * A ticket (12345, 上级交办) carries its own deadline and is checked exactly; a 信访事项 is checked against
 * the statutory limit, refusing only what is certain without the holiday calendar (the clock engine decides the rest).
 */
export function onTimeConflict(r: Rec): 'late' | 'on_time' | null {
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

export const PROGRESS = ['待受理', '办理中', '已答复', '已办结'] as const;
export type Progress = (typeof PROGRESS)[number];

/** the 办理状态 the dates say a record is in */
export function progressOf(r: Rec): Progress {
  if (set(r['closed_on'])) return '已办结';
  if (!set(r['acceptance'])) return '待受理';
  if (r['acceptance'] === '受理' && !set(r['reply_on'])) return '办理中';
  return '已答复';
}

const PROGRESS_MESSAGES: Record<Progress, string> = {
  待受理: '尚未作出受理决定的，办理状态应为“待受理”',
  办理中: '已受理尚未答复的，办理状态应为“办理中”',
  已答复: '已答复（告知）尚未办结的，办理状态应为“已答复”',
  已办结: '已填写办结日期的，办理状态应为“已办结”',
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
];

/** the cross-field rules of a petition record: dates in order, each stage complete before the next */
export const petitionRules: CrossFieldRule[] = [
  ...PROGRESS.map((p) => ({ field: 'progress', message: PROGRESS_MESSAGES[p], check: (r: Rec) => progressOf(r) !== p || r['progress'] === p })),
  ...ORDER.map(([later, earlier, message]) => ({ field: later, message, check: (r: Rec) => notBefore(r[later], r[earlier]) })),
  { field: 'referred_by', message: '上级交办件须填写交办单位', check: (r) => r['channel'] !== '上级交办' || set(r['referred_by']) },
  { field: 'ticket_due_on', message: '12345热线工单须填写工单办结时限', check: (r) => r['channel'] !== '12345热线' || set(r['ticket_due_on']) },
  { field: 'people_count', message: '集体访（联名信）人数应为5人以上', check: (r) => r['party_kind'] !== '集体' || Number(r['people_count'] ?? 0) >= 5 },
  { field: 'people_count', message: '个人信访人数不超过4人，5人以上请选“集体”', check: (r) => r['party_kind'] !== '个人' || Number(r['people_count'] ?? 1) <= 4 },
  { field: 'accepted_on', message: '已作出受理决定的须填写受理（告知）日期', check: (r) => !set(r['acceptance']) || set(r['accepted_on']) },
  { field: 'acceptance', message: '填写了受理（告知）日期的须选择受理情况', check: (r) => !set(r['accepted_on']) || set(r['acceptance']) },
  { field: 'reply_on', message: '只有已受理的事项才有办理答复，未受理的以告知日期为准', check: (r) => r['acceptance'] === '受理' || !set(r['reply_on']) },
  { field: 'handling_result', message: '已答复的须填写办理结果', check: (r) => !set(r['reply_on']) || set(r['handling_result']) },
  { field: 'result_kind', message: '已答复的须选择处理意见类别', check: (r) => !set(r['reply_on']) || set(r['result_kind']) },
  { field: 'reply_method', message: '已答复的须选择答复方式', check: (r) => !set(r['reply_on']) || set(r['reply_method']) },
  { field: 'extension_approved', message: '只有已受理的事项才能延期办理', check: (r) => r['extension_approved'] !== true || r['acceptance'] === '受理' },
  { field: 'extension_reason', message: '经批准延期的须填写延期理由（并告知信访人）', check: (r) => r['extension_approved'] !== true || set(r['extension_reason']) },
  { field: 'extension_approved_on', message: '经批准延期的须填写延期批准日期', check: (r) => r['extension_approved'] !== true || set(r['extension_approved_on']) },
  { field: 'extension_approved_on', message: '延期须在答复前批准', check: (r) => r['extension_approved'] !== true || notBefore(r['reply_on'], r['extension_approved_on']) },
  { field: 'closed_on', message: '已受理的事项须答复后才能办结', check: (r) => !set(r['closed_on']) || r['acceptance'] !== '受理' || set(r['reply_on']) },
  { field: 'closed_on', message: '未作出受理决定的事项不能办结', check: (r) => !set(r['closed_on']) || set(r['acceptance']) },
  { field: 'on_time', message: '已办结的须填写是否按期办结', check: (r) => !set(r['closed_on']) || typeof r['on_time'] === 'boolean' },
  { field: 'on_time', message: '未办结的事项不填是否按期办结', check: (r) => set(r['closed_on']) || r['on_time'] === null || r['on_time'] === undefined },
  { field: 'satisfaction', message: '答复后才能评价满意度', check: (r) => !set(r['satisfaction']) || set(r['reply_on']) },
  { field: 'review_requested_on', message: '复查须针对已答复的处理意见', check: (r) => !set(r['review_requested_on']) || set(r['reply_on']) },
  { field: 'review_result', message: '复查结果与复查意见日期须同时填写', check: (r) => set(r['review_result']) === set(r['review_reply_on']) },
  { field: 'review_reply_on', message: '须先填写复查申请日期', check: (r) => !set(r['review_reply_on']) || set(r['review_requested_on']) },
  { field: 'rereview_requested_on', message: '复核须在复查意见作出后申请', check: (r) => !set(r['rereview_requested_on']) || set(r['review_reply_on']) },
  { field: 'rereview_result', message: '复核结果与复核意见日期须同时填写', check: (r) => set(r['rereview_result']) === set(r['rereview_reply_on']) },
  { field: 'rereview_reply_on', message: '须先填写复核申请日期', check: (r) => !set(r['rereview_reply_on']) || set(r['rereview_requested_on']) },
  { field: 'on_time', message: '答复（告知）已超过办理期限（受理后60日，经批准延期90日；未受理的收到后15日；工单以交办时限为准），不能记为按期办结', check: (r) => onTimeConflict(r) !== 'late' },
  { field: 'on_time', message: '答复（告知）在办理期限内，应记为按期办结', check: (r) => onTimeConflict(r) !== 'on_time' },
];
