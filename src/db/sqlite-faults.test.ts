/**
 * SQLite faults, on a SQLite file of this test's own (whatever TEST_DATABASE_URL says): a full disk
 * (reached here with `max_page_count`, which fails writes with the same SQLITE_FULL) and a read-only
 * database must give a specific 503, log the real cause, turn health unhealthy and stop a server
 * from starting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createUser } from '../auth/service.js';
import { createContext } from '../core/context.js';
import { testConfig } from '../test/db.js';
import { openSqlite, type DataLayer } from './connection.js';
import { migrateToLatest } from '../migrations.js';
import { assertWritable, DatabaseNotWritable } from './preflight.js';

const dir = mkdtempSync(path.join(tmpdir(), 'open12348-faults-'));
const file = path.join(dir, 'app.db');
const logs: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _enc, done) {
    logs.push(chunk.toString());
    done();
  },
});

async function appOver(data: DataLayer): Promise<FastifyInstance> {
  const app = await buildApp(createContext(testConfig(), data), {
    logger: { level: 'error', stream: logStream },
  });
  await app.ready();
  return app;
}

const login = (app: FastifyInstance) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'officer1', password: 'correct-horse-9' },
  });

beforeAll(async () => {
  const data = openSqlite(file);
  await migrateToLatest(data);
  await createUser(createContext(testConfig(), data), {
    username: 'officer1',
    password: 'correct-horse-9',
    role: 'citizen',
    displayName: '测试',
    agencyId: null,
  });
  await data.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a full disk', () => {
  let data: DataLayer;
  let app: FastifyInstance;
  beforeAll(async () => {
    data = openSqlite(file);
    app = await appOver(data);
    expect((await login(app)).statusCode).toBe(200);
    const pages = await sql<{ page_count: number }>`PRAGMA page_count`.execute(data.db);
    await sql.raw(`PRAGMA max_page_count = ${pages.rows[0]!.page_count}`).execute(data.db);
    logs.length = 0;
  });
  afterAll(async () => {
    await app.close();
    await data.close();
  });

  it('answers 503 storage_full to a single write', async () => {
    // Each login writes a session row until the file can grow no more.
    let res = await login(app);
    for (let i = 0; i < 200 && res.statusCode === 200; i++) res = await login(app);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('storage_full');
  });

  it('keeps the real error when SQLite has already rolled the transaction back', async () => {
    // On a full disk (SQLITE_FULL from the journal, SQLITE_IOERR) SQLite ends the transaction itself;
    // Kysely's ROLLBACK then failed with "cannot rollback - no transaction is active" and hid the cause.
    const run = data.db.transaction().execute(async (trx) => {
      await sql`ROLLBACK`.execute(trx); // what SQLite does on such an error
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    await expect(run).rejects.toMatchObject({ code: 'SQLITE_FULL' });
  });

  it('reports unhealthy until there is room again', async () => {
    const sick = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(sick.statusCode).toBe(503);
    expect(sick.json()).toMatchObject({ status: 'unhealthy', database: { code: 'storage_full' } });
    await sql.raw('PRAGMA max_page_count = 1073741823').execute(data.db);
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect((await login(app)).statusCode).toBe(200);
  });
});

describe('a read-only database', () => {
  let data: DataLayer;
  let app: FastifyInstance;
  beforeAll(async () => {
    data = openSqlite(file, { readonly: true });
    app = await appOver(data);
  });
  afterAll(async () => {
    await app.close();
    await data.close();
  });

  it('is refused at start', async () => {
    await expect(assertWritable(data)).rejects.toBeInstanceOf(DatabaseNotWritable);
    await expect(assertWritable(data)).rejects.toThrow(/数据库不可写（read_only）/);
  });

  it('reports unhealthy, and writes get 503 database_read_only', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().database.code).toBe('database_read_only');
    const res = await login(app);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('database_read_only');
  });

  it('a writable one passes the start check', async () => {
    const ok = openSqlite(file);
    await expect(assertWritable(ok)).resolves.toBeUndefined();
    await ok.close();
  });
});

describe('a database another process is writing', () => {
  it('is healthy: the probe neither waits for the write lock nor reports it', async () => {
    const holder = openSqlite(file);
    const other = openSqlite(file);
    await sql`BEGIN IMMEDIATE`.execute(holder.db); // the other process's write transaction
    try {
      expect(await other.probe()).toEqual({ ok: true });
    } finally {
      await sql`ROLLBACK`.execute(holder.db);
      await other.close();
      await holder.close();
    }
  });
});
