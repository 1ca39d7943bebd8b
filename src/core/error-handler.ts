/** @module The single mapping from thrown errors to the JSON error body `{error:{code,message,details}}`. */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { storageFault, type StorageFault } from '../db/faults.js';
import { AppError } from './errors.js';
import { toTraditionalText, wantsTraditional } from './locale.js';
import { zodDetails } from './validate.js';
import type { ErrorCode } from './error-codes.js';

interface Rendered {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

const FASTIFY_CODES: Record<string, Omit<Rendered, 'details'>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: '不支持的内容类型，请以 JSON 提交',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: '提交的内容过大' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    message: '请求体为空或不是有效的 JSON',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    message: '请求体不是有效的 JSON',
  },
  FST_ERR_RATE_LIMITED: { status: 429, code: 'rate_limited', message: '请求过于频繁，请稍后再试' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large', message: '上传的文件过大' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: '请以 multipart/form-data 上传文件',
  },
};

/** Storage faults are the server's, not the request's: a 503 the client may retry later. */
export const STORAGE_FAULTS: Record<StorageFault, Omit<Rendered, 'details'>> = {
  unavailable: {
    status: 503,
    code: 'database_unavailable',
    message: '数据库暂时无法连接，请稍后再试',
  },
  storage_full: {
    status: 503,
    code: 'storage_full',
    message: '服务器存储空间已满，暂时无法保存，请稍后再试',
  },
  read_only: { status: 503, code: 'database_read_only', message: '数据库当前只读，暂时无法保存' },
  busy: { status: 503, code: 'database_busy', message: '服务器繁忙，请稍后再试' },
};

/** Maps any thrown value to a status and a stable error code. */
export function renderError(err: unknown): Rendered {
  if (err instanceof AppError) {
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      code: 'validation_failed',
      message: '提交的内容有误，请检查后重试',
      details: zodDetails(err),
    };
  }
  const fault = storageFault(err);
  if (fault) return { ...STORAGE_FAULTS[fault] };
  const fe = err as Partial<FastifyError> & { statusCode?: number };
  if (fe.code && FASTIFY_CODES[fe.code]) return { ...FASTIFY_CODES[fe.code]! };
  if (err instanceof SyntaxError && fe.statusCode === 400) {
    return { status: 400, code: 'malformed_json', message: '请求体不是有效的 JSON' };
  }
  if (fe.statusCode === 429)
    return { status: 429, code: 'rate_limited', message: '请求过于频繁，请稍后再试' };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'bad_request', message: '请求无效' };
  }
  return { status: 500, code: 'internal_error', message: '服务器内部错误，请稍后再试' };
}

/** The body of a 404 for an API path nothing serves, in the reader's script. */
export function apiNotFound(req: FastifyRequest) {
  const message = '您访问的接口不存在';
  return {
    error: {
      code: 'not_found',
      message: wantsTraditional(req.headers) ? toTraditionalText(message) : message,
    },
  };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const r = renderError(err);
    if (r.status >= 500) req.log.error({ err, code: r.code }, 'request failed on the server');
    else req.log.info({ code: r.code, status: r.status }, 'request failed');
    // A page in 繁体 mode reads the message in 繁体 too (the code stays the stable identifier).
    const message = wantsTraditional(req.headers) ? toTraditionalText(r.message) : r.message;
    const body: { error: Record<string, unknown> } = { error: { code: r.code, message } };
    if (r.details !== undefined) body.error.details = r.details;
    return reply.status(r.status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    return reply.status(404).send(apiNotFound(req));
  });
}
