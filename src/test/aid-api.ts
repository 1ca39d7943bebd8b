/** @module API test helpers for the aid area: valid 身份证号, application payloads, roster setup, multipart bodies. */
import type { Session, TestApp } from './app.js';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-digit ID number from 17 digits (GB 11643 check digit). */
export function idNumber(first17 = '42010219900101123'): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * W[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

let serial = 0;

/** A valid application; each call's facts differ, so separate cases are not taken for a repeat submission. */
export function applicationBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicant: { name: '王小梅', idNumber: idNumber(), phone: '13912345678' },
    adverseParty: '武汉某建筑有限公司',
    caseCategory: 'civil',
    caseType: 'labour_pay',
    caseFacts: `在工地务工半年，公司拖欠工资两万元，多次催讨未果（第 ${++serial} 件）。`,
    isLitigation: false,
    handlingDistrict: '江汉区',
    hardship: { basis: 'commitment', committed: true, signedName: '王小梅' },
    householdSize: 3,
    monthlyIncome: 3000,
    ...over,
  };
}

export async function agencyId(t: TestApp, code: string): Promise<number> {
  const a = await t.ctx.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return a.id;
}

export async function event(t: TestApp, s: Session, id: number, payload: Record<string, unknown>) {
  return t.request({
    method: 'POST',
    url: `/api/v1/aid/applications/${id}/events`,
    session: s,
    payload,
  });
}

export async function addLawyer(
  t: TestApp,
  officer: Session,
  over: Record<string, unknown> = {},
): Promise<Session> {
  const lawyer = await t.signIn('aid_lawyer');
  const r = await t.request({
    method: 'PUT',
    url: '/api/v1/aid/roster',
    session: officer,
    payload: { userId: lawyer.userId, specialties: ['labour'], yearsExperience: 5, ...over },
  });
  if (r.statusCode !== 200) throw new Error(r.body);
  return lawyer;
}

export function multipart(
  filename: string,
  content: Buffer,
  mime: string,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----aidtest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
