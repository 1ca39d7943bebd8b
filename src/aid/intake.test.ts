/**
 * @module Intake as officers work it (issue 16 items 2, 3, 5): only the competent office accepts or
 * decides, a wrong competent office is corrected with a reason, 容缺受理 goes on without a pause and counts
 * as such, 不予受理 prints its notice, an account applies for its own ID, and the same person's other
 * applications for the same matter are flagged to staff only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { agencyId, applicationBody, event, idNumber } from '../test/aid-api.js';
import { aidStatistics } from './ledger.js';

let t: TestApp;
let jiangan: Session, jianghan: Session, hongshan: Session, citizen: Session;
const dir = mkdtempSync(path.join(tmpdir(), 'aid-intake-'));

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-06T02:00:00Z');
  jiangan = await t.signIn('aid_officer', { agencyCode: 'jiangan' });
  jianghan = await t.signIn('aid_officer', { agencyCode: 'jianghan' });
  hongshan = await t.signIn('aid_officer', { agencyCode: 'hongshan' });
  citizen = await t.signIn('citizen');
});
afterAll(() => t.close());

async function apply(s: Session, over: Record<string, unknown> = {}): Promise<number> {
  const r = await t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: s,
    payload: applicationBody(over),
  });
  if (r.statusCode !== 200) throw new Error(r.body);
  return r.json().id as number;
}
const detail = async (s: Session, id: number) =>
  (await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}`, session: s })).json()
    .application;
const actions = async (s: Session, id: number) =>
  (await detail(s, id)).actions.map((a: { event: string }) => a.event) as string[];

describe('competence (Art. 38)', () => {
  it('the receiving office forwards; it cannot accept, decide or grant 先行提供', async () => {
    // Received at 江岸 for a 江汉区 matter.
    const id = await apply(jiangan, { handlingDistrict: '江汉区' });
    const offered = await actions(jiangan, id);
    expect(offered).toContain('transfer');
    for (const e of ['accept', 'accept_tolerant', 'refuse_acceptance', 'grant_urgent'])
      expect(offered).not.toContain(e);
    for (const body of [
      { type: 'accept' },
      { type: 'grant_urgent', urgentGround: '诉讼时效将届满' },
      { type: 'refuse_acceptance', reasons: '不属于法律援助范围' },
    ]) {
      const r = await event(t, jiangan, id, body);
      expect(r.statusCode, body.type).toBe(400);
      expect(r.json().error.code).toBe('aid_not_competent');
    }
    const d = await detail(jiangan, id);
    expect(d.status).toBe('received');
    expect(d.competenceBasis).toBe(
      '争议处理机关所在地或者事由发生地为江汉区（法律援助法第三十八条）',
    );
    expect((await event(t, jiangan, id, { type: 'transfer' })).json().status).toBe('transferred');
    expect(await actions(jianghan, id)).toContain('accept');
  });

  it('a wrong competent office is corrected with a reason, even after acceptance', async () => {
    const id = await apply(citizen, { handlingDistrict: '江汉区' });
    expect((await event(t, jianghan, id, { type: 'accept' })).json().status).toBe('under_review');
    const target = await agencyId(t, 'hongshan');
    const noReason = await event(t, jianghan, id, { type: 'correct_competence', agencyId: target });
    expect(noReason.json().error.code).toBe('transition_rejected');
    const unknown = await event(t, jianghan, id, {
      type: 'correct_competence',
      agencyId: 999_999,
      reasons: '劳动合同履行地在洪山区',
    });
    expect(unknown.json().error.code).toBe('agency_not_found');
    const moved = await event(t, jianghan, id, {
      type: 'correct_competence',
      agencyId: target,
      reasons: '用人单位和劳动合同履行地均在洪山区，争议应由洪山区处理',
    });
    expect(moved.json().status).toBe('transferred');
    const d = await detail(hongshan, id);
    expect(d.competentAgencyId).toBe(target);
    expect(d.agencyId).toBe(target);
    expect(d.competenceBasis).toBe(
      '经更正管辖：用人单位和劳动合同履行地均在洪山区，争议应由洪山区处理',
    );
    expect(d.timeline.at(-1)).toMatchObject({
      event: 'correct_competence',
      label: '更正管辖并转交',
    });
    // 江汉 received it and keeps reading it, but no longer acts on it.
    expect((await detail(jianghan, id)).actions).toEqual([]);
    expect(
      (await event(t, jianghan, id, { type: 'decide_grant', reasons: '符合' })).statusCode,
    ).toBe(409);
    expect((await event(t, hongshan, id, { type: 'accept' })).json().status).toBe('under_review');
  });
});

describe('容缺受理 and the one notice of missing papers', () => {
  it('accepts with papers to follow, keeps the clock running, and refuses a later 补正', async () => {
    const id = await apply(citizen, { handlingDistrict: '江汉区' });
    const r = await event(t, jianghan, id, { type: 'accept_tolerant', items: ['户口簿复印件'] });
    expect(r.json().status).toBe('under_review');
    const d = await detail(jianghan, id);
    expect(d.tolerant).toMatchObject({ items: ['户口簿复印件'], completedAt: null });
    expect(d.tolerant.deadline).toMatch(/^2026-04-\d\d$/);
    expect(d.deadlines.paused).toBe(false);
    expect(d.deadlines.decideBy).toBe('2026-04-13'); // 04-06 + 7, no pause
    const notice = await t.ctx.db
      .selectFrom('notify_outbox')
      .select('body')
      .where('kind', '=', 'aid.accept_tolerant')
      .where('ref_id', '=', String(id))
      .where('channel', '=', 'inapp')
      .executeTakeFirstOrThrow();
    expect(notice.body).toContain('户口簿复印件');
    const again = await event(t, jianghan, id, { type: 'request_supplement', items: ['收入证明'] });
    expect(again.json().error.code).toBe('aid_supplement_once');
    expect(await actions(jianghan, id)).not.toContain('request_supplement');
    expect((await event(t, jianghan, id, { type: 'record_papers' })).json().status).toBe(
      'under_review',
    );
    expect((await detail(jianghan, id)).tolerant.completedAt).not.toBeNull();
    expect((await event(t, jianghan, id, { type: 'record_papers' })).statusCode).toBe(400);
    const s = await aidStatistics(t.ctx.db, { from: '2026-04-01', to: '2026-04-30' });
    expect(s.tolerantAcceptance).toBe(1);
  });
});

describe('不予受理', () => {
  it('refuses at intake with reasons, tells the applicant and prints the notice', async () => {
    const id = await apply(citizen, { handlingDistrict: '江汉区' });
    const r = await event(t, jianghan, id, {
      type: 'refuse_acceptance',
      reasons: '申请事项已由人民法院作出生效判决',
    });
    expect(r.json().status).toBe('not_accepted');
    const d = await detail(citizen, id);
    expect(d.statusLabel).toBe('不予受理');
    expect(d.decision).toMatchObject({ kind: 'not_accepted', granted: false });
    const forms = (
      await t.request({
        method: 'GET',
        url: `/api/v1/aid/applications/${id}/forms`,
        session: jianghan,
      })
    )
      .json()
      .forms.map((f: { key: string }) => f.key);
    expect(forms).toContain('non_acceptance');
    expect(forms).not.toContain('decision');
    const pdf = await t.request({
      method: 'GET',
      url: `/api/v1/aid/applications/${id}/forms/non_acceptance`,
      session: jianghan,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'non_acceptance.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('法律援助申请不予受理通知书');
    expect(text).toContain('申请事项已由人民法院作出生效判决');
    expect(text).toContain('第四十九条');
    // The applicant may object (Art. 49), online or at the window (recorded by staff).
    const objection = await event(t, jianghan, id, {
      type: 'raise_objection',
      note: '申请人在窗口口头提出：判决尚未生效',
    });
    expect(objection.json().status).toBe('objection_raised');
  });
});

describe('who applies, and for whom (Art. 40); the same matter twice', () => {
  it('an account applies for its own ID, or records itself as proxy', async () => {
    const own = idNumber('42010219800101555');
    const someone = await t.signIn('citizen');
    await apply(someone, {
      applicant: { name: '周敏', idNumber: own, phone: '13900002222' },
      hardship: { basis: 'commitment', committed: true, signedName: '周敏' },
    });
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: someone,
      payload: applicationBody({
        applicant: { name: '周父', idNumber: idNumber('42010219500101555'), phone: '13900002222' },
        hardship: { basis: 'commitment', committed: true, signedName: '周父' },
      }),
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('aid_own_id_only');
    const asProxy = await apply(someone, {
      applicant: { name: '周父', idNumber: idNumber('42010219500101555'), phone: '13900002222' },
      proxy: { name: '周敏', relation: '女儿', idNumber: own },
      hardship: { basis: 'commitment', committed: true, signedName: '周敏' },
    });
    expect((await detail(someone, asProxy)).proxy).toMatchObject({
      name: '周敏',
      relation: '女儿',
    });
  });

  it('flags the same person’s other application for the same matter to staff, not to the applicant', async () => {
    const person = { name: '吴强', idNumber: idNumber('42010219750101777'), phone: '13900003333' };
    const hardship = { basis: 'commitment', committed: true, signedName: '吴强' };
    const first = await apply(jianghan, { applicant: person, hardship, channel: 'window' });
    const second = await apply(jianghan, {
      applicant: person,
      hardship,
      channel: 'window',
      caseFacts: '同一用人单位拖欠的另外两个月工资，此前已申请过一次。',
    });
    const d = await detail(jianghan, second);
    expect(d.sameMatter).toEqual([
      expect.objectContaining({ id: first, statusLabel: '已接收', agency: '江汉区法律援助中心' }),
    ]);
    const mine = await apply(citizen, { handlingDistrict: '江汉区' });
    expect((await detail(citizen, mine)).sameMatter).toEqual([]);
  });
});
