/**
 * @module The ranker: query understanding → features → learned linear combination → top k,
 * one hit per (law, article) with the version in force preferred; explicit references first.
 */
import { topK } from './inverted-index.js';
import { refKey, type CorpusIndex } from './corpus-index.js';
import {
  buildLearnedIndex,
  combine,
  queryFeatures,
  type LearnedIndex,
  type LearnedModel,
  type QueryFeatures,
} from './model.js';
import { classifyTopic, expandLayTerms, parseReferences, type LawResolver } from './query.js';
import { applyReranker, type RerankModel } from './rerank.js';
import { RERANK_DEPTH, rerankDepth, rerankFeatures } from './rerank-features.js';
import { toSimplified } from './tokenizer.js';

export interface RankedDoc {
  doc: number;
  score: number;
  /** True when the query named this article directly. */
  direct: boolean;
}

export class Retriever {
  readonly li: LearnedIndex;
  private readonly scores: Float32Array;
  readonly resolver: LawResolver;

  constructor(
    readonly ci: CorpusIndex,
    model: LearnedModel,
    /** The second stage; without it the first stage's order stands. */
    readonly reranker: RerankModel | null = null,
    /** The most first-stage candidates the second stage re-scores (see `rerankDepth`). */
    readonly maxRerankDepth: number = RERANK_DEPTH,
  ) {
    this.li = buildLearnedIndex(ci, model);
    this.scores = new Float32Array(ci.articles.length);
    const keys = new Set(ci.laws);
    this.resolver = { has: (law) => keys.has(law), laws: ci.laws };
  }

  /** Best-first documents for `query`; superseded versions only when asked. */
  rank(query: string, k: number, includeSuperseded = false): RankedDoc[] {
    const ci = this.ci;
    const text = toSimplified(query);
    const out: RankedDoc[] = [];
    const seen = new Set<string>();
    const push = (d: number, score: number, direct: boolean) => {
      const a = ci.articles[d]!;
      const key = refKey(a.lawKey, a.num, a.sub);
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ doc: d, score, direct });
    };
    for (const r of parseReferences(text, this.resolver)) {
      const docs = (ci.byRef.get(refKey(r.law, r.article, r.articleSub)) ?? []).filter(
        (d) => includeSuperseded || ci.current[d],
      );
      const best = docs.find((d) => ci.current[d]) ?? docs[0];
      if (best !== undefined) push(best, Number.POSITIVE_INFINITY, true);
    }
    const qf = queryFeatures(ci, this.li, text, expandLayTerms(text));
    const scores = combine(ci, this.li, qf, this.li.model.weights, this.scores);
    const allow = includeSuperseded ? undefined : ci.current;
    // Over-fetch so versions of one article collapse into one hit without losing the k-th.
    const want = includeSuperseded ? k * 2 + 10 : k;
    const depth = this.reranker ? Math.max(rerankDepth(want, this.maxRerankDepth), want) : want;
    const cands = topK(scores, depth, allow).filter((d) => scores[d]! > 0);
    for (const r of this.secondStage(qf, scores, cands, text)) {
      if (out.length >= k) break;
      push(r.doc, r.score, false);
    }
    return out.slice(0, k);
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
    const feats = rerankFeatures(this.ci, this.li, qf, stage1, cands, text, question);
    const s = applyReranker(this.reranker, feats, cands.length);
    const order = cands.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || a - b);
    const best = s[order[0]!]!;
    return order.map((i) => ({ doc: cands[i]!, score: Math.exp(s[i]! - best) }));
  }
}
