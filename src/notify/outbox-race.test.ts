/**
 * Two senders on one database deliver every message exactly once. On PostgreSQL the second sender has its
 * own connection pool over the same schema (a second server process); on SQLite (one process by design)
 * both senders share the one connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestContext, testConfig, type TestClock } from '../test/db.js';
import { startProviderServer, type ProviderServer } from '../test/provider-server.js';
import { deliverDue } from './deliver.js';
import { httpSmsProvider } from './providers.js';
import { claimDue } from './repository.js';
import { enqueueNotification } from './service.js';

const PG = process.env.TEST_DATABASE_URL;
const COUNT = 120;

let a: { ctx: AppContext; clock: TestClock; close: () => Promise<void> };
let b: AppContext;
let otherData: DataLayer | null = null;
let gw: ProviderServer;

beforeAll(async () => {
  a = await createTestContext();
  a.clock.set('2026-12-02T02:00:00Z');
  if (PG) {
    otherData = openPostgres(PG, a.ctx.data.schema);
    b = createContext(testConfig(), otherData, () => a.clock.now());
  } else b = a.ctx;
  gw = await startProviderServer();
});
afterAll(async () => {
  await gw.close();
  await otherData?.close();
  await a.close();
});

const sms = () => ({
  sms: httpSmsProvider(`${gw.url}/sms`, undefined, '测试'),
  wechat: httpSmsProvider(`${gw.url}/wx`, undefined, '测试'),
});

describe('two senders', () => {
  it('send each of many messages once', async () => {
    for (let i = 0; i < COUNT; i++) {
      await enqueueNotification(
        a.ctx.db,
        {
          kind: 'test.race',
          phone: `1380000${String(i).padStart(4, '0')}`,
          title: '通知',
          body: `第${i}条`,
          refType: 'race',
          refId: i,
          dedupeKey: `race:${i}`,
        },
        a.clock.now(),
      );
    }
    const rounds = async (ctx: AppContext, worker: string) => {
      let sent = 0;
      for (;;) {
        const r = await deliverDue(ctx, sms(), worker);
        sent += r.sent;
        if (r.sent + r.retried + r.failed === 0) return sent;
      }
    };
    const [x, y] = await Promise.all([rounds(a.ctx, 'worker-a'), rounds(b, 'worker-b')]);
    expect(x + y).toBe(COUNT);
    const keys = gw.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(COUNT);
    expect(new Set(keys).size).toBe(COUNT);
    const left = await a.ctx.db
      .selectFrom('notify_outbox')
      .select('id')
      .where('ref_type', '=', 'race')
      .where('status', '!=', 'sent')
      .execute();
    expect(left).toEqual([]);
  });

  it("hand a dead sender's messages to the other once its lease has run out", async () => {
    await enqueueNotification(
      a.ctx.db,
      {
        kind: 'test.lease',
        phone: '13800009999',
        title: '通知',
        body: '租约',
        refType: 'lease',
        refId: 1,
        dedupeKey: 'lease:1',
      },
      a.clock.now(),
    );
    const now = a.clock.now();
    // worker-a claims and dies without answering.
    const claimed = await claimDue(
      a.ctx.db,
      a.ctx.dialect,
      'worker-a',
      now.toISOString(),
      new Date(now.getTime() + 60_000).toISOString(),
      10,
    );
    expect(claimed.map((r) => r.ref_id)).toEqual(['1']);
    expect(await deliverDue(b, sms(), 'worker-b')).toMatchObject({ sent: 0 });
    a.clock.advance(61_000);
    expect(await deliverDue(b, sms(), 'worker-b')).toMatchObject({ sent: 1 });
    const row = await a.ctx.db
      .selectFrom('notify_outbox')
      .select(['status', 'attempts'])
      .where('ref_type', '=', 'lease')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', attempts: 2 });
  });
});
