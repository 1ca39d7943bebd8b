/**
 * Complaints over HTTP (Art. 55–56): the recipient files against her own case (or staff record one at the
 * window), the bureau accepts, investigates, concludes and tells; the complainant sees the result once told;
 * a refusal carries its reason; two bureau staff accepting at once: one wins, the other 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication } from '../../test/aid-fixtures.js';
import { agencyId } from '../../test/aid-api.js';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';

let t: TestApp;
let citizen: Session, stranger: Session, officer: Session, otherOfficer: Session;
let admin: Session, admin2: Session, lawyer: Session;
let caseId: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-01T02:00:00Z');
  citizen = await t.signIn('citizen');
  stranger = await t.signIn('citizen');
  officer = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  otherOfficer = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  admin = await t.signIn('admin');
  admin2 = await t.signIn('admin');
  lawyer = await t.signIn('aid_lawyer', { displayName: '孙律师' });
  const { id: _id, ...base } = makeApplication();
  const W = await agencyId(t, 'wuchang');
  const r = await t.ctx.db
    .insertInto('aid_applications')
    .values({
      ...base,
      status: 'evaluated',
      agency_id: W,
      applicant_user_id: citizen.userId,
      created_by: citizen.userId,
      assigned_lawyer_id: lawyer.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  caseId = r.id;
  await t.ctx.db
    .insertInto('aid_evaluations')
    .values({
      application_id: caseId,
      satisfaction: 40,
      file_score: 70,
      hearing_score: null,
      court_score: null,
      combined: 59,
      weights: '{}',
      evaluator_id: officer.userId,
      created_at: '2026-04-30T02:00:00Z',
    })
    .execute();
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  applicationId: caseId,
  subject: 'lawyer',
  body: '律师三个月没有联系我，也没有告诉我案件进展。',
  ...over,
});
const file = (s: Session, b: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/aid/complaints', session: s, payload: b });
const step = (s: Session, id: number, b: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `/api/v1/aid/complaints/${id}/events`, session: s, payload: b });
const read = async (s: Session, id: number) =>
  (await t.request({ method: 'GET', url: `/api/v1/aid/complaints/${id}`, session: s })).json()
    .complaint;

describe('complaints', () => {
  it('closes the loop: filed → accepted → investigated → concluded → told', async () => {
    expect((await file(stranger, body())).statusCode).toBe(404);
    const r = await file(citizen, body());
    expect(r.statusCode).toBe(200);
    const c = r.json().complaint;
    expect(c).toMatchObject({ status: 'filed', lawyerName: '孙律师', channel: 'online' });
    expect((await step(officer, c.id, { type: 'accept' })).statusCode).toBe(403);
    await step(admin, c.id, { type: 'accept' });
    await step(admin, c.id, {
      type: 'investigate',
      text: '调阅案卷，律师未按规定通报办理情况（第四十六条）。',
    });
    const concluded = await step(admin, c.id, {
      type: 'conclude',
      result: 'upheld',
      text: '投诉成立，责令承办律师整改，纳入年度质量考核。',
    });
    expect(concluded.json().complaint).toMatchObject({
      status: 'concluded',
      resultLabel: '投诉成立',
      evaluationCombined: 59,
    });
    // Before she is told, the complainant sees the progress but not the result.
    expect(await read(citizen, c.id)).toMatchObject({
      status: 'concluded',
      resultLabel: null,
      findings: null,
    });
    const told = await step(admin, c.id, { type: 'tell', method: 'system' });
    expect(told.json().complaint.status).toBe('told');
    const sent = await t.ctx.db
      .selectFrom('notify_outbox')
      .select(['kind', 'channel', 'user_id', 'body'])
      .where('ref_type', '=', 'aid_complaint')
      .where('ref_id', '=', String(c.id))
      .orderBy('channel')
      .execute();
    expect(sent.map((x) => [x.kind, x.channel, x.user_id])).toEqual([
      ['aid.complaint_result', 'inapp', citizen.userId],
      ['aid.complaint_result', 'sms', citizen.userId],
    ]);
    expect(sent[0]!.body).toBe(
      '您的投诉已处理：投诉成立。投诉成立，责令承办律师整改，纳入年度质量考核。',
    );
    expect(await read(citizen, c.id)).toMatchObject({
      statusLabel: '已告知投诉人',
      resultLabel: '投诉成立',
      conclusion: '投诉成立，责令承办律师整改，纳入年度质量考核。',
    });
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/aid/complaints/${c.id}`,
          session: otherOfficer,
        })
      ).statusCode,
    ).toBe(404);
    const mine = (
      await t.request({ method: 'GET', url: '/api/v1/aid/complaints', session: citizen })
    ).json().items;
    expect(mine.map((x: { id: number }) => x.id)).toEqual([c.id]);
  });

  it('staff record a complaint made at the window; a refusal carries its reason', async () => {
    expect((await file(otherOfficer, body())).statusCode).toBe(404);
    const r = await file(officer, body({ subject: 'agency', complainantName: '王小梅' }));
    const c = r.json().complaint;
    expect(c).toMatchObject({ channel: 'window', status: 'filed' });
    expect((await step(admin, c.id, { type: 'refuse', text: '' })).json().error.code).toBe(
      'transition_rejected',
    );
    await step(admin, c.id, { type: 'refuse', text: '同一事项已于上月处理并答复。' });
    await step(admin, c.id, { type: 'tell', method: 'phone' });
    // The applicant's account is told too: a window complaint belongs to the recipient.
    expect(await read(citizen, c.id)).toMatchObject({
      status: 'told',
      refusedReason: '同一事项已于上月处理并答复。',
    });
  });

  it('two bureau staff accepting at once: one wins, the other gets 409', async () => {
    const c = (await file(citizen, body())).json().complaint;
    const [a, b] = await Promise.all([
      step(admin, c.id, { type: 'accept' }),
      step(admin2, c.id, { type: 'accept' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'aid_complaint')
      .where('entity_id', '=', String(c.id))
      .where('action', '=', 'transition:accept')
      .execute();
    expect(trail).toHaveLength(1);
  });
});
