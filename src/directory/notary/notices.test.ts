/** What the notary office tells the citizen: the booking confirmed with it, a reminder the day before, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';
import { noticeDeliveries } from '../../notify/index.js';
import { remindTomorrow } from './notices.js';

let t: TestApp;
let staff: Session;
let officeId: number;
const api = '/api/v1';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z'); // Monday 09:00 in Wuhan
  const admin = await t.signIn('admin');
  staff = await t.signIn('notary_staff', { displayName: '公证员' });
  officeId = (
    await t.request({ method: 'GET', url: `${api}/directory/entries?kind=notary_office` })
  ).json().items[0].id;
  const link = await t.request({
    method: 'POST',
    url: `${api}/directory/entries/${officeId}/staff`,
    payload: { userId: staff.userId },
    session: admin,
  });
  expect(link.statusCode).toBe(200);
});
afterAll(() => t.close());

async function slot(date: string): Promise<number> {
  const s = await t.request({
    method: 'POST',
    url: `${api}/notary/offices/${officeId}/slots`,
    payload: { matterCode: 'weituo', date, startTime: '09:30', endTime: '10:30', capacity: 2 },
    session: staff,
  });
  expect(s.statusCode, s.body).toBe(200);
  return s.json().id as number;
}

async function book(slotId: number): Promise<number> {
  const citizen = await t.signIn('citizen');
  const r = await t.request({
    method: 'POST',
    url: `${api}/notary/bookings`,
    payload: { slotId, applicantName: '王小明', phone: '13812345678' },
    session: citizen,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().id as number;
}

describe('notary notices', () => {
  it('confirms a booking in-app and by SMS in the same transaction', async () => {
    const id = await book(await slot('2026-03-04'));
    const sent = await noticeDeliveries(t.ctx.db, 'notary_booking', id, 'notary.booked');
    expect(sent.map((d) => [d.channel, d.status])).toEqual([
      ['inapp', 'sent'],
      ['sms', 'pending'],
    ]);
    const body = await t.ctx.db
      .selectFrom('notify_outbox')
      .select('body')
      .where('kind', '=', 'notary.booked')
      .where('ref_id', '=', String(id))
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(body.body).toContain('2026-03-04 09:30');
  });

  it('reminds the day before, once however often the sweep runs, and not a cancelled booking', async () => {
    const tomorrow = await slot('2026-03-03');
    const keep = await book(tomorrow);
    const cancel = await book(tomorrow);
    await t.ctx.db
      .updateTable('notary_bookings')
      .set({ status: 'cancelled' })
      .where('id', '=', cancel)
      .execute();
    expect(await remindTomorrow(t.ctx)).toBe(1);
    await remindTomorrow(t.ctx);
    const reminders = await noticeDeliveries(t.ctx.db, 'notary_booking', keep, 'notary.reminder');
    expect(reminders.map((d) => d.channel)).toEqual(['inapp', 'sms']);
    expect(await noticeDeliveries(t.ctx.db, 'notary_booking', cancel, 'notary.reminder')).toEqual(
      [],
    );
  });
});
