/** one field the server refused; path is the JSON path of the field ("roles", "items.0.name") */
export interface FieldProblem {
  path: string;
  label?: string;
  message: string;
}

/** RFC 9457 problem details as the server sends them */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  /** possible_duplicate: the records of the same unit a new one likely repeats */
  duplicates?: LikelyDuplicate[];
}

/** a record a new one likely repeats (the ledger's duplicate keys): its title, date and the fields in common */
export interface LikelyDuplicate {
  id: number;
  title: string;
  on: string | null;
  matchedBy: string[];
}

/** a refused or failed request, carrying the server's problem (or one made up for network failures) */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
  get detail(): string {
    return this.problem.detail || this.problem.title;
  }
  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** the codes that mean "this browser has no usable session" or "change the password first" */
export type AuthProblemCode = 'unauthenticated' | 'session_expired' | 'password_change_required';
const AUTH_CODES: ReadonlySet<string> = new Set<AuthProblemCode>(['unauthenticated', 'session_expired', 'password_change_required']);

type AuthProblemHandler = (error: ApiError) => void;
let authProblemHandler: AuthProblemHandler | null = null;

/** the shell registers one handler that sends the user to the login or change-password page */
export function onAuthProblem(handler: AuthProblemHandler | null): void {
  authProblemHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** do not hand auth problems to the shell (the login form handles its own 401) */
  quietAuth?: boolean;
  /** the submission this request belongs to: a retry with the same key is answered once (decision 0038) */
  idempotencyKey?: string;
}

/** a fresh submission key: random, URL-safe, 32 characters (getRandomValues works outside secure contexts too) */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * one key per user action: the same submission sent again (a retry after a network error) reuses its key, so the
 * server runs it once; a changed submission, or any after a success, gets a new one
 */
export class SubmissionKey {
  #current: { key: string; body: string } | null = null;
  /** the key for this body: the last one when the body is unchanged since an unfinished attempt */
  for(body: unknown): string {
    const text = JSON.stringify(body ?? null);
    if (this.#current?.body !== text) this.#current = { key: newIdempotencyKey(), body: text };
    return this.#current.key;
  }
  /** the submission succeeded (or was refused for good): the next one is a new action */
  done(): void {
    this.#current = null;
  }
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    if (body && typeof body === 'object' && typeof body.code === 'string') {
      return new ApiError({
        type: body.type ?? 'about:blank',
        title: body.title ?? '请求失败',
        status: body.status ?? res.status,
        code: body.code,
        detail: body.detail ?? body.title ?? '请求失败',
        ...(body.instance ? { instance: body.instance } : {}),
        ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
        ...(Array.isArray(body.duplicates) ? { duplicates: body.duplicates } : {}),
      });
    }
  } catch {
    // not JSON: a proxy or gateway answered
  }
  return new ApiError({ type: 'about:blank', title: '请求失败', status: res.status, code: res.status >= 500 ? 'internal' : 'http_error', detail: `服务器返回错误（${res.status}），请稍后重试` });
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const isForm = opts.body instanceof FormData;
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json, application/problem+json',
      ...(opts.body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
    },
    ...(opts.body !== undefined ? { body: isForm ? (opts.body as FormData) : JSON.stringify(opts.body) } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: '网络错误', status: 0, code: 'network_error', detail: '无法连接服务器，请检查网络后重试' });
  }
  if (!res.ok) {
    const error = await toError(res);
    if (!opts.quietAuth && AUTH_CODES.has(error.code)) authProblemHandler?.(error);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** the JSON API client: every method throws ApiError on a refusal */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> => request<T>('GET', path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body: unknown = {}, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}): Promise<T> => request<T>('PUT', path, { ...opts, body }),
  del: <T>(path: string): Promise<T> => request<T>('DELETE', path),
  /** multipart upload of one file under the field name "file" */
  upload: <T>(path: string, file: File | Blob, query?: Query): Promise<T> => {
    const form = new FormData();
    form.append('file', file);
    return request<T>('POST', path, { body: form, ...(query ? { query } : {}) });
  },
};

/** the Chinese text to show for any error thrown by a request or a page */
export function errorText(e: unknown): string {
  if (isApiError(e)) return e.detail;
  if (e instanceof Error && e.message) return `操作失败：${e.message}`;
  return '操作失败，请稍后重试';
}
