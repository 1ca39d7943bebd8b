/**
 * Notary and appraisal under concurrency: one citizen's simultaneous bookings of one slot take one seat,
 * and two conflicting workflow events leave one winner and one 409 invalid_transition. On PostgreSQL half
 * of the requests go to a second app with its own pool (a second process); SQLite is one process.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext } from '../core/context.js';
import { openPostgres, type DataLayer } from '../db/connection.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { testConfig } from '../test/db.js';

const PG = process.env.TEST_DATABASE_URL;
const api = '/api/v1';

let t: TestApp;
let apps: FastifyInstance[];
let otherData: DataLayer | null = null;
let admin: Session, notaryStaff: Session, appraiser: Session, citizen: Session;

async function linkStaff(kind: string, s: Session): Promise<number> {
  const entries = await t.request({ method: 'GET', url: `${api}/directory/entries?kind=${kind}` });
  const id = entries.json().items[0].id as number;
  const r = await t.request({
    method: 'POST',
    url: `${api}/directory/entries/${id}/staff`,
    payload: { userId: s.userId },
    session: admin,
  });
  if (r.statusCode !== 200) throw new Error(r.body);
  return id;
}

let officeId: number, institutionId: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  apps = [t.app];
  if (PG) {
    otherData = openPostgres(PG, t.ctx.data.schema);
    const other = await buildApp(createContext(testConfig(), otherData, () => t.clock.now()));
    await other.ready();
    apps.push(other);
  }
  admin = await t.signIn('admin');
  notaryStaff = await t.signIn('notary_staff');
  appraiser = await t.signIn('appraisal_staff');
  citizen = await t.signIn('citizen');
  officeId = await linkStaff('notary_office', notaryStaff);
  institutionId = await linkStaff('appraisal_institution', appraiser);
});
afterAll(async () => {
  if (otherData) {
    await apps[1]!.close();
    await otherData.close();
  }
  await t.close();
});

/** The i-th request goes to the i-th app in turn. */
const post = (i: number, url: string, s: Session, payload: Record<string, unknown> = {}) =>
  apps[i % apps.length]!.inject({ method: 'POST', url, headers: s.headers, payload });

let slotSeq = 0;
/** A slot at a time of its own (one slot per office, matter, date and start time). */
const slotBody = (capacity: number, n = ++slotSeq) => ({
  matterCode: 'weituo',
  date: '2026-03-10',
  startTime: `${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`,
  endTime: '23:00',
  capacity,
});

async function newSlot(capacity: number): Promise<number> {
  const r = await post(
    0,
    `${api}/notary/offices/${officeId}/slots`,
    notaryStaff,
    slotBody(capacity),
  );
  if (r.statusCode !== 200) throw new Error(r.body);
  return r.json().id as number;
}

const book = (i: number, slotId: number) =>
  post(i, `${api}/notary/bookings`, citizen, {
    slotId,
    applicantName: '王小明',
    phone: '13812345678',
  });

describe('notary seats', () => {
  it('ten simultaneous bookings by one citizen take one seat; the rest get already_booked', async () => {
    const slotId = await newSlot(10);
    const res = await Promise.all(Array.from({ length: 10 }, (_, i) => book(i, slotId)));
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of res.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('already_booked');
    }
    const slot = await t.ctx.db
      .selectFrom('notary_slots')
      .select('booked')
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(slot.booked).toBe(1);
  });

  it('the database itself refuses a second active booking of one citizen in one slot', async () => {
    const slotId = await newSlot(5);
    const first = await book(0, slotId);
    const row = await t.ctx.db
      .selectFrom('notary_bookings')
      .selectAll()
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = row;
    // What a request that read "not booked yet" before the first committed would insert.
    await expect(t.ctx.db.insertInto('notary_bookings').values(copy).execute()).rejects.toThrow(
      /unique|duplicate/i,
    );
    await t.ctx.db
      .insertInto('notary_bookings')
      .values({ ...copy, status: 'cancelled' })
      .execute(); // cancelled ones do not count
  });

  it('a cancelled booking frees the citizen to book the slot again', async () => {
    const slotId = await newSlot(2);
    const first = await book(0, slotId);
    expect(first.statusCode).toBe(200);
    const cancel = await post(0, `${api}/notary/bookings/${first.json().id}/cancel`, citizen);
    expect(cancel.statusCode).toBe(200);
    expect((await book(1, slotId)).statusCode).toBe(200);
  });

  it('accept against cancel of one booking: one wins, the other gets invalid_transition', async () => {
    for (let round = 0; round < 6; round++) {
      const slotId = await newSlot(1);
      const b = await book(0, slotId);
      const id = b.json().id as number;
      const res = await Promise.all([
        post(0, `${api}/notary/bookings/${id}/accept`, notaryStaff),
        post(1, `${api}/notary/bookings/${id}/cancel`, citizen),
      ]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('invalid_transition');
    }
  });

  it('two pauses (补充材料) of one case, and then two resumes: one of each wins, the other 409', async () => {
    for (let round = 0; round < 4; round++) {
      const c = await post(0, `${api}/appraisal/cases`, appraiser, {
        institutionId,
        category: '文书',
        commissioner: '武汉市某区人民法院',
        summary: '笔迹鉴定',
        commissionedOn: '2026-03-02',
      });
      const id = c.json().id as number;
      const url = `${api}/appraisal/cases/${id}/events`;
      expect((await post(0, url, appraiser, { event: 'accept' })).statusCode).toBe(200);
      for (const event of ['pause', 'resume']) {
        const res = await Promise.all([
          post(0, url, appraiser, { event }),
          post(1, url, appraiser, { event }),
        ]);
        expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('invalid_transition');
      }
    }
  });
});

describe('notary slots and accounts', () => {
  it('two identical slots published at once: the unique index keeps one, the other gets slot_exists', async () => {
    for (let round = 0; round < 6; round++) {
      const body = slotBody(3);
      const url = `${api}/notary/offices/${officeId}/slots`;
      const res = await Promise.all([
        post(0, url, notaryStaff, body),
        post(1, url, notaryStaff, body),
      ]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('slot_exists');
    }
  });

  it('two administrators disabling one account: one wins, the other gets already_disabled', async () => {
    const other = await t.signIn('admin');
    for (let round = 0; round < 4; round++) {
      const staff = await t.signIn('notary_staff');
      const url = `${api}/admin/users/${staff.userId}/disable`;
      const res = await Promise.all([post(0, url, admin), post(1, url, other)]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_disabled');
    }
  });
});

describe('appraisal cases', () => {
  it('accept against decline of one commission: one wins, the other gets invalid_transition', async () => {
    for (let round = 0; round < 6; round++) {
      const c = await post(0, `${api}/appraisal/cases`, appraiser, {
        institutionId,
        category: '法医临床',
        commissioner: '武汉市某区人民法院',
        summary: '交通事故伤残等级鉴定',
        commissionedOn: '2026-03-02',
      });
      const id = c.json().id as number;
      const res = await Promise.all([
        post(0, `${api}/appraisal/cases/${id}/events`, appraiser, { event: 'accept' }),
        post(1, `${api}/appraisal/cases/${id}/events`, appraiser, {
          event: 'decline',
          note: '不具备鉴定条件',
        }),
      ]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('invalid_transition');
    }
  });

  it('two pauses (补充材料) of one case, and then two resumes: one of each wins, the other 409', async () => {
    for (let round = 0; round < 4; round++) {
      const c = await post(0, `${api}/appraisal/cases`, appraiser, {
        institutionId,
        category: '文书',
        commissioner: '武汉市某区人民法院',
        summary: '笔迹鉴定',
        commissionedOn: '2026-03-02',
      });
      const id = c.json().id as number;
      const url = `${api}/appraisal/cases/${id}/events`;
      expect((await post(0, url, appraiser, { event: 'accept' })).statusCode).toBe(200);
      for (const event of ['pause', 'resume']) {
        const res = await Promise.all([
          post(0, url, appraiser, { event }),
          post(1, url, appraiser, { event }),
        ]);
        expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('invalid_transition');
      }
    }
  });
});

describe('notary slots and accounts', () => {
  it('two identical slots published at once: the unique index keeps one, the other gets slot_exists', async () => {
    for (let round = 0; round < 6; round++) {
      const body = slotBody(3);
      const url = `${api}/notary/offices/${officeId}/slots`;
      const res = await Promise.all([
        post(0, url, notaryStaff, body),
        post(1, url, notaryStaff, body),
      ]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('slot_exists');
    }
  });

  it('two administrators disabling one account: one wins, the other gets already_disabled', async () => {
    const other = await t.signIn('admin');
    for (let round = 0; round < 4; round++) {
      const staff = await t.signIn('notary_staff');
      const url = `${api}/admin/users/${staff.userId}/disable`;
      const res = await Promise.all([post(0, url, admin), post(1, url, other)]);
      expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_disabled');
    }
  });
});
