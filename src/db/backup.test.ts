/**
 * `db:backup` / `db:restore` on the dialect under test: a backup taken while the server runs, restored after
 * the database and the upload folder are gone, gives a working server with the same accounts and files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { applicationBody, multipart } from '../test/aid-api.js';
import { createContext } from '../core/context.js';
import { createTestDb, testConfig, testDialect } from '../test/db.js';
import { backup, restore } from './backup.js';
import { openPostgres, openSqlite, type DataLayer } from './connection.js';
import { migrateToLatest } from '../migrations.js';

const PG = process.env.TEST_DATABASE_URL;
const root = mkdtempSync(path.join(tmpdir(), 'open12348-backup-'));
const file = path.join(root, 'app.db');
const uploadDir = path.join(root, 'uploads');
const config = testConfig({ DATABASE_URL: PG ?? `sqlite:${file}`, UPLOAD_DIR: uploadDir });
let schema: string | undefined;

afterAll(async () => {
  if (schema) await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  rmSync(root, { recursive: true, force: true });
});

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query(query);
  await c.end();
}

function openData(): Promise<DataLayer> {
  if (testDialect() === 'sqlite') return Promise.resolve(openSqlite(file));
  return Promise.resolve(openPostgres(PG!, schema));
}

async function serve(data: DataLayer): Promise<FastifyInstance> {
  const app = await buildApp(createContext(config, data));
  await app.ready();
  return app;
}

const PDF = Buffer.from('%PDF-1.4\n% 身份证复印件\n');
const credentials = { username: 'backup_citizen', password: 'correct-horse-9' };

async function signIn(app: FastifyInstance): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: credentials });
  expect(res.statusCode).toBe(200);
  const sid = res.cookies.find((c) => c.name === 'sid')!.value;
  return { cookie: `sid=${sid}`, 'x-csrf-token': res.json().user.csrfToken as string };
}

it('restores the database and the uploads into a working server', async () => {
  let data: DataLayer;
  if (testDialect() === 'sqlite') {
    data = openSqlite(file);
    await migrateToLatest(data);
  } else {
    data = (await createTestDb()).data;
    schema = data.schema;
  }
  const app = await serve(data);
  const reg = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { ...credentials, displayName: '备份测试' },
  });
  expect(reg.statusCode).toBe(200);
  const headers = await signIn(app);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/aid/applications',
    headers,
    payload: applicationBody(),
  });
  const id = created.json().id as number;
  const { payload, headers: mp } = multipart('身份证.pdf', PDF, 'application/pdf');
  const up = await app.inject({
    method: 'POST',
    url: `/api/v1/aid/applications/${id}/attachments?kind=identity`,
    headers: { ...headers, ...mp },
    payload,
  });
  expect(up.statusCode).toBe(200);
  const fileId = up.json().id as number;

  const dir = path.join(root, 'backup');
  await backup(config, dir, schema); // while the server is running
  await app.close();
  await data.close();
  if (schema) await admin(`DROP SCHEMA ${schema} CASCADE`);
  else for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  rmSync(uploadDir, { recursive: true, force: true });

  await restore(config, dir);
  const restored = await openData();
  const again = await serve(restored);
  const h = await signIn(again);
  const download = await again.inject({
    method: 'GET',
    url: `/api/v1/aid/applications/${id}/attachments/${fileId}`,
    headers: h,
  });
  expect(download.statusCode).toBe(200);
  expect(download.rawPayload.equals(PDF)).toBe(true);
  expect((await again.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  await again.close();
  await restored.close();
}, 60_000);
