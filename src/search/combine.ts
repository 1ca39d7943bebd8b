/**
 * @module The first stage's score: the learned weights combine a query's features (`model.ts`) with
 * each article's static priors into one score per article, in one pass over the articles.
 */
import type { CorpusIndex } from './corpus-index.js';
import { textXlawOf, type Feature, type LearnedIndex, type QueryFeatures } from './model.js';
import { asRank, type RankIndex } from './rank-index.js';

const staticCache = new WeakMap<
  LearnedIndex,
  { weights: Record<Feature, number>; s: Float32Array }
>();

/** The query-independent part of the score (priors, superseded penalty), cached per weights. */
function staticScores(ci: RankIndex, li: LearnedIndex, w: Record<Feature, number>): Float32Array {
  const hit = staticCache.get(li);
  if (hit && hit.weights === w) return hit.s;
  const s = new Float32Array(ci.docCount);
  for (let d = 0; d < s.length; d++) {
    s[d] =
      w.lawPrior * li.lawPrior[d]! +
      w.articlePrior * li.articlePrior[d]! +
      w.superseded * (1 - ci.current[d]!);
  }
  staticCache.set(li, { weights: w, s });
  return s;
}

/** Each law's share of the score: its title, the law classifier and the neighbours' law votes. */
function lawScores(qf: QueryFeatures, w: Record<Feature, number>, laws: number): Float32Array {
  const { title, lawClass, knnLaw } = qf.perLaw;
  const out = new Float32Array(laws);
  for (let l = 0; l < laws; l++)
    out[l] = w.title * title[l]! + w.lawClass * lawClass[l]! + w.knnLaw * knnLaw[l]!;
  return out;
}

/** Each law's articles, CSR form: law l's are `docs[start[l] .. start[l + 1])` (built once per index). */
const lawDocsCache = new WeakMap<Uint32Array, { start: Uint32Array; docs: Uint32Array }>();

function lawDocs(ri: RankIndex): { start: Uint32Array; docs: Uint32Array } {
  const hit = lawDocsCache.get(ri.docLaw);
  if (hit) return hit;
  const start = new Uint32Array(ri.laws.length + 1);
  for (let d = 0; d < ri.docCount; d++) start[ri.docLaw[d]! + 1]!++;
  for (let l = 0; l < ri.laws.length; l++) start[l + 1]! += start[l]!;
  const fill = start.slice(0, ri.laws.length);
  const docs = new Uint32Array(ri.docCount);
  for (let d = 0; d < ri.docCount; d++) docs[fill[ri.docLaw[d]!]!++] = d;
  const built = { start, docs };
  lawDocsCache.set(ri.docLaw, built);
  return built;
}

/**
 * Combines features with `weights` into one score per article: one pass over the articles, each
 * feature scaled as it is read (a pass per feature was most of a search's first stage), then
 * `textXlaw` over the articles of the few laws the neighbours voted for.
 */
export function combine(
  index: CorpusIndex | RankIndex,
  li: LearnedIndex,
  qf: QueryFeatures,
  weights: Record<Feature, number>,
  out?: Float32Array,
): Float32Array {
  const ci = asRank(index);
  out ??= new Float32Array(ci.docCount);
  const law = lawScores(qf, weights, ci.laws.length);
  const stat = staticScores(ci, li, weights);
  const { text, bigram, heading, expansion, bridge, knn, knnNear } = qf.perDoc;
  const k = qf.scale;
  const docLaw = ci.docLaw;
  // Weights times scales, hoisted: the loop reads locals only, and has no branch that varies.
  const wt = weights.text * k.text;
  const wb = weights.bigram * k.bigram;
  const wr = weights.bridge * k.bridge;
  const wk = weights.knn * k.knn;
  const wn = weights.knnNear * k.knnNear;
  // knn and knnNear are zero but for the few hundred articles the neighbours voted for: the pass over
  // every article leaves them out (x + 0 is x, so the sum is the same), and those few are summed again
  // with them, in the same order.
  for (let d = 0; d < out.length; d++)
    out[d] = stat[d]! + law[docLaw[d]!]! + wt * text[d]! + wb * bigram[d]! + wr * bridge[d]!;
  for (const d of qf.voted) {
    out[d] =
      stat[d]! +
      law[docLaw[d]!]! +
      wt * text[d]! +
      wb * bigram[d]! +
      wk * knn[d]! +
      wr * bridge[d]! +
      wn * knnNear[d]!;
  }
  addScaled(out, heading, weights.heading * k.heading);
  addScaled(out, expansion, weights.expansion * k.expansion);
  const wx = weights.textXlaw;
  const votes = qf.perLaw.knnLaw;
  if (wx === 0) return out;
  const { start, docs } = lawDocs(ci);
  for (let l = 0; l < votes.length; l++) {
    if (votes[l] === 0) continue;
    for (let i = start[l]!; i < start[l + 1]!; i++)
      out[docs[i]!]! += wx * textXlawOf(qf, docs[i]!, l);
  }
  return out;
}

/** Adds `weight · arr` into `out`; no pass at all when the weight is 0 (as trained, heading and expansion). */
function addScaled(out: Float32Array, arr: Float32Array, weight: number): void {
  if (weight === 0) return;
  for (let d = 0; d < out.length; d++) out[d]! += weight * arr[d]!;
}
