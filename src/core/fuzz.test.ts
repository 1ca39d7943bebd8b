import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationBody } from '../test/aid-api.js';
import type { Role } from './session.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { fuzzCases, type JsonSchema, type Operation } from '../test/fuzz.js';
import { importLawFixture } from '../test/laws-fixture.js';

let t: TestApp;
let ops: Operation[];
const sessions: { who: string; session?: Session }[] = [{ who: 'anonymous' }];

interface OpenApiOp {
  parameters?: { name: string; in: 'path' | 'query'; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, ['社会法/劳动合同法(2012-12-28).md']);
  for (const role of ['citizen', 'aid_officer', 'admin'] as Role[])
    sessions.push({ who: role, session: await t.signIn(role) });
  // Something behind id 1 for the citizen, so hostile values reach past the lookup.
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: sessions[1]!.session!,
    payload: applicationBody(),
  });
  expect(created.statusCode).toBe(200);
  const doc = (await t.request({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
    paths: Record<string, Record<string, OpenApiOp>>;
  }>();
  ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json'].schema ?? null,
    })),
  );
});
afterAll(() => t.close());

/** A stream that access lets through never ends; only requests refused before it opens are sent. */
const isStream = (op: Operation) => op.method === 'GET' && /\/(stream|events)$/.test(op.path);
/** Ends the caller's session, which would turn the rest of the run anonymous. */
const endsSession = (op: Operation) => /^\/api\/v1\/auth\/(logout|end-visit)$/.test(op.path);

let address = 0;
/** A fresh client address per request, so per-IP rate limits do not hide what a route does. */
const nextAddress = () => `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;

describe('fuzz: hostile values of every type to every route', () => {
  it('covers the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(100);
  });

  it('answers every hostile request with a 4xx (or 2xx) in the error shape, never 5xx', async () => {
    const failures: string[] = [];
    const badShape: string[] = [];
    let sent = 0;
    for (const op of ops) {
      const cases = fuzzCases(op).filter(
        (c) => !isStream(op) || !/\/1(\/|\?|$)/.test(c.url.replace(/^\/api\/v1/, '')),
      );
      for (const { who, session } of sessions) {
        if (session && endsSession(op)) continue;
        if (isStream(op) && !op.path.includes('{') && who !== 'anonymous') continue;
        for (const c of cases) {
          const res = await t.request({
            method: op.method as 'GET',
            url: c.url,
            remoteAddress: nextAddress(),
            ...(c.payload !== undefined && op.method !== 'GET'
              ? { payload: c.payload as object }
              : {}),
            ...(session ? { session } : {}),
          });
          sent++;
          const line = `${who} ${op.method} ${op.path} [${c.what}] → ${res.statusCode}`;
          if (res.statusCode >= 500) failures.push(`${line} ${res.body.slice(0, 120)}`);
          else if (res.statusCode >= 400) {
            const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
            if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string')
              badShape.push(line);
          }
        }
        if (op.method === 'POST' && !isStream(op)) {
          const res = await t.request({
            method: 'POST',
            url: op.path.replace(/\{[A-Za-z_]+\}/g, '1'),
            remoteAddress: nextAddress(),
            headers: { 'content-type': 'multipart/form-data; boundary=zz' },
            payload:
              '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut',
            ...(session ? { session } : {}),
          });
          sent++;
          if (res.statusCode >= 500)
            failures.push(`${who} POST ${op.path} [malformed multipart] → ${res.statusCode}`);
        }
      }
    }
    console.info(`fuzz: ${sent} requests, ${failures.length} answered 5xx`);
    // The signed-in callers stayed signed in: the run did not turn anonymous half-way.
    for (const { session } of sessions.slice(1)) {
      const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', session: session! });
      expect(me.statusCode).toBe(200);
    }
    expect(failures).toEqual([]);
    expect(badShape).toEqual([]);
  }, 240_000); // ≈ 20 s on SQLite, 35 s on PostgreSQL on a quiet machine; room for a busy CI
});
