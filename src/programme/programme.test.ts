/**
 * 考核 and subsidies end to end: figures drawn from consult for one adviser and one quarter (China time),
 * weighed by the bureau's standard, published once (the race: one winner, the other 409 — on PostgreSQL
 * through a second app with its own pool), turned into a subsidy, approved and exported in fen. Who sees what.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext, type AppContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { json, setUpArea, type Area } from '../test/consult.js';
import { testConfig } from '../test/db.js';
import { MyScores } from '../contracts/programme.js';

const PG = process.env.TEST_DATABASE_URL;
const MIN = 60_000;
let t: TestApp;
let area: Area;
let citizen: Session;
let other: { app: FastifyInstance; ctx: AppContext; data: DataLayer | null };

/** [created (UTC), minutes to A's first reply or null, rating] — worked by hand in the test below. */
const QUESTIONS: [string, number | null, number | null][] = [
  ['2026-10-05T02:00:00.000Z', 60, 5],
  ['2026-10-10T02:00:00.000Z', 180, 4],
  ['2026-11-01T02:00:00.000Z', 120, null],
  ['2026-11-20T02:00:00.000Z', null, null],
  // 1 January 2027 00:30 in Beijing: not in 2026-Q4
  ['2026-12-31T16:30:00.000Z', 1, 1],
];
/** [date, count] of A's offline services; the last is outside the quarter. */
const OFFLINE: [string, number][] = [
  ['2026-10-15', 4],
  ['2026-12-01', 2],
  ['2027-01-01', 5],
];

async function seed() {
  for (const [created, minutes, rating] of QUESTIONS) {
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
        claimed_by: area.lawyerA.userId,
        claimed_at: created,
        next_escalation_at: null,
        first_response_at: answered,
        first_responder_id: answered ? area.lawyerA.userId : null,
        category: null,
        rating,
        rating_comment: null,
        created_at: created,
        updated_at: created,
      })
      .execute();
  }
  for (const [date, count] of OFFLINE)
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
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2027-01-10T02:00:00Z');
  area = await setUpArea(t);
  citizen = await t.signIn('citizen');
  if (PG) {
    const data = openPostgres(PG, t.ctx.data.schema);
    const ctx = createContext(testConfig(), data, () => t.clock.now());
    const app = await buildApp(ctx);
    await app.ready();
    other = { app, ctx, data };
  } else other = { app: t.app, ctx: t.ctx, data: null };
  await seed();
});
afterAll(async () => {
  if (other.data) {
    await other.app.close();
    await other.data.close();
  }
  await t.close();
});

const compute = (adviserId: number) =>
  json<{ id: number }>(t, area.admin, 'POST', '/admin/programme/scores', {
    adviserId,
    period: '2026-Q4',
    training: 2,
    complaints: 0,
  });

describe('the 考核 of one adviser for 2026-Q4', () => {
  let scoreId = 0;
  it('refuses a standard whose weights do not sum to 100', async () => {
    const std = (
      await json<{ score: Record<string, { weight: number }> }>(
        t,
        area.admin,
        'GET',
        '/admin/programme/standards',
      )
    ).body.score;
    const r = await json(t, area.admin, 'PUT', '/admin/programme/standards/score', {
      ...std,
      training: { weight: 11, target: 4 },
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'weights_not_100' } });
  });

  it('computes a draft from consult figures and the bureau entries', async () => {
    const r = await compute(area.lawyerA.userId);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    scoreId = r.body.id;
    const list = await json<{
      items: {
        id: number;
        total: number;
        status: string;
        parts: { metric: string; figure: number; points: number }[];
      }[];
    }>(t, area.admin, 'GET', '/admin/programme/scores?period=2026-Q4');
    const s = list.body.items.find((x) => x.id === scoreId);
    expect(s?.status).toBe('draft');
    // received 4 in the quarter, answered 3 → 75 %; 75 / 95 × 2500 = 1973.68 → 1974
    // minutes (60 + 180 + 120) / 3 = 120, at the target of 120 → 2000
    // ratings (5 + 4) / 2 = 4.50 → 450, at the target → 2000
    // offline 4 + 2 = 6 of 12 → 750; training 2 of 4 → 500; no complaint → 1000
    expect(s?.parts.map((p) => [p.metric, p.figure, p.points])).toEqual([
      ['responseRate', 75, 1974],
      ['responseMinutes', 120, 2000],
      ['rating', 450, 2000],
      ['offlineServices', 6, 750],
      ['training', 2, 500],
      ['complaints', 0, 1000],
    ]);
    expect(s?.total).toBe(8224);
  });

  it('shows the adviser nothing until published, and never to another adviser', async () => {
    const mine = await json<{ items: unknown[] }>(t, area.lawyerA, 'GET', '/programme/mine/scores');
    expect(mine.body.items).toEqual([]);
    expect(
      (await json(t, area.lawyerA, 'GET', '/admin/programme/scores?period=2026-Q4')).status,
    ).toBe(403);
    expect((await json(t, citizen, 'GET', '/programme/mine/scores')).status).toBe(403);
  });

  it('publishes once: of two publishes at the same moment one wins, the other gets 409', async () => {
    const url = `/api/v1/admin/programme/scores/${scoreId}/publish`;
    const rs = await Promise.all([
      t.app.inject({ method: 'POST', url, headers: area.admin.headers }),
      other.app.inject({ method: 'POST', url, headers: area.admin.headers }),
    ]);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const subs = await t.ctx.db
      .selectFrom('programme_subsidies')
      .selectAll()
      .where('score_id', '=', scoreId)
      .execute();
    expect(subs.length).toBe(1);
    // 82.24 ≥ 60: 500 元 base + 6 services × 20 元 = 620 元
    expect(subs[0]?.amount_fen).toBe(62_000);
    expect((await compute(area.lawyerA.userId)).status).toBe(409);
  });

  it('lets the adviser see her own published score and its parts, and nobody else', async () => {
    const mine = await json<{ items: { id: number; total: number; parts: unknown[] }[] }>(
      t,
      area.lawyerA,
      'GET',
      '/programme/mine/scores',
    );
    expect(mine.body.items.map((s) => [s.id, s.total, s.parts.length])).toEqual([
      [scoreId, 8224, 6],
    ]);
    // The web page reads it through the shared contract.
    expect(MyScores.parse(mine.body).items[0]?.totalLabel).toBe('82.24');
    const b = await json<{ items: unknown[] }>(t, area.lawyerB, 'GET', '/programme/mine/scores');
    expect(b.body.items).toEqual([]);
  });

  it('approves the subsidy once and exports it in fen', async () => {
    const list = await json<{ items: { id: number; amountFen: number; status: string }[] }>(
      t,
      area.admin,
      'GET',
      '/admin/programme/subsidies?period=2026-Q4',
    );
    const id = list.body.items[0]?.id ?? 0;
    expect(list.body.items.map((s) => [s.amountFen, s.status])).toEqual([[62_000, 'pending']]);
    expect(
      (await json(t, area.admin, 'POST', `/admin/programme/subsidies/${id}/approve`)).status,
    ).toBe(200);
    const again = await json(t, area.admin, 'POST', `/admin/programme/subsidies/${id}/approve`);
    expect(again.status).toBe(409);
    const csv = await t.request({
      method: 'GET',
      url: '/api/v1/admin/programme/subsidies.csv?period=2026-Q4',
      session: area.admin,
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('考核期间,法律顾问,补贴金额（分）');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['62000']);
  });
});
