/**
 * @module Training of the second stage: a listwise softmax loss (ListNet with the gold articles as
 * the target distribution) over each training question's candidates, minimised by Adam for a small
 * network per seed. Training questions' features are cross-fitted (see `train.ts`), so the
 * network learns how much to trust neighbour votes on questions it has not seen.
 */
import type { CorpusIndex } from './corpus-index.js';
import { topK } from './inverted-index.js';
import { combine } from './combine.js';
import { buildLearnedIndex, queryFeatures, type LearnedModel } from './model.js';
import { classifyTopic, expandLayTerms } from './query.js';
import {
  netScore,
  RERANK_VERSION,
  squash,
  squashSlope,
  type RerankModel,
  type RerankNet,
} from './rerank.js';
import {
  RERANK_DEPTH,
  RERANK_FEATURES,
  RERANK_WIDTH,
  rerankFeatures,
  type TopicLawTable,
} from './rerank-features.js';
import { toSimplified } from './tokenizer.js';

export interface RerankSample {
  id: number;
  /** `law#num` of each candidate, best first by the first stage. */
  keys: string[];
  feats: Float32Array;
  gold: Set<string>;
}

export interface RerankOptions {
  hidden: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seeds: number[];
  /** Every candidate this high in the first stage is trained on; the rest are sampled. */
  keepTop: number;
  sampleRest: number;
}

export const DEFAULT_RERANK_OPTIONS: RerankOptions = {
  hidden: 16,
  epochs: 15,
  learningRate: 0.002,
  l2: 1e-3,
  seeds: [7, 11, 13],
  keepTop: 300,
  sampleRest: 0.15,
};

/** First-stage candidates and second-stage features of `qs`, with parts learned from `model`. */
export function rerankSamples(
  ci: CorpusIndex,
  model: LearnedModel,
  qs: { id: number; question: string; gold: Set<string> }[],
  topicLaw: TopicLawTable,
): RerankSample[] {
  const li = buildLearnedIndex(ci, model);
  return qs.map((q) => {
    const text = toSimplified(q.question);
    const question = { ...classifyTopic(text), topicLaw };
    const qf = queryFeatures(ci, li, text, expandLayTerms(text));
    const s = combine(ci, li, qf, model.weights);
    const cands = topK(s, RERANK_DEPTH).filter((d) => s[d]! > 0);
    const a = ci.articles;
    return {
      id: q.id,
      keys: cands.map((d) => `${a[d]!.lawKey}#${a[d]!.num}`),
      feats: rerankFeatures(ci, li, qf, s, cands, text, question),
      gold: q.gold,
    };
  });
}

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator). */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 4294967296;
  };
}

/** Mean and standard deviation of each feature over every candidate row. */
function standardiser(samples: RerankSample[]) {
  const W = RERANK_WIDTH;
  const mean = new Float64Array(W);
  const sq = new Float64Array(W);
  let rows = 0;
  for (const s of samples)
    for (let i = 0; i < s.keys.length; i++, rows++)
      for (let f = 0; f < W; f++) {
        const v = s.feats[i * W + f]!;
        mean[f]! += v;
        sq[f]! += v * v;
      }
  const std = new Float64Array(W);
  for (let f = 0; f < W; f++) {
    mean[f]! /= rows || 1;
    std[f] = Math.sqrt(Math.max(0, sq[f]! / (rows || 1) - mean[f]! ** 2)) || 1;
  }
  return { mean: [...mean], std: [...std] };
}

/** Trains one network from `seed` on standardised rows. */
function trainNet(
  rows: { x: Float64Array[]; positives: number[]; top: number }[],
  o: RerankOptions,
  seed: number,
): RerankNet {
  const W = RERANK_WIDTH;
  const rnd = random(seed);
  const net: RerankNet = {
    w: new Array<number>(W).fill(0),
    W1: Array.from({ length: o.hidden }, () =>
      Array.from({ length: W }, () => (rnd() - 0.5) * 0.2),
    ),
    b1: new Array<number>(o.hidden).fill(0),
    v: Array.from({ length: o.hidden }, () => (rnd() - 0.5) * 0.2),
  };
  const adam = new Adam(net, o.learningRate, o.l2);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = rows.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const qi of order) {
      const q = rows[qi]!;
      const use = q.x
        .map((_, i) => i)
        .filter((i) => i < o.keepTop || q.positives.includes(i) || rnd() < o.sampleRest);
      adam.step(
        listwiseGradient(
          net,
          use.map((i) => q.x[i]!),
          use.map((i) => q.positives.includes(i)),
        ),
      );
    }
  }
  return net;
}

/** Gradient of −mean log softmax(gold) over one question's rows. */
function listwiseGradient(net: RerankNet, x: Float64Array[], gold: boolean[]): RerankNet {
  const H = net.b1.length;
  const W = RERANK_WIDTH;
  const g: RerankNet = {
    w: new Array<number>(W).fill(0),
    W1: Array.from({ length: H }, () => new Array<number>(W).fill(0)),
    b1: new Array<number>(H).fill(0),
    v: new Array<number>(H).fill(0),
  };
  const pre = x.map((row) =>
    net.W1.map((Wj, j) => Wj.reduce((h, wf, f) => h + wf * row[f]!, net.b1[j]!)),
  );
  const hidden = pre.map((p) => p.map(squash));
  const scores = x.map((row) => netScore(net, row));
  const max = Math.max(...scores);
  const z = scores.reduce((acc, s) => acc + Math.exp(s - max), 0);
  const positives = gold.filter(Boolean).length;
  x.forEach((row, i) => {
    const d = Math.exp(scores[i]! - max) / z - (gold[i] ? 1 / positives : 0);
    if (Math.abs(d) < 1e-7) return;
    for (let f = 0; f < W; f++) g.w[f]! += d * row[f]!;
    const h = hidden[i]!;
    const p = pre[i]!;
    for (let j = 0; j < H; j++) {
      g.v[j]! += d * h[j]!;
      const dh = d * net.v[j]! * squashSlope(p[j]!);
      g.b1[j]! += dh;
      const gW = g.W1[j]!;
      for (let f = 0; f < W; f++) gW[f]! += dh * row[f]!;
    }
  });
  return g;
}

/** Adam with L2 decay over the network's flattened parameters. */
class Adam {
  private t = 0;
  private readonly m: Float64Array;
  private readonly s: Float64Array;

  constructor(
    private readonly net: RerankNet,
    private readonly lr: number,
    private readonly l2: number,
  ) {
    const n = flatten(net).length;
    this.m = new Float64Array(n);
    this.s = new Float64Array(n);
  }

  step(grad: RerankNet): void {
    this.t++;
    const p = flatten(this.net);
    const g = flatten(grad);
    const c1 = 1 - 0.9 ** this.t;
    const c2 = 1 - 0.999 ** this.t;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]! + this.l2 * p[i]!;
      this.m[i] = 0.9 * this.m[i]! + 0.1 * gi;
      this.s[i] = 0.999 * this.s[i]! + 0.001 * gi * gi;
      p[i]! -= (this.lr * (this.m[i]! / c1)) / (Math.sqrt(this.s[i]! / c2) + 1e-8);
    }
    unflatten(this.net, p);
  }
}

const flatten = (n: RerankNet): number[] => [...n.w, ...n.W1.flat(), ...n.b1, ...n.v];

function unflatten(n: RerankNet, p: number[]): void {
  let i = 0;
  for (let f = 0; f < n.w.length; f++) n.w[f] = p[i++]!;
  for (const row of n.W1) for (let f = 0; f < row.length; f++) row[f] = p[i++]!;
  for (let j = 0; j < n.b1.length; j++) n.b1[j] = p[i++]!;
  for (let j = 0; j < n.v.length; j++) n.v[j] = p[i++]!;
}

/** Trains the ensemble on cross-fitted samples (questions without a gold candidate teach nothing). */
export function trainReranker(
  samples: RerankSample[],
  o: RerankOptions = DEFAULT_RERANK_OPTIONS,
  log: (s: string) => void = () => {},
  topicLaw: TopicLawTable = {},
): RerankModel {
  const { mean, std } = standardiser(samples);
  const W = RERANK_WIDTH;
  const rows = samples
    .map((s) => ({
      x: s.keys.map((_, i) => {
        const row = new Float64Array(W);
        for (let f = 0; f < W; f++) row[f] = (s.feats[i * W + f]! - mean[f]!) / std[f]!;
        return row;
      }),
      positives: s.keys.flatMap((k, i) => (s.gold.has(k) ? [i] : [])),
      top: s.keys.length,
    }))
    .filter((r) => r.positives.length > 0);
  const nets = o.seeds.map((seed) => {
    const t0 = performance.now();
    const net = trainNet(rows, o, seed);
    log(`reranker seed ${seed}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return net;
  });
  return {
    version: RERANK_VERSION,
    note: `ListNet MLP (${o.hidden} hidden units, ${o.epochs} epochs, ${o.seeds.length} seeds) on ${rows.length} cross-fitted STARD training questions (hold-out id % 5 === 0 excluded)`,
    features: [...RERANK_FEATURES],
    mean,
    std,
    nets,
    topicLaw,
  };
}
