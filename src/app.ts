/** @module Builds the HTTP server: plugins, session, error handling, every module's routes, the web front end. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { installSessionResolver } from './auth/plugin.js';
import type { AppContext } from './core/context.js';
import { apiNotFound, installErrorHandler, STORAGE_FAULTS } from './core/error-handler.js';
import { AppError } from './core/errors.js';
import {
  cspDirectives,
  helmetHeaders,
  inlineScriptHashes,
  installSecurityHeaders,
} from './core/headers.js';
import { API, openApiDocument, route } from './core/http.js';
import { installDrain } from './core/shutdown.js';
import { corpusStatus } from './laws/status.js';
import { modules } from './modules.js';

export const VERSION: string = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
).version;

const WEB_DIR = path.resolve('dist/web');

export interface BuildOptions {
  logger?: boolean | object;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    // X-Forwarded-For only from the configured proxies; otherwise req.ip is the socket's address.
    trustProxy: ctx.config.TRUSTED_PROXIES.length > 0 ? ctx.config.TRUSTED_PROXIES : false,
    // Requests arriving while the server shuts down get our own 503 `shutting_down` (core/shutdown.ts).
    return503OnClosing: false,
  });
  installErrorHandler(app);
  installDrain(app);
  // Only JSON (and multipart where a module registers it) is accepted; text/plain gets 415.
  app.removeContentTypeParser('text/plain');
  installSecurityHeaders(
    app,
    helmetHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: cspDirectives(inlineScriptHashes(path.join(WEB_DIR, 'index.html'))),
      },
      crossOriginEmbedderPolicy: false,
      hsts: false, // sent by installSecurityHeaders on HTTPS requests only
    }),
  );
  await app.register(cookie);
  await app.register(rateLimit, {
    max: ctx.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith(API),
    // Thrown by the plugin and rendered by the error handler, so the wait reaches the client.
    errorResponseBuilder: (_req, c) => {
      const seconds = Math.max(1, Math.ceil(c.ttl / 1000));
      return AppError.of('rate_limited', `请求过于频繁，请 ${seconds} 秒后再试`, {
        retryAfterSeconds: seconds,
      });
    },
  });
  installSessionResolver(app, ctx);

  route(app, {
    method: 'GET',
    url: `${API}/health`,
    summary: '健康检查',
    tags: ['system'],
    access: 'public',
    handler: async ({ reply }) => {
      // No file paths or hosts: /health is public.
      const database = { dialect: ctx.dialect };
      const probe = await ctx.data.probe();
      if (!probe.ok) {
        const { code, message } = STORAGE_FAULTS[probe.fault];
        void reply.status(503);
        return { status: 'unhealthy', version: VERSION, database: { ...database, code, message } };
      }
      return healthy(ctx, database);
    },
  });
  app.get(`${API}/openapi.json`, () => openApiDocument(VERSION));

  for (const m of modules) await m.routes(app, ctx);
  await serveWeb(app);
  return app;
}

async function healthy(ctx: AppContext, database: { dialect: string }) {
  const { lawsDir: _dir, ...corpus } = await corpusStatus(ctx);
  return {
    status: 'ok',
    version: VERSION,
    database,
    corpus: { ...corpus, message: corpus.message.replaceAll(ctx.config.LAWS_DIR, '<LAWS_DIR>') },
    kiosk: { idleSeconds: ctx.config.KIOSK_IDLE_SECONDS },
    demo: ctx.config.DEMO_MODE,
    llm: Boolean(ctx.config.LLM_BASE_URL && ctx.config.LLM_MODEL),
  };
}

async function serveWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    app.get('/', (_req, reply) =>
      reply
        .type('text/html')
        .send(
          '<meta charset="utf-8"><h1>open12348</h1><p>前端尚未构建：请运行 npm run build。</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIR,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true, // .br/.gz written by scripts/build-web.mjs
  });
  // Client-side routes (e.g. /laws/劳动合同法/第四十七条) get the SPA shell; unknown API paths stay JSON 404s.
  // sendFile, like `/`, picks index.html.br/.gz (the shell carries the first page's JS, ~130 kB raw)
  // and sends `Cache-Control: public, max-age=0`, so a new build is seen at once.
  app.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send(apiNotFound(req));
    return reply.sendFile('index.html');
  });
}
