import { describe, expect, it } from 'vitest';
import { ERRORS } from './error-codes.js';
import { AppError, badRequest, conflict, notFound } from './errors.js';

describe('the error catalogue', () => {
  it('gives every code a 4xx/5xx status and a Chinese message', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(code, code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(e.status, code).toBeGreaterThanOrEqual(400);
      expect(e.status, code).toBeLessThan(600);
      expect(e.message, code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('fixes the status by the code, and keeps a message the call site gives', () => {
    expect(AppError.of('slot_full')).toMatchObject({
      status: 409,
      message: '该时段已约满，请选择其他时段',
    });
    expect(badRequest('same_slot')).toMatchObject({ status: 400, code: 'same_slot' });
    expect(conflict('already_rated', '已评价')).toMatchObject({ status: 409, message: '已评价' });
    expect(notFound('预约')).toMatchObject({
      status: 404,
      code: 'not_found',
      message: '预约不存在',
    });
    expect(AppError.of('kb_unverified').status).toBe(422);
  });
});
