/**
 * @module Route definition used by every module: auth → validate (zod) → handler (load → authorize → service → present).
 * Each route is also recorded for the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import type { Role, SessionUser } from './session.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import { parse } from './validate.js';

export const API = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: anyone, anyone (user attached when signed in), any signed-in user, or the listed roles. */
export type Access = 'public' | 'user' | readonly Role[];

export interface RouteSpec<
  B extends ZodType,
  Q extends ZodType,
  P extends ZodType,
  U extends Access,
> {
  method: Method;
  url: string;
  summary: string;
  tags?: string[];
  access: U;
  body?: B;
  query?: Q;
  params?: P;
  /** Per-route rate limit (requests per minute). */
  rateLimit?: number;
  /** Skip the CSRF check (login itself, SSE streams started by GET). */
  csrfExempt?: boolean;
  bodyLimit?: number;
  handler: (input: {
    user: U extends 'public' ? SessionUser | null : SessionUser;
    body: z.infer<B>;
    query: z.infer<Q>;
    params: z.infer<P>;
    req: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<unknown>;
}

interface Recorded {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  body?: ZodType;
  query?: ZodType;
  params?: ZodType;
}

const registry = new Map<string, Recorded>();

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function checkAccess(req: FastifyRequest, access: Access, csrfExempt: boolean): SessionUser | null {
  const user = req.user;
  if (user && req.cookieAuth && UNSAFE.has(req.method) && !csrfExempt) {
    if (req.headers['x-csrf-token'] !== user.csrfToken) {
      throw AppError.of('csrf_failed', '页面已过期，请刷新后重试');
    }
  }
  if (access === 'public') return user;
  if (!user) throw unauthenticated();
  if (access !== 'user' && !access.includes(user.role)) throw forbidden();
  return user;
}

/**
 * True when any string (or key) in a parsed request part holds U+0000, which PostgreSQL text cannot
 * store and no form field needs. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function hasNul(input: unknown): boolean {
  const stack: unknown[] = [input];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

const nulRefused = () =>
  AppError.of('invalid_characters', '提交的内容含有不允许的控制字符（NUL），请删除后重试');

/** Registers a route and records it for the OpenAPI document. */
export function route<
  B extends ZodType = ZodType<undefined>,
  Q extends ZodType = ZodType<undefined>,
  P extends ZodType = ZodType<undefined>,
  U extends Access = Access,
>(app: FastifyInstance, spec: RouteSpec<B, Q, P, U>): void {
  registry.set(`${spec.method} ${spec.url}`, { ...spec, tags: spec.tags ?? [] });
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    ...(spec.rateLimit
      ? { config: { rateLimit: { max: spec.rateLimit, timeWindow: '1 minute' } } }
      : {}),
    handler: async (req, reply) => {
      const user = checkAccess(req, spec.access, spec.csrfExempt ?? false);
      if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body)) throw nulRefused();
      const body = spec.body ? parse(spec.body, req.body ?? {}) : undefined;
      const query = spec.query ? parse(spec.query, req.query) : undefined;
      const params = spec.params ? parse(spec.params, req.params) : undefined;
      const result = await spec.handler({
        user: user as never,
        body,
        query,
        params,
        req,
        reply,
      } as never);
      if (reply.sent) return reply;
      return result;
    },
  });
}

const toSchema = (s: ZodType) => z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' });

/** The OpenAPI 3.1 document generated from the same zod schemas the routes validate with. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of [...registry.values()].sort((a, b) => a.url.localeCompare(b.url))) {
    const p = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    (paths[p] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      ...(r.access === 'public' ? {} : { security: [{ session: [] }], 'x-roles': r.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(r.body) } },
            },
          }
        : {}),
      responses: {
        '200': { description: '成功' },
        default: {
          description: '错误',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'open12348 公共法律服务平台 API', version },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
              required: ['code', 'message'],
            },
          },
        },
      },
    },
  };
}
