import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticle, parseArticleRef } from '../laws/repository.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import type { Answer } from './answer.js';
import { getTranscript, qaDeps, setQaDeps } from './service.js';
import { QA_LAW_FILES, parseSse, withoutKnowledgeBase } from '../test/qa.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, QA_LAW_FILES);
  // This file tests answers from retrieval alone (no matching knowledge-base issue);
  // issue-answers.test.ts tests answers built on an issue.
  withoutKnowledgeBase(t.ctx);
});
afterAll(() => t.close());

interface AskResponse {
  conversationId: string;
  turn: number;
  question: string;
  answer: Answer;
}

async function askQ(
  payload: Record<string, unknown>,
  session?: Awaited<ReturnType<TestApp['signIn']>>,
) {
  return t.request({ method: 'POST', url: '/api/v1/qa/ask', payload, session });
}

async function answerOf(question: string, extra: Record<string, unknown> = {}) {
  const res = await askQ({ question, ...extra });
  expect(res.statusCode).toBe(200);
  return res.json<AskResponse>();
}

describe('answers from retrieval alone', () => {
  it('answers a lay question with a conclusion citing an article that exists, with its link', async () => {
    const r = await answerOf('公司拖欠我三个月工资不发，我该怎么办？');
    const a = r.answer;
    expect(a.mode).toBe('embedded');
    expect(a.found).toBe(true);
    expect(a.topic).toBe('劳动争议');
    expect(a.citations.length).toBeGreaterThan(0);
    const first = a.citations[0]!;
    expect(a.conclusion.startsWith(`根据《`)).toBe(true);
    expect(a.conclusion).toContain(first.articleLabel);
    // Without a matching issue the answer says it is less certain.
    expect(a.certainty).toBe('retrieval');
    expect(a.uncertainNote).toContain('可能不完全适用于您的情况');
    for (const c of a.citations) {
      const ref = parseArticleRef(c.articleLabel)!;
      const stored = await getArticle(t.ctx.db, c.law, ref.num, ref.sub);
      expect(stored?.text).toBe(c.text);
      expect(c.url).toBe(
        `/laws/${encodeURIComponent(c.law)}/${encodeURIComponent(c.articleLabel)}`,
      );
    }
    expect(a.citations.some((c) => c.law === '劳动合同法')).toBe(true);
    expect(a.disclaimer).toContain('不构成法律意见');
    expect(a.handoff.url).toBe(`/consult/new?conversation=${r.conversationId}`);
    expect(r.conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('gives next steps whose statute bases exist in the corpus, and names none that do not', async () => {
    const a = (await answerOf('老板不发工资怎么办')).answer;
    const limitation = a.nextSteps.find((s) => s.text.includes('时效'));
    expect(limitation?.basis?.label).toBe('《劳动争议调解仲裁法》第二十七条');
    // 劳动保障监察条例 is not imported in this test: its step stays, without a citation.
    const inspection = a.nextSteps.find((s) => s.text.includes('劳动保障监察'));
    expect(inspection).toBeDefined();
    expect(inspection!.basis).toBeNull();
  });

  it('adds the legal-aid notice for unpaid wages but not for company registration', async () => {
    const wages = (await answerOf('公司拖欠我三个月工资不发，我该怎么办？')).answer;
    expect(wages.legalAid).toBeDefined();
    expect(wages.legalAid!.grounds).toContain('请求确认劳动关系或者支付劳动报酬');
    expect(wages.legalAid!.hardshipRequired).toBe(true);
    expect(wages.legalAid!.url).toBe('/aid/precheck');
    expect(wages.legalAid!.basis.map((b) => b.label)).toContain('《法律援助法》第三十一条');
    expect(wages.legalAid!.text).toContain('《法律援助法》第三十一条');
    const company = (await answerOf('注册一家有限责任公司需要办理哪些登记手续？')).answer;
    expect(company.legalAid).toBeUndefined();
    expect(company.topic).not.toBe('劳动争议');
  });

  it('notes that 家庭暴力 victims need not show hardship (Art. 32)', async () => {
    const a = (await answerOf('丈夫经常家暴我，我想离婚，怎么办？')).answer;
    expect(a.legalAid?.hardshipRequired).toBe(false);
    expect(a.legalAid?.text).toContain('不受经济困难条件的限制');
  });
});

describe('direct references', () => {
  it('quotes an article the question names from its start', async () => {
    const a = (await answerOf('劳动合同法第47条怎么规定的？')).answer;
    expect(a.citations[0]!.articleLabel).toBe('第四十七条');
    expect(
      a.conclusion.startsWith('根据《劳动合同法》第四十七条，经济补偿按劳动者在本单位工作的年限'),
    ).toBe(true);
  });
});

describe('繁体', () => {
  it('reads a 繁体 question and answers in 繁体 for zh-TW, keeping keys and links simplified', async () => {
    const simp = (await answerOf('公司拖欠我三个月工资不发，我该怎么办？')).answer;
    const trad = (await answerOf('公司拖欠我三個月工資不發，我該怎麼辦？', { locale: 'zh-TW' }))
      .answer;
    expect(trad.found).toBe(true);
    expect(trad.citations[0]!.law).toBe(simp.citations[0]!.law);
    expect(trad.citations[0]!.url).toBe(simp.citations[0]!.url);
    expect(trad.conclusion).toContain('根據');
    expect(trad.citations[0]!.lawTitle).toContain('勞動');
    expect(trad.disclaimer).toContain('不構成法律意見');
    const plainRes = await answerOf('公司拖欠我三個月工資不發，我該怎麼辦？');
    expect(plainRes.answer.conclusion).toContain('根据');
    const url = `/api/v1/qa/conversations/${plainRes.conversationId}`;
    const tw = (await t.request({ method: 'GET', url: `${url}?locale=zh-TW` })).json();
    expect(tw.turns[0].question).toBe('公司拖欠我三個月工資不發，我該怎麼辦？');
    expect(tw.turns[0].answer.conclusion).toContain('根據');
    const cn = (await t.request({ method: 'GET', url })).json();
    expect(cn.turns[0].question).toBe('公司拖欠我三个月工资不发，我该怎么办？');
  });
});

describe('conversations', () => {
  it('keeps an anonymous conversation to its token and a user’s conversation to her', async () => {
    const anon = await answerOf('公司拖欠工资怎么办？');
    const read = await t.request({
      method: 'GET',
      url: `/api/v1/qa/conversations/${anon.conversationId}`,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().turns).toHaveLength(1);
    const guess = await t.request({
      method: 'GET',
      url: `/api/v1/qa/conversations/${'A'.repeat(22)}`,
    });
    expect(guess.statusCode).toBe(404);

    const alice = await t.signIn('citizen');
    const bob = await t.signIn('citizen');
    const mine = (
      await askQ({ question: '交通事故对方全责，赔偿怎么算？' }, alice)
    ).json<AskResponse>();
    const url = `/api/v1/qa/conversations/${mine.conversationId}`;
    expect((await t.request({ method: 'GET', url, session: alice })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url, session: bob })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(404);
    const hijack = await askQ(
      { question: '那保险公司呢？', conversationId: mine.conversationId },
      bob,
    );
    expect(hijack.statusCode).toBe(404);
    await expect(getTranscript(t.ctx, mine.conversationId, null)).rejects.toMatchObject({
      status: 404,
    });

    const list = await t.request({
      method: 'GET',
      url: '/api/v1/qa/conversations',
      session: alice,
    });
    expect(list.json().items.map((i: { conversationId: string }) => i.conversationId)).toEqual([
      mine.conversationId,
    ]);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'qa_conversation')
      .execute();
    expect(audits.length).toBeGreaterThan(0);
  });

  it('uses the previous turn as context for a follow-up and gives a transcript for the hand-off', async () => {
    const first = await answerOf('公司拖欠工资三个月不发怎么办？');
    const follow = await answerOf('那加班费呢？', { conversationId: first.conversationId });
    expect(follow.turn).toBe(2);
    expect(follow.answer.topic).toBe('劳动争议');
    expect(follow.answer.found).toBe(true);
    const turn = await t.ctx.db
      .selectFrom('qa_turns')
      .select('retrieval_query')
      .where('id', '=', follow.answer.id!)
      .executeTakeFirstOrThrow();
    expect(turn.retrieval_query).toContain('拖欠工资');
    const tr = await getTranscript(t.ctx, first.conversationId, null);
    expect(tr.turns).toHaveLength(2);
    expect(tr.text).toContain('问：那加班费呢？');
    expect(tr.text).toContain('依据：');
  });

  it('lets a signed-in user take over an anonymous conversation she continues', async () => {
    const anon = await answerOf('离婚后孩子的抚养费怎么确定？');
    const carol = await t.signIn('citizen');
    const res = await askQ(
      { question: '那探望权呢？', conversationId: anon.conversationId },
      carol,
    );
    expect(res.statusCode).toBe(200);
    const url = `/api/v1/qa/conversations/${anon.conversationId}`;
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url, session: carol })).json().turns).toHaveLength(2);
  });

  it('streams meta, token and done events with the same answer', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/qa/ask/stream',
      payload: { question: '公司拖欠工资怎么办？' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = parseSse(res.body);
    expect(events.map((e) => e.event)).toEqual(['meta', 'token', 'done']);
    const done = events[2]!.data as AskResponse;
    expect((events[1]!.data as { text: string }).text).toBe(done.answer.conclusion);
    expect((events[0]!.data as { conversationId: string }).conversationId).toBe(
      done.conversationId,
    );
  });
});

describe('feedback and review', () => {
  it('records feedback (replacing an earlier one) and shows it to admins', async () => {
    const r = await answerOf('公司拖欠工资怎么办？');
    const url = `/api/v1/qa/answers/${r.answer.id}/feedback`;
    const noToken = await t.request({ method: 'POST', url, payload: { helpful: true } });
    expect(noToken.statusCode).toBe(404);
    const ok = await t.request({
      method: 'POST',
      url,
      payload: { helpful: true, conversationId: r.conversationId },
    });
    expect(ok.statusCode).toBe(200);
    const again = await t.request({
      method: 'POST',
      url,
      payload: { helpful: false, comment: '没说清楚去哪里仲裁', conversationId: r.conversationId },
    });
    expect(again.statusCode).toBe(200);
    const admin = await t.signIn('admin');
    const citizen = await t.signIn('citizen');
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/qa/feedback?helpful=false',
      session: admin,
    });
    const mine = list.json().items.filter((i: { answerId: number }) => i.answerId === r.answer.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].comment).toBe('没说清楚去哪里仲裁');
    const forbidden = await t.request({
      method: 'GET',
      url: '/api/v1/qa/feedback',
      session: citizen,
    });
    expect(forbidden.statusCode).toBe(403);
    const conv = await t.request({
      method: 'GET',
      url: `/api/v1/qa/conversations/${r.conversationId}`,
    });
    expect(conv.json().turns[0].feedback).toEqual({
      helpful: false,
      comment: '没说清楚去哪里仲裁',
    });
  });

  it('logs a question that found nothing for review, with personal numbers masked', async () => {
    const r = await answerOf('xyzzy plugh 13812345678');
    expect(r.answer.found).toBe(false);
    expect(r.answer.citations).toEqual([]);
    expect(r.answer.conclusion).toContain('暂未在法规库中找到');
    const admin = await t.signIn('admin');
    const list = await t.request({ method: 'GET', url: '/api/v1/qa/unanswered', session: admin });
    expect(list.statusCode).toBe(200);
    const item = list
      .json()
      .items.find((i: { question: string }) => i.question.startsWith('xyzzy'));
    expect(item.question).toBe('xyzzy plugh 138****5678');
    expect(['no_hits', 'low_score']).toContain(item.reason);
  });

  it('treats hits that share no words with an off-topic question as nothing found', async () => {
    const r = await answerOf('我家猫咪不吃饭怎么办');
    expect(r.answer.found).toBe(false);
    const row = await t.ctx.db
      .selectFrom('qa_unanswered')
      .select(['reason', 'top_score'])
      .where('turn_id', '=', r.answer.id!)
      .executeTakeFirstOrThrow();
    expect(row.reason).toBe('low_score');
    expect(row.top_score).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it('answers 400 with stable codes', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'validation_failed'],
      [{ question: '啊' }, 'validation_failed'],
      [{ question: '公司拖欠工资怎么办', locale: 'en' }, 'validation_failed'],
      [{ question: '公司拖欠工资怎么办', extra: 1 }, 'validation_failed'],
      [{ question: '公司拖欠工资怎么办', conversationId: '../etc' }, 'validation_failed'],
      [{ question: 'x'.repeat(501) }, 'validation_failed'],
    ];
    for (const [payload, code] of cases) {
      const res = await askQ(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const stream = await t.request({ method: 'POST', url: '/api/v1/qa/ask/stream', payload: {} });
    expect(stream.statusCode).toBe(400);
    const fb = await t.request({
      method: 'POST',
      url: '/api/v1/qa/answers/1/feedback',
      payload: { helpful: 'yes' },
    });
    expect(fb.json().error.code).toBe('validation_failed');
    const missing = await t.request({
      method: 'POST',
      url: '/api/v1/qa/answers/999999/feedback',
      payload: { helpful: true },
    });
    expect(missing.statusCode).toBe(404);
    const unknown = await askQ({ question: '公司拖欠工资怎么办', conversationId: 'B'.repeat(22) });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers 503 search_unavailable when retrieval cannot run, and stores nothing', async () => {
    const real = qaDeps(t.ctx);
    const before = await t.ctx.db.selectFrom('qa_turns').select('id').execute();
    setQaDeps(t.ctx, { ...real, engine: () => Promise.reject(new Error('index missing')) });
    try {
      const res = await askQ({ question: '公司拖欠工资怎么办' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('search_unavailable');
      const stream = await t.request({
        method: 'POST',
        url: '/api/v1/qa/ask/stream',
        payload: { question: '公司拖欠工资怎么办' },
      });
      expect(parseSse(stream.body).at(-1)).toMatchObject({
        event: 'error',
        data: { code: 'search_unavailable' },
      });
    } finally {
      setQaDeps(t.ctx, real);
    }
    const after = await t.ctx.db.selectFrom('qa_turns').select('id').execute();
    expect(after).toHaveLength(before.length);
  });
});
