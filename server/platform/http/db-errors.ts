import { AppError, type FieldError } from './errors.ts';

/** what both pg's DatabaseError and PGlite's error carry (SQLSTATE and, where PostgreSQL knows them, the names) */
interface PgError {
  code: string;
  message?: string;
  detail?: string;
  table?: string;
  column?: string;
  constraint?: string;
}

const columnLabels = new Map<string, Record<string, string>>();

/** Chinese names of a table's columns, so a refusal the database makes still names the field */
export function registerColumnLabels(table: string, labels: Record<string, string>): void {
  columnLabels.set(table, { ...columnLabels.get(table), ...labels });
}

const COMMON: Record<string, string> = { org_code: '所属单位', code: '代码', username: '用户名', name: '名称', version: '版本号' };

const labelOf = (table: string | undefined, column: string): string => (table ? columnLabels.get(table)?.[column] : undefined) ?? COMMON[column] ?? column;

function isPgError(err: unknown): err is PgError {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && err instanceof Error;
}

/** the columns a constraint error's detail names: `Key (org_code, case_no)=(…) already exists.` */
const keyColumns = (detail: string | undefined): string[] => /Key \(([^)]*)\)=/.exec(detail ?? '')?.[1]?.split(',').map((c) => c.trim().replace(/^"|"$/g, '')) ?? [];

const field = (table: string | undefined, column: string, message: string): FieldError => {
  const label = labelOf(table, column);
  return { path: column, label, message: `${label}：${message}` };
};

const DATA_EXCEPTION: Record<string, string> = {
  '22001': '内容过长',
  '22003': '数值超出范围',
  '22007': '日期或时间格式有误',
  '22008': '日期或时间超出范围',
  '22P02': '格式有误',
  '22021': '含有不允许的字符',
  '22P05': '含有不允许的字符',
};

/**
 * the last line of defence: a database refusal caused by the input becomes a 4xx naming the field; the guard and
 * the schemas should have refused the input first. Division by zero and other data exceptions of our own making stay 500.
 */
export function fromDatabaseError(err: unknown): AppError | null {
  if (!isPgError(err)) return null;
  const { code, table, column, constraint, detail } = err;
  if (code === '40001' || code === '40P01') return new AppError('conflict', '并发冲突，请重试');
  if (code === '23505') {
    const cols = keyColumns(detail);
    const named = cols.filter((c) => c !== 'org_code');
    const names = (named.length ? named : cols).map((c) => labelOf(table, c));
    const what = names.length ? names.join('、') : '记录';
    const errors = (named.length ? named : cols).map((c) => field(table, c, `已存在相同的${labelOf(table, c)}`));
    return new AppError('conflict', `已存在相同的${what}`, errors.length ? errors : constraint ? [{ path: constraint, message: `已存在相同的记录（${constraint}）` }] : []);
  }
  if (code === '23503') {
    const cols = keyColumns(detail);
    if (/still referenced/.test(detail ?? '')) return new AppError('conflict', '该记录仍被其他记录引用，不能删除或修改');
    const errors = cols.map((c) => field(table, c, '所选的记录不存在'));
    return new AppError('validation_failed', errors.length ? `以下字段有误：${errors.map((e) => e.label).join('、')}` : '所选的关联记录不存在', errors);
  }
  if (code === '23502') {
    const errors = column ? [field(table, column, '必填')] : [];
    return new AppError('validation_failed', errors.length ? `以下字段有误：${errors.map((e) => e.label).join('、')}` : '缺少必填内容', errors);
  }
  if (code === '23514') return new AppError('validation_failed', '输入不符合要求');
  if (code.startsWith('22') && code !== '22012') {
    const message = DATA_EXCEPTION[code] ?? '输入有误';
    const errors = column ? [field(table, column, message)] : [];
    return new AppError('validation_failed', errors.length ? `以下字段有误：${errors.map((e) => e.label).join('、')}` : `输入有误：${message}`, errors);
  }
  return null;
}
