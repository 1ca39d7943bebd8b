/**
 * 通知辩护 over HTTP: a court's notice registered once, assigned to a roster lawyer (Art. 26 for
 * life-or-death cases), the organ told, the 3-day clock and the overdue list; a forwarded request's 24
 * hours (Art. 39); two officers assigning at once (one wins, the other 409); duty shifts and consultations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLawyer } from '../../test/aid-api.js';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';

let t: TestApp;
let officer: Session, officer2: Session, otherOfficer: Session, admin: Session;
let lawyer: Session, junior: Session;

beforeAll(async () => {
  t = await createTestApp({ SESSION_TTL_HOURS: String(24 * 30) });
  t.clock.set('2026-04-01T02:00:00Z');
  officer = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  officer2 = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  otherOfficer = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  admin = await t.signIn('admin');
  lawyer = await addLawyer(t, officer, { specialties: ['criminal'], yearsExperience: 8 });
  junior = await addLawyer(t, officer, { specialties: ['criminal'], yearsExperience: 1 });
});
afterAll(() => t.close());

const notice = (over: Record<string, unknown> = {}) => ({
  kind: 'notice',
  organType: 'court',
  organName: '武昌区人民法院',
  organContact: '13807100001',
  noticeNo: `（2026）鄂0106刑初${Math.random().toString().slice(2, 8)}号`,
  personName: '张小明',
  charge: '盗窃罪',
  stage: 'trial',
  ground: 'minor',
  ...over,
});
const register = (s: Session, body: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/aid/defence/notices', session: s, payload: body });
const fire = (s: Session, id: number, body: Record<string, unknown>) =>
  t.request({
    method: 'POST',
    url: `/api/v1/aid/defence/notices/${id}/events`,
    session: s,
    payload: body,
  });
const list = async (s: Session, q = '') =>
  (await t.request({ method: 'GET', url: `/api/v1/aid/defence/notices${q}`, session: s })).json()
    .items as { id: number; overdue: boolean; status: string }[];

describe('notices', () => {
  it('registers once, assigns, informs; the clock is three days past the holiday', async () => {
    const body = notice();
    const r = await register(officer, body);
    expect(r.statusCode).toBe(200);
    const n = r.json().notice;
    expect(n).toMatchObject({ status: 'received', dueOn: '2026-04-07', personName: '张**' });
    expect((await register(officer, body)).json().error.code).toBe('defence_notice_exists');
    expect(
      (await fire(otherOfficer, n.id, { type: 'assign', lawyerId: lawyer.userId })).statusCode,
    ).toBe(404);
    const a = await fire(officer, n.id, { type: 'assign', lawyerId: lawyer.userId });
    expect(a.json().notice).toMatchObject({
      status: 'assigned',
      lawyerId: lawyer.userId,
      events: ['reassign', 'inform'],
    });
    expect((await fire(officer, n.id, { type: 'inform' })).json().error.code).toBe(
      'transition_rejected',
    );
    const i = await fire(officer, n.id, { type: 'inform', method: 'letter', note: '已送达指派函' });
    expect(i.json().notice).toMatchObject({
      status: 'informed',
      informMethodLabel: '书面函告',
      informedLate: false,
    });
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'aid_defence_notice')
      .where('entity_id', '=', String(n.id))
      .orderBy('id')
      .execute();
    expect(trail.map((x) => x.action)).toEqual([
      'create',
      'transition:assign',
      'transition:inform',
    ]);
    const sent = await t.ctx.db
      .selectFrom('notify_outbox')
      .select(['kind', 'channel', 'user_id', 'address'])
      .where('ref_type', '=', 'aid_defence_notice')
      .where('ref_id', '=', String(n.id))
      .orderBy('id')
      .execute();
    expect(sent).toEqual([
      { kind: 'aid.defence_assigned', channel: 'inapp', user_id: lawyer.userId, address: null },
      { kind: 'aid.defence_assigned', channel: 'sms', user_id: null, address: '13807100001' },
    ]);
  });

  it('refuses a lawyer off the roster and, for a possible death sentence, one under three years (Art. 26)', async () => {
    const n = (
      await register(officer, notice({ ground: 'life_or_death', stage: 'prosecution' }))
    ).json().notice;
    const stranger = await t.signIn('aid_lawyer');
    expect(
      (await fire(officer, n.id, { type: 'assign', lawyerId: stranger.userId })).json().error.code,
    ).toBe('lawyer_not_on_roster');
    expect(
      (await fire(officer, n.id, { type: 'assign', lawyerId: junior.userId })).json().error.code,
    ).toBe('lawyer_excluded');
    expect(
      (await fire(officer, n.id, { type: 'assign', lawyerId: lawyer.userId })).statusCode,
    ).toBe(200);
  });

  it('shows the officer what is overdue, her agency only', async () => {
    t.clock.set('2026-04-02T02:00:00Z');
    const n = (await register(officer, notice())).json().notice;
    expect(n.dueOn).toBe('2026-04-07');
    t.clock.set('2026-04-07T15:00:00Z'); // 23:00 on the due date
    expect((await list(officer, '?overdue=true')).map((x) => x.id)).not.toContain(n.id);
    t.clock.set('2026-04-08T01:00:00Z');
    const overdue = await list(officer, '?overdue=true');
    expect(overdue.map((x) => x.id)).toContain(n.id);
    expect(overdue.every((x) => x.overdue && x.status !== 'informed')).toBe(true);
    expect(await list(otherOfficer, '?overdue=true')).toHaveLength(0);
    expect((await list(admin, '?overdue=true')).map((x) => x.id)).toContain(n.id);
  });

  it('flags a detained person’s request forwarded after 24 hours (Art. 39)', async () => {
    t.clock.set('2026-04-10T02:00:00Z');
    const late = await register(
      officer,
      notice({
        kind: 'forward',
        organType: 'detention',
        organName: '武汉市第一看守所',
        ground: 'victim_or_forward',
        stage: 'investigation',
        organReceivedAt: '2026-04-09T01:00:00+00:00',
      }),
    );
    expect(late.json().notice.forwardedLate).toBe(true);
    const bad = await register(officer, notice({ kind: 'forward' }));
    expect(bad.statusCode).toBe(400);
  });

  it('two officers assigning at once: one wins, the other gets 409', async () => {
    const n = (await register(officer, notice())).json().notice;
    const [a, b] = await Promise.all([
      fire(officer, n.id, { type: 'assign', lawyerId: lawyer.userId }),
      fire(officer2, n.id, { type: 'assign', lawyerId: junior.userId }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const steps = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'aid_defence_notice')
      .where('entity_id', '=', String(n.id))
      .where('action', '=', 'transition:assign')
      .execute();
    expect(steps).toHaveLength(1);
  });
});

describe('duty lawyers (Art. 30)', () => {
  it('one shift per lawyer per half-day; the lawyer records consultations on her own shift', async () => {
    const shift = {
      lawyerId: lawyer.userId,
      placeType: 'detention_centre',
      placeName: '武昌区看守所',
      onDate: '2026-04-13',
      period: 'am',
    };
    const post = (s: Session, body: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/aid/defence/shifts', session: s, payload: body });
    const r = await post(officer, shift);
    expect(r.statusCode).toBe(200);
    expect((await post(officer, { ...shift, placeName: '武昌区人民法院' })).json().error.code).toBe(
      'duty_shift_taken',
    );
    const id = r.json().id as number;
    const consult = (s: Session) =>
      t.request({
        method: 'POST',
        url: `/api/v1/aid/defence/shifts/${id}/consultations`,
        session: s,
        payload: {
          personName: '李某',
          service: 'custody_change',
          summary: '告知可申请变更强制措施的条件和程序。',
        },
      });
    expect((await consult(lawyer)).statusCode).toBe(200);
    expect((await consult(junior)).statusCode).toBe(404);
    expect((await consult(otherOfficer)).statusCode).toBe(404);
    const shifts = (
      await t.request({
        method: 'GET',
        url: '/api/v1/aid/defence/shifts?from=2026-04-13&to=2026-04-13',
        session: officer,
      })
    ).json().items;
    expect(shifts).toEqual([
      expect.objectContaining({
        id,
        lawyerId: lawyer.userId,
        periodLabel: '上午',
        consultations: 1,
      }),
    ]);
  });
});
