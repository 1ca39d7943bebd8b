/**
 * @module LLM mode: an OpenAI-compatible `/chat/completions` call with `stream: true`, grounded on the
 * matched issue and the articles retrieval found. The generated text is checked sentence by sentence
 * before the client sees it (see citation-check.ts); a citation the corpus does not back never reaches
 * the screen. Any failure or timeout falls back to the embedded answer.
 */
import type { AppConfig } from '../config/env.js';
import type { Answer, Citation } from './answer.js';
import { displayLawName } from './answer.js';
import { allowedKey, CitationChecker, SentenceBuffer } from './citation-check.js';
import type { CorpusLookup } from './corpus.js';

export { REMOVED_MARK, MISQUOTE_MARK } from './citation-check.js';

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
  '你是 12348 公共法律服务平台的法律咨询助手，面向普通群众回答法律问题。',
  '规则：',
  '1. 只能依据下面「参考条文」中给出的条文回答，不得引用参考条文以外的法律条文，不得编造条文、条号、款项或条文原文。',
  '2. 引用条文时一律写成《法律名称》第X条（需要时加第X款）的形式，条号用汉字，例如《劳动合同法》第四十七条。',
  '3. 需要引用原文时，只能逐字照录参考条文中的文字，放在引号内。',
  '4. 先用一两句话给出结论，再说明依据和可以采取的步骤；语言通俗易懂，不超过 400 字。',
  '5. 参考条文不足以回答时，直接说明，并建议向律师咨询或拨打 12348。',
  '6. 你提供的是法律信息，不是法律意见。',
].join('\n');

/** Longest article text put into the prompt (a long article is cut; the check reads it whole). */
const ARTICLE_CHARS = 700;
/** Articles in the prompt: the answer's own first, then those retrieval found beside them. */
const PROMPT_ARTICLES = 8;

/** The articles the model is given (and the only ones it may cite). */
export function promptArticles(embedded: Answer): Citation[] {
  return [...embedded.citations, ...(embedded.related ?? [])].slice(0, PROMPT_ARTICLES);
}

function articleBlock(a: Citation, i: number): string {
  const text = a.text.length > ARTICLE_CHARS ? `${a.text.slice(0, ARTICLE_CHARS)}……` : a.text;
  const version = a.version ? `（${a.version} 版）` : '';
  const note = a.note ? `\n（适用说明：${a.note}）` : '';
  return `【${i + 1}】《${displayLawName(a.lawTitle)}》${a.articleLabel}${version}：${text}${note}`;
}

/**
 * The prompt: rules, the legal issue the knowledge base matched (its reviewed explanation), the
 * articles, the previous turn (for follow-ups), the question.
 */
export function buildMessages(
  question: string,
  embedded: Answer,
  previous?: { question: string; answer: string },
): ChatMessage[] {
  const refs = promptArticles(embedded).map(articleBlock).join('\n');
  const issue =
    embedded.issue && embedded.certainty === 'issue'
      ? `\n\n相关法律问题：${embedded.issue.title}\n经律师审核的要点：${embedded.conclusion}`
      : '';
  const messages: ChatMessage[] = [
    { role: 'system', content: `${SYSTEM_PROMPT}${issue}\n\n参考条文：\n${refs || '（无）'}` },
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
 * The completion's text pieces as they arrive.
 * @throws LlmError `error` on HTTP or protocol failures (the caller's signal aborts it).
 */
async function* completionPieces(
  s: LlmSettings,
  messages: ChatMessage[],
  signal: AbortSignal,
): AsyncGenerator<string> {
  const res = await fetch(`${s.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(s.apiKey ? { authorization: `Bearer ${s.apiKey}` } : {}),
    },
    body: JSON.stringify({ model: s.model, messages, stream: true, temperature: 0.2 }),
    signal,
  });
  if (!res.ok || !res.body) throw new LlmError('error', `LLM HTTP ${res.status}`);
  if ((res.headers.get('content-type') ?? '').includes('application/json')) {
    // A server that ignores `stream: true` answers with one JSON body.
    const json = (await res.json()) as { choices?: { message?: { content?: string } }[] };
    const text = json.choices?.[0]?.message?.content ?? '';
    if (text) yield text;
    return;
  }
  yield* readDeltas(res.body);
}

export const NO_BACKED_CITATION_NOTE =
  '这段 AI 回答中没有经过核对的法条引用（未能核实的已删除）。下列条文是系统检索到的，仅供参考，并非上述回答的依据。';

/** Said over a model's answer when no reviewed issue of the knowledge base stands behind it. */
export const UNREVIEWED_NOTE =
  '这段回答由 AI 根据检索到的条文生成，引用已与法条原文核对，但内容未经律师审核，仅供参考。';

interface CheckedCompletion {
  text: string;
  checker: CitationChecker;
}

/**
 * Streams the completion through the citation check: each sentence is checked before `onToken`
 * sees it, so the screen only ever shows checked text.
 * @throws LlmError `timeout` after `timeoutMs` in all, `error` on HTTP or protocol failures.
 */
export async function checkedCompletion(
  s: LlmSettings,
  messages: ChatMessage[],
  checker: CitationChecker,
  onToken: (t: string) => void,
): Promise<CheckedCompletion> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), s.timeoutMs);
  const sentences = new SentenceBuffer();
  let text = '';
  const emit = async (sentence: string) => {
    const checked = await checker.check(sentence);
    if (ac.signal.aborted) throw new LlmError('timeout', 'LLM timed out');
    text += checked;
    onToken(checked);
  };
  try {
    for await (const piece of completionPieces(s, messages, ac.signal))
      for (const sentence of sentences.push(piece)) await emit(sentence);
    const rest = sentences.flush();
    if (rest.trim()) await emit(rest);
    return { text, checker };
  } catch (e) {
    if (ac.signal.aborted) throw new LlmError('timeout', 'LLM timed out');
    if (e instanceof LlmError) throw e;
    throw new LlmError('error', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The LLM answer built on the embedded one (same next steps, legal-aid notice, hand-off); on any
 * failure the embedded answer is returned with `fallback` set. Its citations are only those the
 * check backed; when none is, it says so and shows the retrieved articles as related, not as basis.
 */
export async function llmAnswer(
  s: LlmSettings,
  embedded: Answer,
  question: string,
  lookup: CorpusLookup,
  onToken: (t: string) => void,
  previous?: { question: string; answer: string },
): Promise<Answer> {
  const given = promptArticles(embedded);
  const checker = new CitationChecker({
    lookup,
    lawNames: await lookup.lawNames(),
    allowed: new Set(given.map((a) => allowedKey(a.law, a.article, a.articleSub))),
    defaultLaw: embedded.citations[0]?.law ?? null,
  });
  try {
    const messages = buildMessages(question, embedded, previous);
    const { text } = await checkedCompletion(s, messages, checker, onToken);
    if (!text.trim()) throw new LlmError('error', 'empty completion');
    const backed = checker.citations.length > 0;
    const cited = new Set(checker.citations.map((c) => allowedKey(c.law, c.article, c.articleSub)));
    return {
      ...embedded,
      conclusion: text.trim(),
      citations: checker.citations,
      related: given.filter((a) => !cited.has(allowedKey(a.law, a.article, a.articleSub))),
      uncertainNote: !backed
        ? NO_BACKED_CITATION_NOTE
        : embedded.certainty === 'issue'
          ? undefined
          : UNREVIEWED_NOTE,
      mode: 'llm',
      removedCitations: checker.removed,
      fallback: null,
    };
  } catch (e) {
    return { ...embedded, fallback: e instanceof LlmError ? e.kind : 'error' };
  }
}
