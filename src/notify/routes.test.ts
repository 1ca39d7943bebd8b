/** A person's inbox and preferences: only their own messages, bad settings refused with a Chinese message. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { enqueueNotification } from './service.js';

let t: TestApp;
let alice: Session, bob: Session, admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  alice = await t.signIn('citizen');
  bob = await t.signIn('citizen');
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const note = (userId: number, ref: number) =>
  enqueueNotification(t.ctx.db, {
    kind: 'test.inbox',
    userId,
    title: `通知${ref}`,
    body: '正文',
    refType: 'test',
    refId: ref,
  });

describe('inbox', () => {
  it("lists only the person's own messages, newest first, and marks only their own read", async () => {
    await note(alice.userId, 1);
    await note(alice.userId, 2);
    await note(bob.userId, 3);
    const mine = await t.request({
      method: 'GET',
      url: '/api/v1/me/notifications',
      session: alice,
    });
    expect(mine.statusCode).toBe(200);
    const items = mine.json<{ items: { id: number; title: string; readAt: string | null }[] }>()
      .items;
    expect(items.map((i) => i.title)).toEqual(['通知2', '通知1']);
    const bobs = (
      await t.request({ method: 'GET', url: '/api/v1/me/notifications', session: bob })
    ).json<{ items: { id: number }[] }>().items;
    expect(bobs).toHaveLength(1);

    // Alice names Bob's message too: only hers change.
    const read = await t.request({
      method: 'POST',
      url: '/api/v1/me/notifications/read',
      session: alice,
      payload: { ids: [items[0]!.id, bobs[0]!.id] },
    });
    expect(read.json()).toEqual({ updated: 1 });
    const unread = await t.request({
      method: 'GET',
      url: '/api/v1/me/notifications?unread=1',
      session: bob,
    });
    expect(unread.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await t.request({ method: 'GET', url: '/api/v1/me/notifications' })).statusCode).toBe(
      401,
    );
  });
});

describe('preferences', () => {
  it('keeps what the person chose and refuses half a quiet window', async () => {
    const put = (payload: Record<string, unknown>) =>
      t.request({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        session: alice,
        payload,
      });
    const ok = await put({ sms: false, wechat: true, quietStart: '21:00', quietEnd: '07:30' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ sms: false, wechat: true, quietStart: '21:00', quietEnd: '07:30' });
    const bad = await put({ sms: true, wechat: true, quietStart: '21:00', quietEnd: null });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{
      error: { details: { fields: { path: string; message: string }[] } };
    }>().error.details.fields;
    expect(fields).toEqual([
      expect.objectContaining({ path: 'quietEnd', message: '免打扰时段须同时填写开始和结束时间' }),
    ]);
    const wrong = await put({ sms: true, wechat: true, quietStart: '25:00', quietEnd: '07:00' });
    expect(wrong.statusCode).toBe(400);
  });

  it('shows the delivery log to administrators only', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/admin/notify/log', session: admin }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/admin/notify/log', session: alice }))
        .statusCode,
    ).toBe(403);
  });
});
