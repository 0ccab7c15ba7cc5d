import { calendarFromChineseDays } from '../../platform/calendar/holiday-data.ts';
import { addCalendarDays, calendarDaysBetween, plusDays, weekdayOf, workingDaysBetween, type CalendarData, type IsoDate } from '../../platform/calendar/calendar.ts';
import { filled, text, type RecordValues } from '../../platform/ledger/rules.ts';

export const DONE = '已完成';
export const SKIPPED = '依法不适用';
export const PROCEDURE_RESULTS = [DONE, SKIPPED] as const;

/** the five procedures of 重大行政决策程序暂行条例 (国务院令第713号); `skippable` where the law allows leaving one out */
export interface Procedure {
  key: 'pp' | 'er' | 'ra' | 'lr' | 'cd';
  label: string;
  skippable: boolean;
}

export const PROCEDURES: readonly Procedure[] = [
  // art. 14: not for matters that must be kept secret, or where the law says otherwise
  { key: 'pp', label: '公众参与', skippable: true },
  // art. 19: for matters that are highly specialised or technical
  { key: 'er', label: '专家论证', skippable: true },
  // art. 22: where the decision may affect social stability, public safety and the like
  { key: 'ra', label: '风险评估', skippable: true },
  // art. 25: no legality review, no collective discussion
  { key: 'lr', label: '合法性审查', skippable: false },
  // art. 30: decided at a 常务会议 or 全体会议
  { key: 'cd', label: '集体讨论决定', skippable: false },
];

/** what is still missing for one procedure, or null when it is recorded (done with its evidence, or skipped with a reason) */
export function procedureMissing(p: Procedure, v: RecordValues): string | null {
  if (p.key === 'cd') {
    const need = [['cd_date', '会议日期'], ['cd_meeting', '会议名称'], ['participants', '参会人员'], ['speaking_order', '发言顺序'], ['principal_leader', '主要负责人'], ['cd_evidence', '会议纪要摘要']] as const;
    const miss = need.filter(([f]) => !filled(v, f)).map(([, l]) => l);
    return miss.length ? `未记录“${p.label}”程序（缺少${miss.join('、')}）` : null;
  }
  const result = text(v, `${p.key}_result`);
  if (result === SKIPPED && p.skippable) return filled(v, `${p.key}_skip_reason`) ? null : `“${p.label}”依法不适用的，须记录不适用的理由`;
  if (result === SKIPPED) return `“${p.label}”是必经程序，不能不适用`;
  if (result !== DONE && p.key !== 'lr') return `未记录“${p.label}”程序（须记录完成日期和材料摘要${p.skippable ? '，或依法不适用的理由' : ''}）`;
  const miss = [[`${p.key}_date`, '完成日期'], [`${p.key}_evidence`, '材料摘要']].filter(([f]) => !filled(v, f ?? '')).map(([, l]) => l);
  return miss.length ? `未记录“${p.label}”程序（缺少${miss.join('、')}）` : null;
}

/** every procedure not yet recorded, in statutory order */
export function missingProcedures(v: RecordValues): Array<{ procedure: Procedure; message: string }> {
  return PROCEDURES.flatMap((p) => {
    const m = procedureMissing(p, v);
    return m ? [{ procedure: p, message: m }] : [];
  });
}

/** names in a written speaking order: one per line, or separated by 、，, ；; → */
export function speakers(order: string): string[] {
  return order
    .split(/[\n\r、，,；;→>]+/)
    .map((s) => s.replace(/^\s*\d+[.．、)）]?\s*/, '').trim())
    .filter(Boolean);
}

/** 末位表态: the principal leader speaks last; a warning (not a refusal) when the record says otherwise */
export function lastSpeakerWarning(v: RecordValues): string | null {
  const leader = text(v, 'principal_leader').trim();
  const order = speakers(text(v, 'speaking_order'));
  if (!leader || !order.length) return null;
  const last = order.at(-1) ?? '';
  if (last.includes(leader)) return null;
  if (!order.some((s) => s.includes(leader))) return `发言顺序中没有主要负责人${leader}的表态`;
  return `主要负责人${leader}未末位表态（最后发言：${last}）`;
}

/** fields that follow from others, kept in step on every transition */
export function decisionComputed(v: RecordValues): Record<string, unknown> {
  const warning = lastSpeakerWarning(v);
  const known = filled(v, 'principal_leader') && filled(v, 'speaking_order');
  return { leader_last: known ? warning === null : null, leader_last_note: warning };
}

/** days of a comment period, both ends counted */
export const periodDays = (from: IsoDate, to: IsoDate): number => calendarDaysBetween(from, to) + 1;

// 713 art. 15: a comment period of generally not less than 30 days; a shorter one must be explained
export const DECISION_COMMENT_DAYS = 30;

export function decisionPeriodProblem(v: RecordValues): string | null {
  if (!filled(v, 'comment_from') || !filled(v, 'comment_to')) return null;
  const days = periodDays(text(v, 'comment_from'), text(v, 'comment_to'));
  if (days < 1) return '征求意见截止日期不能早于开始日期';
  if (days < DECISION_COMMENT_DAYS && !filled(v, 'comment_short_reason')) return `征求意见期限为${days}日，少于${DECISION_COMMENT_DAYS}日的须说明理由（理由向社会公开）`;
  return null;
}

let builtin: CalendarData | undefined;
const calendar = (): CalendarData => (builtin ??= calendarFromChineseDays());

/** working days in [from, to]; for years the official calendar does not cover, Monday to Friday */
export function workingDaysIn(from: IsoDate, to: IsoDate, cal: CalendarData = calendar()): number {
  try {
    return workingDaysBetween(plusDays(from, -1), to, cal);
  } catch {
    let n = 0;
    for (let d = from; d <= to; d = plusDays(d, 1)) if (weekdayOf(d) >= 1 && weekdayOf(d) <= 5) n++;
    return n;
  }
}

// 国办发〔2018〕37号: generally not less than 7 working days; 30 days for documents closely affecting businesses
export const NORMDOC_COMMENT_WORKING_DAYS = 7;
export const NORMDOC_BUSINESS_COMMENT_DAYS = 30;

/** the shortest comment periods of a normative document draft; local settings may lengthen or replace them */
export interface NormdocCommentPeriods {
  workingDays: number;
  businessDays: number;
}
export const NORMDOC_COMMENT_DEFAULTS: NormdocCommentPeriods = { workingDays: NORMDOC_COMMENT_WORKING_DAYS, businessDays: NORMDOC_BUSINESS_COMMENT_DAYS };

export function normdocPeriodProblem(v: RecordValues, cal?: CalendarData, periods: NormdocCommentPeriods = NORMDOC_COMMENT_DEFAULTS): string | null {
  if (!filled(v, 'comment_from') || !filled(v, 'comment_to')) return null;
  const from = text(v, 'comment_from');
  const to = text(v, 'comment_to');
  if (to < from) return '征求意见截止日期不能早于开始日期';
  if (v['affects_business'] === true) {
    const days = periodDays(from, to);
    return days < periods.businessDays ? `与市场主体生产经营活动密切相关的，征求意见期限不少于${periods.businessDays}日（现为${days}日）` : null;
  }
  const working = workingDaysIn(from, to, cal);
  return working < periods.workingDays ? `征求意见期限不少于${periods.workingDays}个工作日（现为${working}个工作日）` : null;
}

// filing within 30 days of publication by default (规章制定程序条例 art. 34 and provincial rules; configurable)
export const DEFAULT_FILING_DAYS = 30;

/** the filing due date, as the statutory clock counts it (calendar days, a last day off work rolls forward) */
export function filingDue(publishOn: IsoDate, days: number, cal: CalendarData = calendar()): IsoDate {
  try {
    return addCalendarDays(publishOn, days, cal).due;
  } catch {
    return plusDays(publishOn, days);
  }
}

export function normdocComputed(v: RecordValues, days: number): Record<string, unknown> {
  const due = filled(v, 'publish_on') ? filingDue(text(v, 'publish_on'), days) : null;
  const onTime = due && filled(v, 'filed_on') ? text(v, 'filed_on') <= due : null;
  return { filing_due_on: due, filed_on_time: onTime };
}
