/** @module An identical application submitted while the first is open gets a warning (409) unless confirmed; others' are never revealed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { applicationBody, event } from '../test/aid-api.js';

let t: TestApp;
let citizen: Session, other: Session, officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T02:00:00Z');
  citizen = await t.signIn('citizen');
  other = await t.signIn('citizen');
  officer = await t.signIn('aid_officer', { agencyCode: 'jianghan' });
});
afterAll(() => t.close());

const submit = (s: Session, body: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/aid/applications', session: s, payload: body });
const count = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('aid_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a repeated application', () => {
  const facts = '装修公司拖欠工资一万二千元，已催讨三个月未果，现申请法律援助。';
  it('warns with the first one’s number and writes nothing; confirming submits it', async () => {
    const first = await submit(citizen, applicationBody({ caseFacts: facts }));
    expect(first.statusCode).toBe(200);
    const before = await count();
    const again = await submit(citizen, applicationBody({ caseFacts: facts }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'duplicate_application',
      details: { existingId: first.json().id, refNo: first.json().refNo },
    });
    expect(again.json().error.message).toContain(first.json().refNo);
    expect(await count()).toBe(before);
    const confirmed = await submit(
      citizen,
      applicationBody({ caseFacts: facts, confirmDuplicate: true }),
    );
    expect(confirmed.statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('does not count different facts, another citizen’s application, or one withdrawn', async () => {
    const mine = 'A 公司拖欠工资八千元，劳动合同已经解除，申请法律援助追讨。';
    expect((await submit(citizen, applicationBody({ caseFacts: mine }))).statusCode).toBe(200);
    expect((await submit(citizen, applicationBody({ caseFacts: `${mine}补充` }))).statusCode).toBe(
      200,
    );
    // The same facts and ID from another account: no warning, so nothing about the first leaks.
    expect((await submit(other, applicationBody({ caseFacts: mine }))).statusCode).toBe(200);

    const w = 'B 公司拖欠工资五千元，申请法律援助，后来自行和解撤回申请。';
    const first = await submit(citizen, applicationBody({ caseFacts: w }));
    const out = await event(t, citizen, first.json().id, { type: 'withdraw' });
    expect(out.statusCode, out.body).toBe(200);
    expect((await submit(citizen, applicationBody({ caseFacts: w }))).statusCode).toBe(200);
  });

  it('warns an officer registering the same person’s matter twice at the window', async () => {
    const facts2 = 'C 公司拖欠工资三千元，申请人到窗口口头申请法律援助。';
    const body = applicationBody({ caseFacts: facts2, channel: 'window' });
    expect((await submit(officer, body)).statusCode).toBe(200);
    expect((await submit(officer, body)).json().error.code).toBe('duplicate_application');
  });
});
