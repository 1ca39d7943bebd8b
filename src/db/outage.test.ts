/**
 * PostgreSQL outages: a terminated backend must not end the process, requests during an outage get a 503
 * with a stable code, health says unhealthy, and the same pool serves again once the database is back.
 * The outage is a TCP proxy the test cuts; the shared server is only asked to end this test's own backends.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext } from '../core/context.js';
import { createTestDb, testConfig, type TestDb } from '../test/db.js';
import { startProxy, type TcpProxy } from '../test/tcp-proxy.js';
import { openPostgres, type DataLayer } from './connection.js';

const PG = process.env.TEST_DATABASE_URL;

describe.runIf(PG)('PostgreSQL outages', () => {
  let testDb: TestDb;
  let proxy: TcpProxy;
  let data: DataLayer;
  let app: FastifyInstance;
  const dropped: Error[] = [];
  const appName = `outage-test-${process.pid}`;

  beforeAll(async () => {
    testDb = await createTestDb();
    const target = new URL(PG!);
    proxy = await startProxy(target.hostname, Number(target.port || 5432));
    // A name of its own (the URL's application_name wins over the pool's), so only these backends are ended.
    const url = new URL(proxy.url(PG!));
    url.searchParams.set('application_name', appName);
    data = openPostgres(url.toString(), testDb.data.schema);
    data.onIdleError((err) => dropped.push(err));
    app = await buildApp(createContext(testConfig(), data));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await data.close();
    await proxy.close();
    await testDb.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  /** Several requests at once, so the pool holds several idle connections afterwards. */
  const warm = () => Promise.all(Array.from({ length: 4 }, () => get('/api/v1/laws')));

  it('survives pg_terminate_backend on its idle connections and serves again', async () => {
    for (const r of await warm()) expect(r.statusCode).toBe(200);
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    // Only this test's own backends: the pids are listed first, then terminated one by one (a WHERE that
    // calls pg_terminate_backend may run it before the other conditions, on every backend of the server).
    const mine = await admin.query<{ pid: number; listener: boolean }>(
      "SELECT pid, query LIKE 'LISTEN%' AS listener FROM pg_stat_activity WHERE application_name = $1",
      [appName],
    );
    const pooled = mine.rows.filter((r) => !r.listener).length;
    expect(pooled).toBeGreaterThan(0);
    for (const r of mine.rows) await admin.query('SELECT pg_terminate_backend($1::int)', [r.pid]);
    await admin.end();
    // The pool hears of each drop as an 'error' on an idle client; wait until it has heard of all.
    // (The LISTEN connection, if any, reconnects by itself: src/db/notify.ts.)
    await waitFor(() => dropped.length >= pooled);
    const health = await get('/api/v1/health');
    expect(health.statusCode).toBe(200);
    expect((await get('/api/v1/laws')).statusCode).toBe(200);
  });

  it('answers 503 database_unavailable during an outage and recovers when the database returns', async () => {
    for (const r of await warm()) expect(r.statusCode).toBe(200);
    await proxy.cut();
    const during = await get('/api/v1/laws');
    expect(during.statusCode).toBe(503);
    expect(during.json().error.code).toBe('database_unavailable');
    const health = await get('/api/v1/health');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({
      status: 'unhealthy',
      database: { code: 'database_unavailable' },
    });
    await proxy.restore();
    expect((await get('/api/v1/health')).statusCode).toBe(200);
    expect((await get('/api/v1/laws')).statusCode).toBe(200);
  });
});

async function waitFor(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
}
