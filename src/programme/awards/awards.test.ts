/**
 * 品牌 awards end to end over the API: filing (who may file what, once a year), 初审 with a return and a
 * resubmission, 现场考核 by three inspectors (each once; the mean worked by hand), 审议, 公示 over 7 China
 * calendar days with an objection held for the bureau, 授牌 by the sweep after the window, and the public list.
 * Races: two passes and two scores by one inspector at the same moment — one wins, the other gets 409
 * (on PostgreSQL through a second app with its own pool).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createContext, type AppContext } from '../../core/context.js';
import { openPostgres, type DataLayer } from '../../db/connection.js';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';
import { json } from '../../test/consult.js';
import { testConfig } from '../../test/db.js';
import { AwardDetail, PublicAwards } from '../../contracts/programme.js';
import { awardDue } from './service.js';

const PG = process.env.TEST_DATABASE_URL;
let t: TestApp;
let other: { app: FastifyInstance; ctx: AppContext; data: DataLayer | null };
let admin: Session, inspector2: Session, inspector3: Session;
let adviser: Session, firmLawyer: Session, citizen: Session;
let studioId = 0;
let firmId = 0;

beforeAll(async () => {
  t = await createTestApp();
  // 10:00 on 20 November 2026 in Beijing
  t.clock.set('2026-11-20T02:00:00Z');
  admin = await t.signIn('admin');
  inspector2 = await t.signIn('admin');
  inspector3 = await t.signIn('admin');
  adviser = await t.signIn('community_lawyer', { displayName: '李律师' });
  firmLawyer = await t.signIn('aid_lawyer', { displayName: '钱律师' });
  citizen = await t.signIn('citizen');
  if (PG) {
    const data = openPostgres(PG, t.ctx.data.schema);
    const ctx = createContext(testConfig(), data, () => t.clock.now());
    const app = await buildApp(ctx);
    await app.ready();
    other = { app, ctx, data };
  } else other = { app: t.app, ctx: t.ctx, data: null };
});
afterAll(async () => {
  if (other.data) {
    await other.app.close();
    await other.data.close();
  }
  await t.close();
});

/** Moves the clock and signs everyone in again (sessions expire over days), keeping their accounts. */
async function at(iso: string) {
  t.clock.set(iso);
  for (const s of [admin, inspector2, inspector3, adviser, firmLawyer, citizen]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: s.username, password: 'correct-horse-9' },
    });
    const sid = res.cookies.find((c) => c.name === 'sid');
    const csrf = res.json<{ user: { csrfToken: string } }>().user.csrfToken;
    s.headers = { cookie: `sid=${sid?.value ?? ''}`, 'x-csrf-token': csrf };
  }
}

const event = (id: number, body: Record<string, unknown>, s = admin) =>
  json<{ error?: { code: string } }>(t, s, 'POST', `/admin/programme/awards/${id}/events`, body);
const score = (id: number, s: Session, value: number) =>
  json<{ error?: { code: string } }>(t, s, 'POST', `/admin/programme/awards/${id}/scores`, {
    score: value,
  });
const detail = (id: number) =>
  json<{
    status: string;
    inspectionMean: number | null;
    inspectionMeanLabel: string | null;
    publicityFrom: string | null;
    publicityUntil: string | null;
    actions: string[];
    steps: { event: string; from: string; to: string }[];
    objections: { decision: string | null }[];
  }>(t, admin, 'GET', `/admin/programme/awards/${id}`);
const race = (url: string, payload: Record<string, unknown>, a: Session, b: Session) =>
  Promise.all([
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: a.headers, payload }),
    other.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: b.headers, payload }),
  ]);

describe('filing', () => {
  it('takes the studio award from an adviser and the firm award from a lawyer, once a year each', async () => {
    const s = await json<{ id: number }>(t, adviser, 'POST', '/programme/awards', {
      kind: 'studio',
      nominee: '李律师法律顾问工作室',
      district: '洪山区',
      materials: '服务珞珈山社区三年，年均解答咨询三百余件',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    studioId = s.body.id;
    const f = await json<{ id: number }>(t, firmLawyer, 'POST', '/programme/awards', {
      kind: 'firm',
      nominee: '珞珈律师事务所',
      materials: '年承办法律援助案件一百二十件',
    });
    expect(f.status).toBe(200);
    firmId = f.body.id;
    const again = await json(t, adviser, 'POST', '/programme/awards', {
      kind: 'studio',
      nominee: '另一个名称',
      materials: '再报一次',
    });
    expect([again.status, again.body]).toMatchObject([409, { error: { code: 'award_duplicate' } }]);
  });

  it('refuses a studio award from a lawyer who is not an adviser, and any award from a citizen', async () => {
    const r = await json(t, firmLawyer, 'POST', '/programme/awards', {
      kind: 'studio',
      nominee: '钱律师工作室',
      materials: '材料',
    });
    expect([r.status, r.body]).toMatchObject([403, { error: { code: 'award_not_eligible' } }]);
    const c = await json(t, citizen, 'POST', '/programme/awards', {
      kind: 'firm',
      nominee: '某所',
      materials: '材料',
    });
    expect(c.status).toBe(403);
  });

  it('hides an application under 初审 from anyone but the applicant and the bureau', async () => {
    const o = await json(t, citizen, 'POST', `/programme/awards/${studioId}/objections`, {
      objection: '不实',
    });
    expect(o.status).toBe(404);
    const mine = await json<{ items: { id: number; actions: string[] }[] }>(
      t,
      adviser,
      'GET',
      '/programme/awards/mine',
    );
    expect(mine.body.items.map((a) => [a.id, a.actions])).toEqual([[studioId, []]]);
    expect((await json(t, adviser, 'GET', `/admin/programme/awards/${studioId}`)).status).toBe(403);
  });
});

describe('初审 and 现场考核', () => {
  it('returns for more materials with a reason; the applicant resubmits; the bureau passes it', async () => {
    expect((await event(studioId, { type: 'return' })).status).toBe(400);
    expect((await event(studioId, { type: 'return', reason: '请补充服务台账' })).status).toBe(200);
    const mine = await json<{ items: { status: string; reason: string; actions: string[] }[] }>(
      t,
      adviser,
      'GET',
      '/programme/awards/mine',
    );
    expect(mine.body.items.map((a) => [a.status, a.reason, a.actions])).toEqual([
      ['returned', '请补充服务台账', ['resubmit']],
    ]);
    const re = await json(t, adviser, 'POST', `/programme/awards/${studioId}/resubmit`, {
      materials: '补充：2024–2026 年服务台账',
    });
    expect(re.status).toBe(200);
    expect((await event(studioId, { type: 'pass' })).status).toBe(200);
    expect((await detail(studioId)).body.status).toBe('inspection');
  });

  it('passes the firm once when two admins pass it at the same moment', async () => {
    const rs = await race(
      `/admin/programme/awards/${firmId}/events`,
      { type: 'pass' },
      admin,
      inspector2,
    );
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = rs.find((r) => r.statusCode === 409);
    expect(loser?.json()).toMatchObject({ error: { code: 'invalid_transition' } });
    const steps = (await detail(firmId)).body.steps.map((s) => s.event);
    expect(steps).toEqual(['submit', 'pass']);
  });

  it('takes one score from each inspector and averages them when the inspection ends', async () => {
    expect((await event(studioId, { type: 'finish_inspection' })).body).toMatchObject({
      error: { code: 'transition_rejected' },
    });
    expect((await score(studioId, admin, 88)).status).toBe(200);
    // The same inspector twice at once: one score is kept, the other answers 409.
    const rs = await race(
      `/admin/programme/awards/${studioId}/scores`,
      { score: 70 },
      inspector2,
      inspector2,
    );
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(rs.find((r) => r.statusCode === 409)?.json()).toMatchObject({
      error: { code: 'award_already_scored' },
    });
    const again = await score(studioId, admin, 95);
    expect([again.status, again.body.error?.code]).toEqual([409, 'award_already_scored']);
    expect((await score(studioId, inspector3, 91)).status).toBe(200);
    expect((await event(studioId, { type: 'finish_inspection' })).status).toBe(200);
    const d = (await detail(studioId)).body;
    // (88 + 70 + 91) / 3 = 83.00 → 8300 hundredths
    expect([d.status, d.inspectionMean, d.inspectionMeanLabel]).toEqual([
      'deliberation',
      8300,
      '83.00',
    ]);
    expect((await score(studioId, inspector3, 60)).status).toBe(409);
  });
});

describe('审议, 公示 and 授牌', () => {
  it('opens 公示 for 7 calendar days from the day of approval', async () => {
    await at('2026-12-01T02:00:00Z');
    expect((await event(studioId, { type: 'approve', publicityDays: 0 })).status).toBe(400);
    expect((await event(studioId, { type: 'approve' })).status).toBe(200);
    const d = (await detail(studioId)).body;
    // The 授牌 button is offered; its guard refuses it until the window has passed (below).
    expect([d.publicityFrom, d.publicityUntil, d.actions]).toEqual([
      '2026-12-01',
      '2026-12-07',
      ['award'],
    ]);
    const pub = await json<{
      awarded: unknown[];
      publicity: { nominee: string; publicityUntil: string }[];
    }>(t, undefined, 'GET', '/programme/awards/public');
    expect(pub.body.awarded).toEqual([]);
    expect(pub.body.publicity.map((a) => [a.nominee, a.publicityUntil])).toEqual([
      ['李律师法律顾问工作室', '2026-12-07'],
    ]);
    expect(JSON.stringify(pub.body)).not.toContain('服务台账');
  });

  it('holds it on an objection within the window until the bureau decides', async () => {
    await at('2026-12-03T02:00:00Z');
    const o = await json(t, citizen, 'POST', `/programme/awards/${studioId}/objections`, {
      objection: '该工作室去年曾被投诉',
    });
    expect(o.status).toBe(200);
    const d = (await detail(studioId)).body;
    expect([d.status, d.actions, d.objections.map((x) => x.decision)]).toEqual([
      'objection_review',
      ['uphold', 'dismiss'],
      [null],
    ]);
    expect((await event(studioId, { type: 'award' })).status).toBe(409);
    expect(
      (await event(studioId, { type: 'dismiss', reason: '经核查，投诉已妥善处理' })).status,
    ).toBe(200);
    expect((await detail(studioId)).body.objections.map((x) => x.decision)).toEqual(['dismissed']);
  });

  it('refuses 授牌 on the last day of the window and objections the day after; the sweep then awards', async () => {
    // 23:00 on 7 December in Beijing: the last day of the window
    await at('2026-12-07T15:00:00Z');
    const early = await event(studioId, { type: 'award' });
    expect([early.status, early.body.error?.code]).toEqual([400, 'award_publicity_open']);
    expect(await awardDue(t.ctx)).toBe(0);
    // 00:00 on 8 December in Beijing
    await at('2026-12-07T16:00:00Z');
    const late = await json<{ error?: { code: string } }>(
      t,
      citizen,
      'POST',
      `/programme/awards/${studioId}/objections`,
      {
        objection: '再提异议',
      },
    );
    expect([late.status, late.body.error?.code]).toEqual([400, 'award_objection_closed']);
    expect(await awardDue(t.ctx)).toBe(1);
    expect(await awardDue(t.ctx)).toBe(0);
    const d = (await detail(studioId)).body;
    expect(d.status).toBe('awarded');
    expect(d.steps.map((s) => s.event)).toEqual([
      'submit',
      'return',
      'resubmit',
      'pass',
      'score',
      'score',
      'score',
      'finish_inspection',
      'approve',
      'object',
      'dismiss',
      'award',
    ]);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'programme_award')
      .where('entity_id', '=', String(studioId))
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'create',
      ...d.steps.slice(1).map((s) => `transition:${s.event}`),
    ]);
  });

  it('rejects the firm on an upheld objection and lists only the awarded studio publicly', async () => {
    await at('2026-12-10T02:00:00Z');
    expect((await score(firmId, inspector2, 60)).status).toBe(200);
    expect((await event(firmId, { type: 'finish_inspection' })).status).toBe(200);
    expect((await event(firmId, { type: 'approve', publicityDays: 3 })).status).toBe(200);
    expect((await detail(firmId)).body.publicityUntil).toBe('2026-12-12');
    const o = await json(t, adviser, 'POST', `/programme/awards/${firmId}/objections`, {
      objection: '该所有违规记录',
    });
    expect(o.status).toBe(200);
    expect((await event(firmId, { type: 'uphold', reason: '核实该所受过行政处罚' })).status).toBe(
      200,
    );
    expect((await detail(firmId)).body.status).toBe('rejected');
    const pub = await json<{
      awarded: { nominee: string; kindLabel: string }[];
      publicity: unknown[];
    }>(t, undefined, 'GET', '/programme/awards/public');
    expect(pub.body.awarded.map((a) => [a.nominee, a.kindLabel])).toEqual([
      ['李律师法律顾问工作室', '十大个人命名村(居)法律顾问工作室'],
    ]);
    expect(pub.body.publicity).toEqual([]);
    // The web pages read these answers through the shared contracts.
    expect(PublicAwards.parse(pub.body).awarded[0]?.kind).toBe('studio');
    const d = await detail(studioId);
    expect(AwardDetail.parse(d.body).scores.map((x) => x.score)).toEqual([88, 70, 91]);
  });
});
