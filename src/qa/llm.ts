/**
 * @module LLM mode: an OpenAI-compatible `/chat/completions` call with `stream: true`, grounded on the
 * retrieved articles; the generated text is checked citation by citation against the corpus and
 * anything that does not exist is removed and flagged. Any failure or timeout falls back to the
 * embedded answer.
 */
import type { AppConfig } from '../config/env.js';
import type { Answer, Citation, RemovedCitation } from './answer.js';
import { displayLawName } from './answer.js';
import { findCitations, replaceSpans } from './citations.js';
import { toCitation } from './compose.js';
import type { CorpusLookup } from './corpus.js';

export interface LlmSettings {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export const REMOVED_MARK = '〔引用未核实，已删除〕';

/** The LLM settings, or null when LLM mode is off (LLM_BASE_URL or LLM_MODEL missing). */
export function llmSettings(config: AppConfig): LlmSettings | null {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return null;
  return {
    baseUrl: config.LLM_BASE_URL.replace(/\/+$/, ''),
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? null,
    timeoutMs: config.LLM_TIMEOUT_MS,
  };
}

const SYSTEM_PROMPT = [
  '你是武汉市 12348 公共法律服务平台的法律咨询助手，面向普通群众回答法律问题。',
  '规则：',
  '1. 只能依据下面「参考条文」中给出的条文回答，不得引用参考条文以外的法律条文，不得编造条文或条号。',
  '2. 引用条文时一律写成《法律名称》第X条的形式，条号用汉字，例如《劳动合同法》第四十七条。',
  '3. 先用一两句话给出结论，再说明依据和可以采取的步骤；语言通俗易懂，不超过 400 字。',
  '4. 参考条文不足以回答时，直接说明，并建议向律师咨询或拨打 12348。',
  '5. 你提供的是法律信息，不是法律意见。',
].join('\n');

/** The prompt: rules, the retrieved articles, the previous turn (for follow-ups), the question. */
export function buildMessages(
  question: string,
  articles: Citation[],
  previous?: { question: string; answer: string },
): ChatMessage[] {
  const refs = articles
    .map(
      (a, i) =>
        `【${i + 1}】《${displayLawName(a.lawTitle)}》${a.articleLabel}${a.version ? `（${a.version} 版）` : ''}：${a.text}`,
    )
    .join('\n');
  const messages: ChatMessage[] = [
    { role: 'system', content: `${SYSTEM_PROMPT}\n\n参考条文：\n${refs || '（无）'}` },
  ];
  if (previous) {
    messages.push({ role: 'user', content: previous.question });
    messages.push({ role: 'assistant', content: previous.answer });
  }
  messages.push({ role: 'user', content: question });
  return messages;
}

export class LlmError extends Error {
  constructor(
    readonly kind: 'timeout' | 'error',
    message: string,
  ) {
    super(message);
  }
}

/** Reads an OpenAI-style SSE body (`data: {...}` lines, `data: [DONE]`), yielding content deltas. */
async function* readDeltas(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') return;
      const json = JSON.parse(data) as {
        choices?: { delta?: { content?: string | null } }[];
        error?: { message?: string };
      };
      if (json.error) throw new LlmError('error', json.error.message ?? 'LLM error');
      const piece = json.choices?.[0]?.delta?.content;
      if (piece) yield piece;
    }
  }
}

/**
 * Streams the completion, calling `onToken` for each piece; resolves with the whole text.
 * @throws LlmError `timeout` after `timeoutMs` in all, `error` on HTTP or protocol failures.
 */
export async function streamCompletion(
  s: LlmSettings,
  messages: ChatMessage[],
  onToken: (t: string) => void,
): Promise<string> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), s.timeoutMs);
  let text = '';
  try {
    const res = await fetch(`${s.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(s.apiKey ? { authorization: `Bearer ${s.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: s.model, messages, stream: true, temperature: 0.2 }),
      signal: ac.signal,
    });
    if (!res.ok || !res.body) throw new LlmError('error', `LLM HTTP ${res.status}`);
    if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      // A server that ignores `stream: true` answers with one JSON body.
      const json = (await res.json()) as { choices?: { message?: { content?: string } }[] };
      text = json.choices?.[0]?.message?.content ?? '';
      if (text) onToken(text);
      return text;
    }
    for await (const piece of readDeltas(res.body)) {
      text += piece;
      onToken(piece);
    }
    return text;
  } catch (e) {
    if (ac.signal.aborted) throw new LlmError('timeout', 'LLM timed out');
    if (e instanceof LlmError) throw e;
    throw new LlmError('error', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks every citation in generated text against the corpus. A citation of a law or article that
 * does not exist is replaced by {@link REMOVED_MARK} and reported.
 */
export async function checkGeneratedCitations(
  text: string,
  lookup: CorpusLookup,
  defaultLaw: string | null,
): Promise<{ text: string; citations: Citation[]; removed: RemovedCitation[] }> {
  const found = findCitations(text, await lookup.lawNames(), defaultLaw);
  const bad: typeof found = [];
  const removed: RemovedCitation[] = [];
  const citations: Citation[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const law = f.lawName ? await lookup.resolveLaw(f.lawName) : null;
    const art = law ? await lookup.article(law, f.article, f.articleSub) : null;
    if (!art) {
      bad.push(f);
      removed.push({ text: f.raw, reason: law ? 'article_not_found' : 'law_not_found' });
      continue;
    }
    const key = `${art.law}/${art.article}/${art.articleSub}`;
    if (!seen.has(key)) citations.push(toCitation(art));
    seen.add(key);
  }
  return { text: replaceSpans(text, bad, REMOVED_MARK), citations, removed };
}

/**
 * The LLM answer built on the embedded one (same next steps, legal-aid notice, hand-off); on any
 * failure the embedded answer is returned with `fallback` set.
 */
export async function llmAnswer(
  s: LlmSettings,
  embedded: Answer,
  question: string,
  lookup: CorpusLookup,
  onToken: (t: string) => void,
  previous?: { question: string; answer: string },
): Promise<Answer> {
  try {
    const raw = await streamCompletion(
      s,
      buildMessages(question, embedded.citations, previous),
      onToken,
    );
    if (!raw.trim()) throw new LlmError('error', 'empty completion');
    const top = embedded.citations[0]?.law ?? null;
    const checked = await checkGeneratedCitations(raw.trim(), lookup, top);
    return {
      ...embedded,
      conclusion: checked.text,
      citations: checked.citations.length > 0 ? checked.citations : embedded.citations,
      mode: 'llm',
      removedCitations: checked.removed,
      fallback: null,
    };
  } catch (e) {
    return { ...embedded, fallback: e instanceof LlmError ? e.kind : 'error' };
  }
}
