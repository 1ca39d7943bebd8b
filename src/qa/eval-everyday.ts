/**
 * @module Measures the answer on the everyday set: Hit@3 (a gold article among the answer's first three
 * citations), Recall@10 of the answer's ranking (its citations, then retrieval's other hits), how often
 * an issue of the knowledge base answered, and the legal-aid notice against the set's labels.
 */
import { goldKey, hitKey, scoreRanking } from '../search/evaluate.js';
import { articleKey } from './issues.js';
import { answerQuestion, rankedArticles } from './answering.js';
import type { CorpusLookup } from './corpus.js';
import type { EverydayQuestion } from './everyday.js';
import { toSimplified } from './locale.js';
import type { QaDeps } from './deps.js';

export interface EverydayMetrics {
  questions: number;
  hit3: number;
  recall10: number;
  /** Share of questions answered from a knowledge-base issue. */
  issueRate: number;
  /** Of the questions labelled legal aid, the share whose answer shows the notice. */
  aidShown: number;
  /** Of the questions not labelled legal aid, the share whose answer shows it anyway. */
  aidWrong: number;
  /** Mean answer time (ms), measured here only for orientation (benchmarks report the figures). */
  meanMs: number;
}

export interface EverydayResult {
  id: number;
  hit3: boolean;
  recall10: number;
  issue: string | null;
  aid: boolean;
  expectedAid: boolean;
  ms: number;
}

async function goldKeys(q: EverydayQuestion, lookup: CorpusLookup): Promise<Set<string>> {
  const out = new Set<string>();
  for (const g of q.gold) {
    const law = (await lookup.resolveLaw(g.law)) ?? g.law;
    out.add(articleKey(law, g.article, g.sub ?? 0));
  }
  return out;
}

/** Answers every question on its own (no conversation) and scores it. */
export async function runEveryday(
  deps: QaDeps,
  questions: readonly EverydayQuestion[],
  now: Date,
): Promise<EverydayResult[]> {
  const out: EverydayResult[] = [];
  for (const q of questions) {
    const gold = await goldKeys(q, deps.lookup);
    const t0 = performance.now();
    const a = await answerQuestion(
      deps,
      { question: toSimplified(q.question.trim()), conversationId: 'eval' },
      now,
    );
    const ms = performance.now() - t0;
    const cited = a.answer.citations
      .slice(0, 3)
      .map((c) => articleKey(c.law, c.article, c.articleSub));
    const top10 = rankedArticles(a).slice(0, 10);
    out.push({
      id: q.id,
      hit3: cited.some((k) => gold.has(k)),
      recall10: [...gold].filter((k) => top10.includes(k)).length / gold.size,
      issue: a.answer.issue?.id ?? null,
      aid: a.answer.legalAid !== undefined,
      expectedAid: q.legalAid,
      ms,
    });
  }
  return out;
}

export function summarize(results: readonly EverydayResult[]): EverydayMetrics {
  const n = results.length || 1;
  const aidPos = results.filter((r) => r.expectedAid);
  const aidNeg = results.filter((r) => !r.expectedAid);
  return {
    questions: results.length,
    hit3: results.filter((r) => r.hit3).length / n,
    recall10: results.reduce((s, r) => s + r.recall10, 0) / n,
    issueRate: results.filter((r) => r.issue !== null).length / n,
    aidShown: aidPos.filter((r) => r.aid).length / (aidPos.length || 1),
    aidWrong: aidNeg.filter((r) => r.aid).length / (aidNeg.length || 1),
    meanMs: results.reduce((s, r) => s + r.ms, 0) / n,
  };
}

export function formatEveryday(label: string, m: EverydayMetrics): string {
  const f = (x: number) => x.toFixed(3);
  return `${label}: questions ${m.questions}  Hit@3 ${f(m.hit3)}  Recall@10 ${f(m.recall10)}  issue-answered ${f(m.issueRate)}  legal-aid shown ${f(m.aidShown)} (wrongly ${f(m.aidWrong)})`;
}

export interface StardMetrics {
  questions: number;
  recall10: number;
  recall100: number;
  mrr10: number;
}

/**
 * STARD questions (law-name gold) through the answer's ranking — its citations, retrieval's best two,
 * the runner-up issues' articles — continued by retrieval's top 100, as `search/evaluate.ts` scores
 * the engine alone: per-question recall of (law, article), MRR@10 from the first gold article.
 */
export async function runStard(
  deps: QaDeps,
  questions: readonly { id: number; question: string; gold: string[] }[],
  now: Date,
): Promise<StardMetrics> {
  const engine = await deps.engine();
  let r10 = 0;
  let r100 = 0;
  let mrr = 0;
  for (const q of questions) {
    const gold = new Set(q.gold.map(goldKey).filter((k): k is string => k !== null));
    const question = toSimplified(q.question.trim());
    const a = await answerQuestion(deps, { question, conversationId: 'eval' }, now);
    const deep = await engine.search(question, { k: 100, includeSuperseded: true });
    const ranked: string[] = [];
    for (const k of [
      ...rankedArticles(a).map((k) => k.slice(0, k.lastIndexOf('#'))),
      ...deep.map((h) => `${h.law}#${h.article}`),
    ]) {
      const key = hitKey(k.slice(0, k.lastIndexOf('#')), Number(k.slice(k.lastIndexOf('#') + 1)));
      if (!ranked.includes(key)) ranked.push(key);
    }
    const s = scoreRanking(ranked, gold);
    r10 += s.r10;
    r100 += s.r100;
    mrr += s.rr;
  }
  const n = questions.length || 1;
  return { questions: questions.length, recall10: r10 / n, recall100: r100 / n, mrr10: mrr / n };
}
