/**
 * 司法鉴定 issue 16: the pause for supplementary materials (workflow rows, clock), the Art. 53 fee waiver
 * recorded on the case, late acceptances in the overdue view, the calendar notice, and staff roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionVerificationCode } from '../../aid/fee-waiver.js';
import { makeApplication } from '../../test/aid-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';
import { appraisalWorkflow, clock, type CaseState } from './workflow.js';

const now = new Date('2026-03-13T02:00:00Z');
const caseAt = (stage: CaseState['stage']): CaseState => ({
  stage,
  accepted_on: '2026-03-03',
  due_on: '2026-04-15',
  extension_days: 0,
  paused_on: stage.endsWith('_paused') ? '2026-03-10' : null,
  paused_days: 0,
});

describe('the pause rows of the appraisal workflow table', () => {
  it.each([
    ['accepted', 'accepted_paused'],
    ['examining', 'examining_paused'],
  ] as const)('pause from %s goes to %s and stops the clock on the day', (from, to) => {
    const r = appraisalWorkflow.transition(caseAt(from), { type: 'pause' }, 'institution', now);
    expect(r).toMatchObject({ ok: true, next: to, patch: { paused_on: '2026-03-13' } });
  });

  it.each([
    ['accepted_paused', 'accepted'],
    ['examining_paused', 'examining'],
  ] as const)(
    'resume from %s returns to %s, the deadline out by the paused working days',
    (from, to) => {
      const r = appraisalWorkflow.transition(caseAt(from), { type: 'resume' }, 'institution', now);
      // Paused 3.10 → 3.13: 3.11, 3.12, 3.13 are three working days; 4.15 + 3 = 4.20 (weekend 4.18–19).
      expect(r).toMatchObject({
        ok: true,
        next: to,
        patch: { paused_on: null, paused_days: 3, due_on: '2026-04-20' },
      });
    },
  );

  it.each([
    ['commissioned', 'pause'],
    ['opinion', 'pause'],
    ['accepted_paused', 'pause'],
    ['accepted', 'resume'],
    ['accepted_paused', 'start'],
    ['accepted_paused', 'extend'],
    ['examining_paused', 'issue_opinion'],
  ] as const)('refuses %s → %s', (stage, type) => {
    const r = appraisalWorkflow.transition(caseAt(stage), { type, days: 5 }, 'institution', now);
    expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('reads a paused clock as it stood on the day it stopped', () => {
    const c = { ...caseAt('examining_paused'), accept_due_on: '2026-03-11', opinion_on: null };
    expect(clock(c, '2026-05-30')).toMatchObject({
      paused: true,
      overdue: false,
      deadline: 'complete',
    });
    expect(clock(c, '2026-03-11').workdaysLeft).toBe(clock(c, '2026-05-30').workdaysLeft);
  });
});

let t: TestApp;
let admin: Session;
let staff: Session;
let inst: number;
const api = '/api/v1';

async function signIn(): Promise<void> {
  admin = await t.signIn('admin');
  staff = await t.signIn('appraisal_staff');
  const r = await t.request({
    method: 'POST',
    url: `${api}/directory/entries/${inst}/staff`,
    payload: { userId: staff.userId },
    session: admin,
  });
  expect(r.statusCode, r.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T01:00:00Z');
  const r = await t.request({
    method: 'GET',
    url: `${api}/directory/entries?kind=appraisal_institution`,
  });
  inst = r.json().items[0].id;
  await signIn();
});
afterAll(() => t.close());

async function register(over: Record<string, unknown> = {}) {
  return t.request({
    method: 'POST',
    url: `${api}/appraisal/cases`,
    payload: {
      institutionId: inst,
      category: '法医临床',
      commissioner: '武汉市某区人民法院',
      summary: '交通事故伤残等级鉴定',
      commissionedOn: '2026-03-02',
      ...over,
    },
    session: staff,
  });
}
const event = (id: number, payload: Record<string, unknown>) =>
  t.request({
    method: 'POST',
    url: `${api}/appraisal/cases/${id}/events`,
    payload,
    session: staff,
  });

describe('补充材料 through the API', () => {
  it('pauses, shows the paused stage, and resumes with the deadline moved out', async () => {
    const id = (await register()).json().id as number;
    t.clock.set('2026-03-03T01:00:00Z');
    await signIn();
    expect((await event(id, { event: 'accept' })).json().case.dueOn).toBe('2026-04-15');
    t.clock.set('2026-03-10T01:00:00Z');
    await signIn();
    const paused = (await event(id, { event: 'pause', note: '补充病历资料' })).json().case;
    expect(paused).toMatchObject({
      stage: 'accepted_paused',
      paused: true,
      pausedOn: '2026-03-10',
    });
    expect(paused.actions).toEqual(['resume']);
    t.clock.set('2026-03-13T01:00:00Z');
    await signIn();
    expect((await event(id, { event: 'resume' })).json().case).toMatchObject({
      stage: 'accepted',
      dueOn: '2026-04-20',
      pausedDays: 3,
      paused: false,
    });
  });
});

describe('late acceptance', () => {
  it('keeps a case accepted after its 7 working days in the overdue view and the bureau’s count', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    await signIn();
    const id = (await register({ commissioner: '武汉市某区人民检察院' })).json().id as number;
    t.clock.set('2026-03-12T01:00:00Z'); // due 3.11
    await signIn();
    expect((await event(id, { event: 'accept' })).json().case).toMatchObject({
      acceptedLate: true,
      stage: 'accepted',
    });
    const overdue = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases?overdue=true&pageSize=100`,
      session: admin,
    });
    expect(overdue.json().items.map((c: { id: number }) => c.id)).toContain(id);
    const summary = await t.request({
      method: 'GET',
      url: `${api}/appraisal/summary`,
      session: admin,
    });
    expect(summary.json().items.find((s: { id: number }) => s.id === inst)).toMatchObject({
      acceptedLate: 1,
    });
  });
});

describe('法律援助法 第五十三条 on the case', () => {
  it('records the waiver on the recipient’s decision code, refuses a wrong code, and needs one', async () => {
    const { id: _omit, ...row } = makeApplication({ status: 'granted' });
    const app = await t.ctx.db
      .insertInto('aid_applications')
      .values({
        ...row,
        ref_no: 'JD-53',
        applicant_user_id: null,
        created_by: admin.userId,
        applicant_id_number: '420102199003077757',
        decided_at: '2026-02-20T03:04:05.678Z',
      })
      .returning(['id', 'ref_no', 'applicant_id_number', 'decided_at'])
      .executeTakeFirstOrThrow();
    const verificationCode = decisionVerificationCode(app);
    const ok = await register({
      aidRecipient: { idNumber: '420102199003077757', verificationCode },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases/${ok.json().id}`,
      session: staff,
    });
    expect(d.json().case).toMatchObject({ feeWaiver: true });
    expect(d.json().case.feeWaiverNote).toContain('第五十三条');
    const wrong = await register({
      aidRecipient: { idNumber: '420102199003077757', verificationCode: 'ABCDE-FGHJK' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('aid_code_invalid');
    const bare = await register({ aidRecipient: { idNumber: '420102199003077757' } });
    expect(bare.statusCode).toBe(400);
  });
});

describe('the calendar notice', () => {
  it('flags an acceptance period that runs into 2027 (held only provisionally)', async () => {
    t.clock.set('2026-12-28T01:00:00Z');
    await signIn();
    const id = (await register({ commissionedOn: '2026-12-28' })).json().id as number;
    const d = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases/${id}`,
      session: staff,
    });
    expect(d.json().case.calendarWarning).toMatchObject({ years: [2027] });
    expect(d.json().case.calendarWarning.message).toContain('2027 年节假日安排为暂定');
    const early = await register({ commissionedOn: '2026-11-02' });
    const e = await t.request({
      method: 'GET',
      url: `${api}/appraisal/cases/${early.json().id}`,
      session: staff,
    });
    expect(e.json().case.calendarWarning).toBeNull();
  });
});

describe('staff roles', () => {
  it('links only 司法鉴定机构工作人员 accounts to an institution, and they only to institutions', async () => {
    const lawyer = await t.signIn('community_lawyer');
    const r = await t.request({
      method: 'POST',
      url: `${api}/directory/entries/${inst}/staff`,
      payload: { userId: lawyer.userId },
      session: admin,
    });
    expect(r.json().error.code).toBe('staff_role_mismatch');
    const offices = await t.request({
      method: 'GET',
      url: `${api}/directory/entries?kind=notary_office`,
    });
    const wrongKind = await t.request({
      method: 'POST',
      url: `${api}/directory/entries/${offices.json().items[0].id}/staff`,
      payload: { userId: staff.userId },
      session: admin,
    });
    expect(wrongKind.json().error.code).toBe('staff_role_mismatch');
    const list = await t.request({ method: 'GET', url: `${api}/appraisal/cases`, session: lawyer });
    expect(list.statusCode).toBe(403);
  });
});
