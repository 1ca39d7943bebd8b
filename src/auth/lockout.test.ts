import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { testConfig, testDialect } from '../test/db.js';

const MAX = 5;
const LOGIN = '/api/v1/auth/login';

let t: TestApp;
/** On PostgreSQL a second app with its own pool over the same schema: two servers racing. */
let second: { app: FastifyInstance; data: DataLayer } | null = null;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: String(MAX) });
  if (testDialect() === 'postgres') {
    const data = openPostgres(process.env.TEST_DATABASE_URL!, t.ctx.data.schema);
    const app = await buildApp(
      createContext(testConfig({ LOGIN_MAX_FAILURES: String(MAX) }), data),
    );
    await app.ready();
    second = { app, data };
  }
});
afterAll(async () => {
  if (second) {
    await second.app.close();
    await second.data.close();
  }
  await t.close();
});

const apps = (): FastifyInstance[] => (second ? [t.app, second.app] : [t.app]);

function attempt(app: FastifyInstance, username: string, password: string, ip = '203.0.113.7') {
  return app.inject({
    method: 'POST',
    url: LOGIN,
    remoteAddress: ip,
    payload: { username, password },
  });
}

describe('lock-out under parallel guesses', () => {
  it('checks at most the limit of 30 parallel wrong passwords, then refuses the right one', async () => {
    const s = await t.signIn('admin');
    const all = apps();
    const codes = (
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => attempt(all[i % all.length]!, s.username, 'wrong-1')),
      )
    ).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(MAX);
    expect(codes.filter((c) => c === 423)).toHaveLength(30 - MAX);
    const right = await attempt(t.app, s.username, 'correct-horse-9');
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('account_locked');
    const locked = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(s.userId))
      .where('action', '=', 'login_locked')
      .execute();
    expect(locked).toHaveLength(1);
  });

  it('does not lock the account out for other addresses', async () => {
    const s = await t.signIn('admin');
    for (let i = 0; i < MAX; i++) await attempt(t.app, s.username, 'wrong-1', '198.51.100.66');
    expect((await attempt(t.app, s.username, 'correct-horse-9', '198.51.100.66')).statusCode).toBe(
      423,
    );
    expect((await attempt(t.app, s.username, 'correct-horse-9', '192.0.2.44')).statusCode).toBe(
      200,
    );
  });

  it('lets an administrator lift a lock, audited', async () => {
    const victim = await t.signIn('citizen');
    for (let i = 0; i < MAX; i++) await attempt(t.app, victim.username, 'wrong-1');
    expect((await attempt(t.app, victim.username, 'correct-horse-9')).statusCode).toBe(423);
    const admin = await t.signIn('admin');
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/admin/users?pageSize=200',
      session: admin,
    });
    const row = (list.json().items as { id: number; locked: boolean }[]).find(
      (u) => u.id === victim.userId,
    );
    expect(row?.locked).toBe(true);
    const citizen = await t.signIn('citizen');
    const url = `/api/v1/admin/users/${victim.userId}/unlock`;
    expect((await t.request({ method: 'POST', url, session: citizen })).statusCode).toBe(403);
    const res = await t.request({ method: 'POST', url, session: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unlocked: 1 });
    expect((await attempt(t.app, victim.username, 'correct-horse-9')).statusCode).toBe(200);
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'unlock')
      .where('entity_id', '=', String(victim.userId))
      .execute();
    expect(rows).toEqual([{ actor_id: admin.userId }]);
  });

  it('answers an unknown username exactly as a known one, locks included', async () => {
    const known = await t.signIn('citizen');
    const shape = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i <= MAX; i++) {
        const r = await attempt(t.app, username, 'wrong-1', '192.0.2.99');
        out.push(`${r.statusCode} ${r.json().error.code} ${r.json().error.message}`);
      }
      return out;
    };
    const a = await shape(known.username);
    const b = await shape('nobody_by_that_name');
    expect(b).toEqual(a);
    expect(a.at(-1)).toMatch(/^423 account_locked/);
  });
});

describe('password policy', () => {
  const register = (username: string, password: string) =>
    t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { username, password, displayName: '测试' },
    });

  it.each([
    ['aaaaaaaa', 'all one character'],
    ['        ', 'spaces only'],
    ['\t \t \t \t ', 'whitespace only'],
    ['password', 'a common password'],
    ['12345678', 'a common password'],
    ['qwerty123', 'a common password'],
  ])('refuses %j (%s)', async (password) => {
    const r = await register('policy_user', password);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation_failed');
    expect(JSON.stringify(r.json().error.details)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses the username itself, in any case', async () => {
    expect((await register('wangwu2024', 'WangWu2024')).statusCode).toBe(400);
    expect((await register('wangwu2024', 'wangwu2024')).statusCode).toBe(400);
    expect((await register('wangwu2024', 'tea-garden-7')).statusCode).toBe(200);
  });
});
