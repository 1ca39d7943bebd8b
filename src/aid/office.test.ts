import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { aidStatistics } from './ledger.js';
import { sweepAid } from './sweep.js';
import { addLawyer, agencyId, applicationBody, event, idNumber } from '../test/aid-api.js';

let t: TestApp;
let citizen: Session, officer: Session, otherOfficer: Session, admin: Session;

beforeAll(async () => {
  // The story spans ten weeks of TestClock time, so sessions must outlive it.
  t = await createTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  t.clock.set('2026-04-01T02:00:00Z');
  citizen = await t.signIn('citizen');
  officer = await t.signIn('aid_officer', { agencyCode: 'wuchang' });
  otherOfficer = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const apply = async (s: Session, over: Record<string, unknown> = {}) => {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: s,
    payload: applicationBody({ handlingDistrict: '武昌区', ...over }),
  });
  if (r.statusCode !== 200) throw new Error(r.body);
  return r.json().id as number;
};
const statusOf = async (id: number) =>
  (
    await t.ctx.db
      .selectFrom('aid_applications')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status;

describe('pre-check over HTTP', () => {
  it('answers anonymously, one question at a time, using the versioned hardship line', async () => {
    const ask = (answers: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/aid/precheck', payload: { answers } });
    expect((await ask({})).json()).toMatchObject({ done: false, question: { id: 'category' } });
    const base = {
      category: 'civil',
      matter: 'maintenance',
      group: 'none',
      region: '武昌区',
      householdSize: 2,
      monthlyIncome: 3000,
    };
    expect((await ask(base)).json()).toMatchObject({
      done: true,
      result: { verdict: 'likely_eligible' },
    });
    const lines = (await t.request({ method: 'GET', url: '/api/v1/aid/hardship-lines' })).json()
      .items;
    expect(lines.find((l: { region: string }) => l.region === '武昌区').source).toBe(
      '示例数据，请替换',
    );
    const set = await t.request({
      method: 'POST',
      url: '/api/v1/aid/hardship-lines',
      session: admin,
      payload: {
        region: '武昌区',
        monthlyPerCapita: 1200,
        effectiveFrom: '2026-03-01',
        source: '测试用标准（2026-03-01）',
      },
    });
    expect(set.statusCode).toBe(200);
    expect((await ask(base)).json().result.verdict).toBe('not_eligible');
    const notAdmin = await t.request({
      method: 'POST',
      url: '/api/v1/aid/hardship-lines',
      session: officer,
      payload: { region: '武昌区', monthlyPerCapita: 1, effectiveFrom: '2026-03-01', source: 'xx' },
    });
    expect(notAdmin.statusCode).toBe(403);
  });
});

describe('补正 deadline and clocks', () => {
  it('withdraws automatically when the 补正 deadline passes (sweep), keeping the record', async () => {
    const id = await apply(citizen);
    expect((await event(t, officer, id, { type: 'accept' })).json().status).toBe('under_review');
    await event(t, officer, id, {
      type: 'request_supplement',
      items: ['户口簿'],
      supplementDays: 5,
    });
    // 04-01 + 5 days = 04-06, a 清明 holiday, so the period runs to 04-07, which is still on time.
    t.clock.set('2026-04-07T02:00:00Z');
    expect((await sweepAid(t.ctx)).withdrawn).not.toContain(id);
    t.clock.set('2026-04-08T01:00:00Z');
    expect((await sweepAid(t.ctx)).withdrawn).toContain(id);
    expect(await statusOf(id)).toBe('withdrawn');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'transition:supplement_expired')
      .where('entity_id', '=', String(id))
      .executeTakeFirst();
    expect(audit?.actor_id).toBeNull();
    const d = (
      await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: citizen })
    ).json().application;
    expect(d.timeline.at(-1)).toMatchObject({ event: 'supplement_expired', actorRole: 'system' });
  });

  it('lists overdue cases for the agency and reminds its officers once per due date', async () => {
    t.clock.set('2026-04-08T02:00:00Z');
    const id = await apply(citizen);
    t.clock.set('2026-04-14T02:00:00Z'); // due 04-15: one day left → reminder
    expect((await sweepAid(t.ctx)).reminders).toBeGreaterThanOrEqual(1);
    expect((await sweepAid(t.ctx)).reminders).toBe(0);
    t.clock.set('2026-04-16T02:00:00Z');
    const overdue = (
      await t.request({ method: 'GET', url: '/api/v1/aid/office/overdue', session: officer })
    ).json().items;
    expect(overdue.map((o: { id: number }) => o.id)).toContain(id);
    expect(overdue[0].applicantIdNumber).toMatch(/\*{4}/);
    expect(
      (
        await t.request({ method: 'GET', url: '/api/v1/aid/office/overdue', session: otherOfficer })
      ).json().items,
    ).toHaveLength(0);
    await sweepAid(t.ctx);
    const notes = (
      await t.request({ method: 'GET', url: '/api/v1/aid/notifications', session: officer })
    ).json().items;
    expect(notes.some((n: { message: string }) => n.message.includes('已超期'))).toBe(true);
    await event(t, officer, id, { type: 'accept' });
    await event(t, officer, id, {
      type: 'decide_refuse',
      reasons: '家庭人均收入高于经济困难标准。',
    });
  });

  it('working-day mode is configurable by an administrator', async () => {
    const r = await t.request({
      method: 'PUT',
      url: '/api/v1/aid/settings',
      session: admin,
      payload: { dayMode: 'working' },
    });
    expect(r.json().settings.dayMode).toBe('working');
    t.clock.set('2026-04-30T02:00:00Z'); // Thursday before the 劳动节 holiday
    const id = await apply(citizen);
    const d = (
      await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: officer })
    ).json().application;
    // 7 working days after 04-30: 05-01..05-05 are holidays, 05-09 (Sat) is a make-up working day, 05-10 a Sunday.
    expect(d.deadlines.decideBy).toBe('2026-05-13');
    await t.request({
      method: 'PUT',
      url: '/api/v1/aid/settings',
      session: admin,
      payload: { dayMode: 'calendar' },
    });
    await event(t, citizen, id, { type: 'withdraw' });
  });
});

describe('objection (decided by the bureau), urgent aid, termination, window applications', () => {
  it("异议 against a district centre's refusal is decided by that district's bureau; review restarts the clock", async () => {
    t.clock.set('2026-05-12T02:00:00Z');
    const id = await apply(citizen);
    await event(t, officer, id, { type: 'accept' });
    await event(t, officer, id, { type: 'decide_refuse', reasons: '不属于法律援助事项范围。' });
    expect((await event(t, citizen, id, { type: 'raise_objection' })).json().error.code).toBe(
      'transition_rejected',
    );
    expect(
      (await event(t, citizen, id, { type: 'raise_objection', note: '属于劳动报酬事项。' })).json()
        .status,
    ).toBe('objection_raised');
    const d = (
      await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: officer })
    ).json().application;
    expect(d.deadlines.objectionDecideBy).toBe('2026-05-18'); // 05-17 is a Sunday
    // Art. 49: the 司法行政部门 that set up the 武昌区 centre decides — not the centre that refused, not
    // the city bureau, not another district's bureau.
    const wuchangBureau = await t.signIn('justice_bureau', { agencyCode: 'wuchang' });
    const hongshanBureau = await t.signIn('justice_bureau', { agencyCode: 'hongshan' });
    const uphold = { type: 'uphold_objection', reasons: '属于第三十一条第五项。' };
    expect((await event(t, officer, id, uphold)).statusCode).toBe(403);
    expect((await event(t, admin, id, uphold)).statusCode).toBe(403);
    expect((await event(t, hongshanBureau, id, uphold)).statusCode).toBe(404);
    const seen = await t.request({
      method: 'GET',
      url: `/api/v1/aid/applications/${id}`,
      session: wuchangBureau,
    });
    expect(seen.json().application.actions.map((x: { event: string }) => x.event)).toEqual([
      'uphold_objection',
      'reject_objection',
    ]);
    expect((await event(t, wuchangBureau, id, uphold)).json().status).toBe('objection_upheld');
    // 责令改正: a fresh 7-working-day clock from the review, not from the first receipt.
    t.clock.set('2026-05-20T02:00:00Z');
    expect((await event(t, officer, id, { type: 'review_again' })).json().status).toBe(
      'under_review',
    );
    const again = (
      await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: officer })
    ).json().application;
    expect(again.deadlines.decideBy).toBe('2026-05-27'); // 05-20 + 7 days, not 05-12's
    expect(again.deadlines.overdue).toEqual([]);
  });

  it('an objection after the configured window is refused', async () => {
    const id = await apply(citizen);
    await event(t, officer, id, { type: 'accept' });
    await event(t, officer, id, { type: 'decide_refuse', reasons: '理由' });
    t.clock.set('2026-06-10T02:00:00Z');
    const late = await event(t, citizen, id, { type: 'raise_objection', note: '不服' });
    expect(late.json().error.message).toContain('15日');
  });

  it('先行提供 (Art. 44), the Art. 26 rule and termination on an Art. 48 ground', async () => {
    const senior = await addLawyer(t, officer, { specialties: ['criminal'], yearsExperience: 8 });
    await addLawyer(t, officer, { specialties: ['criminal'], yearsExperience: 1 });
    const id = await apply(officer, {
      channel: 'oral',
      caseCategory: 'criminal_defence',
      caseType: 'criminal_defence',
      lifeOrDeath: true,
      isLitigation: true,
      handlingOrgan: '武昌区人民法院',
      hardship: { basis: 'exempt', article: '第二十五条' },
    });
    const row = await t.ctx.db
      .selectFrom('aid_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'oral',
      applicant_user_id: null,
      agency_id: await agencyId(t, 'wuchang'),
    });
    expect(
      (
        await event(t, officer, id, {
          type: 'grant_urgent',
          urgentGround: '距上诉期限届满不足七日',
        })
      ).json().status,
    ).toBe('granted');
    await event(t, officer, id, { type: 'assign' });
    expect(
      (
        await t.ctx.db
          .selectFrom('aid_applications')
          .select('assigned_lawyer_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).assigned_lawyer_id,
    ).toBe(senior.userId);
    const bad = await event(t, officer, id, { type: 'terminate', ground: 'own_counsel' });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await event(t, officer, id, {
          type: 'terminate',
          ground: 'own_counsel',
          reasons: '受援人已自行委托律师。',
        })
      ).json().status,
    ).toBe('terminated');
  });

  it('点援制: one of the applicant’s preferred lawyers is assigned', async () => {
    const a = await addLawyer(t, officer, { specialties: ['civil'] });
    const b = await addLawyer(t, officer, { specialties: ['civil'] });
    const listed = (
      await t.request({
        method: 'GET',
        url: `/api/v1/aid/lawyers?agencyId=${await agencyId(t, 'wuchang')}`,
      })
    ).json().items;
    expect(listed.map((l: { id: number }) => l.id)).toEqual(
      expect.arrayContaining([a.userId, b.userId]),
    );
    const one = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({ handlingDistrict: '武昌区', preferredLawyerIds: [a.userId] }),
    });
    expect(one.json().error.code).toBe('preferred_lawyers_too_few');
    // 李四 applies from her own account (an account applies for its own ID, Art. 40).
    const lisi = await t.signIn('citizen');
    const id = await apply(lisi, {
      caseType: 'maintenance',
      preferredLawyerIds: [a.userId, b.userId],
      homeService: true,
      applicant: { name: '李四', idNumber: idNumber('42010619850505123'), phone: '13700001111' },
      hardship: { basis: 'proof' },
    });
    // 容缺受理: the income certificate is to follow; review and the decision go on meanwhile.
    const tolerant = await event(t, officer, id, { type: 'accept_tolerant', items: ['收入证明'] });
    expect(tolerant.json().status).toBe('under_review');
    await event(t, officer, id, { type: 'decide_grant', reasons: '符合条件' });
    await event(t, officer, id, { type: 'assign' });
    const row = await t.ctx.db
      .selectFrom('aid_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([a.userId, b.userId]).toContain(row.assigned_lawyer_id);
    expect(row.assigned_by_choice).toBe(1);
    expect(
      (await event(t, lisi, id, { type: 'request_lawyer_change', note: '沟通不畅' })).json().status,
    ).toBe('lawyer_change_requested');
    await event(t, officer, id, { type: 'reassign' });
    const after = await t.ctx.db
      .selectFrom('aid_applications')
      .select('assigned_lawyer_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after.assigned_lawyer_id).not.toBe(row.assigned_lawyer_id);
  });
});

describe('ledger, export and statistics', () => {
  it('officers see only their agency in the ledger; admins see all; lists are masked', async () => {
    const mine = (
      await t.request({ method: 'GET', url: '/api/v1/aid/office/ledger', session: officer })
    ).json().items;
    expect(mine.length).toBeGreaterThan(3);
    expect(mine[0].applicantName).toMatch(/\*/);
    expect(
      (
        await t.request({ method: 'GET', url: '/api/v1/aid/office/ledger', session: otherOfficer })
      ).json().items,
    ).toHaveLength(0);
    const id = mine[0].id;
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/aid/applications/${id}`,
          session: otherOfficer,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/aid/office/ledger', session: citizen }))
        .statusCode,
    ).toBe(403);
    const exempt = (
      await t.request({
        method: 'GET',
        url: '/api/v1/aid/office/ledger?basis=exempt',
        session: admin,
      })
    ).json().items;
    expect(exempt).toHaveLength(1);
  });

  it('exports .xlsx and CSV with the same rows', async () => {
    const x = await t.request({
      method: 'GET',
      url: '/api/v1/aid/office/ledger?format=xlsx',
      session: officer,
    });
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('法律援助台账')!;
    expect(ws.getRow(1).getCell(1).value).toBe('申请编号');
    const csv = await t.request({
      method: 'GET',
      url: '/api/v1/aid/office/ledger?format=csv',
      session: officer,
    });
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.length).toBe(ws.rowCount);
    expect(csv.body).not.toContain(idNumber());
  });

  it('computes the bureau figures from the data', async () => {
    const s = await aidStatistics(t.ctx.db, { from: '2026-04-01', to: '2026-06-30' });
    const total = await t.ctx.db
      .selectFrom('aid_applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(s.received).toBe(Number(total.n));
    expect(s.byBasis).toEqual({ commitment: s.received - 2, proof: 1, exempt: 1 });
    expect(s.tolerantAcceptance).toBe(1);
    expect(s.homeService).toBe(1);
    expect(s.pointChoice).toBe(1);
    expect(s.urgent).toBe(1);
    expect(s.byMonth.map((m) => m.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(s.byDistrict.find((d) => d.agency === '武昌区法律援助中心')?.received).toBe(s.received);
    const http = await t.request({
      method: 'GET',
      url: '/api/v1/aid/office/statistics?from=2026-04-01&to=2026-06-30',
      session: admin,
    });
    expect(http.json().received).toBe(s.received);
    expect((await aidStatistics(t.ctx.db, { from: '2026-07-01', to: '2026-07-31' })).received).toBe(
      0,
    );
  });
});
