/**
 * The 6-image limit under concurrent uploads: twelve images sent to one question at once leave six rows
 * and six files. On PostgreSQL half go through a second app with its own pool (a second process).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { testConfig } from '../test/db.js';
import { json, setUpArea, type Area } from '../test/consult.js';

const PG = process.env.TEST_DATABASE_URL;
const uploadDir = mkdtempSync(path.join(tmpdir(), 'open12348-consult-'));

let t: TestApp;
let area: Area;
let apps: FastifyInstance[];
let otherData: DataLayer | null = null;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_DIR: uploadDir });
  area = await setUpArea(t);
  apps = [t.app];
  if (PG) {
    otherData = openPostgres(PG, t.ctx.data.schema);
    const other = await buildApp(createContext(testConfig({ UPLOAD_DIR: uploadDir }), otherData));
    await other.ready();
    apps.push(other);
  }
});
afterAll(async () => {
  if (otherData) {
    await apps[1]!.close();
    await otherData.close();
  }
  await t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

function upload(i: number, qid: number) {
  const boundary = '----consultrace';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${i}.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return apps[i % apps.length]!.inject({
    method: 'POST',
    url: `/api/v1/consult/questions/${qid}/attachments`,
    headers: {
      ...area.resident.headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: body,
  });
}

it('twelve simultaneous uploads to one question: six stored, six refused, one file per row', async () => {
  const qid = (
    await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '欠条照片附上，请问能起诉吗？',
    })
  ).body.id;
  const res = await Promise.all(Array.from({ length: 12 }, (_, i) => upload(i, qid)));
  expect(res.filter((r) => r.statusCode === 200)).toHaveLength(6);
  for (const r of res.filter((x) => x.statusCode !== 200)) {
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('too_many_images');
  }
  const rows = await t.ctx.db
    .selectFrom('consult_attachments')
    .select('stored_name')
    .where('question_id', '=', qid)
    .execute();
  expect(rows).toHaveLength(6);
  const files = readdirSync(path.join(uploadDir, 'consult')).filter((f) => f.startsWith(`${qid}-`));
  expect(files.sort()).toEqual(rows.map((r) => r.stored_name).sort());
});
