/**
 * The 12348 hotline queue's claim: one staff member takes a question first (a status-checked write), the
 * second gets 409 `already_claimed`, and only the claimant (or an administrator) replies or classifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { sweep } from './escalation.js';
import { json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
let officer1: Session;
let officer2: Session;
beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  t.clock.set('2026-11-02T02:00:00Z');
  officer1 = await t.signIn('aid_officer', { displayName: '热线甲' });
  officer2 = await t.signIn('aid_officer', { displayName: '热线乙' });
});
afterAll(() => t.close());

const MIN = 60_000;
async function hotlineQuestion(): Promise<number> {
  const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
    body: '公司拖欠三个月工资，老板不接电话，怎么办？',
  });
  expect(r.status).toBe(200);
  t.clock.advance(11 * MIN);
  await sweep(t.ctx);
  t.clock.advance(21 * MIN);
  expect((await sweep(t.ctx)).toHotline).toContain(r.body.id);
  return r.body.id;
}
const claim = (s: Session, id: number) => json(t, s, 'POST', `/consult/questions/${id}/claim`);
const reply = (s: Session, id: number, body = '您好，这里是 12348 热线。') =>
  json<{ first: boolean }>(t, s, 'POST', `/consult/questions/${id}/messages`, { body });

describe('claiming from the 12348 hotline queue', () => {
  it('lets exactly one of two staff claim at once; the other gets 409 already_claimed', async () => {
    const id = await hotlineQuestion();
    const [a, b] = await Promise.all([claim(officer1, id), claim(officer2, id)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 200 ? b : a;
    expect(loser.body).toMatchObject({ error: { code: 'already_claimed' } });
    const events = await t.ctx.db
      .selectFrom('consult_events')
      .select('kind')
      .where('question_id', '=', id)
      .where('kind', '=', 'claimed_hotline')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('answers a later claim with 409 and lets only the claimant reply', async () => {
    const id = await hotlineQuestion();
    expect((await claim(officer1, id)).status).toBe(200);
    const again = await claim(officer2, id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_claimed' } });
    expect((await reply(officer2, id)).status).toBe(403);
    const c = await json(t, officer2, 'POST', `/consult/questions/${id}/classify`, {
      category: 'consultation',
    });
    expect(c.status).toBe(403);
    const mine = await reply(officer1, id);
    expect(mine.status).toBe(200);
    expect(mine.body.first).toBe(true);
    const q = await json<{ question: { hotlineClaimedBy: number | null; actions: string[] } }>(
      t,
      officer1,
      'GET',
      `/consult/questions/${id}`,
    );
    expect(q.body.question.hotlineClaimedBy).toBe(officer1.userId);
    // answered: nothing left to claim
    expect(q.body.question.actions).not.toContain('claim');
  });

  it('refuses a reply from staff who have not claimed, and lets an administrator step in', async () => {
    const id = await hotlineQuestion();
    expect((await reply(officer1, id)).status).toBe(403);
    const admin = await reply(area.admin, id, '管理员代为答复。');
    expect(admin.status).toBe(200);
    expect(admin.body.first).toBe(true);
  });

  it('keeps a pool claim from counting as a hotline claim', async () => {
    const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '邻居装修噪音扰民，物业不管怎么办？',
    });
    const id = r.body.id;
    t.clock.advance(11 * MIN);
    await sweep(t.ctx);
    expect((await claim(area.volunteer, id)).status).toBe(200);
    // the volunteer claimed but never answered: the question moves on to the hotline
    t.clock.advance(21 * MIN);
    expect((await sweep(t.ctx)).toHotline).toContain(id);
    expect((await reply(officer1, id)).status).toBe(403);
    expect((await claim(officer1, id)).status).toBe(200);
    expect((await reply(officer1, id)).status).toBe(200);
    // a pool question is not claimable by hotline staff
    const p = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '物业费涨价没有公示，可以不交吗？',
    });
    t.clock.advance(11 * MIN);
    await sweep(t.ctx);
    expect((await claim(officer1, p.body.id)).status).toBe(404);
  });
});
