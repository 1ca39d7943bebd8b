/**
 * Photos of a 普法 activity: uploaded by the adviser who logged it (or the bureau), typed from the bytes,
 * at most nine however many arrive at once, each file on disk only with its row, downloads audited, and
 * nobody else may see them.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';
import { multipart } from '../../test/aid-api.js';
import { json, setUpArea, type Area } from '../../test/consult.js';
import { Activities } from '../../contracts/programme.js';
import { MAX_PHOTOS } from './photos.js';

let t: TestApp;
let area: Area;
let activityId = 0;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('活动照片'),
]);
const photoDir = () => path.resolve(t.ctx.config.UPLOAD_DIR, 'programme');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-10T02:00:00Z');
  area = await setUpArea(t);
  const c = await json<{ id: number }>(t, area.admin, 'POST', '/admin/programme/campaigns', {
    name: '千场万人送法上门',
    fromDate: '2026-12-01',
    toDate: '2026-12-31',
  });
  const a = await json<{ id: number }>(t, area.lawyerA, 'POST', '/programme/activities', {
    campaignId: c.body.id,
    kind: 'community',
    title: '民法典进社区',
    place: '珞珈山社区活动室',
    date: '2026-12-09',
    startTime: '14:00',
    endTime: '16:00',
    organiser: '珞南街道司法所',
    lawyers: [],
  });
  activityId = a.body.id;
});
afterAll(async () => t.close());

const send = (s: Session, body: Buffer, name = 'p.png') => {
  const m = multipart(name, body, 'image/png');
  return t.request({
    method: 'POST',
    url: `/api/v1/programme/activities/${activityId}/photos`,
    session: s,
    payload: m.payload,
    headers: m.headers,
  });
};

describe('activity photos', () => {
  it('takes an image from its logger, refuses a renamed text file, and hides it from others', async () => {
    const ok = await send(area.lawyerA, PNG, '现场.png');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mime: 'image/png', size: PNG.length });
    const fake = await send(area.lawyerA, Buffer.from('not an image'), 'x.png');
    expect(fake.json().error.code).toBe('unsupported_image');
    expect((await send(area.lawyerB, PNG)).statusCode).toBe(404);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/programme/activities/${activityId}/photos`,
      session: area.lawyerA,
    });
    expect(list.json().items).toEqual([expect.objectContaining({ name: '现场.png' })]);
    const photoId = list.json().items[0].id as number;
    const url = `/api/v1/programme/activities/${activityId}/photos/${photoId}`;
    const got = await t.request({ method: 'GET', url, session: area.admin });
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);
    expect((await t.request({ method: 'GET', url, session: area.lawyerB })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    const downloads = await t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'download')
      .where('entity', '=', 'programme_activity')
      .execute();
    expect(downloads).toHaveLength(1);
  });

  it('holds at most nine however many arrive at once, with a file for each row and no other', async () => {
    const res = await Promise.all(Array.from({ length: 12 }, () => send(area.lawyerA, PNG)));
    const codes = res.map((r) => r.statusCode);
    // One was already there: eight more fit.
    expect(codes.filter((c) => c === 200)).toHaveLength(MAX_PHOTOS - 1);
    expect(res.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(
      Array(12 - (MAX_PHOTOS - 1)).fill('too_many_images'),
    );
    const rows = await t.ctx.db
      .selectFrom('programme_activity_photos')
      .select('stored_name')
      .where('activity_id', '=', activityId)
      .execute();
    expect(rows).toHaveLength(MAX_PHOTOS);
    expect(readdirSync(photoDir()).sort()).toEqual(rows.map((r) => r.stored_name).sort());
    for (const r of rows) expect(existsSync(path.join(photoDir(), r.stored_name))).toBe(true);
    const mine = await json(t, area.lawyerA, 'GET', '/programme/activities/mine');
    const item = Activities.parse(mine.body).items.find((a) => a.id === activityId);
    expect(item?.photoFiles).toBe(MAX_PHOTOS);
  });
});
