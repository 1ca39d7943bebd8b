import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/app.js';
import { addLawyer, applicationBody, event, idNumber } from '../../test/aid-api.js';
import { decisionVerificationCode } from '../fee-waiver.js';

let t: TestApp;
let jiangan: Session, jianghan: Session, citizen: Session, lawyer: Session;
let id: number;
let refNo: string;
const ID = idNumber('42010619850203123');
const dir = mkdtempSync(path.join(tmpdir(), 'aid-forms-'));

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T02:00:00Z');
  jiangan = await t.signIn('aid_officer', { agencyCode: 'jiangan' });
  jianghan = await t.signIn('aid_officer', { agencyCode: 'jianghan' });
  citizen = await t.signIn('citizen');
  lawyer = await addLawyer(t, jianghan);
});
afterAll(() => t.close());

const formsOf = async (s: Session) =>
  (await t.request({ method: 'GET', url: `/api/v1/aid/applications/${id}/forms`, session: s }))
    .json()
    .forms.map((f: { key: string }) => f.key);

/** Prints a form and returns its text (whitespace removed, as pdftotext breaks lines) and code. */
async function print(s: Session, form: string): Promise<{ text: string; code: string }> {
  const r = await t.request({
    method: 'GET',
    url: `/api/v1/aid/applications/${id}/forms/${form}`,
    session: s,
  });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toBe('application/pdf');
  const file = path.join(dir, `${form}.pdf`);
  writeFileSync(file, r.rawPayload);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const code = /核验码：([0-9A-Z]{5}-[0-9A-Z]{5})（/.exec(text)?.[1];
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  return { text, code: code! };
}

const verify = (code: string) =>
  t.request({ method: 'GET', url: `/api/v1/aid/forms/verify/${encodeURIComponent(code)}` });

describe('standard forms of a window case', () => {
  it('an oral application at a non-competent office prints the record, the 申请表 and the 承诺书', async () => {
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: jiangan,
      payload: applicationBody({
        channel: 'oral',
        applicant: { name: '李春花', idNumber: ID, phone: '13800001111' },
        hardship: { basis: 'commitment', committed: true, signedName: '李春花' },
        handlingDistrict: '江汉区',
      }),
    });
    expect(r.json()).toMatchObject({ status: 'received' });
    id = r.json().id;
    refNo = (
      await t.ctx.db
        .selectFrom('aid_applications')
        .select('ref_no')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).ref_no!;
    expect(await formsOf(jiangan)).toEqual(['application', 'commitment', 'oral_record']);
    const oral = await print(jiangan, 'oral_record');
    expect(oral.text).toContain('口头申请法律援助笔录');
    expect(oral.text).toContain(refNo);
    expect(oral.text).toContain('李春花');
    expect(oral.text).toContain('已向申请人宣读');
    const commit = await print(jiangan, 'commitment');
    expect(commit.text).toContain('第六十四条');
    expect(commit.text).toContain('承诺人（签名）');
    const form = await print(jiangan, 'application');
    expect(form.text).toContain(ID);
    expect(form.text).toContain('武汉某建筑有限公司');
    expect(form.text).toContain('申请人（签名）：日期：');
    expect(form.code).not.toBe(commit.code);
  });

  it('the public check answers which form, which case, when — and nothing personal', async () => {
    const { code } = await print(jiangan, 'application');
    const ok = await verify(code.toLowerCase().replace('-', ' '));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      form: 'application',
      title: '法律援助申请表',
      refNo,
      issuedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(JSON.stringify(ok.json())).not.toContain('李春花');
    expect((await verify('ABCDE-FGHJK')).json().error.code).toBe('form_not_found');
  });

  it('forms outside their stage are refused; printing is staff-only and audited', async () => {
    const early = await t.request({
      method: 'GET',
      url: `/api/v1/aid/applications/${id}/forms/decision`,
      session: jiangan,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('form_not_available');
    const bad = await t.request({
      method: 'GET',
      url: `/api/v1/aid/applications/${id}/forms/nonsense`,
      session: jiangan,
    });
    expect(bad.statusCode).toBe(400);
    for (const s of [citizen, jianghan]) {
      const r = await t.request({
        method: 'GET',
        url: `/api/v1/aid/applications/${id}/forms/application`,
        session: s,
      });
      expect([403, 404]).toContain(r.statusCode);
    }
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('entity')
      .where('entity_id', '=', String(id))
      .where('entity', 'like', 'aid_form_%')
      .execute();
    expect(audits.map((a) => a.entity).sort()).toEqual([
      'aid_form_application',
      'aid_form_application',
      'aid_form_commitment',
      'aid_form_oral_record',
    ]);
  });

  it('transfer, 补正, acceptance, grant and assignment each bring their form', async () => {
    await event(t, jiangan, id, { type: 'transfer' });
    const tr = await print(jianghan, 'transfer');
    expect(tr.text).toContain('收件机构：江岸区法律援助中心转交至：江汉区法律援助中心');
    t.clock.set('2026-03-03T02:00:00Z');
    await event(t, jianghan, id, {
      type: 'request_supplement',
      items: ['身份证复印件', '劳动关系证明'],
      supplementDays: 10,
    });
    const sup = await print(jianghan, 'supplement');
    expect(sup.text).toContain('身份证复印件、劳动关系证明');
    expect(sup.text).toContain('补正期限：2026-03-13');
    expect(sup.text).toContain('第四十三条');
    expect(sup.text).toContain('江汉区法律援助中心（盖章）2026-03-03');
    await event(t, jianghan, id, { type: 'supplement' });
    await event(t, jianghan, id, { type: 'accept' });
    expect((await print(jianghan, 'acceptance')).text).toContain('已予受理');
    const g = await event(t, jianghan, id, { type: 'decide_grant', reasons: '符合第三十一条。' });
    expect(g.json().status).toBe('granted');
    const row = await t.ctx.db
      .selectFrom('aid_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const dec = await print(jianghan, 'decision');
    expect(dec.text).toContain('给予法律援助决定书');
    expect(dec.text).toContain(`减免费用核验码：${decisionVerificationCode(row)}`);
    await event(t, jianghan, id, { type: 'assign' });
    const as = await print(jianghan, 'assignment');
    expect(as.text).toContain('指派通知书');
    expect(as.text).toContain('第四十六条');
    expect(as.text).toContain('13800001111');
    expect((await verify(as.code)).json()).toMatchObject({ form: 'assignment', refNo });
    const name = await t.ctx.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', lawyer.userId)
      .executeTakeFirstOrThrow();
    expect(as.text).toContain(`指派律师：${name.display_name}`);
  });

  it('termination prints its decision; a refusal prints 不予 without a fee-waiver code', async () => {
    const r = await event(t, jianghan, id, {
      type: 'terminate',
      ground: 'own_counsel',
      reasons: '受援人已自行委托律师。',
    });
    expect(r.json()).toMatchObject({ status: 'terminated' });
    const term = await print(jianghan, 'termination');
    expect(term.text).toContain('终止法律援助决定书');
    expect(term.text).toContain('受援人已自行委托律师');
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/aid/applications',
      session: jianghan,
      payload: applicationBody({ channel: 'window', handlingDistrict: '江汉区' }),
    });
    id = other.json().id;
    await event(t, jianghan, id, { type: 'accept' });
    await event(t, jianghan, id, { type: 'decide_refuse', reasons: '不符合经济困难标准。' });
    expect(await formsOf(jianghan)).toEqual([
      'application',
      'commitment',
      'acceptance',
      'decision',
    ]);
    const dec = await print(jianghan, 'decision');
    expect(dec.text).toContain('不予法律援助决定书');
    expect(dec.text).not.toContain('减免费用核验码');
  });
});
