/**
 * @module After assignment (issue 16 item 5): a change-of-lawyer request (Art. 55) is granted or refused with
 * reasons, an upheld objection to a termination restores the same lawyer, and staff record what an
 * applicant asks for at the window (change of lawyer, withdrawal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { addLawyer, applicationBody, event } from '../test/aid-api.js';

let t: TestApp;
let officer: Session, admin: Session, citizen: Session, lawyer: Session;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-06T02:00:00Z');
  officer = await t.signIn('aid_officer', { agencyCode: 'city' });
  admin = await t.signIn('admin');
  citizen = await t.signIn('citizen');
  lawyer = await addLawyer(t, officer);
});
afterAll(() => t.close());

const detail = async (s: Session, id: number) =>
  (await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: s })).json()
    .application;

/** A city-level matter (the city centre is competent), granted and assigned to the one roster lawyer. */
async function assigned(): Promise<number> {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: citizen,
    payload: applicationBody({ handlingDistrict: '武汉市' }),
  });
  const id = r.json().id as number;
  for (const body of [
    { type: 'accept' },
    { type: 'decide_grant', reasons: '符合第三十一条' },
    { type: 'assign' },
  ]) {
    const step = await event(t, officer, id, body);
    if (step.statusCode !== 200) throw new Error(step.body);
  }
  return id;
}

describe('change of lawyer (Art. 55)', () => {
  it('is refused with reasons and the case goes back where it stood, with the same lawyer', async () => {
    const id = await assigned();
    expect((await event(t, lawyer, id, { type: 'start' })).json().status).toBe('in_progress');
    const asked = await event(t, citizen, id, { type: 'request_lawyer_change', note: '联系不上' });
    expect(asked.json().status).toBe('lawyer_change_requested');
    const bare = await event(t, officer, id, { type: 'refuse_lawyer_change' });
    expect(bare.json().error.code).toBe('transition_rejected');
    const refused = await event(t, officer, id, {
      type: 'refuse_lawyer_change',
      reasons: '经核实，承办律师已按约定联系受援人三次，不存在不履责情形',
    });
    expect(refused.json().status).toBe('in_progress');
    const d = await detail(citizen, id);
    expect(d.lawyerId).toBe(lawyer.userId);
    expect(d.timeline.at(-1)).toMatchObject({
      event: 'refuse_lawyer_change',
      note: '经核实，承办律师已按约定联系受援人三次，不存在不履责情形',
    });
    const told = await t.ctx.db
      .selectFrom('notify_outbox')
      .select('body')
      .where('kind', '=', 'aid.refuse_lawyer_change')
      .where('ref_id', '=', String(id))
      .where('channel', '=', 'inapp')
      .executeTakeFirstOrThrow();
    expect(told.body).toContain('不同意更换法律援助人员');
  });

  it('a request made at the window is recorded by staff; before the lawyer started it goes back to assigned', async () => {
    const id = await assigned();
    const recorded = await event(t, officer, id, {
      type: 'request_lawyer_change',
      note: '受援人到窗口提出：与承办律师沟通不畅',
    });
    expect(recorded.json().status).toBe('lawyer_change_requested');
    const back = await event(t, officer, id, {
      type: 'refuse_lawyer_change',
      reasons: '理由不成立',
    });
    expect(back.json().status).toBe('assigned');
  });
});

describe('an upheld objection to a termination', () => {
  it('restores the same lawyer where the case stood', async () => {
    const id = await assigned();
    await event(t, lawyer, id, { type: 'start' });
    await event(t, officer, id, {
      type: 'terminate',
      ground: 'no_longer_eligible',
      reasons: '受援人经济状况好转',
    });
    await event(t, citizen, id, { type: 'raise_objection', note: '经济状况并未好转，有收入证明' });
    // A city-centre case: the city bureau decides the objection.
    expect(
      (await event(t, admin, id, { type: 'uphold_objection', reasons: '收入证明属实' })).json()
        .status,
    ).toBe('objection_upheld');
    const offered = (await detail(officer, id)).actions.map((a: { event: string }) => a.event);
    expect(offered).toEqual(['review_again', 'restore_assignment']);
    const restored = await event(t, officer, id, { type: 'restore_assignment' });
    expect(restored.json().status).toBe('in_progress');
    const d = await detail(lawyer, id);
    expect(d.lawyerId).toBe(lawyer.userId);
    expect(d.termination).toBeNull();
  });

  it('is not offered after an objection to a refusal (nothing to restore)', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({ handlingDistrict: '武汉市' }),
    });
    const id = r.json().id as number;
    await event(t, officer, id, { type: 'accept' });
    await event(t, officer, id, { type: 'decide_refuse', reasons: '不符合经济困难标准' });
    await event(t, citizen, id, { type: 'raise_objection', note: '收入计算有误' });
    await event(t, admin, id, { type: 'uphold_objection', reasons: '收入计算有误' });
    expect((await detail(officer, id)).actions.map((a: { event: string }) => a.event)).toEqual([
      'review_again',
    ]);
    expect((await event(t, officer, id, { type: 'restore_assignment' })).statusCode).toBe(400);
  });
});

describe('a withdrawal told at the window', () => {
  it('is recorded by staff with what the applicant said', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({ handlingDistrict: '武汉市' }),
    });
    const id = r.json().id as number;
    const w = await event(t, officer, id, {
      type: 'withdraw',
      note: '申请人到窗口表示已与公司和解，撤回申请',
    });
    expect(w.json().status).toBe('withdrawn');
    expect((await detail(citizen, id)).timeline.at(-1)).toMatchObject({
      event: 'withdraw',
      actorRole: 'aid_officer',
      note: '申请人到窗口表示已与公司和解，撤回申请',
    });
  });
});
