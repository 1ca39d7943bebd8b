/**
 * @module Second-stage features: for each of the first stage's top candidates, what only makes sense
 * relative to the other candidates or to the question — the article's place within its law, the
 * law's place among laws, how much of the question the article covers, which neighbours cite it or
 * articles like it, whether its law is a core law of the question's topic. `rerank.ts` scores them.
 */
import { readFileSync } from 'node:fs';
import type { FieldIndex } from './inverted-index.js';
import type { CorpusIndex } from './corpus-index.js';
import { asRank, type RankIndex } from './rank-index.js';
import {
  docValue,
  FEATURES,
  writeFeatureVector,
  type LearnedIndex,
  type QueryFeatures,
} from './model.js';
import { bigramKeys } from './tokenizer.js';
import { idf } from './scoring.js';
import type { Topic } from './types.js';

/** How many first-stage candidates the second stage re-scores at most (and is trained on). */
export const RERANK_DEPTH = 1000;
/**
 * How many it re-scores for `want` hits: ten times as many, at least 200. Measured on the hold-out
 * fifth: the top 10 are the same from 100 candidates up (R@10 0.673, MRR@10 0.564 at 100, 200, 300
 * and 1,000), while the top 100 need the full depth (R@100 0.854 at 210, 0.879 at 1,000) — so a
 * search for 10 hits re-scores 200 candidates, a fifth of the work, and one for 100 the full 1,000.
 */
export const rerankDepth = (want: number, max = RERANK_DEPTH): number =>
  Math.min(max, Math.max(200, want * 10));

export const RERANK_FEATURES = [
  ...FEATURES,
  'stage1',
  'stage1Rank',
  'lawRank',
  'lawShare',
  'textInLaw',
  'coverage',
  'bigramCoverage',
  'bigramRun',
  'knnTop5',
  'knnMax',
  'knnFirst',
  'knnDistance',
  'knnTextLike',
  'rankInLaw',
  'length',
  'subArticle',
  'topicLawCurated',
  'topicLawLearned',
  'queryLength',
  'neighbourSim',
] as const;
const RF = RERANK_FEATURES.length;

export type TopicLawTable = Record<string, Record<string, number>>;

/** What the second stage knows about the question beyond its words. */
export interface QuestionContext {
  topic: Topic;
  confidence: number;
  topicLaw: TopicLawTable;
}

/** Curated topic → core laws (`data/topic-laws.json`). */
const CURATED_TOPIC_LAWS = new Map(
  Object.entries(
    JSON.parse(readFileSync(new URL('./data/topic-laws.json', import.meta.url), 'utf8')) as Record<
      string,
      string[] | string
    >,
  )
    .filter(([k]) => k !== '_note')
    .map(([topic, laws]) => [topic, new Set(laws as string[])]),
);

/** Core laws of each topic as curated, for tests and docs. */
export const curatedTopicLaws = (topic: Topic): ReadonlySet<string> =>
  CURATED_TOPIC_LAWS.get(topic) ?? new Set();

/** topic → law key → share, from the gold laws of training questions classified under each topic. */
export function learnTopicLaws(questions: { topic: Topic; laws: string[] }[]): TopicLawTable {
  const counts: TopicLawTable = {};
  for (const q of questions) {
    if (q.topic === '其他') continue;
    const row = (counts[q.topic] ??= {});
    for (const law of new Set(q.laws)) row[law] = (row[law] ?? 0) + 1;
  }
  for (const row of Object.values(counts)) {
    const max = Math.max(...Object.values(row));
    for (const law of Object.keys(row)) row[law] = Math.round((row[law]! / max) * 1000) / 1000;
  }
  return counts;
}

/** The candidates in ascending document order, with each one's place in the candidate list. */
export interface CandidateOrder {
  docs: Int32Array;
  at: Int32Array;
}

export function candidateOrder(cands: readonly number[]): CandidateOrder {
  const idx = Int32Array.from(cands.keys()).sort((a, b) => cands[a]! - cands[b]!);
  return { docs: Int32Array.from(idx, (i) => cands[i]!), at: idx };
}

/**
 * First position in `docs[lo, end)` (ascending) holding a value ≥ `target`: steps outwards from
 * `lo` doubling each time, then halves — cheap when the next candidate is near the last one.
 */
function gallop(docs: Uint32Array, lo: number, end: number, target: number): number {
  let hi = lo;
  let step = 1;
  while (hi < end && docs[hi]! < target) {
    lo = hi + 1;
    hi = lo + step;
    step *= 2;
  }
  hi = Math.min(hi, end);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Marks in `row` (one cell per candidate) the candidates that a term's postings contain: a short
 * list is merged with the candidates in one walk, a long one galloped through candidate by candidate.
 */
function markPostings(f: FieldIndex, id: number, order: CandidateOrder, row: Uint8Array): void {
  let i = f.offsets[id]!;
  const end = f.offsets[id + 1]!;
  const { docs, at } = order;
  if (end - i < docs.length * 8) {
    for (let j = 0; j < docs.length && i < end;) {
      const a = f.docs[i]!;
      const b = docs[j]!;
      if (a < b) i++;
      else if (a > b) j++;
      else {
        row[at[j++]!] = 1;
        i++;
      }
    }
    return;
  }
  for (let j = 0; j < docs.length && i < end; j++) {
    i = gallop(f.docs, i, end, docs[j]!);
    if (i < end && f.docs[i] === docs[j]) row[at[j]!] = 1;
  }
}

/**
 * Which candidates contain each query term, found by galloping through each term's postings
 * (sorted by document) from one candidate to the next, so a common term costs about a search per
 * candidate instead of a walk of its whole list. Returns the terms' idf weights and a terms ×
 * candidates presence matrix.
 */
function presence(
  f: FieldIndex,
  terms: readonly (string | number)[],
  order: CandidateOrder,
): { weight: Float64Array; has: Uint8Array } {
  const nc = order.docs.length;
  const weight = new Float64Array(terms.length);
  const has = new Uint8Array(terms.length * nc);
  terms.forEach((t, k) => {
    const id = f.terms.get(t);
    if (id === undefined) return;
    weight[k] = idf(f.docCount, f.offsets[id + 1]! - f.offsets[id]!);
    markPostings(f, id, order, has.subarray(k * nc, (k + 1) * nc));
  });
  return { weight, has };
}

/** idf-weighted share of the query's terms present in candidate `c`. */
function coverage(p: { weight: Float64Array; has: Uint8Array }, c: number, nc: number): number {
  let have = 0;
  let all = 0;
  for (let k = 0; k < p.weight.length; k++) {
    all += p.weight[k]!;
    if (p.has[k * nc + c]) have += p.weight[k]!;
  }
  return all > 0 ? have / all : 0;
}

/**
 * The longest run of consecutive query bigrams all found in candidate `c` (a cheap stand-in for
 * the longest common phrase: a question quoting a statute's wording makes a long run), 8 → 1.
 */
function bigramRun(seq: readonly number[], has: Uint8Array, c: number, nc: number): number {
  let best = 0;
  let run = 0;
  for (const k of seq) {
    run = has[k * nc + c] ? run + 1 : 0;
    if (run > best) best = run;
  }
  return Math.min(best, 8) / 8;
}

/** Neighbour evidence per candidate: top-5 vote share, best similarity, rank of first citing neighbour. */
function neighbourEvidence(li: LearnedIndex, qf: QueryFeatures) {
  const top5 = new Map<number, number>();
  const best = new Map<number, number>();
  const first = new Map<number, number>();
  const top = qf.neighbours[0]?.sim ?? 0;
  let sum5 = 0;
  qf.neighbours.forEach((n, rank) => {
    if (rank < 5) sum5 += n.sim;
    for (const d of li.questionDocs[n.question]!) {
      if (rank < 5) top5.set(d, (top5.get(d) ?? 0) + n.sim);
      if (!best.has(d)) best.set(d, top > 0 ? n.sim / top : 0);
      if (!first.has(d)) first.set(d, 1 / (1 + rank));
    }
  });
  return { top5, sum5, best, first };
}

/**
 * Closeness to an article a neighbour cites, in the same law version (articles on one subject sit
 * together): max over cited articles of sim / (1 + distance), within 20 articles, excluding itself.
 */
function nearCited(
  ci: RankIndex,
  li: LearnedIndex,
  qf: QueryFeatures,
  cands: readonly number[],
): Float32Array {
  const out = new Float32Array(cands.length);
  const top = qf.neighbours[0]?.sim ?? 0;
  if (top <= 0) return out;
  const cited = new Map<number, number>();
  for (const n of qf.neighbours)
    for (const e of li.questionDocs[n.question]!)
      cited.set(e, Math.max(cited.get(e) ?? 0, n.sim / top));
  // The cited articles in document order, so each candidate looks only at those within 20 of it.
  const docs = Int32Array.from(cited.keys()).sort();
  const sims = Float64Array.from(docs, (e) => cited.get(e)!);
  cands.forEach((d, r) => {
    let best = 0;
    let lo = 0;
    let hi = docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (docs[mid]! < d - 20) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < docs.length && docs[i]! <= d + 20; i++) {
      const e = docs[i]!;
      if (e === d || ci.lawVersion[e] !== ci.lawVersion[d]) continue;
      best = Math.max(best, sims[i]! / (1 + Math.abs(d - e)));
    }
    out[r] = best;
  });
  return out;
}

/** Overlap of two bigram lists as sets (how close the nearest training question really is). */
function jaccard(a: readonly number[], b: readonly number[]): number {
  const x = new Set(a);
  const y = new Set(b);
  let both = 0;
  for (const v of x) if (y.has(v)) both++;
  const union = x.size + y.size - both;
  return union > 0 ? both / union : 0;
}

/**
 * An article's distinct bigrams as term ids of the bigram field (small integers: a Map keyed by them
 * is several times faster than by the bigrams' own numbers) and their idf, kept for the articles
 * neighbours cite (a few thousand).
 */
type Profile = { keys: ArrayLike<number>; idfs: ArrayLike<number> };
const profiles = new WeakMap<RankIndex, Map<number, Profile>>();

/** Article `d`'s distinct bigrams known to the index (as term ids), and their idf. */
export function bigramProfile(ci: RankIndex, d: number, li?: LearnedIndex): Profile {
  const pre = li?.profiles;
  const at = pre?.of[d] ?? -1;
  if (pre && at >= 0) {
    const from = pre.off[at]!;
    const to = pre.off[at + 1]!;
    return { keys: pre.keys.subarray(from, to), idfs: pre.idfs.subarray(from, to) };
  }
  let cache = profiles.get(ci);
  if (!cache) profiles.set(ci, (cache = new Map<number, Profile>()));
  const hit = cache.get(d);
  if (hit) return hit;
  const profile = articleProfile(ci, d);
  cache.set(d, profile);
  return profile;
}

/** Article `d`'s profile from its text, not remembered (`bigramProfile` remembers it). */
export function articleProfile(ci: RankIndex, d: number): Profile {
  const f = ci.bigram;
  const keys: number[] = [];
  for (const b of new Set(bigramKeys(ci.articleText(d)))) {
    const id = f.terms.get(b);
    if (id !== undefined) keys.push(id);
  }
  const idfs = Float64Array.from(keys, (id) =>
    idf(f.docCount, f.offsets[id + 1]! - f.offsets[id]!),
  );
  return { keys, idfs };
}

/**
 * The `n` entries of largest value, best first, ties in insertion order (as a stable sort would
 * give): the n-th largest value is found on a typed copy, so only the few above it are sorted.
 */
function largest(m: ReadonlyMap<number, number>, n: number): [number, number][] {
  if (m.size <= n) return [...m].sort((a, b) => b[1] - a[1]);
  const values = new Float64Array(m.size);
  let i = 0;
  m.forEach((v) => (values[i++] = v));
  const bar = values.sort()[values.length - n]!;
  const above: [number, number][] = [];
  const at: [number, number][] = [];
  m.forEach((v, k) => {
    if (v > bar) above.push([k, v]);
    else if (v === bar) at.push([k, v]);
  });
  return [...above.sort((a, b) => b[1] - a[1]), ...at].slice(0, n);
}

/** How many of the cited articles' most telling bigrams `citedLikeness` compares. */
const LIKENESS_TERMS = 60;

/**
 * How much a candidate reads like the articles the 5 nearest neighbours cite: the share (weighted
 * by neighbour similarity × idf) of those articles' most telling bigrams present in the candidate.
 * It reaches articles no training question cites but that share their subject and wording.
 */
function citedLikeness(
  ci: RankIndex,
  li: LearnedIndex,
  qf: QueryFeatures,
  cands: readonly number[],
  order: CandidateOrder,
): Float32Array {
  const weight = new Map<number, number>();
  for (const n of qf.neighbours.slice(0, 5)) {
    for (const d of li.questionDocs[n.question]!) {
      const { keys, idfs } = bigramProfile(ci, d, li);
      for (let k = 0; k < keys.length; k++)
        weight.set(keys[k]!, (weight.get(keys[k]!) ?? 0) + n.sim * idfs[k]!);
    }
  }
  const top = largest(weight, LIKENESS_TERMS);
  const nc = cands.length;
  const out = new Float32Array(nc);
  if (top.length === 0) return out;
  const has = new Uint8Array(top.length * nc);
  top.forEach(([id], k) => markPostings(ci.bigram, id, order, has.subarray(k * nc, (k + 1) * nc)));
  const w = Float64Array.from(top, ([, v]) => v);
  const total = w.reduce((a, v) => a + v, 0);
  for (let c = 0; c < nc; c++) {
    let have = 0;
    for (let k = 0; k < w.length; k++) if (has[k * nc + c]) have += w[k]!;
    out[c] = have / total;
  }
  return out;
}

/** Feature rows (candidates × RERANK_FEATURES) for candidates ordered best first by `stage1`. */
export function rerankFeatures(
  index: CorpusIndex | RankIndex,
  li: LearnedIndex,
  qf: QueryFeatures,
  stage1: Float32Array,
  cands: readonly number[],
  text: string,
  question: QuestionContext,
): Float32Array {
  const ci = asRank(index);
  const out = new Float32Array(cands.length * RF);
  const curated = curatedTopicLaws(question.topic);
  const learned = question.topicLaw[question.topic] ?? {};
  const top = stage1[cands[0] ?? 0] ?? 0;
  const lawOrder = new Map<number, number>();
  const lawCount = new Map<number, number>();
  const lawBestText = new Map<number, number>();
  const textOf = (d: number) => (docValue(qf, 'text', d) + docValue(qf, 'bigram', d)) / 2;
  cands.forEach((d, r) => {
    const l = ci.docLaw[d]!;
    if (!lawOrder.has(l)) lawOrder.set(l, lawOrder.size);
    if (r < 30) lawCount.set(l, (lawCount.get(l) ?? 0) + 1);
    lawBestText.set(l, Math.max(lawBestText.get(l) ?? 0, textOf(d)));
  });
  const nc = cands.length;
  const order = candidateOrder(cands);
  const words = presence(ci.text, [...new Set(qf.words)], order);
  const seq = bigramKeys(text);
  const distinct = [...new Set(seq)];
  const position = new Map(distinct.map((b, k) => [b, k]));
  const bigrams = presence(ci.bigram, distinct, order);
  const bigramSeq = seq.map((b) => position.get(b)!);
  const nb = neighbourEvidence(li, qf);
  const near = nearCited(ci, li, qf, cands);
  const like = citedLikeness(ci, li, qf, cands, order);
  const nearest = qf.neighbours[0];
  const closest = nearest ? jaccard(seq, bigramKeys(li.questionTexts[nearest.question]!)) : 0;
  const seenInLaw = new Map<number, number>();
  cands.forEach((d, r) => {
    const row = r * RF;
    writeFeatureVector(ci, li, qf, d, out, row);
    const l = ci.docLaw[d]!;
    const inLaw = seenInLaw.get(l) ?? 0;
    seenInLaw.set(l, inLaw + 1);
    let at = row + FEATURES.length;
    const put = (v: number) => (out[at++] = v);
    put(top > 0 ? stage1[d]! / top : 0);
    put(1 / Math.log2(2 + r));
    put(1 / (1 + lawOrder.get(l)!));
    put((lawCount.get(l) ?? 0) / 30);
    put(lawBestText.get(l)! > 0 ? textOf(d) / lawBestText.get(l)! : 0);
    put(coverage(words, r, nc));
    put(coverage(bigrams, r, nc));
    put(bigramRun(bigramSeq, bigrams.has, r, nc));
    put(nb.sum5 > 0 ? (nb.top5.get(d) ?? 0) / nb.sum5 : 0);
    put(nb.best.get(d) ?? 0);
    put(nb.first.get(d) ?? 0);
    put(near[r]!);
    put(like[r]!);
    put(1 / (1 + inLaw));
    put(Math.log1p(ci.text.lens[d]!) / 8);
    const lawKey = ci.laws[l]!;
    put(ci.sub[d]! > 0 ? 1 : 0);
    put(curated.has(lawKey) ? question.confidence : 0);
    put((learned[lawKey] ?? 0) * question.confidence);
    // Per question, so the network can weigh the rest by them (e.g. trust neighbours when close).
    put(Math.min(qf.words.length, 30) / 30);
    put(closest);
  });
  return out;
}

export const RERANK_WIDTH = RF;
