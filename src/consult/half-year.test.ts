/**
 * 半年工作目标完成情况 worked by hand: counts against half the yearly target, rates and times against the
 * target itself, response time scored lower-is-better, and a mistyped target name refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { json, setUpArea, type Area } from '../test/consult.js';
import type { HalfYearReport, Targets } from '../contracts/consult.js';
import { score } from './half-year.js';

const MIN = 60_000;
let t: TestApp;
let area: Area;

/** H1 2026 in community A: replies after 10, 20 and 30 minutes, one unanswered; one in July. */
const QUESTIONS: [string, number | null][] = [
  ['2026-01-10T02:00:00.000Z', 10],
  ['2026-03-10T02:00:00.000Z', 20],
  ['2026-05-10T02:00:00.000Z', 30],
  ['2026-06-20T02:00:00.000Z', null],
  // 1 July 00:30 in Beijing: the second half
  ['2026-06-30T16:30:00.000Z', 5],
];

beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  for (const [created, minutes] of QUESTIONS) {
    const answered =
      minutes === null ? null : new Date(Date.parse(created) + minutes * MIN).toISOString();
    await t.ctx.db
      .insertInto('consult_questions')
      .values({
        citizen_id: area.resident.userId,
        community_id: area.communityA,
        body: '测试问题',
        transcript: null,
        conversation_id: null,
        stage: 'community',
        status: answered ? 'answered' : 'open',
        claimed_by: null,
        claimed_at: null,
        next_escalation_at: null,
        first_response_at: answered,
        first_responder_id: answered ? area.lawyerA.userId : null,
        category: null,
        rating: null,
        rating_comment: null,
        created_at: created,
        updated_at: created,
      })
      .execute();
  }
  // lectures: 4 + 2 in the first half, 9 in July
  for (const [date, count] of [
    ['2026-02-01', 4],
    ['2026-06-30', 2],
    ['2026-07-01', 9],
  ] as const)
    await t.ctx.db
      .insertInto('consult_offline_logs')
      .values({
        lawyer_id: area.lawyerA.userId,
        community_id: area.communityA,
        kind: 'lecture',
        date,
        count,
        note: null,
        created_at: `${date}T02:00:00.000Z`,
      })
      .execute();
});
afterAll(() => t.close());

const put = (targets: { metric: string; target: number }[]) =>
  json<Targets & { error?: { code: string; details: { metric: string } } }>(
    t,
    area.admin,
    'PUT',
    '/consult/admin/targets',
    { year: 2026, targets },
  );

describe('scoring against a target', () => {
  it('scores higher- and lower-is-better measures', () => {
    expect(score('higher', 4, 5)).toEqual({ completion: 80, met: false });
    expect(score('higher', 6, 5)).toEqual({ completion: 120, met: true });
    // 20 minutes against "at most 30": met, 30/20 = 150 %
    expect(score('lower', 20, 30)).toEqual({ completion: 150, met: true });
    // 30 minutes against "at most 25": not met, 25/30 = 83.3 %
    expect(score('lower', 30, 25)).toEqual({ completion: 83.3, met: false });
    expect(score('lower', null, 25)).toEqual({ completion: null, met: false });
  });
});

describe('the half-year report', () => {
  it('refuses a mistyped target name, and keeps the targets as they were', async () => {
    const r = await put([
      { metric: 'questions', target: 10 },
      { metric: 'meanMinute', target: 30 },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'unknown_target',
      details: { metric: 'meanMinute' },
    });
    const now = await json<Targets>(t, area.admin, 'GET', '/consult/admin/targets?year=2026');
    expect(now.body.targets).toEqual([]);
    expect(now.body.measures.find((m) => m.key === 'meanMinutes')).toMatchObject({
      better: 'lower',
    });
  });

  it('holds the first half against half the yearly counts, and rates and times against the target', async () => {
    const ok = await put([
      { metric: 'questions', target: 10 },
      { metric: 'responseRate', target: 70 },
      { metric: 'meanMinutes', target: 30 },
      { metric: 'p90Minutes', target: 25 },
      { metric: 'services.lecture', target: 10 },
    ]);
    expect(ok.status).toBe(200);
    const r = await json<HalfYearReport>(
      t,
      area.admin,
      'GET',
      '/consult/report/half-year?year=2026&half=1',
    );
    expect(r.status).toBe(200);
    expect(r.body.title).toBe('法指针社区法律服务2026年上半年工作目标完成情况');
    const rows = Object.fromEntries(r.body.rows.map((x) => [x.metric, x]));
    // 4 questions against half of 10 = 5 → 80 %
    expect(rows.questions).toMatchObject({
      periodTarget: 5,
      actual: 4,
      completion: 80,
      met: false,
    });
    expect(rows.questions!.situation).toBe('完成4件，为半年目标5件的80%');
    // 3 of 4 answered = 75 % against 70 % (not halved): 107.1 %
    expect(rows.responseRate).toMatchObject({
      periodTarget: 70,
      actual: 75,
      completion: 107.1,
      met: true,
    });
    // mean (10+20+30)/3 = 20 minutes, at most 30: met
    expect(rows.meanMinutes).toMatchObject({ periodTarget: 30, actual: 20, met: true });
    expect(rows.meanMinutes!.situation).toBe('20分钟，目标不超过30分钟，已达标');
    // nearest-rank p90 of 10, 20, 30 is 30, over 25: not met
    expect(rows.p90Minutes).toMatchObject({ actual: 30, completion: 83.3, met: false });
    // lectures 4 + 2 = 6 against half of 10 = 5 → 120 %
    expect(rows['services.lecture']).toMatchObject({ periodTarget: 5, actual: 6, completion: 120 });
    expect(r.body.rows.map((x) => x.no)).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts the second half from 1 July (Beijing time)', async () => {
    const r = await json<HalfYearReport>(
      t,
      area.admin,
      'GET',
      '/consult/report/half-year?year=2026&half=2',
    );
    const rows = Object.fromEntries(r.body.rows.map((x) => [x.metric, x]));
    expect(rows.questions).toMatchObject({ actual: 1, completion: 20 });
    expect(rows.meanMinutes).toMatchObject({ actual: 5, met: true });
    expect(rows['services.lecture']).toMatchObject({ actual: 9, met: true });
    expect(
      (await json(t, area.admin, 'GET', '/consult/report/half-year?year=2026&half=3')).status,
    ).toBe(400);
    expect(
      (await json(t, area.lawyerA, 'GET', '/consult/report/half-year?year=2026&half=1')).status,
    ).toBe(403);
  });
});
