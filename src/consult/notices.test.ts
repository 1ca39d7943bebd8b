/**
 * 法指针 messages through the outbox: a new question reaches the community's lawyer, a reply the resident,
 * an escalation the pool's volunteers or the district's 12348 staff — each written with its event, and
 * none when the event's transaction rolls back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { sweep } from './escalation.js';
import { json, setUpArea, type Area } from '../test/consult.js';

const MIN = 60_000;
let t: TestApp;
let area: Area;
let hongshan: Session;
let city: Session;
beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  hongshan = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  city = await t.signIn('aid_officer', { agencyCode: 'city' });
  t.clock.set('2026-11-02T02:00:00Z');
});
afterAll(() => t.close());

/** The in-app copies queued for a question, as [kind, recipient]. */
async function inbox(questionId: number): Promise<[string, number | null][]> {
  const rows = await t.ctx.db
    .selectFrom('notify_outbox')
    .select(['kind', 'user_id'])
    .where('ref_type', '=', 'consult_question')
    .where('ref_id', '=', String(questionId))
    .where('channel', '=', 'inapp')
    .orderBy('id')
    .execute();
  return rows.map((r) => [r.kind, r.user_id]);
}
async function ask(body = '房东不退押金，合同写明到期退还，怎么办？') {
  const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', { body });
  expect(r.status).toBe(200);
  return r.body.id;
}

describe('法指针 notifications', () => {
  it('tells the community lawyer of a new question and the resident of the reply', async () => {
    const id = await ask();
    expect(await inbox(id)).toEqual([['consult.asked', area.lawyerA.userId]]);
    // the resident's own follow-up tells nobody new
    await json(t, area.resident, 'POST', `/consult/questions/${id}/messages`, { body: '补充一句' });
    expect(await inbox(id)).toHaveLength(1);
    const r = await json(t, area.lawyerA, 'POST', `/consult/questions/${id}/messages`, {
      body: '可以要求返还押金。',
    });
    expect(r.status).toBe(200);
    expect(await inbox(id)).toEqual([
      ['consult.asked', area.lawyerA.userId],
      ['consult.replied', area.resident.userId],
    ]);
    const sms = await t.ctx.db
      .selectFrom('notify_outbox')
      .select(['body'])
      .where('kind', '=', 'consult.replied')
      .where('ref_id', '=', String(id))
      .executeTakeFirstOrThrow();
    // no case facts in a message
    expect(sms.body).not.toContain('押金');
  });

  it('tells the pool volunteers, then the district’s 12348 staff, as the question moves on', async () => {
    const id = await ask('公司拖欠三个月工资，老板不接电话，怎么办？');
    t.clock.advance(10 * MIN);
    expect((await sweep(t.ctx)).toPool).toContain(id);
    t.clock.advance(20 * MIN);
    expect((await sweep(t.ctx)).toHotline).toContain(id);
    const kinds = await inbox(id);
    expect(kinds.filter(([k]) => k === 'consult.escalated_pool').map(([, u]) => u)).toEqual(
      [area.volunteer.userId, area.volunteer2.userId].sort((a, b) => a - b),
    );
    // 洪山区's office, not the city office's officer
    expect(kinds.filter(([k]) => k === 'consult.escalated_hotline')).toEqual([
      ['consult.escalated_hotline', hongshan.userId],
    ]);
    expect(kinds.some(([, u]) => u === city.userId)).toBe(false);
    // a second sweep queues nothing more
    t.clock.advance(60 * MIN);
    await sweep(t.ctx);
    expect(await inbox(id)).toHaveLength(kinds.length);
  });

  it('queues no message when the escalation’s transaction rolls back', async () => {
    const id = await ask('邻居装修噪音扰民，物业不管怎么办？');
    // Another process already recorded this question's escalation: the unique index refuses a second
    // one, so this sweep's transaction (move, messages, events) fails and rolls back as a whole.
    await t.ctx.db
      .insertInto('consult_events')
      .values({ question_id: id, kind: 'escalated_pool', actor_id: null, detail: null, at: 'x' })
      .execute();
    t.clock.advance(11 * MIN);
    await expect(sweep(t.ctx)).rejects.toThrow();
    expect(await inbox(id)).toEqual([['consult.asked', area.lawyerA.userId]]);
    const q = await t.ctx.db
      .selectFrom('consult_questions')
      .select('stage')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(q.stage).toBe('community');
  });
});
