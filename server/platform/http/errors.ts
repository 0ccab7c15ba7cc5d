/** one field that failed validation; path is the JSON path of the field, label its Chinese name when known */
export interface FieldError {
  path: string;
  label?: string;
  message: string;
}

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'possible_duplicate'
  | 'stale_version'
  | 'account_locked'
  | 'bad_credentials'
  | 'password_change_required'
  | 'password_policy'
  | 'session_expired'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'malformed_body'
  | 'rate_limited'
  | 'gate_refused'
  | 'calendar_unknown_year'
  | 'transition_not_allowed'
  | 'clock_extension_used'
  | 'clock_no_extension'
  | 'clock_invalid_events'
  | 'clock_invalid_rule'
  | 'clock_extension_expired'
  | 'idempotency_key_invalid'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  possible_duplicate: 409,
  stale_version: 409,
  account_locked: 423,
  bad_credentials: 401,
  password_change_required: 403,
  password_policy: 400,
  session_expired: 401,
  payload_too_large: 413,
  unsupported_media_type: 415,
  malformed_body: 400,
  rate_limited: 429,
  gate_refused: 422,
  calendar_unknown_year: 422,
  transition_not_allowed: 409,
  clock_extension_used: 409,
  clock_no_extension: 422,
  clock_invalid_events: 422,
  clock_invalid_rule: 500,
  clock_extension_expired: 422,
  idempotency_key_invalid: 400,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  internal: 500,
};

const TITLE: Record<ErrorCode, string> = {
  validation_failed: '输入有误',
  unauthenticated: '请先登录',
  forbidden: '无权进行此操作',
  not_found: '未找到',
  conflict: '数据冲突',
  possible_duplicate: '可能重复',
  stale_version: '记录已被他人修改',
  account_locked: '账号已锁定',
  bad_credentials: '用户名或密码错误',
  password_change_required: '请先修改初始密码',
  password_policy: '密码不符合要求',
  session_expired: '登录已过期',
  payload_too_large: '提交内容过大',
  unsupported_media_type: '不支持的内容类型',
  malformed_body: '请求格式错误',
  rate_limited: '操作过于频繁',
  gate_refused: '不满足办理条件',
  calendar_unknown_year: '工作日历缺少该年度数据',
  transition_not_allowed: '当前状态不能办理此事项',
  clock_extension_used: '期限已延长过一次',
  clock_no_extension: '该期限不能延长',
  clock_invalid_events: '计时事件有误',
  clock_invalid_rule: '期限规则有误',
  clock_extension_expired: '期限已届满，不能延长',
  idempotency_key_invalid: '提交标识无效',
  idempotency_key_reused: '提交标识已用于其他请求',
  idempotency_in_progress: '该提交正在处理中',
  internal: '系统内部错误',
};

/** what a refused security-relevant attempt leaves in the audit log, committed even though the request fails */
export interface RefusalAudit {
  entity: string;
  entityId: string | number;
  action: string;
  orgCode?: string | null;
  diff?: unknown;
}

/** an error the API reports to people: a stable code, a Chinese title and detail, and per-field errors */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** set for refusals that must be audited in their own transaction (the request's own rolls back) */
  refusal: RefusalAudit | undefined;
  /** more the client needs to act on the problem (the records a likely duplicate repeats) */
  data: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, detail?: string, errors: FieldError[] = []) {
    super(detail ?? TITLE[code]);
    this.code = code;
    this.status = STATUS[code];
    this.title = TITLE[code];
    this.detail = detail ?? TITLE[code];
    this.errors = errors;
  }
  toProblem(instance?: string): Record<string, unknown> {
    return {
      type: `https://fazhi.invalid/problems/${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors.length ? { errors: this.errors } : {}),
      ...this.data,
    };
  }
}

/** a refused attempt, audited on its own by the route even though the request's transaction rolls back */
export function refused(detail: string, record: RefusalAudit, errors: FieldError[] = []): AppError {
  const e = new AppError('forbidden', detail, errors);
  e.refusal = record;
  return e;
}

export const notFound = (what = '记录'): AppError => new AppError('not_found', `${what}不存在或无权查看`);
export const forbidden = (detail?: string): AppError => new AppError('forbidden', detail);
