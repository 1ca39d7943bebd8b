/**
 * @module Training: learns the model parts from STARD training questions (never the hold-out fifth,
 * id % 5 === 0) and fits the feature weights by coordinate ascent on cross-fitted features: each
 * training question is scored by parts learned without its own fold, so weights are not fooled
 * by questions that find themselves in the expansion field.
 */
import { combine } from './combine.js';
import { topK } from './inverted-index.js';
import type { CorpusIndex } from './corpus-index.js';
import { evaluate, goldKey, normalizeLawForScore, scoreRanking, type Metrics } from './evaluate.js';
import {
  buildLearnedIndex,
  DEFAULT_WEIGHTS,
  denseFeature,
  DOC_FEATURES,
  FEATURES,
  featureVector,
  MODEL_VERSION,
  queryFeatures,
  type Feature,
  type LearnedModel,
} from './model.js';
import { classifyTopic } from './query.js';
import { applyReranker, type RerankModel } from './rerank.js';
import { learnTopicLaws } from './rerank-features.js';
import {
  rerankSamples,
  trainReranker,
  type RerankOptions,
  type RerankSample,
} from './rerank-train.js';
import { toSimplified, words } from './tokenizer.js';

export interface TrainQuestion {
  id: number;
  question: string;
  gold: string[];
}

/** The fixed hold-out: never learned from, every reported figure is measured on it. */
export const isHoldOut = (id: number) => id % 5 === 0;

/** Gold (law key, number) pairs of a question, resolved against the corpus' law keys. */
const normCache = new WeakMap<CorpusIndex, Map<string, string>>();

export function resolveGold(ci: CorpusIndex, q: TrainQuestion): { law: string; num: number }[] {
  let byNorm = normCache.get(ci);
  if (!byNorm)
    normCache.set(ci, (byNorm = new Map(ci.laws.map((l) => [normalizeLawForScore(l), l]))));
  const out: { law: string; num: number }[] = [];
  for (const g of q.gold) {
    const k = goldKey(g);
    if (!k) continue;
    const i = k.lastIndexOf('#');
    const law = byNorm.get(k.slice(0, i));
    if (law) out.push({ law, num: Number(k.slice(i + 1)) });
  }
  return out;
}

/** Learns priors, expansions and word bridges from `qs` (weights are fitted separately). */
export function learnParts(
  ci: CorpusIndex,
  qs: TrainQuestion[],
  weights = DEFAULT_WEIGHTS,
): LearnedModel {
  const lawPrior: Record<string, number> = {};
  const articlePrior: Record<string, number> = {};
  const expansions: Record<string, string[]> = {};
  const nq = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  const textOf = new Map<string, string>();
  for (const a of ci.articles)
    if (a.isCurrent || !textOf.has(`${a.lawKey}#${a.num}`))
      textOf.set(`${a.lawKey}#${a.num}`, a.text);
  for (const q of qs) {
    const question = toSimplified(q.question);
    const gold = resolveGold(ci, q);
    const qw = new Set(words(question));
    const aw = new Set<string>();
    for (const g of gold) {
      const key = `${g.law}#${g.num}`;
      lawPrior[g.law] = (lawPrior[g.law] ?? 0) + 1;
      articlePrior[key] = (articlePrior[key] ?? 0) + 1;
      (expansions[key] ??= []).push(question);
      for (const w of words(textOf.get(key) ?? '')) aw.add(w);
    }
    for (const w of qw) {
      nq.set(w, (nq.get(w) ?? 0) + 1);
      let m = co.get(w);
      if (!m) co.set(w, (m = new Map<string, number>()));
      for (const a of aw) m.set(a, (m.get(a) ?? 0) + 1);
    }
  }
  return {
    version: MODEL_VERSION,
    note: `learned from ${qs.length} STARD training questions (hold-out id % 5 === 0 excluded)`,
    lawPrior,
    articlePrior,
    expansions,
    bridge: learnBridge(ci, nq, co),
    weights: { ...weights },
  };
}

/** Question word → statute words that its questions' gold articles use far more than the corpus does. */
function learnBridge(
  ci: CorpusIndex,
  nq: Map<string, number>,
  co: Map<string, Map<string, number>>,
) {
  const bridge: Record<string, [string, number][]> = {};
  const n = ci.text.docCount;
  for (const [w, m] of co) {
    const count = nq.get(w) ?? 0;
    if (count < 2) continue;
    const scored: [string, number][] = [];
    for (const [a, c] of m) {
      if (c < 2 || a === w) continue;
      const id = ci.text.terms.get(a);
      if (id === undefined) continue;
      const df = ci.text.offsets[id + 1]! - ci.text.offsets[id]!;
      // Lift of P(a in gold | w in question) over P(a in an article), damped by support.
      const lift = c / count / (df / n);
      if (lift < 5) continue;
      scored.push([a, (c / count) * Math.log(lift)]);
    }
    scored.sort((x, y) => y[1] - x[1]);
    const top = scored.slice(0, 6);
    const max = top[0]?.[1] ?? 0;
    if (max > 0) bridge[w] = top.map(([a, s]) => [a, Math.round((s / max) * 1000) / 1000]);
  }
  return bridge;
}

interface Sample {
  /** (law#num) of each candidate, and its feature vector. */
  keys: string[];
  feats: Float32Array;
  gold: Set<string>;
}

const F = FEATURES.length;

/** Candidates and feature vectors for `qs`, using parts learned from `from` (cross-fitting). */
export function samplesFor(ci: CorpusIndex, model: LearnedModel, qs: TrainQuestion[]): Sample[] {
  const li = buildLearnedIndex(ci, model);
  const out: Sample[] = [];
  for (const q of qs) {
    const qf = queryFeatures(ci, li, toSimplified(q.question));
    const cand = new Set<number>();
    for (const f of [...DOC_FEATURES, 'textXlaw'] as const)
      for (const d of topK(denseFeature(ci, qf, f), 100)) cand.add(d);
    for (const d of topK(combine(ci, li, qf, DEFAULT_WEIGHTS), 400)) cand.add(d);
    const docs = [...cand];
    const feats = new Float32Array(docs.length * F);
    docs.forEach((d, i) => feats.set(featureVector(ci, li, qf, d), i * F));
    out.push({
      keys: docs.map((d) => `${ci.articles[d]!.lawKey}#${ci.articles[d]!.num}`),
      feats,
      gold: new Set(resolveGold(ci, q).map((g) => `${g.law}#${g.num}`)),
    });
  }
  return out;
}

/** Mean of MRR@10, Recall@10 and Recall@100 for weights `w` over the samples. */
export function objective(samples: Sample[], w: number[]) {
  let r10 = 0;
  let r100 = 0;
  let mrr = 0;
  for (const s of samples) {
    const n = s.keys.length;
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let f = 0; f < F; f++) v += w[f]! * s.feats[i * F + f]!;
      score[i] = v;
    }
    const order = [...score.keys()].sort((a, b) => score[b]! - score[a]!);
    const ranked: string[] = [];
    const seen = new Set<string>();
    for (const i of order) {
      const k = s.keys[i]!;
      if (seen.has(k)) continue;
      seen.add(k);
      ranked.push(k);
      if (ranked.length >= 100) break;
    }
    const m = scoreRanking(ranked, s.gold);
    r10 += m.r10;
    r100 += m.r100;
    mrr += m.rr;
  }
  const n = samples.length || 1;
  return { mrr10: mrr / n, recall10: r10 / n, recall100: r100 / n, value: (mrr + r10 + r100) / n };
}

/** Coordinate ascent over a multiplicative grid, text weight fixed at 1 as the scale. */
export function fitWeights(samples: Sample[], log: (s: string) => void = () => {}) {
  const w = FEATURES.map((f) => DEFAULT_WEIGHTS[f]);
  let best = objective(samples, w).value;
  const steps = [0, 0.25, 0.5, 0.8, 1.25, 2, 4];
  for (let round = 0; round < 8; round++) {
    let improved = false;
    for (let f = 1; f < F; f++) {
      const base = w[f]!;
      const tries = new Set([...steps.map((s) => base * s), base === 0 ? 0.1 : base, -0.3, 0.05]);
      for (const v of tries) {
        if (FEATURES[f] === 'superseded' ? v > 0 : v < 0) continue;
        w[f] = v;
        const val = objective(samples, w).value;
        if (val > best + 1e-6) {
          best = val;
          improved = true;
        } else w[f] = base;
        if (w[f] !== base) break;
      }
    }
    log(
      `round ${round}: objective ${best.toFixed(4)} weights ${w.map((x) => x.toFixed(3)).join(' ')}`,
    );
    if (!improved) break;
  }
  return Object.fromEntries(FEATURES.map((f, i) => [f, w[i]!])) as Record<Feature, number>;
}

/** The 4 cross-fitting folds of the training questions. */
const fold = (q: TrainQuestion) => Math.floor(q.id / 5) % 4;

/**
 * Cross-fitted second-stage samples: each fold's questions are ranked by parts learned from the
 * other folds with the fitted weights, exactly as unseen questions will be.
 */
export function secondStageSamples(
  ci: CorpusIndex,
  trainQs: TrainQuestion[],
  weights: Record<Feature, number>,
): RerankSample[] {
  const samples: RerankSample[] = [];
  for (let f = 0; f < 4; f++) {
    const parts = learnParts(
      ci,
      trainQs.filter((q) => fold(q) !== f),
      weights,
    );
    const table = topicLawsOf(
      ci,
      trainQs.filter((q) => fold(q) !== f),
    );
    const qs = trainQs
      .filter((q) => fold(q) === f)
      .map((q) => ({
        id: q.id,
        question: q.question,
        gold: new Set(resolveGold(ci, q).map((g) => `${g.law}#${g.num}`)),
      }));
    samples.push(...rerankSamples(ci, parts, qs, table));
  }
  return samples;
}

/** The second stage trained on every cross-fitted training question. */
export function trainSecondStage(
  ci: CorpusIndex,
  trainQs: TrainQuestion[],
  weights: Record<Feature, number>,
  log: (s: string) => void = () => {},
  options?: RerankOptions,
): RerankModel {
  const samples = secondStageSamples(ci, trainQs, weights);
  log(`second stage: ${samples.length} cross-fitted questions`);
  return trainReranker(samples, options, log, topicLawsOf(ci, trainQs));
}

/** The topic → law table learned from `qs` (their classified topic and their gold laws). */
function topicLawsOf(ci: CorpusIndex, qs: TrainQuestion[]) {
  return learnTopicLaws(
    qs.map((q) => ({
      topic: classifyTopic(toSimplified(q.question)).topic,
      laws: resolveGold(ci, q).map((g) => g.law),
    })),
  );
}

/**
 * Cross-validation of second-stage options inside the training part (the hold-out is never used):
 * train on three folds' samples, measure on the fourth, average over the four folds.
 */
export function validateSecondStage(
  samples: RerankSample[],
  options: RerankOptions,
): { stage1: Metrics; reranked: Metrics } {
  const byFold = (f: number) => samples.filter((s) => Math.floor(s.id / 5) % 4 === f);
  const stage1: RerankSample[][] = [];
  const reranked: { s: RerankSample; order: number[] }[] = [];
  for (let f = 0; f < 4; f++) {
    const m = trainReranker(
      samples.filter((s) => Math.floor(s.id / 5) % 4 !== f),
      options,
    );
    for (const s of byFold(f)) {
      const sc = applyReranker(m, s.feats, s.keys.length);
      reranked.push({ s, order: [...sc.keys()].sort((a, b) => sc[b]! - sc[a]! || a - b) });
    }
    stage1.push(byFold(f));
  }
  return {
    stage1: rankMetrics(stage1.flat().map((s) => ({ s, order: s.keys.map((_, i) => i) }))),
    reranked: rankMetrics(reranked),
  };
}

/** Recall@10/@100 and MRR@10 of candidate orders, through the same `evaluate` as qa:score. */
function rankMetrics(runs: { s: RerankSample; order: number[] }[]): Metrics {
  // one entry per (law, article): versions of one article share a key
  const ranked = new Map(
    runs.map(({ s, order }) => [String(s.id), [...new Set(order.map((i) => s.keys[i]!))]]),
  );
  return evaluate(ranked, new Map(runs.map(({ s }) => [String(s.id), s.gold])));
}

/** Full training: cross-fitted samples over 4 folds of the training questions, then the final model. */
/**
 * Fits the model on the STARD training part plus `learned` (the database's learned examples: they
 * join the training part only, so the hold-out fifth stays unseen).
 */
export function train(
  ci: CorpusIndex,
  all: TrainQuestion[],
  log: (s: string) => void = () => {},
  learned: TrainQuestion[] = [],
) {
  const trainQs = [...all.filter((q) => !isHoldOut(q.id)), ...learned];
  const samples: Sample[] = [];
  for (let f = 0; f < 4; f++) {
    const parts = learnParts(
      ci,
      trainQs.filter((q) => fold(q) !== f),
    );
    samples.push(
      ...samplesFor(
        ci,
        parts,
        trainQs.filter((q) => fold(q) === f),
      ),
    );
    log(`fold ${f}: ${samples.length} samples`);
  }
  log(
    `default weights: ${JSON.stringify(
      objective(
        samples,
        FEATURES.map((f) => DEFAULT_WEIGHTS[f]),
      ),
    )}`,
  );
  const weights = fitWeights(samples, log);
  log(
    `fitted: ${JSON.stringify(
      objective(
        samples,
        FEATURES.map((f) => weights[f]),
      ),
    )}`,
  );
  return {
    model: learnParts(ci, trainQs, weights),
    reranker: trainSecondStage(ci, trainQs, weights, log),
  };
}
