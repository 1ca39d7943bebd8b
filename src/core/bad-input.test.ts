/**
 * The hostile inputs that answered 500 before: each gets a 4xx with a stable code and a Chinese message,
 * and a failed upload leaves no file behind.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationBody } from '../test/aid-api.js';
import { json, setUpArea, type Area } from '../test/consult.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { isCalendarDate } from './schemas.js';

const uploadDir = mkdtempSync(path.join(tmpdir(), 'open12348-bad-'));
let t: TestApp;
let citizen: Session;
let admin: Session;
let area: Area;
let applicationId: number;
let questionId: number;

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_DIR: uploadDir });
  citizen = await t.signIn('citizen');
  admin = await t.signIn('admin');
  area = await setUpArea(t);
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: citizen,
    payload: applicationBody(),
  });
  applicationId = r.json().id as number;
  questionId = (
    await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '欠条照片附上，请问能起诉吗？',
    })
  ).body.id;
});
afterAll(async () => {
  await t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

function expectRefused(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

const uploadedFiles = () =>
  readdirSync(uploadDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe('dates', () => {
  it('knows real calendar days', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['2026-13-01', '2026-02-29', '2026-04-31', '2026-00-10', '0000-01-01'].map(isCalendarDate),
    ).toEqual([false, false, false, false, false]);
  });

  it('refuses month 13 on the public notary slot list and the office statistics', async () => {
    const office = await t.ctx.db
      .selectFrom('directory_entries')
      .select('id')
      .where('kind', '=', 'notary_office')
      .executeTakeFirstOrThrow();
    expectRefused(
      await t.request({
        method: 'GET',
        url: `/api/v1/notary/offices/${office.id}/slots?from=2026-13-01`,
      }),
      400,
      'validation_failed',
    );
    expectRefused(
      await t.request({
        method: 'GET',
        url: '/api/v1/stats/dashboard?to=2026-02-30',
        session: admin,
      }),
      400,
      'validation_failed',
    );
  });
});

describe('ids and characters the database cannot hold', () => {
  it('refuses ids beyond the int4 range', async () => {
    for (const id of ['2147483648', '99999999999999999999'])
      expectRefused(
        await t.request({ method: 'GET', url: `/api/v1/users/${id}`, session: citizen }),
        400,
        'validation_failed',
      );
  });

  it('refuses NUL in any string, signed in or not', async () => {
    expectRefused(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'a\u0000b', password: 'whatever-1' },
      }),
      400,
      'invalid_characters',
    );
    expectRefused(
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { username: 'nul_user', password: 'tea\u0000garden', displayName: '某' },
      }),
      400,
      'invalid_characters',
    );
    expectRefused(
      await t.request({ method: 'GET', url: '/api/v1/laws/search?q=%E5%8A%B3%00' }),
      400,
      'invalid_characters',
    );
    expectRefused(
      await t.request({ method: 'GET', url: '/api/v1/directory/entries?q=a%00b' }),
      400,
      'invalid_characters',
    );
  });
});

describe('bulk import', () => {
  it('looks up a CSV cell of 40,000 lawyer names without exceeding the bound-parameter limit', async () => {
    const names = Array.from({ length: 40_000 }, (_, i) => `l${i}`).join(';');
    const csv = `区,街道,社区,类型,法律顾问\n江岸区,大智街道,测试社区,社区,${names}\n`;
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/consult/admin/import',
      session: admin,
      payload: { kind: 'communities', csv },
    });
    expectRefused(r, 400, 'import_failed');
  });
});

describe('malformed multipart', () => {
  const bodies: [string, string, string][] = [
    [
      'cut off',
      '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut',
      'malformed_multipart',
    ],
    ['without any boundary', 'garbage without any boundary', 'malformed_multipart'],
    ['without a file part', '--zz\r\nnot a header\r\n\r\nx\r\n--zz--\r\n', 'file_required'],
  ];

  it.each(bodies)('answers 400 for a body %s, and keeps no file', async (_what, payload, code) => {
    const before = uploadedFiles().length;
    for (const [url, session] of [
      [`/api/v1/aid/applications/${applicationId}/attachments?kind=identity`, citizen],
      [`/api/v1/consult/questions/${questionId}/attachments`, area.resident],
    ] as const) {
      const r = await t.request({
        method: 'POST',
        url,
        session,
        headers: { 'content-type': 'multipart/form-data; boundary=zz' },
        payload,
      });
      expectRefused(r, 400, code);
    }
    expect(uploadedFiles().length).toBe(before);
  });

  it('stores a file whose name holds NUL under a cleaned name, with its row', async () => {
    const before = uploadedFiles().length;
    const payload = Buffer.concat([
      Buffer.from(
        '--zz\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.pdf"\r\nContent-Type: application/pdf\r\n\r\n',
      ),
      Buffer.from('%PDF-1.4\n% test\n'),
      Buffer.from('\r\n--zz--\r\n'),
    ]);
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/aid/applications/${applicationId}/attachments?kind=identity`,
      session: citizen,
      headers: { 'content-type': 'multipart/form-data; boundary=zz' },
      payload,
    });
    expect(r.statusCode).toBe(200);
    const row = await t.ctx.db
      .selectFrom('aid_attachments')
      .select('original_name')
      .where('id', '=', r.json().id as number)
      .executeTakeFirstOrThrow();
    expect(row.original_name).toBe('ab.pdf');
    expect(uploadedFiles().length).toBe(before + 1);
  });

  it('answers 400 for a multipart type without a boundary', async () => {
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/aid/applications/${applicationId}/attachments`,
      session: citizen,
      headers: { 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expectRefused(r, 400, 'malformed_multipart');
  });
});
