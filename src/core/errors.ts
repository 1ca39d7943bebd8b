/**
 * @module Typed application errors: a code from the one catalogue (error-codes.ts), which fixes its HTTP
 * status, and a Chinese message; rendered to HTTP in one place (error-handler.ts).
 */
import { ERRORS, type CodeWithStatus, type ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';
export type ErrorDetails = Record<string, unknown> | unknown[] | undefined;

/** An expected failure: a catalogued `code`, its HTTP `status` and a Chinese message for people. */
export class AppError extends Error {
  readonly status: number;
  private constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.status = ERRORS[code].status;
    this.name = 'AppError';
  }

  /** The error for `code`, with the catalogue's message unless the call site says more. */
  static of(code: ErrorCode, message?: string, details?: ErrorDetails): AppError {
    return new AppError(code, message ?? ERRORS[code].message, details);
  }
}

export const badRequest = (code: CodeWithStatus<400>, message?: string, details?: ErrorDetails) =>
  AppError.of(code, message, details);
export const validationFailed = (details: ErrorDetails) =>
  AppError.of('validation_failed', undefined, details);
export const unauthenticated = () => AppError.of('unauthenticated');
export const forbidden = (message?: string) => AppError.of('forbidden', message);
export const notFound = (what = '记录') => AppError.of('not_found', `${what}不存在`);
export const conflict = (code: CodeWithStatus<409>, message?: string, details?: ErrorDetails) =>
  AppError.of(code, message, details);
export const tooManyRequests = (message?: string) => AppError.of('rate_limited', message);
export const serviceUnavailable = (
  code: CodeWithStatus<503>,
  message?: string,
  details?: ErrorDetails,
) => AppError.of(code, message, details);
