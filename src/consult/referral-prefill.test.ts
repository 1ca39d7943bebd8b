/**
 * A legal-aid referral carried over: after the resident consents, her aid application is prefilled (name,
 * phone, the matter type the lawyer chose, her own account as facts) for her alone, each read audited; the
 * application remembers the referral, and the referring lawyer's list shows where it stands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { applicationBody, event } from '../test/aid-api.js';
import { json, setUpArea, type Area } from '../test/consult.js';
import type { ReferralList, ReferralPrefill } from '../contracts/consult.js';
import { factsOf } from './referrals.js';

let t: TestApp;
let area: Area;
let referralId = 0;
let questionId = 0;
let hongshan: Session;
const BODY = '工地老板拖欠我和工友工资两万元，一直拖着不给，想申请法律援助。';

beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
  hongshan = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  t.clock.set('2026-11-02T02:00:00Z');
  // the resident's account has a phone (the referral copies it)
  await t.ctx.db
    .updateTable('users')
    .set({ phone: '13800001111' })
    .where('id', '=', area.resident.userId)
    .execute();
  const q = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
    body: BODY,
  });
  questionId = q.body.id;
  const c = await json<{ referralId: number }>(
    t,
    area.lawyerA,
    'POST',
    `/consult/questions/${questionId}/classify`,
    { category: 'legal_aid', caseType: 'labour_pay' },
  );
  expect(c.status).toBe(200);
  referralId = c.body.referralId;
});
afterAll(() => t.close());

const prefill = (s: Session, id = referralId) =>
  json<{ prefill: ReferralPrefill; error?: { code: string } }>(
    t,
    s,
    'GET',
    `/consult/referrals/${id}/prefill`,
  );
const referrals = (s: Session) => json<ReferralList>(t, s, 'GET', '/consult/referrals');

describe('the referral carried into the aid application', () => {
  it('refuses the prefill before the resident consents, and to anyone else', async () => {
    const before = await prefill(area.resident);
    expect(before.status).toBe(409);
    expect(before.body.error?.code).toBe('referral_not_confirmed');
    const stranger = await t.signIn('citizen');
    expect((await prefill(stranger)).status).toBe(404);
    expect((await prefill(area.lawyerA)).status).toBe(403);
    const list = await referrals(area.lawyerA);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: referralId, status: 'draft', aid: null }),
    ]);
  });

  it('prefills the consenting resident’s form and puts each read on the record', async () => {
    const ok = await json(t, area.resident, 'POST', `/consult/referrals/${referralId}/confirm`);
    expect(ok.status).toBe(200);
    const r = await prefill(area.resident);
    expect(r.status).toBe(200);
    expect(r.body.prefill).toEqual({
      referralId,
      applicant: { name: '张三丰', phone: '13800001111' },
      caseType: 'labour_pay',
      caseCategory: null,
      caseFacts: BODY,
      handlingDistrict: '洪山区',
    });
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity', '=', 'consult_referral')
      .where('entity_id', '=', String(referralId))
      .where('action', '=', 'read_personal_data')
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toContain('aid_prefill');
  });

  it('remembers the referral on the application and shows the lawyer its status', async () => {
    const stranger = await t.signIn('citizen');
    const forged = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: stranger,
      payload: applicationBody({ referralId, handlingDistrict: '洪山区' }),
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ error: { code: 'referral_invalid' } });

    const applied = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: area.resident,
      payload: applicationBody({ referralId, handlingDistrict: '洪山区', caseFacts: BODY }),
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const appId = applied.json<{ id: number }>().id;
    let list = await referrals(area.lawyerA);
    expect(list.body.items[0]).toMatchObject({
      id: referralId,
      status: 'confirmed',
      aid: { applicationId: appId, label: '已申请' },
    });
    expect((await event(t, hongshan, appId, { type: 'accept' })).statusCode).toBe(200);
    list = await referrals(area.lawyerA);
    expect(list.body.items[0]!.aid).toMatchObject({ status: 'under_review', label: '已受理' });
    // another lawyer sees none of it
    expect((await referrals(area.lawyerB)).body.items).toEqual([]);
  });
});

describe('facts from the resident’s own words', () => {
  it('adds what she asked in 智能问答, not the machine’s answers', () => {
    const transcript = JSON.stringify({
      turns: [
        { question: '老板拖欠工资怎么办', conclusion: '可以申请劳动仲裁。' },
        { question: '没有劳动合同能仲裁吗', conclusion: '可以用工资流水证明。' },
      ],
    });
    expect(factsOf('工资被拖欠两万元。', transcript)).toBe(
      '工资被拖欠两万元。\n\n智能问答中所述：\n1. 老板拖欠工资怎么办\n2. 没有劳动合同能仲裁吗',
    );
    expect(factsOf('x'.repeat(6000), null)).toHaveLength(5000);
  });
});
