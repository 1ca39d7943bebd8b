import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChineseNumber } from '../core/numerals.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { displayLawName, type Answer, type Citation } from './answer.js';
import { corpusLookup } from './corpus.js';
import {
  buildMessages,
  MISQUOTE_MARK,
  NO_BACKED_CITATION_NOTE,
  REMOVED_MARK,
  UNREVIEWED_NOTE,
  promptArticles,
} from './llm.js';
import { toTraditional } from './locale.js';
import { QA_LAW_FILES, parseSse, withoutKnowledgeBase } from '../test/qa.js';

/** What the fake OpenAI-compatible server does with the next request. */
let mode: 'stream' | 'error' | 'slow' | 'json' = 'stream';
/** The crafted answer it replays, one SSE delta per piece. */
let script: string[] = [];
let lastBody: { model: string; stream: boolean; messages: { role: string; content: string }[] };
let lastAuth: string | undefined;

const fake: Server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    lastBody = JSON.parse(raw) as typeof lastBody;
    lastAuth = req.headers.authorization;
    if (req.url !== '/v1/chat/completions' || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    if (mode === 'error') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"model overloaded"}}');
      return;
    }
    if (mode === 'json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { content: script.join('') } }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (c: string) =>
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: c } }] })}\n\n`);
    if (mode === 'slow') {
      send(script[0]!);
      const timer = setTimeout(() => res.end('data: [DONE]\n\n'), 10_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    res.write(': keep-alive comment\n\n');
    for (const c of script) send(c);
    res.end('data: [DONE]\n\n');
  });
});

const QUESTION = '公司拖欠我三个月工资不发怎么办？';

let t: TestApp;
/** The articles the model is given for QUESTION (the embedded answer's, as the prompt lists them). */
let given: Citation[];
beforeAll(async () => {
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const port = (fake.address() as AddressInfo).port;
  t = await createTestApp({
    LLM_BASE_URL: `http://127.0.0.1:${port}/v1`,
    LLM_MODEL: 'qwen-test',
    LLM_API_KEY: 'test-key',
    LLM_TIMEOUT_MS: '1500',
  });
  await importLawFixture(t.ctx, [
    ...QA_LAW_FILES,
    '经济法/会计法(2017-11-04).md',
    '经济法/会计法(2024-06-28).md',
  ]);
  // The crafted answers cite what retrieval finds for these questions (no knowledge-base issue).
  withoutKnowledgeBase(t.ctx);
  mode = 'error';
  given = promptArticles((await ask(QUESTION)).answer);
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => fake.close(r));
});

async function ask(question: string): Promise<{ conversationId: string; answer: Answer }> {
  const res = await t.request({ method: 'POST', url: '/api/v1/qa/ask', payload: { question } });
  expect(res.statusCode).toBe(200);
  return res.json<{ conversationId: string; answer: Answer }>();
}

async function askStream(question: string, locale = 'zh-CN') {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/qa/ask/stream',
    payload: { question, locale },
  });
  const events = parseSse(res.body);
  const tokens = events
    .filter((e) => e.event === 'token')
    .map((e) => (e.data as { text: string }).text);
  const done = events.at(-1)!;
  expect(done.event).toBe('done');
  return { events, tokens, answer: (done.data as { answer: Answer }).answer };
}

const DIGIT = '〇一二三四五六七八九';
const positional = (n: number) => [...String(n)].map((d) => DIGIT[Number(d)]).join('');
const fullWidth = (n: number) =>
  [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
const withUnits = (n: number) => `${Math.floor(n / 10)}十${n % 10}`;

/**
 * The crafted answer of the issue: one real citation (in odd numeral forms too) and one real quotation
 * beside each kind of citation the corpus does not back, some split across stream pieces.
 */
function craftedAnswer(a: Citation, outside: number) {
  const law = displayLawName(a.lawTitle);
  const label = `第${toChineseNumber(a.article)}条`;
  const quote = a.text.replace(/\s+/g, '').slice(0, 24);
  const pieces = [
    `根据《${law}》${label}，您可以要求公司支付。`,
    `《${law}》第${positional(a.article)}条也这样规定。`,
    '另见《劳动合同法》第',
    `${withUnits(outside)}条。`,
    `劳动合同法${outside}条与此相关。`,
    `《劳动合同法》第 ${toChineseNumber(outside)} 条规定了期限。`,
    `《劳动合同法》第${fullWidth(outside)}條也有规定。`,
    '《会计法》第五十二条与此无关。',
    '《公司法》第一条同样适用。',
    '《劳动合同法》第零条没有这个。',
    '《劳动合同法》第一百二十条之十另有规定。',
    `《${law}》${label}第九款规定了例外。`,
    `《${law}》${label}规定：“用人单位可以随意扣发工资且无需承担任何责任”。`,
    `《${law}》${label}规定：“${quote}”。`,
    '依据网络主播管理法第三条，您可以要求双倍赔偿。',
  ];
  const removed: [string, string][] = [
    [`第${withUnits(outside)}条`, 'outside_context'],
    [`劳动合同法${outside}条`, 'outside_context'],
    [`第 ${toChineseNumber(outside)} 条`, 'outside_context'],
    [`第${fullWidth(outside)}条`, 'outside_context'],
    ['《会计法》第五十二条', 'outside_context'],
    ['《公司法》第一条', 'outside_context'],
    ['《劳动合同法》第零条', 'number_unreadable'],
    ['《劳动合同法》第一百二十条之十', 'article_not_found'],
    ['第九款', 'paragraph_not_found'],
    ['用人单位可以随意扣发工资', 'misquoted'],
    ['网络主播管理法第三条', 'law_not_found'],
  ];
  return { pieces, removed, label, quote };
}

/** An article of 劳动合同法 that exists but was not given to the model (two digits, not a multiple of ten). */
async function notGiven(): Promise<number> {
  const lookup = corpusLookup(t.ctx);
  for (let n = 11; n < 99; n++) {
    if (n % 10 === 0 || given.some((g) => g.law === '劳动合同法' && g.article === n)) continue;
    if (await lookup.article('劳动合同法', n, 0)) return n;
  }
  throw new Error('no article of 劳动合同法 outside the prompt');
}

function expectCaught(a: Answer, c: ReturnType<typeof craftedAnswer>, first: Citation) {
  expect(a.mode).toBe('llm');
  expect(a.fallback).toBeNull();
  expect(a.removedCitations.map((r) => r.reason)).toEqual(c.removed.map((r) => r[1]));
  c.removed.forEach(([text], i) => expect(a.removedCitations[i]!.text).toContain(text));
  for (const [text] of c.removed) expect(a.conclusion).not.toContain(text);
  expect(a.conclusion).toContain(MISQUOTE_MARK);
  expect(a.conclusion).toContain(REMOVED_MARK);
  // The real citation stays, the positional form is read as the same article and printed as statutes do.
  expect(a.citations.map((x) => `${x.law}${x.articleLabel}`)).toEqual([
    `${first.law}${first.articleLabel}`,
  ]);
  expect(a.conclusion.split(`》${c.label}`).length).toBeGreaterThanOrEqual(3);
  expect(a.conclusion).toContain(`“${c.quote}”`);
  expect(a.uncertainNote).toBe(UNREVIEWED_NOTE);
}

describe('LLM mode against an OpenAI-compatible server', () => {
  it('sends the retrieved articles in a Chinese system prompt, streaming, with the key', async () => {
    mode = 'stream';
    script = ['公司应当按时足额支付工资。'];
    await ask(QUESTION);
    expect(lastBody.model).toBe('qwen-test');
    expect(lastBody.stream).toBe(true);
    expect(lastAuth).toBe('Bearer test-key');
    const system = lastBody.messages[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain('只能依据');
    expect(given.some((c) => c.law === '劳动合同法')).toBe(true);
    for (const g of given) expect(system.content).toContain(g.articleLabel);
    expect(lastBody.messages.at(-1)).toEqual({ role: 'user', content: QUESTION });
  });

  it('puts the matched issue and its reviewed explanation into the prompt', () => {
    const embedded = {
      citations: given.slice(0, 2),
      related: given.slice(2),
      certainty: 'issue',
      issue: { id: 'labour-wage-arrears', title: '被拖欠工资' },
      conclusion: '公司拖欠工资，可以先向劳动监察投诉。',
    } as Answer;
    const system = buildMessages(QUESTION, embedded)[0]!.content;
    expect(system).toContain('相关法律问题：被拖欠工资');
    expect(system).toContain('经律师审核的要点：公司拖欠工资，可以先向劳动监察投诉。');
    expect(system.indexOf(given[0]!.articleLabel)).toBeLessThan(system.indexOf('【2】'));
  });

  it('catches every crafted citation without a backing article (non-streaming path)', async () => {
    mode = 'stream';
    expect(given.some((g) => g.law === '公司法' || g.law === '会计法')).toBe(false);
    const first = given[0]!;
    const crafted = craftedAnswer(first, await notGiven());
    script = crafted.pieces;
    const a = (await ask(QUESTION)).answer;
    expectCaught(a, crafted, first);
    // The rest of the answer is the embedded one's: next steps, legal-aid notice, hand-off.
    expect(a.legalAid?.grounds).toContain('请求确认劳动关系或者支付劳动报酬');
    expect(a.disclaimer).toContain('不构成法律意见');
  });

  it('checks each streamed sentence before it is sent: nothing unchecked reaches the screen', async () => {
    mode = 'stream';
    const first = given[0]!;
    const crafted = craftedAnswer(first, await notGiven());
    script = crafted.pieces;
    const { events, tokens, answer } = await askStream(QUESTION, 'zh-TW');
    expect((events[0]!.data as { mode: string }).mode).toBe('llm');
    // Whole sentences, each converted to 繁体 as it streams; together they are the final answer.
    expect(tokens.length).toBeGreaterThanOrEqual(crafted.pieces.length - 1);
    expect(tokens.join('')).toBe(answer.conclusion);
    for (const [text] of crafted.removed) {
      expect(tokens.join('')).not.toContain(toTraditional(text));
      for (const token of tokens) expect(token).not.toContain(toTraditional(text));
    }
    expect(answer.removedCitations).toHaveLength(crafted.removed.length);
  });

  it('says so when no citation is backed, instead of lending the model the retrieved ones', async () => {
    for (const path of ['plain', 'stream'] as const) {
      mode = 'stream';
      script = ['根据《劳动合同法》第', '九百九十九条，', '公司必须双倍赔偿。'];
      const a =
        path === 'plain' ? (await ask(QUESTION)).answer : (await askStream(QUESTION)).answer;
      expect(a.mode).toBe('llm');
      expect(a.citations).toEqual([]);
      expect(a.uncertainNote).toBe(NO_BACKED_CITATION_NOTE);
      expect(a.related?.map((r) => r.articleLabel)).toEqual(given.map((g) => g.articleLabel));
      expect(a.conclusion).toBe(`根据${REMOVED_MARK}，公司必须双倍赔偿。`);
    }
  });

  it('accepts a server that ignores stream:true and answers with one JSON body', async () => {
    mode = 'json';
    const first = given[0]!;
    const crafted = craftedAnswer(first, await notGiven());
    script = crafted.pieces;
    expectCaught((await ask(QUESTION)).answer, crafted, first);
  });

  it('falls back to the embedded answer on an error', async () => {
    mode = 'error';
    const a = (await ask(QUESTION)).answer;
    expect(a.mode).toBe('embedded');
    expect(a.fallback).toBe('error');
    expect(a.conclusion.startsWith('根据《')).toBe(true);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('falls back to the embedded answer on a timeout, also when streaming', async () => {
    mode = 'slow';
    script = ['公司应当按时足额支付工资。'];
    const a = (await ask(QUESTION)).answer;
    expect(a.mode).toBe('embedded');
    expect(a.fallback).toBe('timeout');
    const { tokens, answer } = await askStream(QUESTION);
    expect(tokens).toEqual(['公司应当按时足额支付工资。']);
    expect(answer.fallback).toBe('timeout');
    expect(answer.mode).toBe('embedded');
  });
});

describe('corpus lookup', () => {
  it('looks up several articles at once with the same answers as one by one', async () => {
    const refs = [
      { law: '劳动合同法', num: 30, sub: 0 },
      { law: '会计法', num: 52, sub: 0 },
      { law: '劳动合同法', num: 999, sub: 0 },
      { law: '不存在的法', num: 1, sub: 0 },
      { law: '民法典', num: 1079, sub: 0 },
    ];
    const batch = await corpusLookup(t.ctx).articles(refs);
    const one = corpusLookup(t.ctx);
    const single = [];
    for (const r of refs) single.push(await one.article(r.law, r.num, r.sub));
    expect(batch).toEqual(single);
    expect(batch.map((a) => a?.status ?? null)).toEqual([
      'in_force',
      'superseded',
      null,
      null,
      'in_force',
    ]);
  });
});
