import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { applicationBody } from '../test/aid-api.js';
import { sweepAid } from './sweep.js';

let t: TestApp;
let citizen: Session, officer: Session, colleague: Session, disabled: Session;
let elsewhere: Session, admin: Session;

beforeAll(async () => {
  t = await createTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  t.clock.set('2026-04-08T02:00:00Z');
  citizen = await t.signIn('citizen');
  officer = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  colleague = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  disabled = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  elsewhere = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const deadlineMessages = async (s: Session) =>
  (
    (await t.request({ method: 'GET', url: '/api/v1/me/notifications', session: s })).json()
      .items as { kind: string; title: string; body: string }[]
  ).filter((m) => m.kind === 'aid.deadline');

describe('deadline reminders reach each officer of the office through the outbox', () => {
  it('tells every enabled officer of the deciding office once per step and due date', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({ handlingDistrict: '武昌区' }),
    });
    expect(r.statusCode).toBe(200);
    const off = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${disabled.userId}/disable`,
      session: admin,
      payload: { reason: '调离岗位' },
    });
    expect(off.statusCode).toBe(200);

    t.clock.set('2026-04-14T02:00:00Z'); // received 04-08, 7 days: due 04-15, one day left
    await sweepAid(t.ctx);
    await sweepAid(t.ctx);
    for (const s of [officer, colleague]) {
      const soon = await deadlineMessages(s);
      expect(soon).toHaveLength(1);
      expect(soon[0]).toMatchObject({ title: '法律援助案件即将到期' });
      expect(soon[0]!.body).toContain('应于 2026-04-15 前作出是否给予法律援助的决定');
    }
    expect(await deadlineMessages(elsewhere)).toHaveLength(0);
    const disabledRows = await t.ctx.db
      .selectFrom('notify_outbox')
      .select('id')
      .where('user_id', '=', disabled.userId)
      .execute();
    expect(disabledRows).toHaveLength(0);

    t.clock.set('2026-04-16T02:00:00Z'); // past the due date: one overdue message more
    await sweepAid(t.ctx);
    await sweepAid(t.ctx);
    const after = await deadlineMessages(officer);
    expect(after.map((m) => m.title).sort()).toEqual(
      ['法律援助案件已超期', '法律援助案件即将到期'].sort(),
    );
  });
});
