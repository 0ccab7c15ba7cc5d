import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resolveSession, type SessionInfo } from '../auth/session.service.ts';
import type { Platform } from '../module.ts';
import type { Ctx } from './context.ts';
import { audit } from '../audit/audit.service.ts';
import { AppError, refused } from './errors.ts';
import { foreignOrigin } from './origin.ts';
import { claimIdempotencyKey, readIdempotencyKey, REPLAYED_HEADER, requestHash, settleIdempotencyKey } from './idempotency.ts';
import { CONTROL_CHAR_MESSAGE, fieldsError, isCleanText, parse, uncleanFields } from './validate.ts';

export const SESSION_COOKIE = 'fazhi_session';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * who may call a route: a permission name (deny by default), a list (any of them),
 * 'authenticated' (any signed-in user), or 'public' (no login; the public site)
 */
export type Access = string | string[] | 'authenticated' | 'public';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R> {
  method: Method;
  url: string;
  access: Access;
  summary: string;
  tags?: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** Chinese labels for field paths, so validation messages name the field */
  labels?: Record<string, string>;
  /** run in one transaction: the change and its audit entry commit together or not at all */
  write?: boolean;
  /** reachable while the user still has to change the initial password */
  beforePasswordChange?: boolean;
  /** raw body (multipart uploads) */
  multipart?: boolean;
  rateLimit?: { max: number; timeWindow: string };
  handler: (ctx: Ctx, input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }, req: FastifyRequest, reply: FastifyReply) => Promise<R>;
}

export interface Api {
  route<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown, R = unknown>(spec: RouteSpec<P, Q, B, R>): void;
  /** every route registered, for the permission matrix test and the OpenAPI document */
  readonly routes: ReadonlyArray<{ method: Method; url: string; access: Access; multipart: boolean }>;
}

declare module 'fastify' {
  interface FastifyRequest {
    session?: SessionInfo;
    /** the Idempotency-Key this request claimed; its answer is stored (or the claim released) as it is sent */
    idempotency?: { userId: number; key: string } | undefined;
  }
}

const publicActor = { id: null, username: 'public', displayName: '公众', homeOrg: '', roles: [], permissions: new Set<string>() };

export function createApi(app: FastifyInstance, platform: Platform): Api {
  const routes: Array<{ method: Method; url: string; access: Access; multipart: boolean }> = [];
  const jsonSchema = (s: z.ZodType | undefined): unknown => {
    if (!s) return undefined;
    try {
      return z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' });
    } catch {
      return undefined;
    }
  };
  const limits = { idleMinutes: platform.config.sessionIdleMinutes, maxHours: platform.config.sessionMaxHours };
  const allowedOrigins = new Set(platform.config.allowedOrigins);
  // a refused attempt is recorded in its own transaction: the request's own (if any) rolls back
  const auditRefusal = async (e: AppError, actor: Ctx['actor'], ip: string, now: Date): Promise<void> => {
    if (!e.refusal) return;
    const r = e.refusal;
    await platform.db.transaction().execute((tx) => audit({ actor, ip, tx, now }, { entity: r.entity, entityId: String(r.entityId).slice(0, 80), action: r.action, orgCode: r.orgCode ?? null, diff: r.diff ?? null }));
  };
  // the answer to a request that claimed an Idempotency-Key is kept for its retries, or the claim released
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = undefined;
    const type = reply.getHeader('content-type');
    await settleIdempotencyKey(platform.db, claim.userId, claim.key, reply.statusCode, typeof type === 'string' ? type : null, payload);
    return payload;
  });
  return {
    routes,
    route(spec) {
      routes.push({ method: spec.method, url: spec.url, access: spec.access, multipart: spec.multipart === true });
      app.route({
        method: spec.method,
        url: spec.url,
        schema: {
          summary: spec.summary,
          tags: spec.tags ?? [],
          ...(spec.body && !spec.multipart ? { body: jsonSchema(spec.body) } : {}),
          ...(spec.query ? { querystring: jsonSchema(spec.query) } : {}),
          ...(spec.params ? { params: jsonSchema(spec.params) } : {}),
        },
        ...(spec.rateLimit ? { config: { rateLimit: spec.rateLimit } } : {}),
        handler: async (req, reply) => {
          const now = new Date();
          const changesState = spec.method !== 'GET';
          const token = req.cookies[SESSION_COOKIE];
          if (changesState) {
            // a page of another site (or another port of this host) posting with the user's cookie
            const foreign = foreignOrigin(req.headers, req.host, allowedOrigins);
            if (foreign !== null) {
              const e = refused('请求来源不被允许：只接受本站页面提交的操作', { entity: 'request', entityId: `${spec.method} ${spec.url}`, action: 'refused_origin', diff: { origin: foreign, host: req.host } });
              const info = token && spec.access !== 'public' ? await resolveSession(platform.db, token, limits, now).catch(() => null) : null;
              if (info) await auditRefusal(e, info.actor, req.ip, now);
              throw e;
            }
          }
          let ctxBase: Omit<Ctx, 'tx'>;
          if (spec.access === 'public') {
            ctxBase = { actor: publicActor, ip: req.ip, scope: { root: '', codes: [] }, cipher: platform.cipher, now };
          } else {
            if (!token) throw new AppError('unauthenticated');
            const info = await resolveSession(platform.db, token, limits, now);
            req.session = info;
            if (info.mustChangePassword && !spec.beforePasswordChange) throw new AppError('password_change_required', '首次登录或密码已重置，请先修改密码');
            if (spec.access !== 'authenticated') {
              const needed = Array.isArray(spec.access) ? spec.access : [spec.access];
              if (!needed.some((p) => info.actor.permissions.has(p))) {
                if (!changesState) throw new AppError('forbidden', '您的角色无权进行此操作');
                const e = refused('您的角色无权进行此操作', { entity: 'request', entityId: `${spec.method} ${spec.url}`, action: 'refused_permission', orgCode: info.scope.root, diff: { needed, params: req.params } });
                await auditRefusal(e, info.actor, req.ip, now);
                throw e;
              }
            }
            ctxBase = { actor: info.actor, ip: req.ip, scope: info.scope, cipher: platform.cipher, now };
            // a retried submission (a phone on a bad network) is answered from what its first attempt got;
            // an upload's body is not known here, so uploads are not keyed
            if (changesState && !spec.multipart && info.actor.id !== null) {
              const key = readIdempotencyKey(req.headers);
              if (key !== null) {
                const claim = await claimIdempotencyKey(platform.db, info.actor.id, key, requestHash(spec.method, req.url, req.body), now, platform.config.idempotencyHours);
                if (claim.kind === 'replay') {
                  reply.code(claim.status).header(REPLAYED_HEADER, 'true');
                  if (claim.contentType) reply.type(claim.contentType);
                  return reply.send(claim.body);
                }
                req.idempotency = { userId: info.actor.id, key };
              }
            }
          }
          const labels = spec.labels ?? {};
          // one guard for every route: text PostgreSQL cannot store never reaches a schema, a handler or the database
          // (a multipart request has no parsed body; its parts are checked as the handler reads them)
          const unclean = [...uncleanFields(req.params, labels), ...uncleanFields(req.query, labels), ...uncleanFields(req.body, labels)];
          if (unclean.length) throw fieldsError(unclean);
          if (spec.multipart) guardMultipart(req);
          const input = {
            params: spec.params ? parse(spec.params, req.params, labels) : req.params,
            query: spec.query ? parse(spec.query, req.query, labels) : req.query,
            body: spec.body && !spec.multipart ? parse(spec.body, req.body ?? {}, labels) : req.body,
          } as { params: never; query: never; body: never };
          let result: unknown;
          let held: { payload: unknown } | null = null;
          try {
            if (!spec.write) result = await spec.handler({ ...ctxBase, tx: platform.db }, input, req, reply);
            else {
              // a write handler that sends its own response (a generated document) sends it after the commit, not before:
              // a client never holds a document numbered by a transaction that was then rolled back
              // a reply is a thenable settled once the response is out: what the held send returns must not be one,
              // or the transaction would wait on a response that waits on the transaction
              const notSent = new Proxy(reply, { get: (target, key) => (key === 'then' ? undefined : Reflect.get(target, key, target)) });
              reply.send = ((payload?: unknown) => {
                held = { payload };
                return notSent;
              }) as typeof reply.send;
              try {
                result = await platform.db.transaction().execute((tx) => spec.handler({ ...ctxBase, tx }, input, req, reply));
              } finally {
                Reflect.deleteProperty(reply, 'send');
              }
            }
          } catch (e) {
            if (e instanceof AppError && e.refusal) await auditRefusal(e, ctxBase.actor, req.ip, now);
            throw e;
          }
          if (held) return reply.send((held as { payload: unknown }).payload);
          if (reply.sent) return reply;
          return result ?? { ok: true };
        },
      });
    },
  };
}

/** a part's file name or field value that cannot be stored, as a 400 naming it */
function checkPart(part: MultipartFile): void {
  const errors = [];
  if (part.filename && !isCleanText(part.filename)) errors.push({ path: 'file', label: '文件名', message: `文件名：${CONTROL_CHAR_MESSAGE}` });
  for (const [name, field] of Object.entries(part.fields)) {
    for (const f of Array.isArray(field) ? field : [field]) {
      if (f && 'value' in f && typeof f.value === 'string' && !isCleanText(f.value)) errors.push({ path: name.replace(/[^\x20-\x7E]/g, '?'), message: `${name.replace(/[^\x20-\x7E]/g, '?')}：${CONTROL_CHAR_MESSAGE}` });
      if (f && !isCleanText(f.fieldname)) errors.push({ path: '?', message: `字段名${CONTROL_CHAR_MESSAGE}` });
    }
  }
  if (errors.length) throw fieldsError(errors);
}

/** the same guard for multipart uploads: every file a handler takes has a clean name and clean fields */
function guardMultipart(req: FastifyRequest): void {
  const file = req.file.bind(req);
  const files = req.files.bind(req);
  req.file = (async (...args: Parameters<typeof file>) => {
    const part = await file(...args);
    if (part) checkPart(part);
    return part;
  }) as typeof req.file;
  req.files = async function* (...args: Parameters<typeof files>) {
    for await (const part of files(...args)) {
      checkPart(part);
      yield part;
    }
  } as typeof req.files;
}
