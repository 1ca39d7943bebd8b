import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../notify/deliver.js';
import { logProvider } from '../notify/providers.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { applicationBody, event, idNumber } from '../test/aid-api.js';
import { backfillSupplementDelivery } from './migrations.js';
import { sweepAid } from './sweep.js';

/**
 * A window applicant has no account: the one 补正 notice must still reach them (SMS through the outbox,
 * or on paper as staff record), and 视为撤回 may only follow a delivered notice, its period counted from
 * the delivery (法律援助法 Art. 43 ¶2).
 */
let t: TestApp;
let officer: Session;
const sent: string[] = [];
const sms = {
  sms: logProvider('sms', (e) => sent.push(String(e.to))),
  wechat: logProvider('wechat', () => undefined),
};

beforeAll(async () => {
  t = await createTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  t.clock.set('2026-05-04T02:00:00Z');
  officer = await t.signIn('aid_officer', { agencyCode: 'jianghan' });
});
afterAll(() => t.close());

async function windowCase(phone: string): Promise<number> {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: officer,
    payload: applicationBody({ applicant: { name: '王小梅', idNumber: idNumber(), phone } }),
  });
  if (r.statusCode !== 200) throw new Error(r.body);
  const id = r.json().id as number;
  const s = await event(t, officer, id, {
    type: 'request_supplement',
    items: ['劳动合同或工资条'],
    supplementDays: 15,
  });
  expect(s.json()).toMatchObject({ status: 'awaiting_supplement' });
  return id;
}

const statusOf = async (id: number) =>
  (
    await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: officer })
  ).json().application;

describe('补正 to an applicant without an account', () => {
  it('sends the notice by SMS and counts the period from the day the gateway took it', async () => {
    t.clock.set('2026-05-04T02:00:00Z');
    const id = await windowCase('13700001111');
    t.clock.set('2026-05-06T02:00:00Z'); // the gateway was down until now
    expect(await deliverDue(t.ctx, sms, 'w1')).toMatchObject({ sent: 1 });
    expect(sent).toContain('137****1111');
    await sweepAid(t.ctx);
    const a = await statusOf(id);
    expect(a.supplement.deadline).toBe('2026-05-21'); // 05-06 + 15 days, not 05-19
    expect(a.supplement.deliveredAt).toBe('2026-05-06T02:00:00.000Z');
    expect(a.timeline.at(-1)).toMatchObject({ event: 'record_delivery', note: '送达方式：短信' });
    t.clock.set('2026-05-20T02:00:00Z');
    expect((await sweepAid(t.ctx)).withdrawn).not.toContain(id);
    t.clock.set('2026-05-22T02:00:00Z');
    expect((await sweepAid(t.ctx)).withdrawn).toContain(id);
  });

  it('never withdraws on an undelivered notice; a paper notice recorded by staff starts the period', async () => {
    t.clock.set('2026-05-04T02:00:00Z');
    const id = await windowCase('13700002222');
    expect((await statusOf(id)).supplement.deliveredAt).toBeNull();
    // The SMS gateway never took it (no delivery round ran), and the period it named is long past.
    t.clock.set('2026-06-30T02:00:00Z');
    const sweep = await sweepAid(t.ctx);
    expect(sweep.withdrawn).not.toContain(id);
    expect(sweep.failed).not.toContain(id);
    const manual = await event(t, officer, id, { type: 'supplement_expired' });
    expect(manual.statusCode).toBe(400);
    expect(manual.json().error.code).toBe('aid_notice_undelivered');

    const noChannel = await event(t, officer, id, { type: 'record_delivery' });
    expect(noChannel.statusCode).toBe(400);
    const handed = await event(t, officer, id, {
      type: 'record_delivery',
      deliveryChannel: 'in_person',
    });
    expect(handed.json()).toMatchObject({ status: 'awaiting_supplement' });
    expect((await statusOf(id)).supplement.deadline).toBe('2026-07-15');
    t.clock.set('2026-07-16T02:00:00Z');
    expect((await sweepAid(t.ctx)).withdrawn).toContain(id);
  });
});

describe('migration 0370 on notices sent before it', () => {
  it('counts an account holder’s notice as delivered when sent, a window applicant’s as not delivered', async () => {
    t.clock.set('2026-07-20T02:00:00Z');
    const citizen = await t.signIn('citizen');
    const online = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({
        applicant: { name: '王小梅', idNumber: idNumber(), phone: '13700003333' },
      }),
    });
    expect(online.statusCode).toBe(200);
    const own = online.json().id as number;
    await event(t, officer, own, { type: 'request_supplement', items: ['工资条'] });
    const window = await windowCase('13700004444');
    // As the rows stood before the column existed.
    await t.ctx.db
      .updateTable('aid_applications')
      .set({ supplement_delivered_at: null })
      .where('id', 'in', [own, window])
      .execute();
    await backfillSupplementDelivery(t.ctx.db);
    expect((await statusOf(own)).supplement.deliveredAt).toBe('2026-07-20T02:00:00.000Z');
    expect((await statusOf(window)).supplement.deliveredAt).toBeNull();
  });
});
