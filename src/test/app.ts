/** @module An in-process server over a fresh test database, with helpers to sign in as each role. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { createUser } from '../auth/service.js';
import type { Role } from '../auth/types.js';
import type { AppContext } from '../core/context.js';
import { createTestContext, type TestClock } from './db.js';

export interface Session {
  userId: number;
  username: string;
  headers: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  /** Creates a user of `role` and signs in; returns headers carrying cookie and CSRF token. */
  signIn(
    role: Role,
    extra?: { agencyCode?: string; username?: string; displayName?: string },
  ): Promise<Session>;
  request(opts: InjectOptions & { session?: Session }): Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

let seq = 0;

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const { ctx, clock, close } = await createTestContext(overrides);
  const app = await buildApp(ctx);
  await app.ready();
  const request: TestApp['request'] = (opts) => {
    const { session, ...rest } = opts;
    return app.inject({
      ...rest,
      headers: { ...(session?.headers ?? {}), ...(rest.headers ?? {}) },
    });
  };
  const signIn: TestApp['signIn'] = async (role, extra = {}) => {
    const username = extra.username ?? `${role}_${process.pid}_${++seq}`;
    let agencyId: number | null = null;
    if (extra.agencyCode || role === 'aid_officer' || role === 'justice_bureau') {
      const a = await ctx.db
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', extra.agencyCode ?? 'city')
        .executeTakeFirstOrThrow();
      agencyId = a.id;
    }
    const userId = await createUser(ctx, {
      username,
      password: 'correct-horse-9',
      role,
      displayName: extra.displayName ?? username,
      agencyId,
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'correct-horse-9' },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    const sid = res.cookies.find((c) => c.name === 'sid');
    const csrf = res.json<{ user: { csrfToken: string } }>().user.csrfToken;
    return {
      userId,
      username,
      headers: { cookie: `sid=${sid?.value ?? ''}`, 'x-csrf-token': csrf },
    };
  };
  return {
    app,
    ctx,
    clock,
    signIn,
    request,
    close: async () => {
      await app.close();
      await close();
    },
  };
}
