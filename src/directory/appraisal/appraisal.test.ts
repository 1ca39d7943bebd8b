import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';

let t: TestApp;
let admin: Session;
let staffA: Session;
let staffB: Session;
let instA: number;
let instB: number;
const api = '/api/v1';

async function signInAll(): Promise<void> {
  admin = await t.signIn('admin');
  staffA = await t.signIn('appraisal_staff');
  staffB = await t.signIn('appraisal_staff');
  for (const [inst, s] of [
    [instA, staffA],
    [instB, staffB],
  ] as const) {
    const r = await t.request({
      method: 'POST',
      url: `${api}/directory/entries/${inst}/staff`,
      payload: { userId: s.userId },
      session: admin,
    });
    expect(r.statusCode).toBe(200);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  const r = await t.request({
    method: 'GET',
    url: `${api}/directory/entries?kind=appraisal_institution`,
  });
  [instA, instB] = r.json().items.map((i: { id: number }) => i.id);
  await signInAll();
});
afterAll(() => t.close());

const commission = (institutionId: number, over: Record<string, unknown> = {}) => ({
  institutionId,
  category: '法医临床',
  commissioner: '武汉市某区人民法院',
  summary: '交通事故伤残等级鉴定',
  commissionedOn: '2026-03-02',
  ...over,
});

async function register(s: Session, inst: number, over: Record<string, unknown> = {}) {
  const r = await t.request({
    method: 'POST',
    url: `${api}/appraisal/cases`,
    payload: commission(inst, over),
    session: s,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ id: number; code: string }>();
}

const event = (id: number, s: Session, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `${api}/appraisal/cases/${id}/events`, payload, session: s });

describe('统一赋码 and visibility', () => {
  it('gives each case one unique code, even when registered in parallel', async () => {
    const rs = await Promise.all([1, 2, 3, 4, 5].map(() => register(staffA, instA)));
    const codes = rs.map((r) => r.code);
    expect(new Set(codes).size).toBe(5);
    for (const c of codes) expect(c).toMatch(/^WHSJ-2026-\d{6}$/);
    const letter = await register(staffA, instA, { byLetter: true });
    const d = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases/${letter.id}`,
      session: staffA,
    });
    expect(d.json().case).toMatchObject({
      stage: 'commissioned',
      acceptDueOn: '2026-03-16',
      deadline: 'accept',
      summary: '交通事故伤残等级鉴定',
    });
  });

  it('shows an institution only its own cases, the bureau all, and refuses everyone else', async () => {
    const b = await register(staffB, instB, { category: '文书' });
    const listA = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases`,
      session: staffA,
    });
    expect(
      listA.json().items.every((c: { institutionId: number }) => c.institutionId === instA),
    ).toBe(true);
    expect(listA.json().items[0].summary).toBeUndefined();
    expect(
      (await t.request({ method: 'GET', url: `${api}/appraisal/cases/${b.id}`, session: staffA }))
        .statusCode,
    ).toBe(404);
    const all = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases?pageSize=100`,
      session: admin,
    });
    expect(all.json().total).toBe(7);
    const citizen = await t.signIn('citizen');
    expect(
      (await t.request({ method: 'GET', url: `${api}/appraisal/cases`, session: citizen }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: `${api}/appraisal/cases/${b.id}`, session: citizen }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${api}/appraisal/cases`,
          payload: commission(instA),
          session: staffB,
        })
      ).statusCode,
    ).toBe(403);
    expect((await event(b.id, admin, { event: 'accept' })).statusCode).toBe(403);
  });
});

describe('stages and clocks', () => {
  it('runs 委托 → 受理 → 鉴定 → 意见书 → 归档 with the 30-working-day clock and at most 30 days’ extension', async () => {
    const c = await register(staffA, instA);
    t.clock.set('2026-03-03T01:00:00Z');
    await signInAll();
    expect((await event(c.id, staffA, { event: 'issue_opinion' })).json().error.code).toBe(
      'invalid_transition',
    );
    const accepted = await event(c.id, staffA, { event: 'accept' });
    expect(accepted.json().case).toMatchObject({
      stage: 'accepted',
      acceptedOn: '2026-03-03',
      dueOn: '2026-04-15',
      workdaysLeft: 30,
    });
    expect((await event(c.id, staffA, { event: 'extend', days: 20 })).json().case.dueOn).toBe(
      '2026-05-15',
    );
    const tooLong = await event(c.id, staffA, { event: 'extend', days: 11 });
    expect(tooLong.json().error.code).toBe('extension_too_long');
    expect(
      (await event(c.id, staffA, { event: 'extend', days: 10 })).json().case.extensionDays,
    ).toBe(30);
    expect((await event(c.id, staffA, { event: 'start' })).json().case.stage).toBe('examining');
    expect((await event(c.id, staffA, { event: 'issue_opinion' })).json().case).toMatchObject({
      stage: 'opinion',
      late: false,
      overdue: false,
    });
    expect((await event(c.id, staffA, { event: 'archive' })).json().case.stage).toBe('archived');
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'appraisal_case')
      .where('entity_id', '=', String(c.id))
      .orderBy('id')
      .execute();
    expect(trail.map((r) => r.action)).toEqual([
      'create',
      'transition:accept',
      'transition:extend',
      'transition:extend',
      'transition:start',
      'transition:issue_opinion',
      'transition:archive',
    ]);
  });

  it('flags cases not accepted within 7 working days, and the bureau sees the count per institution', async () => {
    t.clock.set('2026-03-12T01:00:00Z');
    await signInAll();
    const overdue = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases?overdue=true&pageSize=100`,
      session: admin,
    });
    // A's five ordinary commissions of 3.2 (due 3.11) and B's one are overdue; A's letter commission is due 3.16.
    const codes = overdue
      .json()
      .items.map((c: { institutionId: number; deadline: string; overdue: boolean }) => [
        c.institutionId,
        c.deadline,
        c.overdue,
      ]);
    expect(codes.filter(([i]: [number]) => i === instA)).toHaveLength(5);
    expect(codes.filter(([i]: [number]) => i === instB)).toHaveLength(1);
    expect(codes.every(([, d, o]: [number, string, boolean]) => d === 'accept' && o)).toBe(true);
    const summary = await t.request({
      method: 'GET',
      url: `${api}/appraisal/summary`,
      session: admin,
    });
    const a = summary.json().items.find((s: { id: number }) => s.id === instA);
    expect(a).toMatchObject({ total: 7, open: 6, finished: 1, overdue: 5 });
    expect(
      (await t.request({ method: 'GET', url: `${api}/appraisal/summary`, session: staffA }))
        .statusCode,
    ).toBe(403);
  });
});
