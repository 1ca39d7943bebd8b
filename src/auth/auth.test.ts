import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => t.close());

describe('register, login, logout', () => {
  it('registers a citizen and sets an HttpOnly SameSite session cookie on login', async () => {
    const reg = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        username: 'zhangsan',
        password: 'secret-pass-1',
        displayName: '张三',
        phone: '13812345678',
      },
    });
    expect(reg.statusCode).toBe(200);
    const dup = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { username: 'zhangsan', password: 'secret-pass-1', displayName: '张三' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('username_taken');
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'zhangsan', password: 'secret-pass-1' },
    });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/sid=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const stored = await t.ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'zhangsan')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a null user without a session and forgets the session after logout', async () => {
    const anon = await t.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ user: null });
    const s = await t.signIn('citizen');
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/auth/me', session: s })).json().user.role,
    ).toBe('citizen');
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/auth/logout', session: s })).statusCode,
    ).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', session: s })).json()).toEqual(
      { user: null },
    );
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    await t.signIn('citizen', { username: 'lisi' });
    for (let i = 0; i < 3; i++) {
      const r = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'lisi', password: 'wrong-password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lisi', password: 'correct-horse-9' },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    t.clock.advance(16 * 60_000);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lisi', password: 'correct-horse-9' },
    });
    expect(again.statusCode).toBe(200);
  });

  it('rejects a cookie-authenticated write without the CSRF token', async () => {
    const s = await t.signIn('citizen');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.headers.cookie! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });
});

describe('role boundaries', () => {
  it('lets only administrators create staff accounts', async () => {
    const citizen = await t.signIn('citizen');
    const payload = {
      username: 'officer_x',
      password: 'secret-pass-1',
      displayName: '王',
      role: 'aid_officer',
      agencyId: 1,
    };
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/admin/users', payload })).statusCode,
    ).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/admin/users', payload, session: citizen }))
        .statusCode,
    ).toBe(403);
    const admin = await t.signIn('admin');
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/admin/users', payload, session: admin }))
        .statusCode,
    ).toBe(200);
  });

  it('hides another citizen’s record behind 404, not 403', async () => {
    const a = await t.signIn('citizen');
    const b = await t.signIn('citizen');
    const own = await t.request({ method: 'GET', url: `/api/v1/users/${a.userId}`, session: a });
    expect(own.statusCode).toBe(200);
    const other = await t.request({ method: 'GET', url: `/api/v1/users/${b.userId}`, session: a });
    expect(other.statusCode).toBe(404);
    const missing = await t.request({ method: 'GET', url: `/api/v1/users/999999`, session: a });
    expect(missing.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
  });

  it('keeps an officer inside her agency', async () => {
    const officer = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
    const agencies = (await t.request({ method: 'GET', url: '/api/v1/agencies' })).json().items as {
      id: number;
      code: string;
    }[];
    const own = agencies.find((a) => a.code === 'hongshan')!;
    const other = agencies.find((a) => a.code === 'jiangan')!;
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/agencies/${own.id}/staff`,
          session: officer,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/agencies/${other.id}/staff`,
          session: officer,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('audit trail', () => {
  it('records reads of personal data and refuses edits or deletes', async () => {
    const a = await t.signIn('citizen');
    await t.request({ method: 'GET', url: `/api/v1/users/${a.userId}`, session: a });
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'read_personal_data')
      .where('entity_id', '=', String(a.userId))
      .execute();
    expect(rows).toHaveLength(1);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
  });
});

describe('rate limiting', () => {
  it('answers 429 with a Chinese message when login is hammered', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10' });
    let last = 0;
    let body: { error: { code: string; message: string } } | undefined;
    for (let i = 0; i < 12; i++) {
      const r = await limited.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'x' },
      });
      last = r.statusCode;
      body = r.json();
    }
    expect(last).toBe(429);
    expect(body?.error.code).toBe('rate_limited');
    expect(body?.error.message).toMatch(/请求过于频繁/);
    await limited.close();
  });
});
