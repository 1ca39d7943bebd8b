/**
 * 考核 credit per lawyer: a reply counts for whoever gave it. A community lawyer whose questions the pool
 * or the 12348 hotline answered is not credited with those replies (nor their ratings); each lawyer's own
 * response time, rate, ratings and offline services — in the bureau's metrics and in the figures the
 * programme (src/programme) reads. Figures worked by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { sweep } from './escalation.js';
import { breakdown } from './metrics.js';
import { adviserConsultFigures } from './programme-contract.js';
import { json, setUpArea, type Area } from '../test/consult.js';

const MIN = 60_000;
let t: TestApp;
let area: Area;
let officer: Session;

async function ask(body: string): Promise<number> {
  const r = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', { body });
  expect(r.status).toBe(200);
  return r.body.id;
}
async function say(s: Session, id: number, body: string) {
  expect((await json(t, s, 'POST', `/consult/questions/${id}/messages`, { body })).status).toBe(
    200,
  );
}
async function rate(id: number, score: number) {
  const r = await json(t, area.resident, 'POST', `/consult/questions/${id}/rating`, { score });
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  officer = await t.signIn('aid_officer', { displayName: '热线员' });
  t.clock.set('2026-10-12T02:00:00Z');
  // Q1 (community A): nobody answers; pool at 10 min, hotline at 30, 12348 claims and answers at 35; rated 5.
  const q1 = await ask('房东不退押金，合同写明到期退还，怎么办？');
  t.clock.advance(10 * MIN);
  await sweep(t.ctx);
  t.clock.advance(20 * MIN);
  await sweep(t.ctx);
  t.clock.advance(5 * MIN);
  expect((await json(t, officer, 'POST', `/consult/questions/${q1}/claim`)).status).toBe(200);
  await say(officer, q1, '您好，这里是 12348 热线。');
  await rate(q1, 5);
  // Q2 (community A): pool at 10 min, the volunteer claims at 12 and answers at 15; rated 4.
  t.clock.advance(60 * MIN);
  const q2 = await ask('公司拖欠三个月工资，老板不接电话，怎么办？');
  t.clock.advance(10 * MIN);
  await sweep(t.ctx);
  t.clock.advance(2 * MIN);
  expect((await json(t, area.volunteer, 'POST', `/consult/questions/${q2}/claim`)).status).toBe(
    200,
  );
  t.clock.advance(3 * MIN);
  await say(area.volunteer, q2, '可以申请劳动仲裁。');
  await rate(q2, 4);
  // Q3 (community A): lawyer A answers after 6 minutes (the resident's follow-up first changes nothing); rated 3.
  t.clock.advance(60 * MIN);
  const q3 = await ask('邻居装修噪音扰民，物业不管怎么办？');
  t.clock.advance(2 * MIN);
  await say(area.resident, q3, '补充：每天早上七点就开始。');
  t.clock.advance(4 * MIN);
  await say(area.lawyerA, q3, '可以先找物业和居委会协调。');
  await rate(q3, 3);
  // offline: A 2 lectures + 1 mediation, the volunteer 1 publicity event
  t.clock.set('2026-10-20T02:00:00Z');
  for (const [s, kind, count] of [
    [area.lawyerA, 'lecture', 2],
    [area.lawyerA, 'mediation', 1],
    [area.volunteer, 'publicity', 1],
  ] as const) {
    const r = await json(t, s, 'POST', '/consult/offline-logs', {
      communityId: area.communityA,
      kind,
      date: '2026-10-19',
      count,
    });
    expect(r.status).toBe(200);
  }
});
afterAll(() => t.close());

describe('per-lawyer credit for 考核', () => {
  it('credits each reply, rating and offline service to the one who gave it (bureau metrics)', async () => {
    const rows = await breakdown(t.ctx.db, { from: '2026-10-01', to: '2026-10-31' }, 'lawyer');
    const byId = new Map(rows.map((r) => [Number(r.key), r]));
    // A: Q1 and Q3 were hers (Q2 was claimed by the volunteer); she answered Q3 only, after 6 minutes.
    expect(byId.get(area.lawyerA.userId)).toMatchObject({
      questions: 2,
      answered: 1,
      responseRate: 0.5,
      meanMinutes: 6,
      medianMinutes: 6,
      ratings: 1,
      meanRating: 3,
      offlineServices: 3,
    });
    // the volunteer: Q2, answered 15 minutes after it was asked; its rating 4; one publicity event
    expect(byId.get(area.volunteer.userId)).toMatchObject({
      questions: 1,
      answered: 1,
      responseRate: 1,
      meanMinutes: 15,
      ratings: 1,
      meanRating: 4,
      offlineServices: 1,
    });
    // lawyer B served no question; the hotline's staff member is no lawyer of the programme
    expect(byId.has(area.lawyerB.userId)).toBe(false);
    expect(byId.has(officer.userId)).toBe(false);
  });

  it('gives the programme the same figures for a community lawyer who never claims', async () => {
    const from = '2026-09-30T16:00:00.000Z';
    const to = '2026-10-31T16:00:00.000Z';
    expect(await adviserConsultFigures(t.ctx.db, area.lawyerA.userId, from, to)).toEqual({
      received: 2,
      answered: 1,
      responseMinutesSum: 6,
      ratings: 1,
      ratingSum: 3,
      offlineServices: 3,
    });
    expect(await adviserConsultFigures(t.ctx.db, area.volunteer.userId, from, to)).toEqual({
      received: 1,
      answered: 1,
      responseMinutesSum: 15,
      ratings: 1,
      ratingSum: 4,
      offlineServices: 1,
    });
  });
});
