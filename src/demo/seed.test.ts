/** @module Demo mode: marked 示例数据 seeded once through the areas' services, visible in the API; off by default. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../directory/workdays.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';

let t: TestApp;
const logged: string[] = [];
const log = { info: (m: string) => void logged.push(m) };
beforeAll(async () => {
  t = await createTestApp({ DEMO_MODE: 'true' });
  t.clock.set('2026-03-02T02:00:00Z');
});
afterAll(() => t.close());

describe('demo mode', () => {
  it('seeds communities with advisers, a month of 法指针, notary slots and aid cases in several states', async () => {
    expect(await seedDemo(t.ctx, log)).toBe(true);
    expect(logged.join('\n')).toContain(DEMO_PASSWORD);
    const db = t.ctx.db;
    const communities = await db
      .selectFrom('consult_communities as c')
      .innerJoin('consult_assignments as a', 'a.community_id', 'c.id')
      .select(['c.name'])
      .execute();
    expect(communities.map((c) => c.name).sort()).toEqual([
      '珞珈山社区（示例）',
      '石牌岭村（示例）',
    ]);
    const slots = await db.selectFrom('notary_slots').select(['date', 'capacity']).execute();
    expect(slots).toHaveLength(10);
    expect(slots.every((s) => s.date > chinaDate(t.ctx.now()))).toBe(true);
    // Last year's report cases (ref 示例-YYYY-NNNN, all closed) are checked in aid/figures/demo.test.ts.
    const aid = await db
      .selectFrom('aid_applications')
      .select(['status', 'case_facts'])
      .where('ref_no', 'not like', '示例-%')
      .execute();
    expect(new Set(aid.map((a) => a.status))).toEqual(
      new Set(['received', 'under_review', 'granted', 'withdrawn']),
    );
    expect(aid.every((a) => a.case_facts.startsWith('（示例）'))).toBe(true);

    const admin = await t.signIn('admin');
    const b = await t.request({
      method: 'GET',
      url: '/api/v1/consult/bulletin/2026-03',
      session: admin,
    });
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json().bulletin.online).toMatchObject({ questions: 3, answered: 3 });
  });

  it('seeds once: a second start leaves the data as it is', async () => {
    const before = await t.ctx.db.selectFrom('aid_applications').select('id').execute();
    expect(await seedDemo(t.ctx, log)).toBe(false);
    expect(await t.ctx.db.selectFrom('aid_applications').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('says so in /health, and the demo accounts can sign in', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/health' })).json().demo).toBe(true);
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo_citizen', password: DEMO_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().user.displayName).toContain('示例');
  });
});

describe('without demo mode', () => {
  it('is off by default, and a citizen notice without a corpus holds no developer instructions', async () => {
    const plain = await createTestApp();
    try {
      const h = (await plain.request({ method: 'GET', url: '/api/v1/health' })).json();
      expect(h.demo).toBe(false);
      expect(h.corpus.loaded).toBe(false);
      expect(h.corpus.notice).toContain('12348');
      expect(h.corpus.notice).not.toMatch(/npm|LAWS_DIR|laws:/);
      expect(h.corpus.message).toMatch(/npm run laws:(import|fetch)/);
    } finally {
      await plain.close();
    }
  });
});
