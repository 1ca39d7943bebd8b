import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';

const LIMIT = 3;

async function loginIps(t: TestApp, userId: number): Promise<string[]> {
  const rows = await t.ctx.db
    .selectFrom('audit_log')
    .select('ip')
    .where('entity', '=', 'user')
    .where('entity_id', '=', String(userId))
    .where('action', '=', 'login')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.ip ?? '');
}

/** Five logins from one socket address, each claiming another client address. */
async function spoofedBurst(t: TestApp, remoteAddress: string, username: string) {
  const codes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': `198.51.100.${10 + i}` },
      payload: { username, password: 'correct-horse-9' },
    });
    codes.push(r.statusCode);
  }
  return codes;
}

describe('without TRUSTED_PROXIES a client cannot choose its address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => t.close());

  it('keeps the socket address for rate limits and the audit trail', async () => {
    const s = await t.signIn('citizen'); // signs in from 127.0.0.1, another bucket
    const codes = await spoofedBurst(t, '203.0.113.9', s.username);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const ips = await loginIps(t, s.userId);
    expect(ips.slice(1)).toEqual(['203.0.113.9', '203.0.113.9', '203.0.113.9']);
  });
});

describe('with TRUSTED_PROXIES the proxy’s header names the client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1',
    });
  });
  afterAll(() => t.close());

  it('believes X-Forwarded-For from a listed proxy', async () => {
    const s = await t.signIn('citizen');
    const codes = await spoofedBurst(t, '10.1.2.3', s.username);
    expect(codes).toEqual([200, 200, 200, 200, 200]);
    const ips = await loginIps(t, s.userId);
    expect(ips.slice(1)).toEqual([
      '198.51.100.10',
      '198.51.100.11',
      '198.51.100.12',
      '198.51.100.13',
      '198.51.100.14',
    ]);
  });

  it('ignores the header from an address that is not listed', async () => {
    const s = await t.signIn('citizen');
    const codes = await spoofedBurst(t, '203.0.113.50', s.username);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const ips = await loginIps(t, s.userId);
    expect(ips.slice(1)).toEqual(['203.0.113.50', '203.0.113.50', '203.0.113.50']);
  });
});
