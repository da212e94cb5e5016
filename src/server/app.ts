import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../core/errors.js';
import { resolveSession } from '../services/accounts/auth.service.js';
import { WEB_DIR } from '../config/paths.js';
import { sendError, statusOf } from './errors.js';
import { registerRoutes } from './routes/index.js';
import { scheduleDeadlineNotices } from './deadline-timer.js';
import { isWebPage } from './web-paths.js';
import { enforceAccess, noQuery } from './guards.js';
import { requestLang, SESSION_COOKIE, type App, type ServerOptions } from './server-context.js';

export { serverOptionsOf, SESSION_COOKIE, type App, type ServerOptions } from './server-context.js';

/** The HTTP application: API under /api, OpenAPI at /docs, the web application everywhere else. */
export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    // H3: JSON lines with the request id; the request line is written once, on the response (below).
    logger: options.logger
      ? {
          level: options.logger.level,
          stream: options.logger.stream ?? process.stderr,
        }
      : false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1_048_576,
    // A hop count is valid for Fastify (proxy-addr) though its types list only booleans and addresses.
    trustProxy: (options.trustProxy ?? false) as boolean | string,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'nap1325 API',
        version: '1',
        description:
          'Monitoring and reporting of National Action Plans on UNSC Resolution 1325. Every route answers in Spanish or English: `?lang=es|en` (read and removed before validation, so no route declares it), else Accept-Language. Errors: {error: {code, message, reference?}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // C1: a route that declares no query takes none; unknown query fields are refused everywhere.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    route.schema = { ...(route.schema ?? {}), querystring: route.schema?.querystring ?? noQuery };
  });
  // C6: JSON bodies are bounded in nesting depth before they are parsed (deep nesting → 400, not a stack overflow).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const depth = jsonDepth(body as string, MAX_JSON_DEPTH);
    if (depth > MAX_JSON_DEPTH) {
      done(
        new AppError('invalid_input', `JSON nested deeper than ${MAX_JSON_DEPTH}`, {
          es: `el JSON anida más de ${MAX_JSON_DEPTH} niveles`,
          en: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`,
        }),
        undefined,
      );
      return;
    }
    void parseJson(req, body as string, done);
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('lang', 'es');
  app.addHook('onRequest', async (req) => {
    req.lang = requestLang(req);
    // ?lang= chooses the language of any route; it is not part of a route's own query.
    const query = req.query as Record<string, unknown> | undefined;
    if (query && 'lang' in query) delete query.lang;
    const token = req.cookies[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length < 200) {
      const session = await resolveSession(options.database, token);
      if (session) {
        req.actor = session.actor;
        req.csrfToken = session.csrfToken;
        req.sessionToken = token;
      }
    }
  });
  // Every route's declared access, before its input is even validated (401 / audited 403).
  app.addHook('onRequest', enforceAccess(options.database));
  // CSRF (QUALITY A5): state-changing requests need the session's token in a header, and a same-origin Origin.
  app.addHook('preHandler', async (req, reply) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || !req.url.startsWith('/api/')) return;
    // `Origin: null` (sandboxed frames, file://) and a malformed Origin are refused like a foreign one.
    const origin = req.headers.origin;
    if (origin !== undefined && req.headers.host !== undefined && hostOf(origin) !== req.headers.host)
      return sendError(reply, req.lang, 'forbidden', { es: 'origen no permitido', en: 'cross-origin request refused' });
    if (req.sessionToken !== null && req.headers['x-csrf-token'] !== req.csrfToken)
      return sendError(reply, req.lang, 'forbidden', {
        es: 'falta el token CSRF o no es válido; recargue la página',
        en: 'missing or invalid CSRF token; reload the page',
      });
  });
  // One line per request: id, route, status, duration, the signed-in user's id — never an e-mail, a
  // password, a cookie or the query string (which may carry search text).
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? null,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        userId: req.actor?.userId ?? null,
      },
      'request',
    );
    done();
  });
  app.setErrorHandler((error, req, reply) => {
    if (isAppError(error)) {
      const msg = error.details[req.lang];
      return sendError(
        reply,
        req.lang,
        error.code,
        typeof msg === 'string' ? { es: msg, en: msg } : { es: error.message, en: error.message },
        error.details.problems ? { problems: error.details.problems } : undefined,
      );
    }
    const e = error as { validation?: unknown; statusCode?: number; code?: string; message?: string };
    if (e.validation || e.code === 'FST_ERR_VALIDATION')
      return sendError(reply, req.lang, 'invalid_input', {
        es: `solicitud no válida: ${e.message ?? ''}`,
        en: `invalid request: ${e.message ?? ''}`,
      });
    if (e.statusCode === 429)
      return sendError(reply, req.lang, 'rate_limited', {
        es: 'demasiados intentos; espere un momento',
        en: 'too many attempts; wait a moment',
      });
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, req.lang, 'too_large', {
        es: 'el archivo o la solicitud es demasiado grande',
        en: 'the file or request is too large',
      });
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
      return sendError(reply, req.lang, 'invalid_input', { es: 'solicitud no válida', en: 'invalid request' });
    // C5: a message and a reference, never a stack trace or SQL.
    const reference = randomUUID();
    req.log.error({ err: error, reference }, 'unhandled error');
    return sendError(
      reply,
      req.lang,
      'internal',
      { es: `error interno (referencia ${reference})`, en: `internal error (reference ${reference})` },
      { reference },
    );
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !webIndex)
      return sendError(reply, req.lang, 'not_found', { es: 'no existe', en: 'not found' });
    // The application shows "page not found" for an address it does not have; the status says so too.
    const known = isWebPage(req.url.split(/[?#]/)[0]!);
    return reply
      .status(known ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(webIndex);
  });

  registerRoutes(app, options);
  if (options.deadlineCheckMs !== undefined) scheduleDeadlineNotices(app, options, options.deadlineCheckMs);

  const serveWeb = (options.web ?? true) && existsSync(join(WEB_DIR, 'index.html'));
  const webIndex = serveWeb ? readFileSync(join(WEB_DIR, 'index.html'), 'utf8') : null;
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', wildcard: false, index: false });
  if (serveWeb)
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html; charset=utf-8').send(webIndex));
  void statusOf;
  return app;
}

/** Deeper than any body of the API (an activity nests 4 levels); far below a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a JSON text, counted without parsing it; stops counting above `stopAbove`. */
export function jsonDepth(text: string, stopAbove: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return max;
}

/** The host of an Origin header, or null when it is `null` or malformed. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}
