import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { decisionVerificationCode, hasAidFeeWaiver } from './fee-waiver.js';
import {
  addLawyer,
  agencyId,
  applicationBody,
  event,
  idNumber,
  multipart,
} from '../test/aid-api.js';

let t: TestApp;
let citizen: Session,
  other: Session,
  jiangan: Session,
  jianghan: Session,
  lawyerA: Session,
  lawyerB: Session;
let id: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T02:00:00Z'); // Monday 10:00 in Wuhan
  citizen = await t.signIn('citizen');
  other = await t.signIn('citizen');
  jiangan = await t.signIn('aid_officer', { agencyCode: 'jiangan' });
  jianghan = await t.signIn('aid_officer', { agencyCode: 'jianghan' });
  lawyerA = await addLawyer(t, jianghan, { conflictParties: ['武汉某建筑有限公司'] });
  lawyerB = await addLawyer(t, jianghan, { specialties: ['labour', 'civil'], famous: true });
});
afterAll(() => t.close());

const detail = (s: Session) =>
  t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: s });

describe('from application to evaluation', () => {
  it('refuses bad input with a stable code', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({
        applicant: { name: '王小梅', idNumber: '420102199001011230', phone: '13912345678' },
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const unsigned = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({
        hardship: { basis: 'commitment', committed: true, signedName: '别人' },
      }),
    });
    expect(unsigned.json().error.code).toBe('commitment_name_mismatch');
  });

  it('a citizen applies at a district that is not competent; Art. 38 names the competent one', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: citizen,
      payload: applicationBody({ receivingAgencyId: await agencyId(t, 'jiangan') }),
    });
    expect(r.statusCode).toBe(200);
    id = r.json().id;
    expect(r.json()).toMatchObject({
      status: 'received',
      competentAgencyId: await agencyId(t, 'jianghan'),
    });
    expect((await detail(jiangan)).statusCode).toBe(200);
    expect((await detail(jianghan)).statusCode).toBe(404);
    expect((await detail(other)).statusCode).toBe(404);
  });

  it('市区通办: transfers with the whole record; the receiver cannot bounce it back; time counts from first receipt', async () => {
    const before = (await detail(jiangan)).json().application.deadlines.decideBy;
    expect(before).toBe('2026-03-09');
    expect((await event(t, jiangan, id, { type: 'transfer' })).json()).toMatchObject({
      status: 'transferred',
    });
    // The receiving office keeps the case in view (its window answers the applicant) and in its ledger
    // as receiver, but can no longer act on it.
    const kept = await detail(jiangan);
    expect(kept.statusCode).toBe(200);
    expect(kept.json().application.actions).toEqual([]);
    const ledger = (
      await t.request({ method: 'GET', url: '/api/v1/aid/office/ledger', session: jiangan })
    ).json().items as { id: number; agencyId: number; receivedAgencyId: number }[];
    expect(ledger.find((r) => r.id === id)).toMatchObject({
      agencyId: await agencyId(t, 'jianghan'),
      receivedAgencyId: await agencyId(t, 'jiangan'),
    });
    expect((await event(t, jiangan, id, { type: 'accept' })).statusCode).toBe(409);
    const d = (await detail(jianghan)).json().application;
    expect(d.deadlines.decideBy).toBe(before);
    expect(d.caseFacts).toContain('拖欠工资');
    const back = await event(t, jianghan, id, { type: 'transfer' });
    expect(back.statusCode).toBe(409);
  });

  it('one consolidated 补正 notice pauses the clock; supplementing resumes it', async () => {
    t.clock.set('2026-03-03T02:00:00Z');
    const r = await event(t, jianghan, id, {
      type: 'request_supplement',
      items: ['身份证复印件', '劳动关系证明'],
      supplementDays: 10,
    });
    expect(r.json()).toMatchObject({ status: 'awaiting_supplement' });
    const mine = (await detail(citizen)).json().application;
    expect(mine.supplement).toMatchObject({
      items: ['身份证复印件', '劳动关系证明'],
      deadline: '2026-03-13',
    });
    expect(mine.deadlines.decideBy).toBeNull();
    expect(mine.actions.map((a: { event: string }) => a.event)).toContain('supplement');
    // The applicant hears of it through the outbox: the inbox now, SMS to the application's phone.
    const notes = (
      await t.request({ method: 'GET', url: '/api/v1/me/notifications', session: citizen })
    ).json().items;
    expect(notes[0]).toMatchObject({ kind: 'aid.request_supplement', title: '法律援助申请进展' });
    expect(notes[0].body).toContain('劳动关系证明');
    t.clock.set('2026-03-06T02:00:00Z');
    const pdf = multipart('证明.pdf', Buffer.from('%PDF-1.4\n%test\n'), 'application/pdf');
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/aid/applications/${id}/attachments?kind=supplement`,
      session: citizen,
      ...pdf,
    });
    expect(up.statusCode).toBe(200);
    expect((await event(t, citizen, id, { type: 'supplement' })).json()).toMatchObject({
      status: 'under_review',
    });
    // 一次性告知: a second notice, which would pause the clock again, is refused.
    const again = await event(t, jianghan, id, {
      type: 'request_supplement',
      items: ['户口簿'],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('aid_supplement_once');
    // 03-03 counted, 03-03..03-05 paused (3 days) → due moves from 03-09 to 03-12.
    expect((await detail(jianghan)).json().application.deadlines.decideBy).toBe('2026-03-12');
  });

  it('uploads are type-checked and downloads are access-checked', async () => {
    const exe = multipart('a.pdf', Buffer.from('MZ\x90\x00not a pdf'), 'application/pdf');
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/aid/applications/${id}/attachments`,
      session: citizen,
      ...exe,
    });
    expect(r.statusCode).toBe(415);
    expect(r.json().error.code).toBe('file_type_not_allowed');
    const files = (await detail(citizen)).json().application.attachments;
    expect(files).toHaveLength(1);
    const url = `/api/v1/aid/applications/${id}/attachments/${files[0].id}`;
    const ok = await t.request({ method: 'GET', url, session: jianghan });
    expect(ok.statusCode).toBe(200);
    expect(ok.body.startsWith('%PDF')).toBe(true);
    expect((await t.request({ method: 'GET', url, session: other })).statusCode).toBe(404);
  });

  it('decides with written reasons and prints the decision notice', async () => {
    expect((await event(t, jianghan, id, { type: 'decide_grant' })).json().error.code).toBe(
      'transition_rejected',
    );
    expect((await event(t, citizen, id, { type: 'decide_grant', reasons: 'x' })).statusCode).toBe(
      403,
    );
    const r = await event(t, jianghan, id, {
      type: 'decide_grant',
      reasons: '申请人属进城务工人员请求支付劳动报酬，符合第三十一条第五项。',
    });
    expect(r.json()).toMatchObject({ status: 'granted' });
    const pdf = await t.request({
      method: 'GET',
      url: `/api/v1/aid/applications/${id}/decision.pdf`,
      session: citizen,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aid-')), 'd.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('给予法律援助决定书');
    expect(text).toContain('第三十一条第五项');
    // Art. 21: a bare ID number tells nothing; the decision's verification code (or the recipient's own account) does.
    expect(await hasAidFeeWaiver(t.ctx.db, { idNumber: idNumber() })).toBe(false);
    const row = await t.ctx.db
      .selectFrom('aid_applications')
      .select(['id', 'ref_no', 'applicant_id_number', 'decided_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const code = decisionVerificationCode(row);
    expect(text).toContain(`减免费用核验码：${code}`);
    expect(
      await hasAidFeeWaiver(t.ctx.db, { idNumber: idNumber(), verificationCode: 'ABCDE-FGHJK' }),
    ).toBe(false);
    expect(await hasAidFeeWaiver(t.ctx.db, { idNumber: idNumber(), verificationCode: code })).toBe(
      true,
    );
  });

  it('assigns by rota, skipping the lawyer with a conflict; only that lawyer sees the case', async () => {
    const r = await event(t, jianghan, id, { type: 'assign' });
    expect(r.json()).toMatchObject({ status: 'assigned' });
    const d = (await detail(lawyerB)).json().application;
    expect(d.lawyerId).toBe(lawyerB.userId);
    expect((await detail(lawyerA)).statusCode).toBe(404);
    const forced = await t.request({
      method: 'GET',
      url: '/api/v1/aid/lawyer/cases',
      session: lawyerA,
    });
    expect(forced.json().items).toHaveLength(0);
  });

  it('the lawyer handles and closes; the citizen rates; the officer evaluates (一案一评)', async () => {
    expect((await event(t, lawyerB, id, { type: 'start' })).json()).toMatchObject({
      status: 'in_progress',
    });
    const note = await t.request({
      method: 'POST',
      url: `/api/v1/aid/applications/${id}/notes`,
      session: lawyerB,
      payload: { body: '已向劳动仲裁委提交仲裁申请。' },
    });
    expect(note.statusCode).toBe(200);
    const closed = await event(t, lawyerB, id, {
      type: 'close',
      report: '经仲裁调解，公司支付工资两万元。',
      economicAmount: 20000,
    });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(await hasAidFeeWaiver(t.ctx.db, { userId: citizen.userId })).toBe(false);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/aid/applications/${id}/feedback`,
          session: citizen,
          payload: { satisfaction: 5 },
        })
      ).statusCode,
    ).toBe(200);
    const ev = await t.request({
      method: 'POST',
      url: `/api/v1/aid/applications/${id}/evaluation`,
      session: jianghan,
      payload: { fileScore: 80, hearingScore: 90 },
    });
    expect(ev.json()).toEqual({ combined: Math.round((100 * 0.3 + 80 * 0.4 + 90 * 0.15) / 0.85) });
    const d = (await detail(citizen)).json().application;
    expect(d.status).toBe('evaluated');
    expect(d.timeline.map((s: { event: string }) => s.event)).toEqual([
      'submit',
      'transfer',
      'request_supplement',
      'supplement',
      'decide_grant',
      'assign',
      'start',
      'close',
      'evaluate',
    ]);
    expect(d.timeline.every((s: { at: string }) => typeof s.at === 'string')).toBe(true);
  });

  it('writes one audit row per transition, with actor and from/to', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'aid_application')
      .where('entity_id', '=', String(id))
      .where('action', 'like', 'transition:%')
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(9);
    expect(JSON.parse(rows[1]!.detail!)).toMatchObject({
      from: 'received',
      to: 'transferred',
      event: 'transfer',
    });
    expect(rows[1]!.actor_id).toBe(jiangan.userId);
  });
});
