/**
 * Subsidies over HTTP (Art. 52): the bureau sets a standard per matter type and stage (versioned by date),
 * a closed and evaluated case's subsidy is computed from its 一案一评 (hand-worked amounts), once; two
 * approvers at once: one wins, the other 409 (run on PostgreSQL too); the approved list exports as CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication } from '../../test/aid-fixtures.js';
import { agencyId } from '../../test/aid-api.js';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';

let t: TestApp;
let officer: Session, otherOfficer: Session, evaluator: Session, admin: Session, admin2: Session;
let lawyerId: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-06-10T02:00:00Z');
  officer = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  otherOfficer = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  evaluator = await t.signIn('aid_evaluator');
  admin = await t.signIn('admin');
  admin2 = await t.signIn('admin');
  lawyerId = (await t.signIn('aid_lawyer', { displayName: '周律师' })).userId;
});
afterAll(() => t.close());

/** A case of the 武昌 centre closed on `closedAt`, with a 一案一评 of `combined` (null: not evaluated). */
async function closedCase(combined: number | null, over: Record<string, unknown> = {}) {
  const { id: _id, ...base } = makeApplication();
  const r = await t.ctx.db
    .insertInto('aid_applications')
    .values({
      ...base,
      agency_id: await agencyId(t, 'wuchang'),
      status: combined === null ? 'closed' : 'evaluated',
      assigned_lawyer_id: lawyerId,
      closed_at: '2026-05-31T15:00:00Z', // 2026-05-31 23:00 in China
      is_litigation: 1,
      ...over,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (combined !== null)
    await t.ctx.db
      .insertInto('aid_evaluations')
      .values({
        application_id: r.id,
        satisfaction: 100,
        file_score: combined,
        hearing_score: null,
        court_score: null,
        combined,
        weights: '{}',
        evaluator_id: evaluator.userId,
        created_at: '2026-06-01T02:00:00Z',
      })
      .execute();
  return r.id;
}
const standard = (s: Session, b: Record<string, unknown>) =>
  t.request({ method: 'PUT', url: '/api/v1/aid/subsidy-standards', session: s, payload: b });
const compute = (s: Session, applicationId: number) =>
  t.request({
    method: 'POST',
    url: '/api/v1/aid/subsidies',
    session: s,
    payload: { applicationId },
  });
const step = (s: Session, id: number, b: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/aid/subsidies/${id}/events`, session: s, payload: b });

describe('subsidies', () => {
  it('the bureau edits the standards; others may not', async () => {
    const b = {
      caseType: 'labour_pay',
      stage: 'litigation',
      amount: 3000,
      effectiveFrom: '2026-01-01',
    };
    expect((await standard(officer, b)).statusCode).toBe(403);
    expect((await standard(admin, b)).statusCode).toBe(200);
    // A raise from 1 June applies to cases closed from then on (China's date of closing).
    expect(
      (await standard(admin, { ...b, amount: 3600, effectiveFrom: '2026-06-01' })).statusCode,
    ).toBe(200);
    const items = (
      await t.request({ method: 'GET', url: '/api/v1/aid/subsidy-standards', session: evaluator })
    ).json().items;
    expect(items.map((i: { amount: number }) => i.amount)).toEqual([3600, 3000]);
  });

  it('computes from the standard in force at closing and the 一案一评 grade, once per case', async () => {
    const id = await closedCase(92);
    expect((await compute(otherOfficer, id)).statusCode).toBe(404);
    const r = await compute(officer, id);
    // Closed 05-31 (China) → 3,000 元; 92 is 优秀 → 110 % → 3,300 元.
    expect(r.json().subsidy).toMatchObject({
      standardAmount: 3000,
      gradeLabel: '优秀',
      percent: 110,
      amount: 3300,
      status: 'computed',
      lawyerName: '周律师',
    });
    expect((await compute(officer, id)).json().error.code).toBe('subsidy_exists');
    // The evaluator may compute too; closed 06-01 00:30 China → 3,600 元; 59 is 不合格 → 50 % → 1,800 元.
    const later = await closedCase(59, { closed_at: '2026-05-31T16:30:00Z' });
    expect((await compute(evaluator, later)).json().subsidy).toMatchObject({
      standardAmount: 3600,
      amount: 1800,
    });
    expect((await compute(officer, await closedCase(null))).json().error.code).toBe(
      'not_evaluated',
    );
    expect(
      (await compute(officer, await closedCase(80, { is_litigation: 0 }))).json().error.code,
    ).toBe('subsidy_standard_missing');
  });

  it('two approvers at once: one wins, the other gets 409; a rejection needs its reason', async () => {
    const s = (await compute(officer, await closedCase(75))).json().subsidy;
    expect((await step(officer, s.id, { type: 'approve' })).statusCode).toBe(403);
    const [a, b] = await Promise.all([
      step(admin, s.id, { type: 'approve' }),
      step(admin2, s.id, { type: 'approve' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('entity', '=', 'aid_subsidy')
      .where('entity_id', '=', String(s.id))
      .where('action', '=', 'transition:approve')
      .execute();
    expect(trail).toHaveLength(1);
    const row = await t.ctx.db
      .selectFrom('aid_subsidies')
      .select(['status', 'approved_by'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'approved', approved_by: trail[0]!.actor_id });
    const other = (await compute(officer, await closedCase(88))).json().subsidy;
    expect((await step(admin, other.id, { type: 'reject' })).json().error.code).toBe(
      'transition_rejected',
    );
    expect(
      (await step(admin, other.id, { type: 'reject', reason: '案卷检查得分待复核' })).json().subsidy
        .status,
    ).toBe('rejected');
  });

  it('exports the approved subsidies for payment', async () => {
    const r = await t.request({
      method: 'GET',
      url: '/api/v1/aid/subsidies/export?format=csv',
      session: admin,
    });
    expect(r.statusCode).toBe(200);
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '案件编号,承办机构,承办律师,案件类型,阶段,补贴标准（元）,一案一评得分,评定等次,发放比例（%）,补贴金额（元）,审批日期',
    );
    // Only the one approved above (75 → 合格 → 3,000 元).
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('周律师');
    expect(lines[1]).toContain('3000,75,合格,100,3000,2026-06-10');
    const x = await t.request({
      method: 'GET',
      url: '/api/v1/aid/subsidies/export?format=xlsx',
      session: admin,
    });
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/aid/subsidies/export', session: officer }))
        .statusCode,
    ).toBe(403);
  });
});
