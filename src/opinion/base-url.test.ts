/** @module The verification QR link: from PUBLIC_BASE_URL when set, else the request's own address; a warning in production when unset. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/env.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { opinionModule } from './index.js';
import { SAMPLE_ANSWERS } from './samples.js';
import { importOpinionLaws } from '../test/opinion.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function letterVia(env: Record<string, string>, host: string) {
  t = await createTestApp(env);
  t.clock.set('2025-06-01T08:00:00Z');
  await importOpinionLaws(t.ctx);
  const call = (url: string, payload: unknown, token?: string) =>
    t!.request({
      method: 'POST',
      url: `/api/v1/opinion${url}`,
      headers: { host, ...(token ? { 'x-opinion-token': token } : {}) },
      payload: payload as object,
    });
  const start = await call('/sessions', { scenarioId: 'loan' });
  const token = start.json().token as string;
  let s = start.json().session;
  while (!s.complete) {
    const r = await call(
      `/sessions/${s.id}/answers`,
      { questionId: s.question.id, value: SAMPLE_ANSWERS.loan![s.question.id] },
      token,
    );
    s = r.json().session;
  }
  const l = await call(`/sessions/${s.id}/letter`, {}, token);
  expect(l.statusCode, l.body).toBe(200);
  const { id, code } = l.json().letter as { id: number; code: string };
  const read = await t.request({
    method: 'GET',
    url: `/api/v1/opinion/letters/${id}`,
    headers: { 'x-opinion-token': token },
  });
  return { code, content: read.json().letter as { verifyUrl: string } };
}

describe('the verification link', () => {
  it('uses PUBLIC_BASE_URL when set (a trailing slash dropped)', async () => {
    const l = await letterVia({ PUBLIC_BASE_URL: 'https://fw.example.gov.cn/' }, 'kiosk.lan:8080');
    expect(l.content.verifyUrl).toBe(`https://fw.example.gov.cn/opinion/verify/${l.code}`);
  });

  it("uses the request's address when unset, not localhost", async () => {
    const l = await letterVia({}, '192.168.1.20:8080');
    expect(l.content.verifyUrl).toBe(`http://192.168.1.20:8080/opinion/verify/${l.code}`);
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('refuses a value that is not an http(s) address', () => {
    expect(() => parseConfig({ PUBLIC_BASE_URL: 'ftp://x.example' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => parseConfig({ PUBLIC_BASE_URL: 'fw.example.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(parseConfig({}).PUBLIC_BASE_URL).toBeUndefined();
  });

  it('warns at start in production when unset, and only then', async () => {
    const app = await createTestApp();
    t = app;
    const warnings: string[] = [];
    const log = app.app.log.child({});
    log.warn = (m: string) => void warnings.push(m);
    const run = (config: Partial<typeof app.ctx.config>) => {
      const stop = opinionModule.start!(
        { ...app.ctx, config: { ...app.ctx.config, ...config } },
        log,
      );
      if (typeof stop === 'function') void stop();
    };
    run({ NODE_ENV: 'production', PUBLIC_BASE_URL: undefined });
    expect(warnings.filter((w) => w.includes('PUBLIC_BASE_URL'))).toHaveLength(1);
    run({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://fw.example.gov.cn' });
    run({ NODE_ENV: 'development', PUBLIC_BASE_URL: undefined });
    expect(warnings.filter((w) => w.includes('PUBLIC_BASE_URL'))).toHaveLength(1);
  });
});
