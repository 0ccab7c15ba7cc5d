import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { adminRoutes } from './platform/admin.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { createApi, type Api } from './platform/http/route.ts';
import { ledgerCatalogRoute, ledgerRoutes } from './platform/ledger/ledger.routes.ts';
import { indicatorRoutes } from './platform/indicators/indicator.routes.ts';
import type { Platform } from './platform/module.ts';

/** the built web app; FAZHI_WEB_DIST overrides it (parallel test runs each building their own) */
export const WEB_DIST = process.env.FAZHI_WEB_DIST ?? fileURLToPath(new URL('../web/dist/', import.meta.url));
export const UPLOAD_LIMIT = 50 * 1024 * 1024;

/** where a request's query string would be logged, the path and the names of its parameters instead */
function requestLine(req: FastifyRequest): { method: string; path: string; query?: string[] } {
  // a search's words may be a petitioner's name, phone or 身份证号
  const q = req.url.indexOf('?');
  if (q < 0) return { method: req.method, path: req.url };
  return { method: req.method, path: req.url.slice(0, q), query: [...new Set(new URLSearchParams(req.url.slice(q + 1)).keys())] };
}

/** one line per request, after the answer (Fastify's own two log the query string, and with it the search words) */
class RequestLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const line = { ...requestLine(req), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
  override routeNotFound(req: FastifyRequest): void {
    req.log.info(requestLine(req), 'route not found');
  }
  override defaultErrorLog(error: Error, req: FastifyRequest, reply: FastifyReply): void {
    reply.log[reply.statusCode >= 500 ? 'error' : 'info']({ ...requestLine(req), status: reply.statusCode, err: error }, error.message);
  }
  override writeHeadError(error: Error, req: FastifyRequest): void {
    req.log.warn({ ...requestLine(req), err: error }, error.message);
  }
}

/** builds the HTTP app from the platform and the declared modules */
export async function buildApp(platform: Platform, opts: { logger?: boolean } = {}): Promise<{ app: FastifyInstance; api: Api }> {
  const app = Fastify({
    loggerInstance: (opts.logger === false ? platform.log.child({}, { level: 'silent' }) : platform.log) as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env['TRUST_PROXY'] === '1',
    logController: new RequestLog(),
  });
  // zod validates inside each route; the JSON schemas are for the OpenAPI document only
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  installErrorHandler(app, { spa: existsSync(WEB_DIST) });
  // the API speaks JSON (and multipart for uploads); anything else is 415
  app.removeContentTypeParser('text/plain');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 10 } });
  await app.register(swagger, { openapi: { info: { title: '法治 Fazhi API', version: '0.1.0', description: '法治政府建设工作平台接口' } } });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const api = createApi(app, platform);
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  authRoutes(api, platform);
  adminRoutes(api, platform);
  ledgerCatalogRoute(api, platform);
  indicatorRoutes(api, platform);
  for (const l of platform.ledgers.all()) ledgerRoutes(api, platform, l);
  for (const m of platform.modules) m.routes?.(api, platform);

  if (existsSync(WEB_DIST)) {
    // wildcard: files are looked up at request time, so a rebuilt web app is served without a restart
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  platform.app = app;
  return { app, api };
}
