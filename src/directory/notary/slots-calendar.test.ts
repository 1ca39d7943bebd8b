/** Notary issue 16: rest-day and duplicate slots, the calendar notice on a booking, and who works an office. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';

let t: TestApp;
let admin: Session;
let staff: Session;
let officeId: number;
const api = '/api/v1';

async function signIn(): Promise<void> {
  admin = await t.signIn('admin');
  staff = await t.signIn('notary_staff');
  const r = await t.request({
    method: 'POST',
    url: `${api}/directory/entries/${officeId}/staff`,
    payload: { userId: staff.userId },
    session: admin,
  });
  expect(r.statusCode, r.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  const r = await t.request({ method: 'GET', url: `${api}/directory/entries?kind=notary_office` });
  officeId = r.json().items[0].id;
  await signIn();
});
afterAll(() => t.close());

const publish = (payload: Record<string, unknown>, s: Session = staff) =>
  t.request({
    method: 'POST',
    url: `${api}/notary/offices/${officeId}/slots`,
    payload: {
      matterCode: 'weituo',
      startTime: '09:00',
      endTime: '10:00',
      capacity: 2,
      ...payload,
    },
    session: s,
  });

describe('rest-day slots', () => {
  it('refuses a Saturday or a holiday unless marked with a reason; a 调休 Saturday is a working day', async () => {
    const sat = await publish({ date: '2026-03-07' });
    expect(sat.statusCode).toBe(400);
    expect(sat.json().error.code).toBe('slot_not_workday');
    expect((await publish({ date: '2026-04-06' })).json().error.code).toBe('slot_not_workday'); // 清明
    const noReason = await publish({ date: '2026-03-07', allowWeekend: true });
    expect(noReason.json().error.code).toBe('validation_failed');
    const marked = await publish({
      date: '2026-03-07',
      allowWeekend: true,
      weekendReason: '集中办理学历公证（毕业季）',
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await publish({ date: '2026-05-09' })).statusCode).toBe(200); // 调休上班
    const slots = await t.request({
      method: 'GET',
      url: `${api}/notary/offices/${officeId}/slots?from=2026-03-07&to=2026-03-07`,
    });
    expect(slots.json().items[0].weekendReason).toBe('集中办理学历公证（毕业季）');
  });
});

describe('duplicate slots', () => {
  it('refuses a second slot of the same matter at the same date and start time (unique index)', async () => {
    expect((await publish({ date: '2026-03-11' })).statusCode).toBe(200);
    const dup = await publish({ date: '2026-03-11', endTime: '11:00', capacity: 5 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('slot_exists');
    expect(
      (await publish({ date: '2026-03-11', startTime: '10:00', endTime: '11:00' })).statusCode,
    ).toBe(200);
    expect((await publish({ date: '2026-03-11', matterCode: 'jicheng' })).statusCode).toBe(200);
  });
});

describe('the calendar notice on a booking', () => {
  it('warns when the 15-working-day period runs into 2027, and not before', async () => {
    const views = [];
    for (const [now, date] of [
      ['2026-11-02T01:00:00Z', '2026-11-03'],
      ['2026-12-14T01:00:00Z', '2026-12-21'],
    ] as const) {
      t.clock.set(now);
      await signIn();
      const slotId = (await publish({ date })).json().id as number;
      const citizen = await t.signIn('citizen');
      const b = await t.request({
        method: 'POST',
        url: `${api}/notary/bookings`,
        payload: { slotId, applicantName: '王小明', phone: '13812345678' },
        session: citizen,
      });
      expect(b.statusCode, b.body).toBe(200);
      const d = await t.request({
        method: 'GET',
        url: `${api}/notary/bookings/${b.json().id}`,
        session: citizen,
      });
      views.push(d.json().booking.calendarWarning);
    }
    expect(views[0]).toBeNull();
    expect(views[1]).toMatchObject({ years: [2027] });
  });
});

describe('who works an office', () => {
  it('refuses a staff account of another role, and an office’s own staff act only for it', async () => {
    const lawyer = await t.signIn('community_lawyer');
    const link = await t.request({
      method: 'POST',
      url: `${api}/directory/entries/${officeId}/staff`,
      payload: { userId: lawyer.userId },
      session: admin,
    });
    expect(link.json().error.code).toBe('staff_role_mismatch');
    const stranger = await t.signIn('notary_staff');
    expect((await publish({ date: '2026-12-22' }, stranger)).statusCode).toBe(403);
    expect((await publish({ date: '2026-12-22' }, admin)).statusCode).toBe(200);
  });
});
