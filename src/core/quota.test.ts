/** Quotas counted by the database, under parallel requests, and the expiry of anonymous conversations. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationBody, multipart } from '../test/aid-api.js';
import { sweepAnonymousConversations } from '../qa/retention.js';
import { createTestApp, type Session, type TestApp } from '../test/app.js';

const uploadDir = mkdtempSync(path.join(tmpdir(), 'open12348-quota-'));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    UPLOAD_DIR: uploadDir,
    UPLOAD_QUOTA_BYTES: '2048',
    AID_APPLICATIONS_PER_DAY: '2',
    NOTARY_BOOKINGS_PER_DAY: '2',
    QA_ANON_QUESTIONS_PER_DAY: '2',
    QA_ANON_RETENTION_DAYS: '30',
  });
  t.clock.set('2026-03-02T01:00:00Z');
});
afterAll(async () => {
  await t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const statuses = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode).sort();

function expectQuota(r: { statusCode: number; json(): unknown }) {
  expect(r.statusCode).toBe(429);
  const e = (r.json() as { error: { code: string; message: string } }).error;
  expect(e.code).toBe('quota_exceeded');
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
}

const apply = (s: Session) =>
  t.request({
    method: 'POST',
    url: '/api/v1/aid/applications',
    session: s,
    payload: applicationBody(),
  });

describe('aid applications per day', () => {
  it('accepts the daily allowance of six parallel applications, refuses the rest, and again tomorrow', async () => {
    const citizen = await t.signIn('citizen');
    const rs = await Promise.all(Array.from({ length: 6 }, () => apply(citizen)));
    expect(statuses(rs)).toEqual([200, 200, 429, 429, 429, 429]);
    expectQuota(rs.find((r) => r.statusCode === 429)!);
    const rows = await t.ctx.db
      .selectFrom('aid_applications')
      .select('id')
      .where('applicant_user_id', '=', citizen.userId)
      .execute();
    expect(rows).toHaveLength(2);
    t.clock.advance(24 * 3_600_000);
    expect((await apply(citizen)).statusCode).toBe(200);
  });
});

describe('upload bytes per account', () => {
  it('stops parallel uploads at the allowance and keeps no file of a refused one', async () => {
    const citizen = await t.signIn('citizen');
    const id = (await apply(citizen)).json().id as number;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(900, 0x20)]);
    const upload = () => {
      const { payload, headers } = multipart('材料.pdf', pdf, 'application/pdf');
      return t.request({
        method: 'POST',
        url: `/api/v1/aid/applications/${id}/attachments?kind=case`,
        session: citizen,
        headers,
        payload,
      });
    };
    const rs = await Promise.all(Array.from({ length: 5 }, upload));
    expect(statuses(rs)).toEqual([200, 200, 429, 429, 429]);
    expectQuota(rs.find((r) => r.statusCode === 429)!);
    expect(readdirSync(path.join(uploadDir, 'aid'))).toHaveLength(2);
  });
});

describe('notary bookings per day', () => {
  it('refuses a third booking of one account on one day', async () => {
    const admin = await t.signIn('admin');
    const staff = await t.signIn('notary_staff');
    const citizen = await t.signIn('citizen');
    const entries = await t.request({
      method: 'GET',
      url: '/api/v1/directory/entries?kind=notary_office',
    });
    const officeId = entries.json().items[0].id as number;
    await t.request({
      method: 'POST',
      url: `/api/v1/directory/entries/${officeId}/staff`,
      payload: { userId: staff.userId },
      session: admin,
    });
    const slot = async (startTime: string, endTime: string) =>
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/notary/offices/${officeId}/slots`,
          session: staff,
          payload: { matterCode: 'weituo', date: '2026-03-10', startTime, endTime, capacity: 3 },
        })
      ).json().id as number;
    const slots = [
      await slot('09:00', '10:00'),
      await slot('10:00', '11:00'),
      await slot('11:00', '12:00'),
    ];
    const rs = await Promise.all(
      slots.map((slotId) =>
        t.request({
          method: 'POST',
          url: '/api/v1/notary/bookings',
          session: citizen,
          payload: { slotId, applicantName: '王小明', phone: '13812345678' },
        }),
      ),
    );
    expect(statuses(rs)).toEqual([200, 200, 429]);
    expectQuota(rs.find((r) => r.statusCode === 429)!);
  });
});

describe('anonymous 智能问答', () => {
  const ask = (remoteAddress: string, session?: Session) =>
    t.request({
      method: 'POST',
      url: '/api/v1/qa/ask',
      remoteAddress,
      payload: { question: '公司拖欠工资怎么办？' },
      ...(session ? { session } : {}),
    });

  it('stores a bounded number of anonymous questions per address and day', async () => {
    const rs = await Promise.all([1, 2, 3, 4].map(() => ask('198.51.100.200')));
    expect(statuses(rs)).toEqual([200, 200, 429, 429]);
    expect((await ask('198.51.100.201')).statusCode).toBe(200);
    const signedIn = await t.signIn('citizen');
    for (let i = 0; i < 3; i++)
      expect((await ask('198.51.100.200', signedIn)).statusCode).toBe(200);
  });

  it('deletes anonymous conversations after the retention, keeps a signed-in user’s', async () => {
    const signedIn = await t.signIn('citizen');
    const mine = (await ask('198.51.100.210', signedIn)).json().conversationId as string;
    const anon = (await ask('198.51.100.211')).json().conversationId as string;
    t.clock.advance(29 * 86_400_000);
    expect(await sweepAnonymousConversations(t.ctx)).toBe(0);
    t.clock.advance(2 * 86_400_000);
    expect(await sweepAnonymousConversations(t.ctx)).toBeGreaterThanOrEqual(1);
    const left = await t.ctx.db.selectFrom('qa_conversations').select('public_id').execute();
    const ids = left.map((r) => r.public_id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(anon);
    const anonRows = await t.ctx.db
      .selectFrom('qa_conversations')
      .select('id')
      .where('user_id', 'is', null)
      .execute();
    expect(anonRows).toEqual([]);
  });
});
