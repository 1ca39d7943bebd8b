import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { json, setUpArea, type Area } from '../test/consult.js';

let t: TestApp;
let area: Area;
beforeAll(async () => {
  t = await createTestApp();
  area = await setUpArea(t);
});
afterAll(() => t.close());

async function askAs(s = area.resident, body = '公司拖欠我三个月工资，我该怎么办？') {
  const r = await json<{ id: number }>(t, s, 'POST', '/consult/questions', { body });
  expect(r.status).toBe(200);
  return r.body.id;
}

describe('asking and answering', () => {
  it('refuses a question before the resident has chosen her community', async () => {
    const newcomer = await t.signIn('citizen');
    const r = await json<{ error: { code: string } }>(t, newcomer, 'POST', '/consult/questions', {
      body: '邻居装修噪音扰民怎么办？',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('community_required');
  });

  it('routes the question to her community lawyer, who answers; the answer stops the clock', async () => {
    const id = await askAs();
    const inbox = await json<{
      items: { id: number; citizen: string }[];
      counts: { mine: number };
    }>(t, area.lawyerA, 'GET', '/consult/inbox');
    const item = inbox.body.items.find((i) => i.id === id);
    expect(item?.citizen).toBe('张**');
    expect(inbox.body.counts.mine).toBeGreaterThanOrEqual(1);
    const other = await json<{ items: { id: number }[] }>(t, area.lawyerB, 'GET', '/consult/inbox');
    expect(other.body.items.map((i) => i.id)).not.toContain(id);

    t.clock.advance(3 * 60_000);
    const reply = await json<{ first: boolean }>(
      t,
      area.lawyerA,
      'POST',
      `/consult/questions/${id}/messages`,
      {
        body: '可以先向劳动监察大队投诉，或申请劳动仲裁。',
      },
    );
    expect(reply.body.first).toBe(true);
    const q = await json<{
      question: {
        status: string;
        nextEscalationAt: string | null;
        messages: unknown[];
        firstResponseMinutes: number;
      };
    }>(t, area.resident, 'GET', `/consult/questions/${id}`);
    expect(q.body.question.status).toBe('answered');
    expect(q.body.question.nextEscalationAt).toBeNull();
    expect(q.body.question.messages).toHaveLength(1);
    expect(q.body.question.firstResponseMinutes).toBe(3);
  });

  it('three replies at once: all are kept, exactly one is the first response', async () => {
    const id = await askAs();
    const replies = await Promise.all(
      [area.lawyerA, area.lawyerA, area.lawyerA].map((s, i) =>
        json<{ first: boolean }>(t, s, 'POST', `/consult/questions/${id}/messages`, {
          body: `第${i + 1}条回复：建议先保存工资条和考勤记录。`,
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.filter((r) => r.body.first)).toHaveLength(1);
    const firsts = await t.ctx.db
      .selectFrom('consult_events')
      .select('id')
      .where('question_id', '=', id)
      .where('kind', '=', 'first_reply')
      .execute();
    expect(firsts).toHaveLength(1);
    const q = await json<{ question: { status: string; messages: unknown[] } }>(
      t,
      area.resident,
      'GET',
      `/consult/questions/${id}`,
    );
    expect(q.body.question).toMatchObject({ status: 'answered' });
    expect(q.body.question.messages).toHaveLength(3);
  });

  it('lets the resident rate an answered question once', async () => {
    const id = await askAs();
    const early = await json(t, area.resident, 'POST', `/consult/questions/${id}/rating`, {
      score: 5,
    });
    expect(early.status).toBe(403);
    await json(t, area.lawyerA, 'POST', `/consult/questions/${id}/messages`, {
      body: '建议保留工资条。',
    });
    const ok = await json(t, area.resident, 'POST', `/consult/questions/${id}/rating`, {
      score: 4,
      comment: '很及时',
    });
    expect(ok.status).toBe(200);
    const again = await json(t, area.resident, 'POST', `/consult/questions/${id}/rating`, {
      score: 1,
    });
    expect(again.status).toBe(403);
  });

  it('rejects bad input with stable codes', async () => {
    const short = await json<{ error: { code: string } }>(
      t,
      area.resident,
      'POST',
      '/consult/questions',
      { body: '你好' },
    );
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('validation_failed');
    const extra = await json<{ error: { code: string } }>(
      t,
      area.resident,
      'POST',
      '/consult/questions',
      {
        body: '请问离婚财产怎么分？',
        urgent: true,
      },
    );
    expect(extra.status).toBe(400);
  });
});

describe('who sees what', () => {
  it('hides a resident’s question from other residents and other communities’ lawyers (404)', async () => {
    const id = await askAs();
    const stranger = await t.signIn('citizen');
    for (const s of [stranger, area.lawyerB, area.volunteer]) {
      const r = await json<{ error: { code: string } }>(t, s, 'GET', `/consult/questions/${id}`);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    expect((await json(t, area.lawyerA, 'GET', `/consult/questions/${id}`)).status).toBe(200);
    expect((await json(t, area.admin, 'GET', `/consult/questions/${id}`)).status).toBe(200);
    const mine = await json<{ items: { id: number }[] }>(t, stranger, 'GET', '/consult/questions');
    expect(mine.body.items).toHaveLength(0);
  });

  it('audits a lawyer’s read of the question', async () => {
    const id = await askAs();
    await json(t, area.lawyerA, 'GET', `/consult/questions/${id}`);
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'consult_question')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'read_personal_data')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_id).toBe(area.lawyerA.userId);
  });

  it('keeps a lawyer from answering another community’s question', async () => {
    const id = await askAs();
    const r = await json(t, area.lawyerB, 'POST', `/consult/questions/${id}/messages`, {
      body: '我来回答',
    });
    expect(r.status).toBe(404);
  });
});

describe('classification and legal-aid referral', () => {
  it('creates a prefilled draft the resident confirms', async () => {
    const id = await askAs(
      area.resident,
      '我是农民工，工地老板拖欠工资两万元不给，家里困难请不起律师。',
    );
    const bad = await json(t, area.lawyerA, 'POST', `/consult/questions/${id}/classify`, {
      category: 'unknown',
    });
    expect(bad.status).toBe(400);
    const r = await json<{ referralId: number; applyUrl: string }>(
      t,
      area.lawyerA,
      'POST',
      `/consult/questions/${id}/classify`,
      {
        category: 'legal_aid',
      },
    );
    expect(r.status).toBe(200);
    expect(r.body.applyUrl).toBe(`/aid/apply?referral=${r.body.referralId}`);
    const ref = await json<{ referral: { status: string; fields: Record<string, unknown> } }>(
      t,
      area.resident,
      'GET',
      `/consult/referrals/${r.body.referralId}`,
    );
    expect(ref.body.referral.status).toBe('draft');
    expect(ref.body.referral.fields).toMatchObject({
      applicantName: '张三丰',
      district: '洪山区',
      street: '珞南街道',
      community: '珞珈山社区',
      consultQuestionId: id,
    });
    expect(String(ref.body.referral.fields.caseSummary)).toContain('拖欠工资两万元');
    const stranger = await t.signIn('citizen');
    expect((await json(t, stranger, 'GET', `/consult/referrals/${r.body.referralId}`)).status).toBe(
      404,
    );
    expect(
      (await json(t, stranger, 'POST', `/consult/referrals/${r.body.referralId}/confirm`)).status,
    ).toBe(404);
    const ok = await json<{ applyUrl: string }>(
      t,
      area.resident,
      'POST',
      `/consult/referrals/${r.body.referralId}/confirm`,
    );
    expect(ok.status).toBe(200);
    const twice = await json<{ error: { code: string } }>(
      t,
      area.resident,
      'POST',
      `/consult/referrals/${r.body.referralId}/confirm`,
    );
    expect(twice.body.error.code).toBe('already_confirmed');
    const q = await t.ctx.db
      .selectFrom('consult_questions')
      .select('category')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(q.category).toBe('legal_aid');
  });
});

describe('offline service log', () => {
  it('records work in the lawyer’s own community and refuses others', async () => {
    const ok = await json(t, area.lawyerA, 'POST', '/consult/offline-logs', {
      communityId: area.communityA,
      kind: 'lecture',
      date: '2026-11-20',
      count: 2,
    });
    expect(ok.status).toBe(200);
    const other = await json<{ error: { code: string } }>(
      t,
      area.lawyerA,
      'POST',
      '/consult/offline-logs',
      {
        communityId: area.communityB,
        kind: 'mediation',
        date: '2026-11-20',
        count: 1,
      },
    );
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('not_your_community');
    const future = await json<{ error: { code: string } }>(
      t,
      area.lawyerA,
      'POST',
      '/consult/offline-logs',
      {
        communityId: area.communityA,
        kind: 'lecture',
        date: '2999-01-01',
        count: 1,
      },
    );
    expect(future.body.error.code).toBe('date_in_future');
    const list = await json<{ items: { kindLabel: string; count: number }[] }>(
      t,
      area.lawyerA,
      'GET',
      '/consult/offline-logs',
    );
    expect(list.body.items).toEqual([expect.objectContaining({ kindLabel: '法治讲座', count: 2 })]);
  });
});
