import { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';

z.config(z.locales.zhCN());
// a missing field reads better as 必填 than as a type mismatch against undefined
z.config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '必填' : undefined) });

/** the largest value of a PostgreSQL integer column, and of the ids and counts the API takes */
export const INT_MAX = 2_147_483_647;
/** the dates a legal record may carry: one range for every date the API takes, ledgers and routes alike */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';
export const DATE_RANGE_MESSAGE = `日期须在${DATE_MIN}至${DATE_MAX}之间`;
/** numeric(18,2) holds amounts whose absolute value is below this (16 digits before the point) */
export const DECIMAL_LIMIT = 1e16;

// NUL and unpaired UTF-16 surrogates cannot be stored by PostgreSQL at all; other C0 controls are never meant in text
const FORBIDDEN_ANYWHERE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_CHAR_MESSAGE = '含有不允许的控制字符';

/** true when a string can be stored and shown: no NUL, no lone surrogate, no C0 control other than tab and line breaks */
export function isCleanText(s: string): boolean {
  return !FORBIDDEN_ANYWHERE.test(s) && !FORBIDDEN_CONTROL.test(s);
}

/** true when s is a real calendar date written YYYY-MM-DD within DATE_MIN..DATE_MAX */
export function isIsoDateInRange(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= DATE_MIN && s <= DATE_MAX;
}

/** why a date string is refused, or null when it is fine */
export function dateProblem(s: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return '须为有效日期，格式如 2025-03-08';
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return '须为有效日期，格式如 2025-03-08';
  if (s < DATE_MIN || s > DATE_MAX) return DATE_RANGE_MESSAGE;
  return null;
}

/** a text field: a string (not an object or a number), clean of control characters, at most `max` characters */
export const text = (max: number) => z.string('须为文本').max(max, `不能超过${max}个字`).refine(isCleanText, CONTROL_CHAR_MESSAGE);

/** an ISO date within the range legal records use */
export const isoDate = (message?: string) =>
  z.string(message ?? '须为日期').superRefine((s, c) => {
    const problem = dateProblem(s);
    if (problem) c.addIssue({ code: 'custom', message: problem });
  });

/** a record id from a path or a body: a positive integer an integer or bigint column can hold */
export const intId = (message = '须为记录编号') => z.coerce.number(message).int(message).positive(message).max(INT_MAX, message);

/** a year a report or a figure can be about */
export const yearParam = (message = '须为有效年度') => z.coerce.number(message).int(message).min(1900, message).max(2100, message);

/** a page number a list can be paged to (larger pages would only read past the end) */
export const pageParam = () => z.coerce.number('须为页码').int('须为页码').min(1, '须为页码').max(100_000, '不能超过100000');

/** parses input with a zod schema; on failure lists every bad field, with its Chinese label where given */
export function parse<T extends z.ZodType>(schema: T, input: unknown, labels: Record<string, string> = {}): z.output<T> {
  let result: z.ZodSafeParseResult<z.output<T>>;
  try {
    result = schema.safeParse(input);
  } catch (err) {
    // zod throws (rather than reports) when the two sides of an intersection parse the same key to different values
    const path = /Error path: \[(.*)\]/.exec(String(err))?.[1]?.replace(/"/g, '').replace(/,/g, '.') ?? '';
    throw fieldsError([labelled(path, labels, '类型有误')]);
  }
  if (result.success) return result.data;
  throw validationError(result.error, labels);
}

const labelled = (path: string, labels: Record<string, string>, message: string): FieldError => {
  const label = labels[path] ?? labels[path.split('.')[0] ?? ''];
  return label ? { path, label, message: `${label}：${message}` } : { path, message: `${path}：${message}` };
};

/**
 * every string (and object key) in a request's body, query or params that cannot be stored: NUL, unpaired
 * surrogates and C0 controls other than tab, CR and LF; run before any schema so no route can let one through
 */
export function uncleanFields(input: unknown, labels: Record<string, string> = {}, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (out.length >= 20 || depth > 32) return;
    if (typeof v === 'string') {
      if (!isCleanText(v)) out.push(labelled(path || '(body)', labels, CONTROL_CHAR_MESSAGE));
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i), depth + 1));
    else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (!isCleanText(k)) out.push({ path: p.replace(/[^\x20-\x7E\u4E00-\u9FFF]/g, '?'), message: `字段名${CONTROL_CHAR_MESSAGE}` });
        else walk(x, p, depth + 1);
      }
    }
  };
  walk(input, prefix, 0);
  return out;
}

export function validationError(error: z.ZodError, labels: Record<string, string> = {}): AppError {
  const errors: FieldError[] = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const label = labels[path] ?? labels[String(issue.path[0] ?? '')];
    const message = issue.message;
    return label ? { path, label, message: `${label}：${message}` } : { path, message };
  });
  return fieldsError(errors);
}

/** a 400 listing every bad field */
export function fieldsError(errors: FieldError[]): AppError {
  const names = errors.map((e) => e.label ?? e.path).filter(Boolean);
  return new AppError('validation_failed', names.length ? `以下字段有误：${[...new Set(names)].join('、')}` : '输入有误', errors);
}
