import type { CrossFieldRule } from './ledger.types.ts';

/** a record as cross-field rules see it: the validated values, by field name */
export type RecordValues = Readonly<Record<string, unknown>>;

/** a condition on a whole record, for `requiredWhen` and `forbiddenWhen` */
export type RecordTest = (record: RecordValues) => boolean;

/** empty as the validator sees it: null, undefined or white space; 0, false and [] are values */
export const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * whether a field of the record holds a value
 * @example filled({ reply_on: '2025-04-01', result: null }, 'reply_on') // true
 */
export const filled = (record: RecordValues, field: string): boolean => !blank(record[field]);

/** a field as text, '' when it is empty */
export const text = (record: RecordValues, field: string): string => (blank(record[field]) ? '' : String(record[field]));

/** a field as a number, null when it is empty */
export const numberOf = (record: RecordValues, field: string): number | null => (blank(record[field]) ? null : Number(record[field]));

/** the year of an ISO date field, null when it is empty or not a date */
export const yearOf = (record: RecordValues, field: string): number | null => (/^\d{4}-/.test(text(record, field)) ? Number(text(record, field).slice(0, 4)) : null);

/**
 * the date in `later` is not before the one in `earlier`; true when either is empty (required-ness is checked field by field)
 * @example notBefore({ closed_on: '2025-03-01', received_on: '2025-03-05' }, 'closed_on', 'received_on') // false
 */
export const notBefore = (record: RecordValues, later: string, earlier: string): boolean => !filled(record, later) || !filled(record, earlier) || String(record[later]) >= String(record[earlier]);

/**
 * the number in `field` is at most the one in `limit`; true when either is empty
 * @example atMost({ passed: 21, trainees: 20 }, 'passed', 'trainees') // false
 */
export const atMost = (record: RecordValues, field: string, limit: string): boolean => !filled(record, field) || !filled(record, limit) || Number(record[field]) <= Number(record[limit]);

/** the field holds one of the values (compared with ===) */
export const is = (field: string, ...values: readonly unknown[]): RecordTest => (record) => values.includes(record[field]);

/** the field holds none of the values (an empty field holds none) */
export const isNot = (field: string, ...values: readonly unknown[]): RecordTest => (record) => !values.includes(record[field]);

/** the field holds a value */
export const isFilled = (field: string): RecordTest => (record) => filled(record, field);

/** the field is empty */
export const isEmpty = (field: string): RecordTest => (record) => !filled(record, field);

/**
 * a date that may not precede another: 结案日期不能早于受理日期
 * @example dateNotBefore('closed_on', 'received_on', '结案日期不能早于受理日期')
 */
export function dateNotBefore(field: string, earlierField: string, message: string): CrossFieldRule {
  return { field, message, check: (r) => notBefore(r, field, earlierField) };
}

/**
 * a count or amount that may not exceed another: 协议金额不能大于涉及金额
 * @example notGreaterThan('agreement_amount', 'amount', '协议金额不能大于涉及金额')
 */
export function notGreaterThan(field: string, otherField: string, message: string): CrossFieldRule {
  return { field, message, check: (r) => atMost(r, field, otherField) };
}

/**
 * a field that must be filled in when the condition holds: 已结案的案件须填写结案日期
 * @example requiredWhen('closed_on', isNot('outcome', '正在调解'), '已结案的案件须填写结案日期')
 */
export function requiredWhen(field: string, when: RecordTest, message: string): CrossFieldRule {
  return { field, message, check: (r) => !when(r) || filled(r, field) };
}

/**
 * a field that must stay empty when the condition holds: 正在调解的案件不应有结案日期
 * @example forbiddenWhen('closed_on', is('outcome', '正在调解'), '正在调解的案件不应有结案日期')
 */
export function forbiddenWhen(field: string, when: RecordTest, message: string): CrossFieldRule {
  return { field, message, check: (r) => !when(r) || !filled(r, field) };
}
