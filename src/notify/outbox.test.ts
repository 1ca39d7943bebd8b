/** The outbox: queued in the causing transaction, one row per key and channel, delivered once, held in quiet hours. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../auth/service.js';
import { linkIdentity } from '../auth/identities.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { startProviderServer, type ProviderServer } from '../test/provider-server.js';
import { deliverDue } from './deliver.js';
import { httpSmsProvider, wechatProvider, type Provider } from './providers.js';
import { enqueueNotification, noticeDeliveries, setPreferences } from './service.js';

let t: TestApp;
let gw: ProviderServer;
let providers: Record<'sms' | 'wechat', Provider>;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  gw = await startProviderServer();
  providers = {
    sms: httpSmsProvider(`${gw.url}/sms`, 'secret-token', '武汉12348'),
    wechat: wechatProvider({ base: gw.url, appId: 'wx1', secret: 's', templateId: 'tpl-1' }),
  };
});
afterAll(async () => {
  await gw.close();
  await t.close();
});

/** A citizen with a phone (and, when asked, a WeChat openid). */
async function person(opts: { wechat?: boolean } = {}): Promise<{ id: number; phone: string }> {
  const n = ++seq;
  const phone = `1390000${String(1000 + n).slice(-4)}`;
  const id = await createUser(t.ctx, {
    username: `notify_${process.pid}_${n}`,
    password: 'correct-horse-9',
    role: 'citizen',
    displayName: `居民${n}`,
    phone,
  });
  if (opts.wechat)
    await linkIdentity(t.ctx.db, id, 'wechat', `openid-${n}`, new Date().toISOString());
  return { id, phone };
}

const message = (userId: number | null, ref: number, extra: Record<string, unknown> = {}) => ({
  kind: 'test.event',
  userId,
  title: '测试通知',
  body: '您的申请需要补正材料，请于15日内提交。',
  refType: 'test',
  refId: ref,
  dedupeKey: `test.event:${ref}`,
  ...extra,
});

const deliver = () => deliverDue(t.ctx, providers, 'worker-a');

// Each test counts only its own messages: what earlier tests left queued is set aside first.
beforeEach(async () => {
  await t.ctx.db
    .updateTable('notify_outbox')
    .set({ status: 'failed' })
    .where('status', '=', 'pending')
    .execute();
  gw.answers = [];
});
// 10:00 China time: outside the default quiet hours (22:00–08:00).
const DAYTIME = '2026-12-02T02:00:00Z';

describe('queueing', () => {
  it('writes nothing when the causing transaction rolls back', async () => {
    const p = await person();
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await enqueueNotification(trx, message(p.id, 1001));
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await noticeDeliveries(t.ctx.db, 'test', 1001)).toEqual([]);
  });

  it('reaches an account in-app at once and by SMS and WeChat through the worker; a repeated key adds nothing', async () => {
    t.clock.set(DAYTIME);
    const p = await person({ wechat: true });
    const first = await t.ctx.db
      .transaction()
      .execute((trx) => enqueueNotification(trx, message(p.id, 1002), t.clock.now()));
    expect(first).toEqual(['inapp', 'sms', 'wechat']);
    await enqueueNotification(t.ctx.db, message(p.id, 1002), t.clock.now());
    const before = await noticeDeliveries(t.ctx.db, 'test', 1002);
    expect(before.map((d) => [d.channel, d.status])).toEqual([
      ['inapp', 'sent'],
      ['sms', 'pending'],
      ['wechat', 'pending'],
    ]);

    const sent = gw.received.length;
    const r = await deliver();
    expect(r).toMatchObject({ sent: 2, failed: 0, retried: 0 });
    const got = gw.received.slice(sent);
    const sms = got.find((g) => g.path === '/sms');
    expect(sms?.body).toMatchObject({
      to: p.phone,
      text: '【武汉12348】您的申请需要补正材料，请于15日内提交。',
    });
    expect(sms?.headers.authorization).toBe('Bearer secret-token');
    expect(sms?.headers['idempotency-key']).toMatch(/^outbox-\d+$/);
    const wx = got.find((g) => g.path === '/cgi-bin/message/template/send');
    expect(wx?.body).toMatchObject({
      touser: `openid-${seq}`,
      template_id: 'tpl-1',
      data: { first: { value: '测试通知' } },
    });
    expect((await noticeDeliveries(t.ctx.db, 'test', 1002)).every((d) => d.status === 'sent')).toBe(
      true,
    );
    // Nothing is left to send: a second round sends nothing more.
    expect(await deliver()).toMatchObject({ sent: 0 });
  });

  it('reaches a window applicant without an account by SMS alone, and nobody without a phone', async () => {
    expect(
      await enqueueNotification(t.ctx.db, message(null, 1003, { phone: '13912345678' })),
    ).toEqual(['sms']);
    expect(await enqueueNotification(t.ctx.db, message(null, 1004))).toEqual([]);
    expect(await enqueueNotification(t.ctx.db, message(null, 1005, { phone: '027-1234' }))).toEqual(
      [],
    );
  });

  it('leaves out the channels a person turned off', async () => {
    const p = await person({ wechat: true });
    await setPreferences(t.ctx.db, p.id, {
      sms: false,
      wechat: true,
      quietStart: null,
      quietEnd: null,
    });
    expect(await enqueueNotification(t.ctx.db, message(p.id, 1006))).toEqual(['inapp', 'wechat']);
  });
});

describe('delivery', () => {
  it('retries a gateway failure with a backoff, fails for good on a refused message, and logs each attempt', async () => {
    t.clock.set(DAYTIME);
    const a = await person();
    const b = await person();
    await enqueueNotification(t.ctx.db, message(a.id, 2001), t.clock.now());
    await enqueueNotification(t.ctx.db, message(b.id, 2002), t.clock.now());
    gw.answers = [503, 400];
    const r1 = await deliver();
    expect(r1).toMatchObject({ sent: 0, retried: 1, failed: 1 });
    const [retried] = (await noticeDeliveries(t.ctx.db, 'test', 2001)).filter(
      (d) => d.channel === 'sms',
    );
    const [refused] = (await noticeDeliveries(t.ctx.db, 'test', 2002)).filter(
      (d) => d.channel === 'sms',
    );
    expect(retried?.status).toBe('pending');
    expect(refused?.status).toBe('failed');
    // Not due yet: the first retry waits a minute.
    expect(await deliver()).toMatchObject({ sent: 0, retried: 0 });
    t.clock.advance(61_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    const log = await t.ctx.db
      .selectFrom('notify_log as l')
      .innerJoin('notify_outbox as o', 'o.id', 'l.outbox_id')
      .select(['o.ref_id', 'l.outcome', 'l.detail'])
      .where('o.ref_type', '=', 'test')
      .where('o.ref_id', 'in', ['2001', '2002'])
      .orderBy('l.id')
      .execute();
    expect(log.map((l) => [l.ref_id, l.outcome])).toEqual([
      ['2001', 'retry'],
      ['2002', 'failed'],
      ['2001', 'sent'],
    ]);
    expect(log[0]?.detail).toBe('短信网关返回 503');
  });

  it('marks a message failed after the configured number of attempts', async () => {
    t.clock.set(DAYTIME);
    const p = await person();
    await enqueueNotification(t.ctx.db, message(p.id, 2003), t.clock.now());
    gw.answers = [500, 500, 500, 500, 500, 500];
    // Each wait is the backoff after that attempt (1, 5, 15, 60, 240 minutes), plus a minute.
    for (const wait of [1, 5, 15, 60, 240, 240]) {
      expect(await deliver()).toMatchObject({ sent: 0, held: 0 });
      t.clock.advance((wait + 1) * 60_000);
    }
    gw.answers = [];
    const sms = (await noticeDeliveries(t.ctx.db, 'test', 2003)).find((d) => d.channel === 'sms');
    expect(sms?.status).toBe('failed');
    const row = await t.ctx.db
      .selectFrom('notify_outbox')
      .select('attempts')
      .where('ref_id', '=', '2003')
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(t.ctx.config.NOTIFY_MAX_ATTEMPTS);
  });

  it('holds a message through quiet hours until 08:00 China time, but not an urgent one', async () => {
    // 23:30 China time.
    t.clock.set('2026-12-02T15:30:00Z');
    const p = await person();
    await enqueueNotification(t.ctx.db, message(p.id, 2004), t.clock.now());
    await enqueueNotification(t.ctx.db, message(p.id, 2005, { urgent: true }), t.clock.now());
    const r = await deliver();
    expect(r).toMatchObject({ sent: 1, held: 1 });
    const held = await t.ctx.db
      .selectFrom('notify_outbox')
      .select(['status', 'next_attempt_at', 'attempts'])
      .where('ref_id', '=', '2004')
      .where('channel', '=', 'sms')
      .executeTakeFirstOrThrow();
    expect(held).toEqual({
      status: 'pending',
      next_attempt_at: '2026-12-03T00:00:00.000Z',
      attempts: 0,
    });
    t.clock.set('2026-12-03T00:00:00Z');
    expect(await deliver()).toMatchObject({ sent: 1, held: 0 });
  });

  it('gets a new WeChat token when the old one is refused', async () => {
    t.clock.set(DAYTIME);
    const p = await person({ wechat: true });
    await setSmsOff(p.id);
    await enqueueNotification(t.ctx.db, message(p.id, 2006), t.clock.now());
    const tokens = gw.tokensIssued;
    gw.answers = [40001];
    expect(await deliver()).toMatchObject({ retried: 1 });
    t.clock.advance(61_000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(gw.tokensIssued).toBe(tokens + 1);
  });

  it('erases a sensitive body once it is delivered', async () => {
    t.clock.set(DAYTIME);
    await enqueueNotification(
      t.ctx.db,
      message(null, 2007, {
        phone: '13912340000',
        sensitive: true,
        urgent: true,
        body: '验证码 123456',
      }),
      t.clock.now(),
    );
    await deliver();
    const row = await t.ctx.db
      .selectFrom('notify_outbox')
      .select(['status', 'body'])
      .where('ref_id', '=', '2007')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', body: '（内容已删除）' });
  });
});

async function setSmsOff(userId: number) {
  await setPreferences(t.ctx.db, userId, {
    sms: false,
    wechat: true,
    quietStart: null,
    quietEnd: null,
  });
}
