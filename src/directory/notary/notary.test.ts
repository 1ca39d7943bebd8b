import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication } from '../../test/aid-fixtures.js';
import { decisionVerificationCode } from '../../aid/fee-waiver.js';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';

let t: TestApp;
let admin: Session;
let staff: Session;
let officeId: number;
const api = '/api/v1';

/** Sessions expire when the test clock jumps ahead, so each jump signs the office's staff in afresh. */
async function signInStaff(): Promise<void> {
  admin = await t.signIn('admin');
  staff = await t.signIn('notary_staff', { displayName: '公证员' });
  const link = await t.request({
    method: 'POST',
    url: `${api}/directory/entries/${officeId}/staff`,
    payload: { userId: staff.userId },
    session: admin,
  });
  expect(link.statusCode).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z'); // Monday 09:00 in Wuhan
  const offices = await t.request({
    method: 'GET',
    url: `${api}/directory/entries?kind=notary_office`,
  });
  officeId = offices.json().items[0].id;
  await signInStaff();
});
afterAll(() => t.close());

async function slot(date: string, capacity: number, matterCode = 'weituo', startTime = '09:00') {
  const endTime = `${String(Number(startTime.slice(0, 2)) + 1).padStart(2, '0')}:00`;
  const r = await t.request({
    method: 'POST',
    url: `${api}/notary/offices/${officeId}/slots`,
    payload: { matterCode, date, startTime, endTime, capacity },
    session: staff,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().id as number;
}

const booking = (slotId: number, name = '王小明') => ({
  slotId,
  applicantName: name,
  phone: '13812345678',
});

async function citizens(n: number): Promise<Session[]> {
  const out: Session[] = [];
  for (let i = 0; i < n; i++) out.push(await t.signIn('citizen'));
  return out;
}

describe('publishing slots', () => {
  it('lets only the office’s staff publish', async () => {
    const other = await t.signIn('aid_officer');
    const payload = {
      matterCode: 'weituo',
      date: '2026-03-03',
      startTime: '09:00',
      endTime: '10:00',
      capacity: 2,
    };
    const denied = await t.request({
      method: 'POST',
      url: `${api}/notary/offices/${officeId}/slots`,
      payload,
      session: other,
    });
    expect(denied.statusCode).toBe(403);
    const past = await t.request({
      method: 'POST',
      url: `${api}/notary/offices/${officeId}/slots`,
      payload: { ...payload, date: '2026-02-27' },
      session: staff,
    });
    expect(past.json().error.code).toBe('slot_in_past');
    const unknown = await t.request({
      method: 'POST',
      url: `${api}/notary/offices/${officeId}/slots`,
      payload: { ...payload, matterCode: 'nope' },
      session: staff,
    });
    expect(unknown.json().error.code).toBe('unknown_matter');
  });
});

describe('no double booking under concurrent requests', () => {
  it('gives a one-seat slot to exactly one of 20 parallel bookings', async () => {
    const slotId = await slot('2026-03-04', 1);
    const people = await citizens(20);
    const results = await Promise.all(
      people.map((s, i) =>
        t.request({
          method: 'POST',
          url: `${api}/notary/bookings`,
          payload: booking(slotId, `申请人${i}`),
          session: s,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(
      results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'slot_full'),
    ).toBe(true);
    const rows = await t.ctx.db
      .selectFrom('notary_bookings')
      .select('id')
      .where('slot_id', '=', slotId)
      .execute();
    expect(rows).toHaveLength(1);
    const s = await t.ctx.db
      .selectFrom('notary_slots')
      .selectAll()
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(s.booked).toBe(1);
  });

  it('fills a three-seat slot with exactly three of ten', async () => {
    const slotId = await slot('2026-03-04', 3, 'jicheng', '14:00');
    const people = await citizens(10);
    const results = await Promise.all(
      people.map((s) =>
        t.request({
          method: 'POST',
          url: `${api}/notary/bookings`,
          payload: booking(slotId),
          session: s,
        }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3);
    const list = await t.request({
      method: 'GET',
      url: `${api}/notary/offices/${officeId}/slots?from=2026-03-04&to=2026-03-04&matter=jicheng`,
    });
    expect(list.json().items[0].remaining).toBe(0);
  });
});

describe('booking, cancelling, rescheduling', () => {
  let citizen: Session;
  let bookingId: number;
  let slotA: number;
  let slotB: number;

  it('books, shows the material checklist to the owner and hides the booking from others', async () => {
    citizen = (await citizens(1))[0]!;
    slotA = await slot('2026-03-05', 1, 'fangchan');
    slotB = await slot('2026-03-06', 1, 'fangchan');
    const r = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings`,
      payload: { ...booking(slotA), idNumber: '11010519491231002X' },
      session: citizen,
    });
    expect(r.statusCode).toBe(200);
    bookingId = r.json().id;
    const again = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings`,
      payload: booking(slotA),
      session: citizen,
    });
    expect(again.json().error.code).toBe('already_booked');
    const d = await t.request({
      method: 'GET',
      url: `${api}/notary/bookings/${bookingId}`,
      session: citizen,
    });
    expect(d.json().booking.checklist).toContain('不动产权证书（房产证）原件');
    expect(d.json().booking.idNumber).toBe('11010519491231002X');
    expect(d.json().booking.actions).toEqual(['cancel', 'reschedule']);
    expect(d.json().booking.feeWaiver).toBe(false);
    const [stranger] = await citizens(1);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${api}/notary/bookings/${bookingId}`,
          session: stranger!,
        })
      ).statusCode,
    ).toBe(404);
    const cancelByStranger = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings/${bookingId}/cancel`,
      session: stranger!,
    });
    expect(cancelByStranger.statusCode).toBe(404);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'notary_booking')
      .where('action', '=', 'read_personal_data')
      .execute();
    expect(audits.length).toBeGreaterThan(0);
    const mine = await t.request({
      method: 'GET',
      url: `${api}/notary/bookings/mine`,
      session: citizen,
    });
    expect(mine.json().items[0].phone).toBe('138****5678');
  });

  it('reschedules to a free slot, refuses a full one, and frees the seat on cancel', async () => {
    const full = await slot('2026-03-06', 1, 'fangchan', '15:00');
    const [other] = await citizens(1);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${api}/notary/bookings`,
          payload: booking(full),
          session: other!,
        })
      ).statusCode,
    ).toBe(200);
    const refused = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings/${bookingId}/reschedule`,
      payload: { slotId: full },
      session: citizen,
    });
    expect(refused.json().error.code).toBe('slot_full');
    const moved = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings/${bookingId}/reschedule`,
      payload: { slotId: slotB },
      session: citizen,
    });
    expect(moved.statusCode).toBe(200);
    const seats = await t.ctx.db
      .selectFrom('notary_slots')
      .select(['id', 'booked'])
      .where('id', 'in', [slotA, slotB])
      .orderBy('id')
      .execute();
    expect(seats.map((s) => s.booked)).toEqual([0, 1]);
    const cancel = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings/${bookingId}/cancel`,
      session: citizen,
    });
    expect(cancel.statusCode).toBe(200);
    const twice = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings/${bookingId}/cancel`,
      session: citizen,
    });
    expect(twice.json().error.code).toBe('invalid_transition');
    const freed = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings`,
      payload: booking(slotB),
      session: other!,
    });
    expect(freed.statusCode).toBe(200);
  });
});

describe('the office’s day and the 15-working-day clock (公证法 第三十条)', () => {
  it('shows the day masked, starts the clock on acceptance and flags it overdue', async () => {
    t.clock.set('2026-03-09T00:30:00Z');
    await signInStaff();
    const slotId = await slot('2026-03-09', 2, 'xueli');
    const [citizen] = await citizens(1);
    const b = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings`,
      payload: booking(slotId, '赵大海'),
      session: citizen!,
    });
    const id = b.json().id as number;
    const day = await t.request({
      method: 'GET',
      url: `${api}/notary/offices/${officeId}/day?date=2026-03-09`,
      session: staff,
    });
    expect(day.statusCode).toBe(200);
    expect(day.json().bookings[0].applicantName).toBe('赵**');
    expect(day.json().bookings[0].actions).toEqual(['cancel', 'accept']);
    const citizenDay = await t.request({
      method: 'GET',
      url: `${api}/notary/offices/${officeId}/day`,
      session: citizen!,
    });
    expect(citizenDay.statusCode).toBe(403);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${api}/notary/bookings/${id}/accept`,
          session: citizen!,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${api}/notary/bookings/${id}/complete`,
          session: staff,
        })
      ).json().error.code,
    ).toBe('invalid_transition');
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${api}/notary/bookings/${id}/accept`,
          session: staff,
        })
      ).statusCode,
    ).toBe(200);
    const accepted = await t.request({
      method: 'GET',
      url: `${api}/notary/bookings/${id}`,
      session: citizen!,
    });
    expect(accepted.json().booking).toMatchObject({
      status: 'accepted',
      acceptedOn: '2026-03-09',
      dueOn: '2026-03-30',
      overdue: false,
      workdaysLeft: 15,
    });
    t.clock.set('2026-03-31T02:00:00Z');
    await signInStaff();
    const later = await t.request({
      method: 'GET',
      url: `${api}/notary/offices/${officeId}/day`,
      session: staff,
    });
    const open = later.json().inProgress.find((x: { id: number }) => x.id === id);
    expect(open).toMatchObject({ overdue: true, workdaysLeft: -1 });
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${api}/notary/bookings/${id}/complete`,
          session: staff,
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('legal-aid fee waiver (法律援助法 第五十三条)', () => {
  it('flags a recipient’s own booking, or one with the decision’s code — never a bare 身份证号', async () => {
    t.clock.set('2026-04-01T01:00:00Z');
    await signInStaff();
    const slotId = await slot('2026-04-02', 5, 'weituo');
    const [recipient, byCode, byBareId, plain] = await citizens(4);
    const base = makeApplication({ status: 'granted' });
    const { id: _omit, ...row } = base;
    await t.ctx.db
      .insertInto('aid_applications')
      .values([
        {
          ...row,
          ref_no: 'FW-1',
          applicant_user_id: recipient!.userId,
          created_by: recipient!.userId,
          applicant_id_number: '11010519491231002X',
        },
        {
          ...row,
          ref_no: 'FW-2',
          applicant_user_id: null,
          created_by: admin.userId,
          applicant_id_number: '420102199003077757',
          decided_at: '2026-03-20T02:03:04.567Z',
        },
      ])
      .execute();
    const aid = await t.ctx.db
      .selectFrom('aid_applications')
      .select(['id', 'ref_no', 'applicant_id_number', 'decided_at'])
      .where('ref_no', '=', 'FW-2')
      .executeTakeFirstOrThrow();
    const code = decisionVerificationCode(aid);
    const flags: boolean[] = [];
    for (const [s, extra] of [
      [recipient, {}],
      [byCode, { idNumber: '420102199003077757', aidCode: code.toLowerCase() }],
      // Typing someone's ID number (a suspect's, say) tells nothing about them.
      [byBareId, { idNumber: '420102199003077757' }],
      [plain, { idNumber: '420102199003077757', aidCode: 'ABCDE-FGHJK' }],
    ] as const) {
      const r = await t.request({
        method: 'POST',
        url: `${api}/notary/bookings`,
        payload: { ...booking(slotId), ...extra },
        session: s!,
      });
      expect(r.statusCode, r.body).toBe(200);
      const d = await t.request({
        method: 'GET',
        url: `${api}/notary/bookings/${r.json().id}`,
        session: s!,
      });
      flags.push(d.json().booking.feeWaiver);
    }
    expect(flags).toEqual([true, true, false, false]);
  });
});

describe('pausing the clock for supplementary materials (公证法 第三十条)', () => {
  it('moves the deadline out by the working days the clock was paused', async () => {
    t.clock.set('2026-03-09T00:30:00Z');
    await signInStaff();
    const slotId = await slot('2026-03-09', 1, 'jicheng', '15:00');
    const [citizen] = await citizens(1);
    const b = await t.request({
      method: 'POST',
      url: `${api}/notary/bookings`,
      payload: booking(slotId),
      session: citizen!,
    });
    expect(b.statusCode, b.body).toBe(200);
    const id = b.json().id as number;
    const post = (e: string) =>
      t.request({ method: 'POST', url: `${api}/notary/bookings/${id}/${e}`, session: staff });
    expect((await post('accept')).statusCode).toBe(200);
    t.clock.set('2026-03-10T02:00:00Z');
    await signInStaff();
    expect((await post('suspend')).statusCode).toBe(200);
    t.clock.set('2026-03-13T02:00:00Z');
    await signInStaff();
    expect((await post('resume')).statusCode).toBe(200);
    const d = await t.request({
      method: 'GET',
      url: `${api}/notary/bookings/${id}`,
      session: citizen!,
    });
    // Due 3.30 when accepted on 3.9; paused 3.10 → 3.13 (3 working days), so due 4.2.
    expect(d.json().booking).toMatchObject({
      status: 'accepted',
      dueOn: '2026-04-02',
      pausedOn: null,
    });
    expect((await post('resume')).json().error.code).toBe('invalid_transition');
  });
});
