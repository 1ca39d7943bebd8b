import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/app.js';
import { SAMPLE_ANSWERS } from './samples.js';
import { importOpinionLaws } from '../test/opinion.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2025-06-01T08:00:00Z');
  await importOpinionLaws(t.ctx);
});
afterAll(() => t.close());

type Who = { session?: Session; token?: string };
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who: Who = {}, payload?: unknown) =>
  t.request({
    method,
    url: `/api/v1/opinion${url}`,
    ...(who.session ? { session: who.session } : {}),
    ...(who.token ? { headers: { 'x-opinion-token': who.token } } : {}),
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

/** Answers whatever question is shown from the sample until the interview is complete. */
async function runInterview(scenarioId: string, who: Who) {
  const start = await call('POST', '/sessions', who, { scenarioId });
  expect(start.statusCode).toBe(200);
  const token = start.json().token as string | undefined;
  const w = { ...who, ...(token ? { token } : {}) };
  let s = start.json().session;
  const answers = SAMPLE_ANSWERS[scenarioId]!;
  while (!s.complete) {
    const r = await call('POST', `/sessions/${s.id}/answers`, w, {
      questionId: s.question.id,
      value: answers[s.question.id],
    });
    expect(r.statusCode, r.body).toBe(200);
    s = r.json().session;
  }
  return { id: s.id as number, who: w, session: s };
}

function pdfText(buf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'opinion-')), 'a.pdf');
  writeFileSync(file, buf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('scenarios and a kiosk interview', () => {
  it('lists the five scenarios', async () => {
    const r = await call('GET', '/scenarios');
    expect(r.json().items.map((s: { id: string }) => s.id)).toEqual([
      'labour',
      'work-injury',
      'traffic',
      'loan',
      'divorce',
    ]);
  });

  it('runs anonymously with a kiosk token, back and forth without losing answers', async () => {
    const start = await call('POST', '/sessions', {}, { scenarioId: 'labour' });
    expect(String(start.headers['set-cookie'])).toMatch(/opinion_token=.*HttpOnly/);
    const token = start.json().token as string;
    const id = start.json().session.id as number;
    expect(start.json().session.question.id).toBe('disputeType');
    await call(
      'POST',
      `/sessions/${id}/answers`,
      { token },
      { questionId: 'disputeType', value: 'wages' },
    );
    const second = await call(
      'POST',
      `/sessions/${id}/answers`,
      { token },
      { questionId: 'startDate', value: '2024-01-01' },
    );
    expect(second.json().session.question.id).toBe('monthlyWage');
    expect(second.json().session.position).toBe(3);
    const back = await call('POST', `/sessions/${id}/move`, { token }, { direction: 'back' });
    expect(back.json().session.question.id).toBe('startDate');
    expect(back.json().session.answer).toBe('2024-01-01');
    const again = await call('POST', `/sessions/${id}/move`, { token }, { direction: 'back' });
    expect(again.json().session.answer).toBe('wages');
    expect(
      (await call('POST', `/sessions/${id}/move`, { token }, { direction: 'back' })).json().error
        .code,
    ).toBe('at_first_question');
    const fwd = await call('POST', `/sessions/${id}/move`, { token }, { direction: 'forward' });
    expect(fwd.json().session.question.id).toBe('startDate');
    // Resumable: a fresh read shows the same place.
    expect((await call('GET', `/sessions/${id}`, { token })).json().session.question.id).toBe(
      'startDate',
    );
    // Someone else's kiosk token, or none, sees nothing.
    expect((await call('GET', `/sessions/${id}`, { token: 'someone-else' })).statusCode).toBe(404);
    expect((await call('GET', `/sessions/${id}`)).statusCode).toBe(404);
  });

  it('validates answers with stable codes', async () => {
    const { id, who } = await (async () => {
      const s = await call('POST', '/sessions', {}, { scenarioId: 'loan' });
      return { id: s.json().session.id as number, who: { token: s.json().token as string } };
    })();
    const bad = await call('POST', `/sessions/${id}/answers`, who, {
      questionId: 'principal',
      value: -5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_answer');
    expect(bad.json().error.message).toContain('不能小于');
    const offPath = await call('POST', `/sessions/${id}/answers`, who, {
      questionId: 'hasIou',
      value: true,
    });
    expect(offPath.json().error.code).toBe('question_not_on_path');
    const early = await call('POST', `/sessions/${id}/letter`, who);
    expect(early.json().error.code).toBe('interview_incomplete');
    expect(
      (
        await call('POST', `/sessions/${id}/answers`, who, {
          questionId: 'principal',
          value: 1,
          extra: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect((await call('POST', '/sessions', {}, { scenarioId: 'robbery' })).statusCode).toBe(404);
  });
});

describe('letters', () => {
  it('issues a letter whose PDF quotes the articles and the figures, verifiable by code', async () => {
    const { id, who } = await runInterview('labour', {});
    const issued = await call('POST', `/sessions/${id}/letter`, who);
    expect(issued.statusCode, issued.body).toBe(200);
    const { id: letterId, code } = issued.json().letter as { id: number; code: string };
    const letter = (await call('GET', `/letters/${letterId}`, who)).json().letter;
    expect(letter.articles.map((a: { label: string }) => a.label)).toEqual(
      expect.arrayContaining(['第八十七条', '第四十七条', '第二十七条']),
    );
    // 2019-03-01 → 2025-05-10: 6 年 2 个月 → 6.5 × 8,000 × 2
    expect(letter.calculations[0].total).toBe(104000);
    expect(letter.steps.find((s: { deadline?: unknown }) => s.deadline).deadline.date).toBe(
      '2026-05-10',
    );
    const pdf = await call('GET', `/letters/${letterId}/pdf`, who);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('中华人民共和国劳动合同法》第八十七条');
    expect(text).toContain(
      '用人单位违反本法规定解除或者终止劳动合同，劳动者要求继续履行劳动合同的',
    );
    expect(text).toContain('劳动争议申请仲裁的时效期间为一年');
    expect(text).toContain('104,000.00元');
    expect(text).toContain('9500元/月');
    expect(text).toContain('示例数据，请替换');
    expect(text).toContain(code);
    expect(text).toContain('2026年5月10日');

    const v = (await call('GET', `/verify/${code}`)).json();
    expect(v).toMatchObject({
      genuine: true,
      unchanged: true,
      scenario: '劳动争议',
      issuedAt: '2025-06-01T08:00:00.000Z',
    });
    expect(JSON.stringify(v)).not.toContain('8,000');
    await t.ctx.db
      .updateTable('opinion_letters')
      .set({ content: JSON.stringify({ ...letter, facts: [] }) })
      .where('id', '=', letterId)
      .execute();
    expect((await call('GET', `/verify/${code}`)).json().unchanged).toBe(false);
    expect((await call('GET', '/verify/ZZZZZZZZZZZZ')).json()).toEqual({ genuine: false });
  });

  it('renders 繁体 on request', async () => {
    const { id, who } = await runInterview('divorce', {});
    const letterId = (await call('POST', `/sessions/${id}/letter`, who)).json().letter.id;
    const tw = (await call('GET', `/letters/${letterId}?locale=zh-TW`, who)).json().letter;
    expect(tw.scenario.title).toBe('離婚（財產與子女撫養）');
    expect(tw.articles.some((a: { text: string }) => a.text.includes('撫養費'))).toBe(true);
    const pdf = pdfText(
      (await call('GET', `/letters/${letterId}/pdf?locale=zh-TW`, who)).rawPayload,
    );
    expect(pdf).toContain('法律意見書');
    expect(pdf).toContain('3,000.00元');
    expect(pdf).toContain('核驗碼');
    expect(pdf).not.toContain('核验码');
  });

  it('belongs to the citizen: others get 404, reads are audited', async () => {
    const owner = await t.signIn('citizen');
    const other = await t.signIn('citizen');
    const admin = await t.signIn('admin');
    const { id } = await runInterview('loan', { session: owner });
    const letterId = (await call('POST', `/sessions/${id}/letter`, { session: owner })).json()
      .letter.id as number;
    expect((await call('GET', `/letters/${letterId}`, { session: owner })).statusCode).toBe(200);
    for (const who of [{ session: other }, { session: admin }, {}]) {
      expect((await call('GET', `/letters/${letterId}`, who)).statusCode).toBe(404);
      expect((await call('GET', `/sessions/${id}`, who)).statusCode).toBe(404);
      expect((await call('GET', `/letters/${letterId}/pdf`, who)).statusCode).toBe(404);
    }
    expect((await call('GET', '/letters', { session: owner })).json().items[0].id).toBe(letterId);
    expect((await call('GET', '/letters', { session: other })).json().items).toEqual([]);
    const reads = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('entity', '=', 'opinion_letter')
      .where('entity_id', '=', String(letterId))
      .execute();
    expect(reads).toEqual(
      expect.arrayContaining([
        { actor_id: owner.userId, action: 'create' },
        { actor_id: owner.userId, action: 'read_personal_data' },
      ]),
    );
  });

  it('every scenario runs from first question to a PDF citing real articles', async () => {
    for (const scenarioId of ['work-injury', 'traffic']) {
      const { id, who } = await runInterview(scenarioId, {});
      const r = await call('POST', `/sessions/${id}/letter`, who);
      expect(r.statusCode, r.body).toBe(200);
      const letter = (await call('GET', `/letters/${r.json().letter.id}`, who)).json().letter;
      expect(letter.articles.every((a: { text: string }) => a.text.length > 5)).toBe(true);
      expect(letter.calculations.length).toBeGreaterThan(0);
    }
  });
});

describe('figures', () => {
  it('only an administrator edits figures; new figures feed new letters', async () => {
    const citizen = await t.signIn('citizen');
    const admin = await t.signIn('admin');
    const body = {
      key: 'wuhan_avg_monthly_wage',
      value: 10200,
      region: '武汉市',
      effectiveDate: '2025-05-01',
      source: '武汉市统计局公布的2024年度数据（测试）',
    };
    expect((await call('POST', '/figures', { session: citizen }, body)).statusCode).toBe(403);
    const created = await call('POST', '/figures', { session: admin }, body);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().figure.example).toBe(false);
    expect((await call('POST', '/figures', { session: admin }, body)).json().error.code).toBe(
      'figure_exists',
    );
    expect(
      (await call('POST', '/figures', { session: admin }, { ...body, key: 'bogus' })).statusCode,
    ).toBe(400);
    const { id, who } = await runInterview('labour', {});
    const letter = (
      await call(
        'GET',
        `/letters/${(await call('POST', `/sessions/${id}/letter`, who)).json().letter.id}`,
        who,
      )
    ).json().letter;
    expect(
      letter.figures.find((f: { key: string }) => f.key === 'wuhan_avg_monthly_wage'),
    ).toMatchObject({ value: 10200, example: false });
    const patched = await call(
      'PATCH',
      `/figures/${created.json().figure.id}`,
      { session: admin },
      { value: 10300 },
    );
    expect(patched.json().figure.value).toBe(10300);
  });
});
