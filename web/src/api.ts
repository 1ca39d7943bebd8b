/** @module The one way pages call the API: JSON in/out, CSRF header on writes, typed errors with Chinese messages. */

import { locale } from './locale';

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

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // The server answers error messages in 繁体 for a page in 繁体 mode.
  if (locale.value === 'zh-TW') headers['x-locale'] = 'zh-TW';
  const res = await fetch(url.startsWith('/api') ? url : `/api/v1${url}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; details?: unknown } } | null)
      ?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? `请求失败（${res.status}）`,
      e?.details,
    );
  }
  return data as T;
}
