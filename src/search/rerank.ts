/**
 * @module Second stage: a small learned network (an ensemble of seeds) scores the features of
 * `rerank-features.ts` for the first stage's top candidates. The artefact is `data/reranker.json`,
 * rebuilt by `npm run search:train`; a file trained on other features is refused.
 */
import { ArtefactError, readArtefact, RerankerFile } from './artefacts.js';
import type { Provenance } from './provenance.js';
import { RERANK_WIDTH as RF, type TopicLawTable } from './rerank-features.js';

/** One small network: score = w·x + v·squash(W1·x + b1), over standardised features x. */
export interface RerankNet {
  w: number[];
  W1: number[][];
  b1: number[];
  v: number[];
}

export interface RerankModel {
  version: number;
  note: string;
  /** What built it (corpus, training questions, examples); required in the shipped file. */
  trainedOn?: Provenance;
  features: string[];
  mean: number[];
  std: number[];
  /** An ensemble (different seeds); the score is their mean. */
  nets: RerankNet[];
  /** Learned from training questions: topic → law key → how often its gold cites the law (max 1). */
  topicLaw: TopicLawTable;
}

export const RERANK_VERSION = 2;
export const RERANKER_FILE = new URL('./data/reranker.json', import.meta.url);

/**
 * The hidden units' activation: a rational (Padé) approximation of tanh, exact at 0 and reaching
 * ±1 with zero slope at ±3. Math.tanh costs ~60 ns a call here and ranking makes 48,000 of them.
 */
export function squash(h: number): number {
  if (h >= 3) return 1;
  if (h <= -3) return -1;
  const h2 = h * h;
  return (h * (27 + h2)) / (27 + 9 * h2);
}

/** The derivative of `squash`, for training. */
export function squashSlope(h: number): number {
  if (h >= 3 || h <= -3) return 0;
  const h2 = h * h;
  const d = 27 + 9 * h2;
  return ((27 + 3 * h2) * d - 18 * h2 * (27 + h2)) / (d * d);
}

/** One network's score for a standardised row (training uses it; ranking uses the packed form). */
export function netScore(net: RerankNet, x: Float64Array): number {
  let s = 0;
  for (let f = 0; f < x.length; f++) s += net.w[f]! * x[f]!;
  for (let j = 0; j < net.b1.length; j++) {
    const W = net.W1[j]!;
    let h = net.b1[j]!;
    for (let f = 0; f < x.length; f++) h += W[f]! * x[f]!;
    s += net.v[j]! * squash(h);
  }
  return s;
}

/** The ensemble folded into one network: linear parts averaged, hidden units side by side. */
interface Packed {
  mean: Float64Array;
  scale: Float64Array;
  w: Float64Array;
  /** Hidden-unit weights, each row padded to `stride` (a multiple of 4) for an unrolled loop. */
  W1: Float64Array;
  stride: number;
  b1: Float64Array;
  v: Float64Array;
}

const packed = new WeakMap<RerankModel, Packed>();

function pack(m: RerankModel): Packed {
  const hit = packed.get(m);
  if (hit) return hit;
  const n = m.nets.length || 1;
  const units = m.nets.flatMap((net) =>
    net.b1.map((b, j) => ({ b, v: net.v[j]! / n, W: net.W1[j]! })),
  );
  const stride = Math.ceil(RF / 4) * 4;
  const W1 = new Float64Array(units.length * stride);
  units.forEach((u, j) => W1.set(u.W, j * stride));
  const p: Packed = {
    mean: Float64Array.from(m.mean),
    scale: Float64Array.from(m.std, (s) => 1 / s),
    w: Float64Array.from({ length: RF }, (_, f) => m.nets.reduce((a, net) => a + net.w[f]!, 0) / n),
    W1,
    stride,
    b1: Float64Array.from(units.map((u) => u.b)),
    v: Float64Array.from(units.map((u) => u.v)),
  };
  packed.set(m, p);
  return p;
}

/** Scores each candidate row with the ensemble (the mean of its networks' scores). */
export function applyReranker(m: RerankModel, feats: Float32Array, n: number): Float64Array {
  const { mean, scale, w, W1, stride, b1, v } = pack(m);
  const out = new Float64Array(n);
  const x = new Float64Array(stride); // padding stays 0
  const units = b1.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const at = i * RF;
    for (let f = 0; f < RF; f++) {
      const xf = (feats[at + f]! - mean[f]!) * scale[f]!;
      x[f] = xf;
      s += w[f]! * xf;
    }
    for (let j = 0; j < units; j++) {
      // four running sums: V8 does not vectorise, but independent sums pipeline (≈ 1.5× faster)
      let h0 = b1[j]!;
      let h1 = 0;
      let h2 = 0;
      let h3 = 0;
      const row = j * stride;
      for (let f = 0; f < stride; f += 4) {
        h0 += W1[row + f]! * x[f]!;
        h1 += W1[row + f + 1]! * x[f + 1]!;
        h2 += W1[row + f + 2]! * x[f + 2]!;
        h3 += W1[row + f + 3]! * x[f + 3]!;
      }
      s += v[j]! * squash(h0 + h1 + h2 + h3);
    }
    out[i] = s;
  }
  return out;
}

/**
 * The second-stage artefact, checked against its schema and the code's features.
 * @throws ArtefactError when it is missing or was trained on other features.
 */
export function loadReranker(file: URL = RERANKER_FILE): RerankModel {
  const m = readArtefact(file, RerankerFile, '二阶段排序模型');
  if (m.version !== RERANK_VERSION)
    throw new ArtefactError(
      `二阶段排序模型版本不符（文件 ${m.version}，程序 ${RERANK_VERSION}）：请运行 npm run search:train`,
    );
  return m;
}
