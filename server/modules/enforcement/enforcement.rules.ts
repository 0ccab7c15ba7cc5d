import type { CrossFieldRule } from '../../platform/ledger/ledger.types.ts';
import { blank, dateNotBefore, filled, numberOf, requiredWhen, text, type RecordValues } from '../../platform/ledger/rules.ts';

export type BenchmarkProblem = 'no_benchmark' | 'outside' | null;

/** a major decision (重大执法决定) without a recorded legality review and opinion */
export function legalityReviewMissing(v: RecordValues): boolean {
  return v['major'] === true && (blank(v['review_on']) || blank(v['review_opinion']));
}

/** whether a fine respects the discretion benchmark recorded on the case; a reasoned departure is allowed */
export function benchmarkProblem(v: RecordValues): BenchmarkProblem {
  const amount = numberOf(v, 'amount');
  if (amount === null || amount === 0) return null;
  const min = numberOf(v, 'benchmark_min');
  const max = numberOf(v, 'benchmark_max');
  if (min === null || max === null) return 'no_benchmark';
  if (amount >= min && amount <= max) return null;
  return filled(v, 'departure_reason') ? null : 'outside';
}

/**
 * 顶格处罚: a decided fine equal to the upper limit of the discretion benchmark recorded on the case (the range the
 * decision step copies from the catalog). Null until a fine is decided; false for a fine below the top or decided
 * without a recorded benchmark. A fine above the range (a reasoned departure) is not 顶格 within the benchmark.
 */
export function topPenalty(v: RecordValues): boolean | null {
  const amount = numberOf(v, 'amount');
  if (blank(v['decided_on']) || amount === null || amount <= 0) return null;
  const max = numberOf(v, 'benchmark_max');
  return max !== null && max > 0 && amount === max;
}

/** whether the decision was published by its deadline (国办发〔2018〕118号); null until both dates are known */
export function publishedInTime(v: RecordValues): boolean | null {
  if (blank(v['published_on']) || blank(v['publication_due_on'])) return null;
  return text(v, 'published_on') <= text(v, 'publication_due_on');
}

/** the day n calendar days after an ISO date */
export function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// 5 working days span at most 5 + 4 weekend days + the longest run of holidays (春节, 9 days counting its weekend)
const HEARING_REQUEST_SPAN = 5 + 4 + 9;

export const caseRules: readonly CrossFieldRule[] = [
  requiredWhen('party_id_number', (r) => r['party_kind'] === '个人', '当事人为个人的，须填写身份证号码'),
  requiredWhen('party_uscc', (r) => r['party_kind'] === '单位', '当事人为单位的，须填写统一社会信用代码'),
  requiredWhen('inspection_result', (r) => r['case_type'] === '行政检查' && filled(r, 'closed_on'), '行政检查结案须填写检查结果'),
  requiredWhen('rectify_due_on', (r) => r['inspection_result'] === '责令整改', '责令整改的，须填写整改期限'),
  dateNotBefore('filed_on', 'registered_on', '立案日期不能早于案源登记日期'),
  dateNotBefore('decided_on', 'filed_on', '决定日期不能早于立案日期'),
  dateNotBefore('served_on', 'decided_on', '送达日期不能早于决定日期'),
  dateNotBefore('published_on', 'decided_on', '公示日期不能早于决定日期'),
  // 行政处罚法 art. 64 with art. 85: the party asks for a hearing within 5 working days of the notice. Without the
  // calendar only a request later than those days plus two weekends and the longest holiday run is late beyond doubt
  // (imports and edits); the 记录听证 step's gate counts the working days exactly
  { field: 'hearing_requested_on', message: '听证申请须在告知后5个工作日内提出', check: (r) => blank(r['hearing_requested_on']) || blank(r['notified_on']) || text(r, 'hearing_requested_on') <= plusDays(text(r, 'notified_on'), HEARING_REQUEST_SPAN) },
  // art. 64: the hearing notice is given 7 days before the hearing
  { field: 'hearing_notice_on', message: '听证通知须在举行听证7日前送达', check: (r) => blank(r['hearing_notice_on']) || blank(r['hearing_on']) || text(r, 'hearing_notice_on') <= plusDays(text(r, 'hearing_on'), -7) },
  // 行政处罚法 art. 58: a major decision is made only after the legality review — on every edit and import too,
  // so the decide form is not the only gate
  { field: 'review_opinion', message: '重大执法决定须先经法制审核：请填写法制审核日期和审核意见后再填写决定日期', check: (r) => blank(r['decided_on']) || !legalityReviewMissing(r) },
  dateNotBefore('decided_on', 'review_on', '决定日期不能早于法制审核日期'),
  dateNotBefore('rights_waived_on', 'notified_on', '放弃陈述申辩（听证）的日期不能早于告知日期'),
  // 行政裁量基准: on every edit and import too, a fine outside the recorded range needs its reason
  { field: 'departure_reason', message: '罚款金额不在裁量基准范围内，须填写偏离裁量基准的理由', check: (r) => benchmarkProblem(r) !== 'outside' },
  { field: 'benchmark_max', message: '裁量基准上限不能低于下限', check: (r) => blank(r['benchmark_min']) || blank(r['benchmark_max']) || Number(r['benchmark_max']) >= Number(r['benchmark_min']) },
];

export const benchmarkRules: readonly CrossFieldRule[] = [
  { field: 'max_amount', message: '罚款上限不能低于下限', check: (r) => blank(r['min_amount']) || blank(r['max_amount']) || Number(r['max_amount']) >= Number(r['min_amount']) },
];

export const AMOUNT_BANDS = ['不罚款', '1000元以下', '1000元至1万元', '1万元至10万元', '10万元以上'] as const;

/** the amount band a fine falls in, for the figures (penalties by amount) */
export function amountBand(v: RecordValues): (typeof AMOUNT_BANDS)[number] | null {
  if (blank(v['decided_on'])) return null;
  const a = numberOf(v, 'amount') ?? 0;
  if (a <= 0) return '不罚款';
  if (a < 1000) return '1000元以下';
  if (a < 10_000) return '1000元至1万元';
  if (a < 100_000) return '1万元至10万元';
  return '10万元以上';
}
