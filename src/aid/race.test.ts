/**
 * Conflicting aid events at the same moment: exactly one wins and the other gets 409 invalid_transition,
 * with one timeline step and one notice. On PostgreSQL the second app has its own connection pool over the
 * same schema (a second server process); on SQLite (one process by design) both requests go to one app.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext, type AppContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { testConfig } from '../test/db.js';
import { sweepAid } from './sweep.js';
import { agencyId, applicationBody } from '../test/aid-api.js';

const PG = process.env.TEST_DATABASE_URL;

let t: TestApp;
let other: { app: FastifyInstance; ctx: AppContext; data: DataLayer | null };
let citizen: Session, officerA: Session, officerB: Session;

beforeAll(async () => {
  t = await createTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  t.clock.set('2026-04-01T02:00:00Z');
  if (PG) {
    const data = openPostgres(PG, t.ctx.data.schema);
    const ctx = createContext(testConfig(), data, () => t.clock.now());
    const app = await buildApp(ctx);
    await app.ready();
    other = { app, ctx, data };
  } else other = { app: t.app, ctx: t.ctx, data: null };
  citizen = await t.signIn('citizen');
  officerA = await t.signIn('aid_officer', { agencyCode: 'city' });
  officerB = await t.signIn('aid_officer', { agencyCode: 'city' });
});
afterAll(async () => {
  if (other.data) {
    await other.app.close();
    await other.data.close();
  }
  await t.close();
});

/**
 * An application received at the city agency: a city-level matter it is competent for (so it may be
 * accepted), or a 武昌区 one it must forward (so it may be transferred, or its competence corrected).
 */
async function received(district = '武汉市'): Promise<number> {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: citizen,
    payload: applicationBody({
      handlingDistrict: district,
      receivingAgencyId: await agencyId(t, 'city'),
    }),
  });
  if (r.statusCode !== 200) throw new Error(r.body);
  return r.json().id as number;
}

async function underReview(): Promise<number> {
  const id = await received();
  const r = await send(t.app, officerA, id, { type: 'accept' });
  if (r.statusCode !== 200) throw new Error(r.body);
  return id;
}

const send = (app: FastifyInstance, s: Session, id: number, payload: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/aid/applications/${id}/events`,
    headers: s.headers,
    payload,
  });

/** Fires both events at once (one per app) and returns the two responses. */
const race = (id: number, a: Record<string, unknown>, b: Record<string, unknown>) =>
  Promise.all([send(t.app, officerA, id, a), send(other.app, officerB, id, b)]);

async function stepsOf(id: number, events: string[]): Promise<number> {
  const rows = await t.ctx.db
    .selectFrom('aid_steps')
    .select('id')
    .where('application_id', '=', id)
    .where('event', 'in', events)
    .execute();
  return rows.length;
}

function expectOneWinner(res: { statusCode: number; json(): { error?: { code: string } } }[]) {
  expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  expect(res.find((r) => r.statusCode === 409)!.json().error!.code).toBe('invalid_transition');
}

const ROUNDS = 8;

describe('two officers acting on one application at the same moment', () => {
  it('decide_grant against decide_refuse: one decision, one notice', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const id = await underReview();
      const res = await race(
        id,
        { type: 'decide_grant', reasons: '符合条件' },
        { type: 'decide_refuse', reasons: '不符合条件' },
      );
      expectOneWinner(res);
      expect(await stepsOf(id, ['decide_grant', 'decide_refuse'])).toBe(1);
      const notices = await t.ctx.db
        .selectFrom('notify_outbox')
        .select('id')
        .where('ref_type', '=', 'aid_application')
        .where('ref_id', '=', String(id))
        .where('kind', 'in', ['aid.decide_grant', 'aid.decide_refuse'])
        .where('channel', '=', 'inapp')
        .execute();
      expect(notices.length).toBe(1);
    }
  });

  it('transfer against a correction of competence, and transfer against transfer', async () => {
    const hongshan = await agencyId(t, 'hongshan');
    for (let i = 0; i < ROUNDS; i++) {
      const id = await received('武昌区');
      const correction = {
        type: 'correct_competence',
        agencyId: hongshan,
        reasons: '事由发生地在洪山区',
      };
      expectOneWinner(await race(id, { type: 'transfer' }, correction));
      expect(await stepsOf(id, ['transfer', 'correct_competence'])).toBe(1);
      const id2 = await received('武昌区');
      expectOneWinner(await race(id2, { type: 'transfer' }, { type: 'transfer' }));
      expect(await stepsOf(id2, ['transfer'])).toBe(1);
    }
  });
});

describe('the 补正 sweep', () => {
  async function expired(): Promise<number> {
    const id = await underReview();
    const r = await send(t.app, officerA, id, {
      type: 'request_supplement',
      items: ['户口簿'],
      supplementDays: 5,
    });
    if (r.statusCode !== 200) throw new Error(r.body);
    return id;
  }

  it('three sweeps at the same moment withdraw each application once', async () => {
    const ids = [await expired(), await expired(), await expired()];
    t.clock.set('2026-05-01T02:00:00Z');
    const results = await Promise.all([sweepAid(t.ctx), sweepAid(other.ctx), sweepAid(t.ctx)]);
    const withdrawn = results.flatMap((r) => r.withdrawn).filter((id) => ids.includes(id));
    expect(withdrawn.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await stepsOf(id, ['supplement_expired'])).toBe(1);
    t.clock.set('2026-04-01T02:00:00Z');
  });

  it('skips an application that fails, logs it, and withdraws the rest', async () => {
    const [bad, good] = [await expired(), await expired()];
    await t.ctx.db
      .updateTable('aid_applications')
      .set({ pauses: 'not json' })
      .where('id', '=', bad)
      .execute();
    t.clock.set('2026-05-01T02:00:00Z');
    const logged: unknown[] = [];
    const log = { error: (obj: object) => logged.push(obj), info: () => undefined };
    const r = await sweepAid(t.ctx, log);
    expect(r.withdrawn).toContain(good);
    expect(r.failed).toEqual([bad]);
    // Logged (by the withdrawal and by the reminder pass), always naming the application.
    expect(logged.length).toBeGreaterThan(0);
    for (const l of logged) expect(l).toMatchObject({ applicationId: bad });
    t.clock.set('2026-04-01T02:00:00Z');
  });
});
