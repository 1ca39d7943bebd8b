import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import type { Answer } from './answer.js';
import { corpusLookup } from './corpus.js';
import { REMOVED_MARK } from './llm.js';
import { toTraditional } from './locale.js';
import { QA_LAW_FILES, parseSse, withoutKnowledgeBase } from './testing.js';

/** What the fake OpenAI-compatible server does with the next request. */
let mode: 'stream' | 'error' | 'slow' | 'json' = 'stream';
let lastBody: { model: string; stream: boolean; messages: { role: string; content: string }[] };
let lastAuth: string | undefined;

const CHUNKS = [
  '根据《中华人民共和国劳动合同法》第三十条，',
  '用人单位应当及时足额支付劳动报酬；本法第八十五条规定劳动行政部门可以责令限期支付。',
  '另据《劳动合同法》第九百九十九条',
  '和《网络主播管理法》第三条，您可以要求双倍赔偿。',
  '《会计法》第五十二条与此无关。',
];

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
      res.end(JSON.stringify({ choices: [{ message: { content: CHUNKS.slice(0, 2).join('') } }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (c: string) =>
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: c } }] })}\n\n`);
    if (mode === 'slow') {
      send(CHUNKS[0]!);
      const timer = setTimeout(() => res.end('data: [DONE]\n\n'), 10_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    res.write(': keep-alive comment\n\n');
    for (const c of CHUNKS) send(c);
    res.end('data: [DONE]\n\n');
  });
});

let t: TestApp;
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
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => fake.close(r));
});

const ask = async (question: string) => {
  const res = await t.request({ method: 'POST', url: '/api/v1/qa/ask', payload: { question } });
  expect(res.statusCode).toBe(200);
  return res.json<{ conversationId: string; answer: Answer }>();
};

describe('LLM mode against an OpenAI-compatible server', () => {
  it('sends the retrieved articles in a Chinese system prompt, streaming, with the key', async () => {
    mode = 'stream';
    const r = await ask('公司拖欠我三个月工资不发怎么办？');
    expect(lastBody.model).toBe('qwen-test');
    expect(lastBody.stream).toBe(true);
    expect(lastAuth).toBe('Bearer test-key');
    const system = lastBody.messages[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain('只能依据');
    const firstRetrieved = r.answer.citations.find((c) => c.law === '劳动合同法');
    expect(firstRetrieved).toBeDefined();
    expect(lastBody.messages.at(-1)).toEqual({
      role: 'user',
      content: '公司拖欠我三个月工资不发怎么办？',
    });
  });

  it('removes and flags citations that do not exist, keeps real ones, marks superseded ones', async () => {
    mode = 'stream';
    const a = (await ask('公司拖欠我三个月工资不发怎么办？')).answer;
    expect(a.mode).toBe('llm');
    expect(a.fallback).toBeNull();
    expect(a.conclusion).toContain('根据《中华人民共和国劳动合同法》第三十条');
    expect(a.conclusion).not.toContain('第九百九十九条');
    expect(a.conclusion).not.toContain('网络主播管理法');
    expect(a.conclusion.split(REMOVED_MARK)).toHaveLength(3);
    expect(a.removedCitations).toEqual([
      { text: '《劳动合同法》第九百九十九条', reason: 'article_not_found' },
      { text: '《网络主播管理法》第三条', reason: 'law_not_found' },
    ]);
    const labels = a.citations.map((c) => `${c.law}${c.articleLabel}`);
    expect(labels).toEqual(['劳动合同法第三十条', '劳动合同法第八十五条', '会计法第五十二条']);
    const old = a.citations[2]!;
    expect(old.status).toBe('superseded');
    expect(old.version).toBe('2017-11-04');
    expect(old.statusNote).toContain('已被修订');
    expect(old.url).toContain('?version=2017-11-04');
    // The rest of the answer is the embedded one's: next steps, legal-aid notice, hand-off.
    expect(a.legalAid?.grounds).toContain('请求确认劳动关系或者支付劳动报酬');
    expect(a.disclaimer).toContain('不构成法律意见');
  });

  it('streams the tokens as they come and ends with the checked answer', async () => {
    mode = 'stream';
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/qa/ask/stream',
      payload: { question: '公司拖欠我三个月工资不发怎么办？', locale: 'zh-TW' },
    });
    const events = parseSse(res.body);
    expect(events[0]!.event).toBe('meta');
    expect((events[0]!.data as { mode: string }).mode).toBe('llm');
    const tokens = events
      .filter((e) => e.event === 'token')
      .map((e) => (e.data as { text: string }).text);
    // zh-TW: each piece is converted as it streams.
    expect(tokens).toEqual(CHUNKS.map(toTraditional));
    expect(tokens[0]).toContain('勞動合同法');
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const a = (done.data as { answer: Answer }).answer;
    expect(a.removedCitations).toHaveLength(2);
    expect(a.conclusion).toContain('勞動合同法');
  });

  it('accepts a server that ignores stream:true and answers with one JSON body', async () => {
    mode = 'json';
    const a = (await ask('公司拖欠我三个月工资不发怎么办？')).answer;
    expect(a.mode).toBe('llm');
    expect(a.conclusion).toBe(CHUNKS.slice(0, 2).join(''));
  });

  it('falls back to the embedded answer on an error', async () => {
    mode = 'error';
    const a = (await ask('公司拖欠我三个月工资不发怎么办？')).answer;
    expect(a.mode).toBe('embedded');
    expect(a.fallback).toBe('error');
    expect(a.conclusion.startsWith('根据《')).toBe(true);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('falls back to the embedded answer on a timeout, also when streaming', async () => {
    mode = 'slow';
    const a = (await ask('公司拖欠我三个月工资不发怎么办？')).answer;
    expect(a.mode).toBe('embedded');
    expect(a.fallback).toBe('timeout');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/qa/ask/stream',
      payload: { question: '公司拖欠我三个月工资不发怎么办？' },
    });
    const events = parseSse(res.body);
    expect(events.filter((e) => e.event === 'token')).toHaveLength(1);
    const done = (events.at(-1)!.data as { answer: Answer }).answer;
    expect(done.fallback).toBe('timeout');
    expect(done.mode).toBe('embedded');
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
