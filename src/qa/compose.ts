/**
 * @module The embedded answer (no LLM): a short conclusion from the best article, the cited articles
 * (each checked against the corpus), next steps by topic, the legal-aid notice and the hand-off.
 */
import type { SearchHit, Topic } from '../search/types.js';
import {
  DISCLAIMER,
  displayLawName,
  handoffFor,
  lawUrl,
  type Answer,
  type Citation,
  type NextStep,
} from './answer.js';
import type { CorpusArticle, CorpusLookup } from './corpus.js';
import { nextStepTemplates } from './guidance.js';
import { basisLink, legalAidNotice } from './legal-aid.js';
import { bigramSet } from '../core/text.js';

export interface ComposeInput {
  question: string;
  topic: Topic;
  hits: SearchHit[];
  conversationId: string;
  /** The classifier's confidence; at 0 the best hit must also share words with the question. */
  topicConfidence?: number;
  maxCitations?: number;
}

const STATUS_NOTE: Record<string, string> = {
  superseded: '该条文出自已被修订的版本，现行版本中未找到对应条文，请以现行规定为准。',
  repealed: '该条文所在的法律法规已废止，仅供参考。',
};

export function toCitation(a: CorpusArticle): Citation {
  return {
    law: a.law,
    lawTitle: a.lawTitle,
    article: a.article,
    articleSub: a.articleSub,
    articleLabel: a.articleLabel,
    version: a.version,
    status: a.status,
    statusNote: STATUS_NOTE[a.status] ?? null,
    text: a.text,
    url: lawUrl(a.law, a.articleLabel, a.isCurrent ? null : a.version),
  };
}

/** Checks hits against the corpus (the index may be older than the tables) and keeps distinct articles. */
async function verifiedCitations(
  hits: SearchHit[],
  lookup: CorpusLookup,
  max: number,
): Promise<Citation[]> {
  const seen = new Set<string>();
  const distinct = hits.filter((h) => {
    const key = `${h.law}/${h.article}/${h.articleSub}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Usually every hit exists: check the first `max` in one go, and more only if some were missing.
  const out: Citation[] = [];
  for (let i = 0; i < distinct.length && out.length < max; i += max) {
    const batch = distinct.slice(i, i + max);
    const found = await lookup.articles(
      batch.map((h) => ({ law: h.law, num: h.article, sub: h.articleSub })),
    );
    for (const a of found) if (a && out.length < max) out.push(toCitation(a));
  }
  return out;
}

const bigrams = bigramSet;

/** True when the question named the article itself (劳动合同法第47条): quote it from its start. */
const isDirect = (h: SearchHit | undefined): boolean =>
  h !== undefined && 'direct' in h && (h as { direct?: unknown }).direct === true;

/** Function-word bigrams that say nothing about relevance. */
const STOP_BIGRAMS = new Set(
  '怎么 么办 什么 可以 应该 如何 多少 一个 没有 是否 能否 请问 自己 现在 已经 这个 那个 哪里 为什么 怎样 需要 我们 他们 对方 的人 了吗 吗？'.split(
    ' ',
  ),
);

/** How many content bigrams of the question the text contains. */
export function sharedBigrams(question: string, text: string): number {
  const t = bigrams(text);
  let n = 0;
  for (const b of bigrams(question)) if (!STOP_BIGRAMS.has(b) && t.has(b)) n++;
  return n;
}

/**
 * Retrieval always returns something for Chinese text; when the question fits no topic at all and
 * none of the best three articles shares (almost) any words with it, the hits are noise and the
 * question goes unanswered. Three, not one: the ranking may rightly put first an article that says
 * it in statute words (辱骂 → 侮辱、诽谤) while the next ones share the question's own words.
 */
export function relevantHits(input: ComposeInput): SearchHit[] {
  const usable = input.hits;
  const top = usable[0];
  if (!top || isDirect(top) || (input.topicConfidence ?? 1) > 0) return usable;
  const related = usable
    .slice(0, 3)
    .some((h) => sharedBigrams(input.question, `${h.lawTitle}${h.text}`) >= 2);
  return related ? usable : [];
}

const ITEM = /^（[一二三四五六七八九十]+）/;
const INTRO = /[:：]\s*$/;

const overlap = (s: string, q: Set<string>): number => {
  let n = 0;
  for (const b of bigrams(s)) if (q.has(b)) n++;
  return n;
};

/**
 * The sentence of an article that best matches the question (its lead sentence when nothing matches).
 * An enumerating lead ("有下列情形之一的…：") is completed with its best-matching item.
 */
export function keySentence(text: string, question: string): string {
  const q = bigrams(question);
  const paras = text.split('\n').filter((p) => p.trim());
  const lead = ((paras[0] ?? '').split(/(?<=[。；])/)[0] ?? '').trim();
  const items = paras.filter((p) => ITEM.test(p));
  let best = lead;
  let bestScore = 0;
  for (const p of paras) {
    for (const s of p.split(/(?<=[。；])/)) {
      const n = overlap(s, q);
      if (n > bestScore) [best, bestScore] = [s.trim(), n];
    }
  }
  let out = best;
  if (ITEM.test(best) || (best === lead && INTRO.test(lead) && items.length > 0)) {
    const item = ITEM.test(best)
      ? best
      : items.reduce((x, y) => (overlap(y, q) > overlap(x, q) ? y : x), items[0]!);
    const more = items.length > 1 ? '等' : '';
    out = `${lead.replace(INTRO, '：')}${item.replace(ITEM, '').replace(/[；;。，]+$/, '')}${more}。`;
  }
  out = out
    .replace(/^本法/, '该法')
    .replace(/[；;]$/, '。')
    .replace(INTRO, '。');
  if ([...out].length > 160) {
    out =
      [...out]
        .slice(0, 150)
        .join('')
        .replace(/[，、；][^，、；]*$/, '') + '……';
  }
  return out;
}

function conclusionFor(citations: Citation[], question: string, direct: boolean): string {
  const [first, second] = citations;
  if (!first) {
    return '抱歉，暂未在法规库中找到与您的问题直接相关的法律条文。您可以换一种说法、补充事情的经过后再问，或者点击「向社区律师咨询」，由律师为您解答。';
  }
  const name = (c: Citation) => `《${displayLawName(c.lawTitle)}》${c.articleLabel}`;
  let s = `根据${name(first)}，${keySentence(first.text, direct ? '' : question)}`;
  if (first.status !== 'in_force') s += `（注意：${first.statusNote ?? ''}）`;
  if (second && second.status === 'in_force' && !direct) {
    s += `另外，${name(second)}规定：${keySentence(second.text, question)}`;
  }
  return s;
}

async function nextStepsFor(topic: Topic, lookup: CorpusLookup): Promise<NextStep[]> {
  const out: NextStep[] = [];
  for (const t of nextStepTemplates(topic)) {
    out.push({ text: t.text, basis: t.basis ? await basisLink(t.basis, lookup) : null });
  }
  return out;
}

/** Articles longer than this are shown by their best-matching sentence first. */
const LONG_ARTICLE = 120;

/** Said above an answer that retrieval found without a matching issue of the knowledge base. */
export const UNCERTAIN_NOTE =
  '没有找到与您的问题完全对应的常见问题解答，以下是根据法条检索摘出的相关规定，可能不完全适用于您的情况。建议补充事情经过后再问，或向社区律师咨询。';

/** Builds the embedded answer. Every article it names has been found in the corpus. */
export async function composeEmbedded(input: ComposeInput, lookup: CorpusLookup): Promise<Answer> {
  const usable = relevantHits(input);
  const citations = (await verifiedCitations(usable, lookup, input.maxCitations ?? 3)).map((c) =>
    [...c.text].length > LONG_ARTICLE ? { ...c, excerpt: keySentence(c.text, input.question) } : c,
  );
  const [nextSteps, legalAid] = await Promise.all([
    nextStepsFor(input.topic, lookup),
    legalAidNotice(input.question, input.topic, lookup),
  ]);
  const found = citations.length > 0;
  return {
    found,
    certainty: found ? 'retrieval' : 'none',
    conclusion: conclusionFor(citations, input.question, isDirect(usable[0])),
    ...(found && !isDirect(usable[0]) ? { uncertainNote: UNCERTAIN_NOTE } : {}),
    citations,
    nextSteps,
    ...(legalAid ? { legalAid } : {}),
    handoff: handoffFor(input.conversationId),
    disclaimer: DISCLAIMER,
    topic: input.topic,
    mode: 'embedded',
    removedCitations: [],
    fallback: null,
  };
}
