/**
 * Live events across two server processes on one PostgreSQL database: two apps, each with its own
 * connection pool and listener over the same schema, stand in for two processes. On SQLite (one
 * process by design) there is no channel and nothing to relay.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { testConfig } from '../test/db.js';
import { connectSse, json, setUpArea, type Area } from '../test/consult.js';

const PG = process.env.TEST_DATABASE_URL;

let t: TestApp;
let area: Area;

beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
});
afterAll(() => t.close());

describe.runIf(!PG)('live events on SQLite', () => {
  it('stay in the one process: the database offers no channel', () => {
    expect(t.ctx.dialect).toBe('sqlite');
    expect(t.ctx.data.channel).toBeUndefined();
  });
});

describe.runIf(PG)('live events across two processes on PostgreSQL', () => {
  let other: { app: FastifyInstance; data: DataLayer; port: number };

  beforeAll(async () => {
    const data = openPostgres(PG!, t.ctx.data.schema);
    const app = await buildApp(createContext(testConfig(), data));
    await app.listen({ port: 0, host: '127.0.0.1' });
    other = { app, data, port: (app.server.address() as AddressInfo).port };
  });
  afterAll(async () => {
    await other.app.close();
    await other.data.close();
  });

  it('shows a question asked on one process in an inbox open on the other', async () => {
    const inbox = await connectSse(other.port, '/consult/inbox/stream', area.lawyerA);
    await inbox.next('counts');
    const asked = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '单位拖欠工资三个月，怎么办？',
    });
    let ev = await inbox.next('question');
    while (ev.questionId !== asked.body.id) ev = await inbox.next('question');
    expect(ev).toMatchObject({ type: 'asked', stage: 'community' });
    expect(await inbox.next('counts')).toMatchObject({ mine: expect.any(Number) });
    inbox.close();
  });

  it('carries a reply too long for one notification by reading it back from the database', async () => {
    const q = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '租房押金不退怎么办？',
    });
    const page = await connectSse(
      other.port,
      `/consult/questions/${q.body.id}/stream`,
      area.resident,
    );
    const long = `可以先协商，协商不成可以起诉。${'具体情况需要看合同约定。'.repeat(300)}`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(8000);
    const msg = page.next('message');
    const r = await json(t, area.lawyerA, 'POST', `/consult/questions/${q.body.id}/messages`, {
      body: long,
    });
    expect(r.status).toBe(200);
    expect(await msg).toMatchObject({ authorKind: 'lawyer', authorName: '李律师', body: long });
    page.close();
  });

  it('does not hand a process its own events twice', async () => {
    const port = await listenOnce(t);
    const inbox = await connectSse(port, '/consult/inbox/stream', area.lawyerA);
    await inbox.next('counts');
    const asked = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '邻居装修噪音太大怎么办？',
    });
    let ev = await inbox.next('question');
    while (ev.questionId !== asked.body.id) ev = await inbox.next('question');
    // a relayed echo would arrive within milliseconds; give it ample time
    await new Promise((r) => setTimeout(r, 500));
    const mine = inbox.seen.filter(
      (e) => e.event === 'question' && e.data.questionId === asked.body.id,
    );
    expect(mine).toHaveLength(1);
    inbox.close();
  });
});

/** The first test app's own port (it listens lazily, once). */
async function listenOnce(app: TestApp): Promise<number> {
  if (!app.app.server.listening) await app.app.listen({ port: 0, host: '127.0.0.1' });
  return (app.app.server.address() as AddressInfo).port;
}
