import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ClockError } from '../workflow/clock.ts';
import { fromDatabaseError } from './db-errors.ts';
import { AppError } from './errors.ts';
import { validationError } from './validate.ts';

/** maps every failure to RFC 9457 problem+json; only unexpected errors are 500 and only they are logged as errors */
export function installErrorHandler(app: FastifyInstance, opts: { spa?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError | AppError | z.ZodError, req, reply) => {
    const problem = toAppError(err);
    if (problem.status >= 500) req.log.error({ err }, 'unhandled error');
    else req.log.info({ code: problem.code, status: problem.status }, 'request refused');
    if (problem.code === 'session_expired' || problem.code === 'unauthenticated') reply.clearCookie('fazhi_session', { path: '/' });
    return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem.toProblem(req.url));
  });
  app.setNotFoundHandler((req, reply) => {
    // the web app's client-side routes get its shell; unknown API paths stay 404 problem+json
    if (opts.spa && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    const p = new AppError('not_found', `接口不存在：${req.method} ${req.url.split('?')[0]}`);
    return reply.status(404).type('application/problem+json; charset=utf-8').send(p.toProblem(req.url));
  });
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return validationError(err);
  if (err instanceof ClockError) return new AppError(err.code, err.message);
  const e = err as Partial<FastifyError> & { statusCode?: number };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return new AppError('payload_too_large', '提交的内容或文件超过大小限制');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type', '不支持的内容类型，请以 JSON 提交');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_body', '请求内容不是有效的 JSON');
    case 'FST_ERR_VALIDATION':
      return new AppError('validation_failed', '请求参数有误');
    default:
      break;
  }
  if (e.statusCode === 429) return new AppError('rate_limited', '操作过于频繁，请稍后再试');
  if (err instanceof SyntaxError || e.statusCode === 400) return new AppError('malformed_body', '请求格式错误');
  if (e.statusCode === 413) return new AppError('payload_too_large');
  if (e.statusCode === 415) return new AppError('unsupported_media_type');
  if (e.statusCode === 404) return new AppError('not_found');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('malformed_body', '请求有误');
  const fromDb = fromDatabaseError(err);
  if (fromDb) return fromDb;
  return new AppError('internal', '系统内部错误，请稍后重试或联系管理员');
}
