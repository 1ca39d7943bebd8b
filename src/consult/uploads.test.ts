import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
let qid: number;
beforeAll(async () => {
  t = await createTestApp({ UPLOAD_MAX_BYTES: '4096' });
  area = await setUpArea(t);
  qid = (
    await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '欠条照片附上，请问能起诉吗？',
    })
  ).body.id;
});
afterAll(() => t.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

function upload(s: Session, id: number, data: Buffer, filename = '欠条.png') {
  const boundary = '----consulttest';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.request({
    method: 'POST',
    url: `/api/v1/consult/questions/${id}/attachments`,
    session: s,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

describe('question images', () => {
  it('stores an image and lets only those who see the question download it', async () => {
    const r = await upload(area.resident, qid, PNG);
    expect(r.statusCode).toBe(200);
    const { id, mime } = r.json<{ id: number; mime: string }>();
    expect(mime).toBe('image/png');
    const own = await t.request({
      method: 'GET',
      url: `/api/v1/consult/attachments/${id}`,
      session: area.resident,
    });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.rawPayload.equals(PNG)).toBe(true);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/consult/attachments/${id}`,
          session: area.lawyerA,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/consult/attachments/${id}`,
          session: area.lawyerB,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a file that is not an image whatever its name says', async () => {
    const r = await upload(area.resident, qid, Buffer.from('%PDF-1.4 not an image'), 'photo.png');
    expect(r.statusCode).toBe(415);
    expect(r.json().error.code).toBe('unsupported_image');
  });

  it('refuses an image over the size limit', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(8192, 2)]);
    const r = await upload(area.resident, qid, big);
    expect(r.statusCode).toBe(413);
  });

  it('lets only the asker attach', async () => {
    expect((await upload(area.lawyerA, qid, PNG)).statusCode).toBe(403);
    const stranger = await t.signIn('citizen');
    expect((await upload(stranger, qid, PNG)).statusCode).toBe(404);
  });
});
