/**
 * @module The one way pages call the API: JSON in/out, CSRF header on writes, typed errors with
 * Chinese messages, and each response checked against its shared zod contract (src/contracts).
 */
import type { z } from 'zod';
import { locale, t } from './locale';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remembered after login or /auth/me; sent as x-csrf-token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The message of a response that does not match its contract (a server and page out of step). */
export const MALFORMED = '服务器返回的数据格式有误';

/**
 * Calls the API. With a schema the answer is checked against it (ApiError `bad_response` when it
 * does not match) and typed by it; without one the answer is `unknown`, for calls whose answer the
 * page does not read.
 */
export async function api<S extends z.ZodType>(
  method: Method,
  url: string,
  body: unknown,
  schema: S,
): Promise<z.output<S>>;
export async function api(method: Method, url: string, body?: unknown): Promise<unknown>;
export async function api(
  method: Method,
  url: string,
  body?: unknown,
  schema?: z.ZodType,
): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init = body !== undefined ? { body: JSON.stringify(body) } : {};
  return request(method, url, { headers, ...init }, schema);
}

/** Uploads one file (multipart, field `file`) with the same headers and errors as api(). */
export function upload(url: string, file: File): Promise<unknown> {
  const form = new FormData();
  form.append('file', file);
  return request('POST', url, { headers: {}, body: form });
}

async function request(
  method: Method,
  url: string,
  init: { headers: Record<string, string>; body?: string | FormData },
  schema?: z.ZodType,
): Promise<unknown> {
  const headers = init.headers;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // The server answers error messages in 繁体 for a page in 繁体 mode; those made here go through t().
  if (locale.value === 'zh-TW') headers['x-locale'] = 'zh-TW';
  const res = await fetch(url.startsWith('/api') ? url : `/api/v1${url}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: the status below says what happened.
  }
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details?: unknown } } | null)
      ?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? t(`请求失败（${res.status}）`),
      e?.details,
    );
  }
  return schema ? parseResponse(schema, data, res.status) : data;
}

/** Checks an answer against its contract (also for answers that arrive by other ways than api()). */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  data: unknown,
  status = 200,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new ApiError(status, 'bad_response', t(MALFORMED), parsed.error.issues);
  return parsed.data;
}
