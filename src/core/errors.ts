/** @module Typed application errors with stable codes; rendered to HTTP in one place (error-handler.ts). */

export type ErrorDetails = Record<string, unknown> | unknown[] | undefined;

/** An expected failure: a stable `code`, an HTTP `status` and a Chinese message for people. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetails) =>
  new AppError(400, code, message, details);
export const validationFailed = (details: ErrorDetails) =>
  new AppError(400, 'validation_failed', '提交的内容有误，请检查后重试', details);
export const unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录');
export const forbidden = (message = '您无权进行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (what = '记录') => new AppError(404, 'not_found', `${what}不存在`);
export const conflict = (code: string, message: string, details?: ErrorDetails) =>
  new AppError(409, code, message, details);
export const invalidTransition = (from: string, event: string) =>
  new AppError(409, 'invalid_transition', `当前状态（${from}）下不能执行该操作（${event}）`, {
    from,
    event,
  });
export const tooManyRequests = (message = '请求过于频繁，请稍后再试') =>
  new AppError(429, 'rate_limited', message);
export const serviceUnavailable = (code: string, message: string, details?: ErrorDetails) =>
  new AppError(503, code, message, details);
