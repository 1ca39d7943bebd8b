/** A legal-aid referral is read only by the competent agency's officers; image downloads are audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
});
afterAll(() => t.close());

async function referral(): Promise<number> {
  const q = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
    body: '工地老板拖欠工资两万元不给，家里困难请不起律师。',
  });
  const r = await json<{ referralId: number }>(
    t,
    area.lawyerA,
    'POST',
    `/consult/questions/${q.body.id}/classify`,
    { category: 'legal_aid' },
  );
  expect(r.status).toBe(200);
  return r.body.referralId;
}

describe('referral access', () => {
  it('lets the competent agency’s officer read it, and not another agency’s', async () => {
    const id = await referral();
    const own = await t.signIn('aid_officer', { agencyCode: 'hongshan' }); // the question is in 洪山区
    const other = await t.signIn('aid_officer', { agencyCode: 'jiangan' });
    const admin = await t.signIn('admin');
    const read = (s: typeof own) => json(t, s, 'GET', `/consult/referrals/${id}`);
    expect((await read(own)).status).toBe(200);
    expect((await read(other)).status).toBe(404);
    expect((await read(admin)).status).toBe(200);
    expect((await read(area.resident)).status).toBe(200);
  });
});

describe('image downloads', () => {
  it('writes an audit row for each download', async () => {
    const q = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '欠条照片附上。',
    });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/consult/questions/${q.body.id}/attachments`,
      session: area.resident,
      headers: { 'content-type': 'multipart/form-data; boundary=zz' },
      payload: Buffer.concat([
        Buffer.from(
          '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n',
        ),
        png,
        Buffer.from('\r\n--zz--\r\n'),
      ]),
    });
    expect(up.statusCode).toBe(200);
    const attachment = up.json().id as number;
    const get = await t.request({
      method: 'GET',
      url: `/api/v1/consult/attachments/${attachment}`,
      session: area.lawyerA,
    });
    expect(get.statusCode).toBe(200);
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'download')
      .where('entity', '=', 'consult_question')
      .where('entity_id', '=', String(q.body.id))
      .execute();
    expect(rows).toEqual([
      { actor_id: area.lawyerA.userId, detail: JSON.stringify({ attachment }) },
    ]);
  });
});
