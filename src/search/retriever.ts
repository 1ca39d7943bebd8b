/**
 * @module The ranker: query understanding → features → learned linear combination → top k,
 * one hit per (law, article) with the version in force preferred; explicit references first.
 * `Ranker` is the part a search thread runs (first and second stage over the ranking columns);
 * `Retriever` adds what only the main thread has: the law names and references, and the merge.
 */
import { combine } from './combine.js';
import { topK } from './inverted-index.js';
import type { CorpusIndex } from './corpus-index.js';
import {
  buildLearnedIndex,
  queryFeatures,
  type LearnedIndex,
  type LearnedModel,
  type QueryFeatures,
  type QueryScratch,
} from './model.js';
import { classifyTopic, expandLayTerms, parseReferences, type LawResolver } from './query.js';
import { articleKey, rankIndexOf, type RankIndex } from './rank-index.js';
import { applyReranker, type RerankModel } from './rerank.js';
import { RERANK_DEPTH, rerankDepth, rerankFeatures } from './rerank-features.js';
import { toSimplified, words } from './tokenizer.js';

export interface RankedDoc {
  doc: number;
  score: number;
  /** True when the query named this article directly. */
  direct: boolean;
}

/**
 * The first stage is confident about a candidate set when most of it scores far below the best: the
 * candidates under this share of the best are left out of the second stage (down to a floor), being
 * too far below the top to reach it, while each costs a row of features and the network.
 */
export const CONFIDENT_SHARE = 0.5;

/**
 * How many of the first stage's candidates (best first) the second stage re-scores: those within
 * `CONFIDENT_SHARE` of the best, but never fewer than max(100, 5 × want) — the hold-out's top 10 are
 * the same from 100 candidates up (see `rerankDepth`) — nor more than were fetched.
 */
export function secondStageCut(
  stage1: Float32Array,
  cands: readonly number[],
  want: number,
  share = CONFIDENT_SHARE,
): number {
  const floor = Math.min(cands.length, Math.max(100, want * 5));
  const top = stage1[cands[0] ?? 0] ?? 0;
  const bar = top * share;
  let n = floor;
  while (n < cands.length && stage1[cands[n]!]! >= bar) n++;
  return n;
}

/** First and second stage over the ranking columns; one per thread (its scratch arrays are reused). */
export class Ranker {
  private readonly scores: Float32Array;
  private readonly scratch: QueryScratch = new Map();

  constructor(
    readonly ri: RankIndex,
    readonly li: LearnedIndex,
    /** The second stage; without it the first stage's order stands. */
    readonly reranker: RerankModel | null = null,
    /** The most first-stage candidates the second stage re-scores (see `rerankDepth`). */
    readonly maxRerankDepth: number = RERANK_DEPTH,
    /** See `secondStageCut`; 0 re-scores every candidate fetched. */
    readonly confidentShare: number = CONFIDENT_SHARE,
  ) {
    this.scores = new Float32Array(ri.docCount);
  }

  /**
   * The best `k` documents for `text` (already simplified) without direct references, one per
   * (law, article, 之N); superseded versions only when asked. `qWords` are `words(text)`, when the
   * caller has them (see `queryFeatures`).
   */
  rankDocs(
    text: string,
    k: number,
    includeSuperseded = false,
    qWords: readonly string[] = words(text),
  ): RankedDoc[] {
    const ri = this.ri;
    const qf = queryFeatures(ri, this.li, text, expandLayTerms(text), this.scratch, qWords);
    const scores = combine(ri, this.li, qf, this.li.model.weights, this.scores);
    const allow = includeSuperseded ? undefined : ri.current;
    // Over-fetch so versions of one article collapse into one hit without losing the k-th.
    const want = includeSuperseded ? k * 2 + 10 : k;
    const depth = this.reranker ? Math.max(rerankDepth(want, this.maxRerankDepth), want) : want;
    const cands = topK(scores, depth, allow).filter((d) => scores[d]! > 0);
    if (this.reranker) cands.length = secondStageCut(scores, cands, want, this.confidentShare);
    const out: RankedDoc[] = [];
    const seen = new Set<number>();
    for (const r of this.secondStage(qf, scores, cands, text)) {
      if (out.length >= k) break;
      const key = articleKey(ri, r.doc);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ doc: r.doc, score: r.score, direct: false });
    }
    return out;
  }

  /**
   * Re-scores the candidates with the second stage. Scores become exp(s − best) ∈ (0, 1], so the
   * best candidate has 1 and every score stays positive (callers treat > 0 as "some evidence").
   */
  private secondStage(
    qf: QueryFeatures,
    stage1: Float32Array,
    cands: number[],
    text: string,
  ): { doc: number; score: number }[] {
    if (!this.reranker || cands.length < 2)
      return cands.map((d) => ({ doc: d, score: stage1[d]! }));
    const question = { ...classifyTopic(text), topicLaw: this.reranker.topicLaw };
    const feats = rerankFeatures(this.ri, this.li, qf, stage1, cands, text, question);
    const s = applyReranker(this.reranker, feats, cands.length);
    const order = cands.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
    const best = s[order[0]!]!;
    return order.map((i) => ({ doc: cands[i]!, score: Math.exp(s[i]! - best) }));
  }
}

export class Retriever {
  readonly li: LearnedIndex;
  readonly ri: RankIndex;
  readonly resolver: LawResolver;
  private ranker: Ranker | null = null;

  constructor(
    readonly ci: CorpusIndex,
    /** The model, or its fields already laid over this corpus (read from the learned file). */
    learned: LearnedModel | LearnedIndex,
    /** The second stage; without it the first stage's order stands. */
    readonly reranker: RerankModel | null = null,
    /** The most first-stage candidates the second stage re-scores (see `rerankDepth`). */
    readonly maxRerankDepth: number = RERANK_DEPTH,
    /** See `secondStageCut`; 0 re-scores every candidate fetched. */
    readonly confidentShare: number = CONFIDENT_SHARE,
  ) {
    this.ri = rankIndexOf(ci);
    this.li = 'expansion' in learned ? learned : buildLearnedIndex(ci, learned);
    const keys = new Set(ci.laws);
    this.resolver = { has: (law) => keys.has(law), laws: ci.laws };
  }

  /** The in-process ranker (its scratch arrays are made on first use: a pool never needs them). */
  private get local(): Ranker {
    return (this.ranker ??= new Ranker(
      this.ri,
      this.li,
      this.reranker,
      this.maxRerankDepth,
      this.confidentShare,
    ));
  }

  /** The articles `text` (simplified) names directly, the version in force preferred. */
  directDocs(text: string, includeSuperseded = false): number[] {
    const ci = this.ci;
    const out: number[] = [];
    for (const r of parseReferences(text, this.resolver)) {
      const docs = ci.refs
        .docsOf(ci.lawIndex.get(r.law), r.article, r.articleSub)
        .filter((d) => includeSuperseded || ci.current[d]);
      const best = docs.find((d) => ci.current[d]) ?? docs[0];
      if (best !== undefined) out.push(best);
    }
    return out;
  }

  /** Direct references first, then the ranked documents not already named, `k` in all. */
  merge(direct: readonly number[], ranked: readonly RankedDoc[], k: number): RankedDoc[] {
    const out: RankedDoc[] = [];
    const seen = new Set<number>();
    const push = (r: RankedDoc) => {
      const key = articleKey(this.ri, r.doc);
      if (seen.has(key)) return;
      seen.add(key);
      out.push(r);
    };
    for (const d of direct) push({ doc: d, score: Number.POSITIVE_INFINITY, direct: true });
    for (const r of ranked) push(r);
    return out.slice(0, k);
  }

  /** Best-first documents for `query`; superseded versions only when asked. */
  rank(query: string, k: number, includeSuperseded = false): RankedDoc[] {
    const text = toSimplified(query);
    const ranked = this.local.rankDocs(text, k, includeSuperseded);
    return this.merge(this.directDocs(text, includeSuperseded), ranked, k);
  }
}
