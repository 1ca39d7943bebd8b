/**
 * A file exists only with its row: when the material's row cannot be written (here a trigger refuses it,
 * as a full disk or a lost connection would), the upload fails and nothing is left in the upload folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { applicationBody, multipart } from '../test/aid-api.js';

const uploadDir = mkdtempSync(path.join(tmpdir(), 'open12348-aid-'));
let t: TestApp;
let citizen: Session;
let id: number;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_DIR: uploadDir });
  citizen = await t.signIn('citizen');
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: citizen,
    payload: applicationBody(),
  });
  id = r.json().id as number;
});
afterAll(async () => {
  await t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.4\n% test material\n');
const upload = () => {
  const { payload, headers } = multipart('身份证.pdf', PDF, 'application/pdf');
  return t.request({
    method: 'POST',
    url: `/api/v1/aid/applications/${id}/attachments?kind=identity`,
    session: citizen,
    headers,
    payload,
  });
};
const files = () => readdirSync(path.join(uploadDir, 'aid'));

async function refuseInserts(): Promise<void> {
  if (t.ctx.dialect === 'sqlite')
    await sql`CREATE TRIGGER refuse_material BEFORE INSERT ON aid_attachments
      BEGIN SELECT RAISE(ABORT, 'refused by test'); END`.execute(t.ctx.db);
  else {
    await sql`CREATE FUNCTION refuse_material() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`.execute(t.ctx.db);
    await sql`CREATE TRIGGER refuse_material BEFORE INSERT ON aid_attachments
      FOR EACH ROW EXECUTE FUNCTION refuse_material()`.execute(t.ctx.db);
  }
}

it('stores the file under its row’s name once the row is committed', async () => {
  const r = await upload();
  expect(r.statusCode).toBe(200);
  const row = await t.ctx.db
    .selectFrom('aid_attachments')
    .select('stored_name')
    .executeTakeFirstOrThrow();
  expect(files()).toEqual([row.stored_name]);
});

it('leaves no file behind when the row cannot be written', async () => {
  await refuseInserts();
  const before = files();
  const r = await upload();
  expect(r.statusCode).toBe(500);
  expect(files()).toEqual(before);
});
