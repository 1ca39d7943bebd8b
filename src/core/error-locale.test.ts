/** @module Error messages in 繁体 for a page in 繁体 mode (the x-locale header the web sends), codes unchanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, headers });

describe('error messages and the reader’s script', () => {
  it('converts an AppError, a validation error and an unknown path to 繁体; codes stay', async () => {
    const law = await get(`/api/v1/laws/${encodeURIComponent('不存在法')}`, {
      'x-locale': 'zh-TW',
    });
    expect(law.statusCode).toBe(404);
    expect(law.json().error.code).toBe('law_not_found');
    const cn = await get(`/api/v1/laws/${encodeURIComponent('不存在法')}`);
    expect(law.json().error.message).not.toBe(cn.json().error.message);
    expect(law.json().error.message).toMatch(/[該規]/);

    const bad = await get('/api/v1/laws?foo=1', { 'x-locale': 'zh-TW' });
    expect(bad.json().error).toMatchObject({
      code: 'validation_failed',
      message: '提交的內容有誤，請檢查後重試',
    });
    const none = await get('/api/v1/no-such-thing', { 'x-locale': 'zh-TW' });
    expect(none.json().error).toEqual({ code: 'not_found', message: '您訪問的接口不存在' });
  });

  it('leaves 简体 as it is without the header or with another value', async () => {
    expect((await get('/api/v1/laws?foo=1')).json().error.message).toBe(
      '提交的内容有误，请检查后重试',
    );
    expect((await get('/api/v1/laws?foo=1', { 'x-locale': 'en' })).json().error.message).toBe(
      '提交的内容有误，请检查后重试',
    );
  });
});
