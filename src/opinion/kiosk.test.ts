/** A kiosk reset ends the anonymous 法律意见书 token: the next visitor inherits nothing, by cookie or by counting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { importOpinionLaws } from '../test/opinion.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importOpinionLaws(t.ctx);
});
afterAll(() => t.close());

const cookieOf = (setCookie: unknown) => {
  const line = ([] as string[])
    .concat(setCookie as string[])
    .find((c) => c.startsWith('opinion_token='));
  return line?.split(';')[0] ?? '';
};

describe('kiosk reset', () => {
  it('clears and revokes the opinion token, so the old cookie opens nothing', async () => {
    const start = await t.request({
      method: 'POST',
      url: '/api/v1/opinion/sessions',
      payload: { scenarioId: 'labour' },
    });
    expect(start.statusCode).toBe(200);
    const cookie = cookieOf(start.headers['set-cookie']);
    expect(cookie).toMatch(/^opinion_token=.+/);
    const id = start.json().session.id as number;
    const read = () =>
      t.request({ method: 'GET', url: `/api/v1/opinion/sessions/${id}`, headers: { cookie } });
    expect((await read()).statusCode).toBe(200);

    const end = await t.request({
      method: 'POST',
      url: '/api/v1/auth/end-visit',
      headers: { cookie },
    });
    expect(end.statusCode).toBe(200);
    const cleared = ([] as string[]).concat(end.headers['set-cookie'] as string[]);
    expect(cleared.find((c) => c.startsWith('opinion_token=;'))).toMatch(
      /Path=\/api\/v1\/opinion.*Expires=Thu, 01 Jan 1970/,
    );
    expect(cleared.find((c) => c.startsWith('sid=;'))).toBeDefined();
    // The visitor who kept a copy of the cookie, and the next one counting ids, both get 404.
    expect((await read()).statusCode).toBe(404);
    for (const guess of [id, id + 1]) {
      const r = await t.request({ method: 'GET', url: `/api/v1/opinion/sessions/${guess}` });
      expect(r.statusCode).toBe(404);
    }
    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'end_visit')
      .execute();
    expect(audited.map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([
      { anonymous: ['opinion_token'] },
    ]);
  });

  it('signs a signed-in kiosk user out as well', async () => {
    const s = await t.signIn('citizen');
    const end = await t.request({ method: 'POST', url: '/api/v1/auth/end-visit', session: s });
    expect(end.statusCode).toBe(200);
    // The session is gone: /auth/me answers as to an anonymous visitor.
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', session: s });
    expect([me.statusCode, me.json()]).toEqual([200, { user: null }]);
  });
});
