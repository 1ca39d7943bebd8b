/**
 * @module Security headers: helmet's (a Content-Security-Policy that admits the first page's inlined
 * scripts by hash), HSTS only on HTTPS requests, and `Cache-Control: no-store` on every API answer that
 * does not choose its own caching (most carry personal data).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** `'sha256-…'` sources for every inline `<script>` of the built first page (importmap and boot code). */
export function inlineScriptHashes(indexHtml: string): string[] {
  if (!existsSync(indexHtml)) return [];
  const html = readFileSync(indexHtml, 'utf8');
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = m[1] ?? '';
    if (body.trim() === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The CSP directives for helmet: same origin; inline script only by hash (and what it loads); no framing. */
export function cspDirectives(scriptHashes: string[]): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    // The boot script (allowed by hash) imports the first page's module from a data: URL that the
    // importmap names (scripts/build-web.mjs inlines the entry chunk so). Module imports are not covered
    // by 'strict-dynamic', so data: must be listed; inline scripts, eval and other hosts stay refused.
    scriptSrc: ["'self'", ...(scriptHashes.length ? ['data:', ...scriptHashes] : [])],
    scriptSrcAttr: ["'none'"],
    // Vue and Vant set style attributes, the first page inlines its critical CSS.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Upgrading would break a plain-HTTP LAN or kiosk install; HSTS covers HTTPS ones.
    upgradeInsecureRequests: null,
  };
}

/**
 * The headers helmet sets with `options`, worked out once. They depend on no request (no nonces, no
 * directive computed per request); @fastify/helmet ran helmet's factory on every request instead,
 * parsing the CSP again each time (≈ 2 % of the main thread's time and 16 KB of garbage an answer).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  // helmet 8 throws a bad option itself; the callback's error is kept for older middleware
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err instanceof Error) throw err;
  });
  return headers;
}

const HSTS = 'max-age=15552000; includeSubDomains';

/** Helmet's `headers` on every answer, and the two that depend on the request (above). */
export function installSecurityHeaders(
  app: FastifyInstance,
  headers: Record<string, string>,
): void {
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', async (req, reply, payload) => {
    // req.protocol follows X-Forwarded-Proto only from TRUSTED_PROXIES.
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
