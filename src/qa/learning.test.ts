import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, setUpArea, type Area } from '../test/consult.js';
import { importKbLaws } from '../test/kb.js';
import { getSearchEngine } from '../search/engine.js';
import { asTrainQuestions } from '../search/examples.js';
import { activeExamples, examplesRevision } from '../search/learning.js';
import { resolveGold } from '../search/train.js';
import { createTestApp, type TestApp } from '../test/app.js';
import type { Answer } from './answer.js';
import { learnFromReplies, type LearningGroup } from './learning.js';

let t: TestApp;
let area: Area;
let stopLearning: () => void;
beforeAll(async () => {
  t = await createTestApp();
  await importKbLaws(t.ctx);
  area = await setUpArea(t);
  stopLearning = learnFromReplies(t.ctx, console);
}, 120_000);
afterAll(async () => {
  stopLearning();
  await t.close();
});

/** What `read` returns once it returns something (the listener learns after the reply's response). */
async function eventually<T>(read: () => Promise<T[]>): Promise<T[]> {
  for (let i = 0; i < 100; i++) {
    const r = await read();
    if (r.length > 0) return r;
    await new Promise((done) => setTimeout(done, 20));
  }
  return read();
}

/** 1-based rank of the article among the first 50 hits (51 when it is not there). */
async function rankOf(query: string, law: string, article: number): Promise<number> {
  const hits = await (await getSearchEngine(t.ctx)).search(query, { k: 50 });
  const i = hits.findIndex((h) => h.law === law && h.article === article);
  return i < 0 ? 51 : i + 1;
}

async function askQa(question: string): Promise<{ conversationId: string; answer: Answer }> {
  const res = await t.request({ method: 'POST', url: '/api/v1/qa/ask', payload: { question } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('learning from lawyers’ answers in 法指针', () => {
  it('turns a lawyer’s answer with the articles it cites into an example that changes the ranking', async () => {
    const paraphrase = '老板一直拖着不跟我签合同，现在我想走人，能多要钱吗';
    const before = await rankOf(paraphrase, '劳动合同法', 82);
    expect(before).toBeGreaterThan(10);

    const q = await json<{ id: number }>(t, area.resident, 'POST', '/consult/questions', {
      body: '我在饭店干了八个月，老板一直不和我签书面劳动合同，我电话13812345678，现在想辞职能要什么补偿？',
    });
    expect(q.status).toBe(200);
    const reply = await json(t, area.lawyerA, 'POST', `/consult/questions/${q.body.id}/messages`, {
      body: '根据《劳动合同法》第八十二条，用人单位自用工之日起超过一个月不满一年未与您订立书面劳动合同的，应当每月支付二倍工资，可以向劳动仲裁委申请。',
    });
    expect(reply.status).toBe(200);

    // The reply is learned as it is posted (the qa module's listener), no harvest needed.
    const examples = await eventually(() => activeExamples(t.ctx));
    expect(examples).toHaveLength(1);
    const e = examples[0]!;
    expect(e).toMatchObject({
      source: 'lawyer_answer',
      sourceRef: `consult_question:${q.body.id}`,
      articles: [{ law: '劳动合同法', num: 82, sub: 0 }],
      issueId: null,
    });
    // The resident's phone number never becomes training data.
    expect(e.question).not.toContain('13812345678');
    expect(e.question).toContain('〔号码〕');

    // search:train reads it as a training question whose gold resolves in the corpus.
    const engine = await getSearchEngine(t.ctx);
    const ci = (await engine.ready()).ci;
    expect(resolveGold(ci, asTrainQuestions(examples)[0]!)).toEqual([
      { law: '劳动合同法', num: 82 },
    ]);

    const after = await rankOf(paraphrase, '劳动合同法', 82);
    expect(after).toBeLessThanOrEqual(5);
    expect(after).toBeLessThan(before);

    // The harvest (catching up on anything missed) finds the same and writes nothing.
    const revision = await examplesRevision(t.ctx);
    expect((await json(t, area.admin, 'POST', '/qa/learning/harvest')).body).toEqual({
      questions: 1,
      examples: 1,
    });
    expect(await examplesRevision(t.ctx)).toBe(revision);
  });
});

describe('learning from staff labels on poorly answered questions', () => {
  const question = '微信被盗号了，骗子用我的号找朋友借钱';

  it('groups poorly answered questions by how often they are asked', async () => {
    for (const q of [
      question,
      '我微信被盗号了，骗子用我的号找朋友借钱',
      '微信被盗号，骗子用我的号向朋友借钱',
    ]) {
      const r = await askQa(q);
      const fb = await t.request({
        method: 'POST',
        url: `/api/v1/qa/answers/${r.answer.id}/feedback`,
        payload: { helpful: false, conversationId: r.conversationId },
      });
      expect(fb.statusCode).toBe(200);
    }
    const res = await json<{ items: LearningGroup[] }>(t, area.admin, 'GET', '/qa/learning/groups');
    expect(res.status).toBe(200);
    const top = res.body.items[0]!;
    expect(top.count).toBe(3);
    expect(top.unhelpful).toBe(3);
    expect(top.labelled).toBe(0);
    expect(top.samples).toContain(question);
    expect((await json(t, area.resident, 'GET', '/qa/learning/groups')).status).toBe(403);
  });

  it('a label with an issue changes what the bot answers to the same question', async () => {
    const first = await askQa(question);
    expect(first.answer.issue?.id).not.toBe('criminal-telecom-fraud-report');
    const groups = await json<{ items: LearningGroup[] }>(
      t,
      area.admin,
      'GET',
      '/qa/learning/groups',
    );
    const group = groups.body.items[0]!;
    const label = await json(t, area.admin, 'POST', '/qa/learning/labels', {
      turnIds: group.turnIds,
      issueId: 'criminal-telecom-fraud-report',
    });
    expect(label).toEqual({ status: 200, body: { examples: group.turnIds.length } });

    for (const q of [question, '我的微信被盗号了，骗子拿我的号找朋友借钱']) {
      const again = await askQa(q);
      expect(again.answer.certainty).toBe('issue');
      expect(again.answer.issue?.id).toBe('criminal-telecom-fraud-report');
    }
    const after = await json<{ items: LearningGroup[] }>(
      t,
      area.admin,
      'GET',
      '/qa/learning/groups',
    );
    const same = after.body.items.find((g) => g.turnIds.includes(group.turnIds[0]!))!;
    expect(same.labelled).toBe(group.turnIds.length);
  });

  it('refuses labels that name nothing real, and lets an example be retired once', async () => {
    const turnIds = [(await askQa(question)).answer.id!];
    const cases: [Record<string, unknown>, number, string][] = [
      [{ turnIds, issueId: 'no-such-issue' }, 422, 'kb_issue_not_published'],
      [
        { turnIds, articles: [{ law: '劳动合同法', article: 999 }] },
        422,
        'label_article_not_found',
      ],
      [
        {
          turnIds,
          issueId: 'criminal-telecom-fraud-report',
          articles: [{ law: '刑法', article: 274 }],
        },
        400,
        'validation_failed',
      ],
      [{ turnIds: [2_000_000_000], issueId: 'criminal-telecom-fraud-report' }, 404, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const r = await json<{ error: { code: string; message: string } }>(
        t,
        area.admin,
        'POST',
        '/qa/learning/labels',
        body,
      );
      expect([r.status, r.body.error.code]).toEqual([status, code]);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const list = await json<{ items: { id: number }[] }>(
      t,
      area.admin,
      'GET',
      '/qa/learning/examples',
    );
    const id = list.body.items[0]!.id;
    expect((await json(t, area.admin, 'POST', `/qa/learning/examples/${id}/retire`)).status).toBe(
      200,
    );
    const twice = await json<{ error: { code: string } }>(
      t,
      area.admin,
      'POST',
      `/qa/learning/examples/${id}/retire`,
    );
    expect([twice.status, twice.body.error.code]).toEqual([409, 'example_retired']);
  });
});
