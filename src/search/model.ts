/**
 * @module Learned retrieval model: what the training questions teach (law and article priors,
 * doc-expansion with training questions, a law classifier, lay→statute word bridges) plus the
 * linear weights that combine every feature into one score. The JSON artefact lives in
 * `data/model.json` and is rebuilt by `npm run search:train`.
 */
import type { Provenance } from './provenance.js';
import { bag, buildField, scoreInto, topK, type FieldIndex } from './inverted-index.js';
import { refKey, type CorpusIndex } from './corpus-index.js';
import { asRank, type RankIndex } from './rank-index.js';
import { bigramKeys, words } from './tokenizer.js';

export const MODEL_VERSION = 2;

export const FEATURES = [
  'text',
  'bigram',
  'heading',
  'title',
  'expansion',
  'lawClass',
  'bridge',
  'knn',
  'knnNear',
  'knnLaw',
  'textXlaw',
  'lawPrior',
  'articlePrior',
  'superseded',
] as const;
export type Feature = (typeof FEATURES)[number];
/** Features computed per query (the rest are static per article). */
export const QUERY_FEATURES: readonly Feature[] = FEATURES.slice(0, 11);

export interface LearnedModel {
  version: number;
  note: string;
  /** What built it (corpus, training questions, examples); required in the shipped file. */
  trainedOn?: Provenance;
  /** law key → number of training gold articles in that law. */
  lawPrior: Record<string, number>;
  /** `law#num` → number of training questions citing it. */
  articlePrior: Record<string, number>;
  /** `law#num` → training questions whose gold it is (appended as an extra index field). */
  expansions: Record<string, string[]>;
  /** question word → [statute word, weight] learned from question/gold-article co-occurrence. */
  bridge: Record<string, [string, number][]>;
  weights: Record<Feature, number>;
}

export const DEFAULT_WEIGHTS: Record<Feature, number> = {
  text: 1,
  bigram: 1,
  heading: 0.2,
  title: 0.3,
  expansion: 0.5,
  lawClass: 0.5,
  bridge: 0.2,
  knn: 0.5,
  knnNear: 0.1,
  knnLaw: 0.3,
  textXlaw: 0.5,
  lawPrior: 0.3,
  articlePrior: 0.2,
  superseded: -0.1,
};

export const emptyModel = (): LearnedModel => ({
  version: MODEL_VERSION,
  note: 'empty',
  lawPrior: {},
  articlePrior: {},
  expansions: {},
  bridge: {},
  weights: { ...DEFAULT_WEIGHTS },
});

const artKey = (law: string, num: number) => `${law}#${num}`;

/** The model's fields laid over one corpus index. */
export interface LearnedIndex {
  model: LearnedModel;
  expansion: FieldIndex;
  /** Training questions per law key (document i = classLaws[i]). */
  lawClass: FieldIndex;
  classLawOf: Int32Array;
  /** Static features per article, each scaled to [0, 1]. */
  lawPrior: Float32Array;
  articlePrior: Float32Array;
  /** Training questions (words and bigrams), and the docs / law indices each one cites. */
  questions: FieldIndex;
  questionBigrams: FieldIndex;
  questionDocs: number[][];
  questionLaws: number[][];
  /** The training questions themselves (document i of `questions`). */
  questionTexts: string[];
  /**
   * The distinct bigrams (and their idf) of every article a training question cites, precomputed
   * where the article text is not at hand (a search thread); computed on demand otherwise.
   */
  profiles?: BigramProfiles;
}

/**
 * Bigram profiles in CSR form: article d's are `keys/idfs[off[of[d]] .. off[of[d] + 1])`, the keys
 * being term ids of the corpus' bigram field.
 */
export interface BigramProfiles {
  of: Int32Array;
  off: Uint32Array;
  keys: Float64Array;
  idfs: Float64Array;
}

/**
 * Per-retriever scratch arrays, reused by every query instead of allocating eight dense
 * article-length arrays each time (a query's features live only until its ranking is done).
 */
export type QueryScratch = Map<string, Float32Array>;

/** A zeroed array of `size`: the scratch's (cleared) when given, else a new one. */
function zeros(scratch: QueryScratch | undefined, name: string, size: number): Float32Array {
  if (!scratch) return new Float32Array(size);
  let a = scratch.get(name);
  if (a?.length === size) a.fill(0);
  else scratch.set(name, (a = new Float32Array(size)));
  return a;
}

/** `words` remembered per text: one training question feeds three fields, tokenised once. */
function memoWords(): (text: string) => string[] {
  const seen = new Map<string, string[]>();
  return (text) => {
    let w = seen.get(text);
    if (!w) seen.set(text, (w = words(text)));
    return w;
  };
}

export function buildLearnedIndex(ci: CorpusIndex, model: LearnedModel): LearnedIndex {
  const n = ci.articles.length;
  const tokens = memoWords();
  const expTokens: string[][] = ci.articles.map((a) => {
    const qs = model.expansions[artKey(a.lawKey, a.num)];
    return qs ? qs.flatMap((q) => tokens(q)) : [];
  });
  const classLaws = Object.keys(model.lawPrior).filter((l) => ci.lawIndex.has(l));
  const perLaw = new Map<string, string[]>(classLaws.map((l) => [l, []]));
  for (const [key, qs] of Object.entries(model.expansions)) {
    const list = perLaw.get(key.slice(0, key.lastIndexOf('#')));
    if (list) for (const q of qs) list.push(...tokens(q));
  }
  const classLawOf = new Int32Array(ci.laws.length).fill(-1);
  classLaws.forEach((l, i) => (classLawOf[ci.lawIndex.get(l)!] = i));
  const maxLaw = Math.log1p(Math.max(1, ...Object.values(model.lawPrior)));
  const maxArt = Math.log1p(Math.max(1, ...Object.values(model.articlePrior)));
  const lawPrior = new Float32Array(n);
  const articlePrior = new Float32Array(n);
  ci.articles.forEach((a, d) => {
    lawPrior[d] = Math.log1p(model.lawPrior[a.lawKey] ?? 0) / maxLaw;
    articlePrior[d] = Math.log1p(model.articlePrior[artKey(a.lawKey, a.num)] ?? 0) / maxArt;
  });
  const qTexts: string[] = [];
  const qKeys = new Map<string, Set<string>>();
  for (const [key, qs] of Object.entries(model.expansions)) {
    for (const q of qs) {
      let set = qKeys.get(q);
      if (!set) {
        qKeys.set(q, (set = new Set()));
        qTexts.push(q);
      }
      set.add(key);
    }
  }
  const docsByArt = new Map<string, number[]>();
  ci.articles.forEach((a, d) => {
    const key = artKey(a.lawKey, a.num);
    const list = docsByArt.get(key);
    if (list) list.push(d);
    else docsByArt.set(key, [d]);
  });
  const questionDocs = qTexts.map((q) => [...qKeys.get(q)!].flatMap((k) => docsByArt.get(k) ?? []));
  const questionLaws = qTexts.map((q) =>
    [
      ...new Set(
        [...qKeys.get(q)!].map((k) => ci.lawIndex.get(k.slice(0, k.lastIndexOf('#'))) ?? -1),
      ),
    ].filter((l) => l >= 0),
  );
  return {
    model,
    questions: buildField(qTexts.map((q) => tokens(q))),
    questionBigrams: buildField(qTexts.map((q) => bigramKeys(q))),
    questionDocs,
    questionLaws,
    questionTexts: qTexts,
    expansion: buildField(expTokens),
    lawClass: buildField(classLaws.map((l) => perLaw.get(l)!)),
    classLawOf,
    lawPrior,
    articlePrior,
  };
}

/** The per-document features a query computes (the rest are per law, static, or derived). */
export const DOC_FEATURES = [
  'text',
  'bigram',
  'heading',
  'expansion',
  'bridge',
  'knn',
  'knnNear',
] as const satisfies readonly Feature[];
export type DocFeature = (typeof DOC_FEATURES)[number];

/**
 * Per-query features. A per-document feature is kept as its raw accumulator and read scaled by its
 * maximum (`docValue`), so no pass over every article divides it; `textXlaw` is derived per article.
 */
export interface QueryFeatures {
  perDoc: Record<DocFeature, Float32Array>;
  /** 1 / the feature's maximum over the articles (1 when every value is 0). */
  scale: Record<DocFeature, number>;
  perLaw: { title: Float32Array; lawClass: Float32Array; knnLaw: Float32Array };
  /** The nearest training questions (index into the learned index), most similar first. */
  neighbours: { question: number; sim: number }[];
  /**
   * The articles the neighbours voted for (their cited articles and those beside them; repeats
   * allowed): `knn` and `knnNear` are zero everywhere else, so `combine` adds them here alone.
   */
  voted: readonly number[];
  /** Query words (after simplification), for second-stage features. */
  words: readonly string[];
}

/** Article `d`'s value of a per-document feature, scaled to [0, 1]. */
export const docValue = (qf: QueryFeatures, f: DocFeature, d: number): number =>
  Math.fround(qf.perDoc[f][d]! * qf.scale[f]);

/** The text match (words and bigrams) weighted by the neighbours' vote for the article's law. */
export const textXlawOf = (qf: QueryFeatures, d: number, law: number): number =>
  Math.fround(((docValue(qf, 'text', d) + docValue(qf, 'bigram', d)) / 2) * qf.perLaw.knnLaw[law]!);

/** A per-document feature (or `textXlaw`) as one scaled array over every article (training only). */
export function denseFeature(
  index: CorpusIndex | RankIndex,
  qf: QueryFeatures,
  f: DocFeature | 'textXlaw',
): Float32Array {
  const ri = asRank(index);
  return Float32Array.from({ length: ri.docCount }, (_, d) =>
    f === 'textXlaw' ? textXlawOf(qf, d, ri.docLaw[d]!) : docValue(qf, f, d),
  );
}

/** The multiplier that scales values with this maximum to [0, 1]. */
const scaleOf = (max: number) => (max > 0 ? 1 / max : 1);

const NEIGHBOURS = 30;

/**
 * Nearest training questions (BM25 on words + bigrams) vote for their gold articles and laws. The
 * votes only grow, so their running maxima are exact without a pass over every article.
 */
function neighbourVotes(
  ci: RankIndex,
  li: LearnedIndex,
  qWords: readonly string[],
  text: string,
  scratch?: QueryScratch,
) {
  const knn = zeros(scratch, 'knn', ci.docCount);
  const knnNear = zeros(scratch, 'knnNear', ci.docCount);
  const knnLaw = zeros(scratch, 'knnLaw', ci.laws.length);
  const neighbours: { question: number; sim: number }[] = [];
  const voted: number[] = [];
  let knnMax = 0;
  let nearMax = 0;
  const nq = li.questions.docCount;
  if (nq === 0) return { knn, knnNear, knnLaw, neighbours, voted, knnMax, nearMax };
  const sim = scaled(li.questions, bag(qWords), nq, scratch, 'sim');
  const simB = scaled(li.questionBigrams, bag(bigramKeys(text)), nq, scratch, 'simB');
  for (let i = 0; i < nq; i++) sim[i] = (sim[i]! + simB[i]!) / 2;
  for (const i of topK(sim, NEIGHBOURS)) {
    const v = sim[i]! * sim[i]!;
    if (v <= 0) break;
    neighbours.push({ question: i, sim: sim[i]! });
    for (const d of li.questionDocs[i]!) {
      knn[d]! += v;
      voted.push(d);
      knnMax = Math.max(knnMax, knn[d]!);
      // Gold articles cluster: the articles just before and after often answer the same question.
      for (let e = d - 2; e <= d + 2; e++) {
        if (e === d || !sameVersion(ci, d, e)) continue;
        knnNear[e]! += v;
        voted.push(e);
        nearMax = Math.max(nearMax, knnNear[e]!);
      }
    }
    for (const l of li.questionLaws[i]!) knnLaw[l]! += v;
  }
  normalize(knnLaw);
  return { knn, knnNear, knnLaw, neighbours, voted, knnMax, nearMax };
}

const sameVersion = (ci: RankIndex, d: number, e: number) =>
  d >= 0 && e >= 0 && d < ci.docCount && e < ci.docCount && ci.edition[d] === ci.edition[e];

function normalize(a: Float32Array): void {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > max) max = a[i]!;
  if (max > 0) for (let i = 0; i < a.length; i++) a[i]! /= max;
}

/** Statute words the bridge adds for the query's words, weighted by association strength. */
export function bridgeTerms(model: LearnedModel, qWords: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const present = new Set(qWords);
  for (const w of present) {
    for (const [t, s] of model.bridge[w] ?? []) {
      if (!present.has(t)) out.set(t, Math.max(out.get(t) ?? 0, s));
    }
  }
  return out;
}

const scaled = (
  f: FieldIndex,
  q: ReadonlyMap<string | number, number>,
  size: number,
  scratch?: QueryScratch,
  name = '',
) => {
  const acc = zeros(scratch, name, size);
  const max = scoreInto(f, q, acc);
  if (max > 0) for (let i = 0; i < size; i++) acc[i]! /= max;
  return acc;
};

/** BM25 of `q` over `f` into a zeroed scratch accumulator, left unscaled, with its maximum. */
function rawScores(
  f: FieldIndex,
  q: ReadonlyMap<string | number, number>,
  size: number,
  scratch: QueryScratch | undefined,
  name: string,
): { acc: Float32Array; max: number } {
  const acc = zeros(scratch, name, size);
  return { acc, max: scoreInto(f, q, acc) };
}

/**
 * Computes every query-dependent feature for `text` (already simplified). `qWords` are its `words`
 * when the caller has them: a search thread is sent them, so it never loads the segmenter.
 */
export function queryFeatures(
  index: CorpusIndex | RankIndex,
  li: LearnedIndex,
  text: string,
  extraTerms: ReadonlyMap<string, number> = new Map(),
  scratch?: QueryScratch,
  qWords: readonly string[] = words(text),
): QueryFeatures {
  const ci = asRank(index);
  const n = ci.docCount;
  const s = scratch;
  const wordBag = bag(qWords);
  for (const [t, w] of extraTerms) wordBag.set(t, (wordBag.get(t) ?? 0) + w);
  const bridged = bridgeTerms(li.model, qWords);
  const classScore = scaled(li.lawClass, bag(qWords), li.lawClass.docCount, s, 'classScore');
  const lawClass = zeros(s, 'lawClass', ci.laws.length);
  for (let l = 0; l < ci.laws.length; l++) {
    const c = li.classLawOf[l]!;
    if (c >= 0) lawClass[l] = classScore[c]!;
  }
  const votes = neighbourVotes(ci, li, qWords, text, s);
  const text_ = rawScores(ci.text, wordBag, n, s, 'text');
  const bigram = rawScores(ci.bigram, bag(bigramKeys(text)), n, s, 'bigram');
  const heading = rawScores(ci.heading, wordBag, n, s, 'heading');
  const expansion = rawScores(li.expansion, bag(qWords), n, s, 'expansion');
  const bridge = rawScores(ci.text, bridged, n, s, 'bridge');
  return {
    perDoc: {
      text: text_.acc,
      bigram: bigram.acc,
      heading: heading.acc,
      expansion: expansion.acc,
      bridge: bridge.acc,
      knn: votes.knn,
      knnNear: votes.knnNear,
    },
    scale: {
      text: scaleOf(text_.max),
      bigram: scaleOf(bigram.max),
      heading: scaleOf(heading.max),
      expansion: scaleOf(expansion.max),
      bridge: scaleOf(bridge.max),
      knn: scaleOf(votes.knnMax),
      knnNear: scaleOf(votes.nearMax),
    },
    perLaw: {
      title: scaled(ci.title, bag(qWords), ci.laws.length, s, 'title'),
      lawClass,
      knnLaw: votes.knnLaw,
    },
    neighbours: votes.neighbours,
    voted: votes.voted,
    words: qWords,
  };
}

/** The feature vector of article `d` (in FEATURES order), for fitting weights. */
type FeatureValue = (
  ci: RankIndex,
  li: LearnedIndex,
  qf: QueryFeatures,
  d: number,
  law: number,
) => number;
const perDoc =
  (f: DocFeature): FeatureValue =>
  (_ci, _li, qf, d) =>
    docValue(qf, f, d);
const perLaw =
  (f: keyof QueryFeatures['perLaw']): FeatureValue =>
  (_ci, _li, qf, _d, law) =>
    qf.perLaw[f][law]!;

/** How each feature is read for one article, by name: the list above is the only order there is. */
const FEATURE_VALUES: Record<Feature, FeatureValue> = {
  text: perDoc('text'),
  bigram: perDoc('bigram'),
  heading: perDoc('heading'),
  title: perLaw('title'),
  expansion: perDoc('expansion'),
  lawClass: perLaw('lawClass'),
  bridge: perDoc('bridge'),
  knn: perDoc('knn'),
  knnNear: perDoc('knnNear'),
  knnLaw: perLaw('knnLaw'),
  textXlaw: (_ci, _li, qf, d, law) => textXlawOf(qf, d, law),
  lawPrior: (_ci, li, _qf, d) => li.lawPrior[d]!,
  articlePrior: (_ci, li, _qf, d) => li.articlePrior[d]!,
  superseded: (ci, _li, _qf, d) => 1 - ci.current[d]!,
};
const FEATURE_READERS = FEATURES.map((f) => FEATURE_VALUES[f]);

/** The article's feature values in FEATURES order. */
export function featureVector(
  index: CorpusIndex | RankIndex,
  li: LearnedIndex,
  qf: QueryFeatures,
  d: number,
): number[] {
  const ci = asRank(index);
  const law = ci.docLaw[d]!;
  return FEATURE_READERS.map((read) => read(ci, li, qf, d, law));
}

/** The article's feature values written into `out` from `at` (no array per candidate). */
export function writeFeatureVector(
  ci: RankIndex,
  li: LearnedIndex,
  qf: QueryFeatures,
  d: number,
  out: Float32Array,
  at: number,
): void {
  const law = ci.docLaw[d]!;
  for (let f = 0; f < FEATURE_READERS.length; f++)
    out[at + f] = FEATURE_READERS[f]!(ci, li, qf, d, law);
}

export { refKey };
