/**
 * @module What ranking reads of the corpus index, as typed columns only: the fields, each article's
 * law, number, 之N and version, the in-force mask. The main thread derives it from the CorpusIndex
 * (whose article objects and text stay there, for hits and snippets); a search thread opens the same
 * columns over shared memory (`shared-index.ts`), so both rank with one code path.
 */
import type { CorpusIndex } from './corpus-index.js';
import type { FieldIndex } from './inverted-index.js';

export interface RankIndex {
  docCount: number;
  /** Distinct law keys; `docLaw[d]` points into it. */
  laws: readonly string[];
  docLaw: Uint32Array;
  /** 1 where the article belongs to the law version in force. */
  current: Uint8Array;
  text: FieldIndex;
  bigram: FieldIndex;
  heading: FieldIndex;
  title: FieldIndex;
  /** Article number and 之N (0 for a plain article). */
  num: Int32Array;
  sub: Int32Array;
  /** Equal numbers: same law key and version date. */
  lawVersion: Int32Array;
  /** Equal numbers: same law key, version date and title (one edition of one law). */
  edition: Int32Array;
  /**
   * The article's text; only the main thread has it (a search thread is given the few profiles it
   * needs precomputed, see `LearnedIndex.profiles`).
   */
  articleText(d: number): string;
}

const derived = new WeakMap<CorpusIndex, RankIndex>();

/** Numbers each distinct key in order of first appearance. */
function groups(keys: Iterable<string>, n: number): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(n);
  let d = 0;
  for (const k of keys) {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    out[d++] = id;
  }
  return out;
}

/** The ranking columns of a corpus index (derived once per index). */
export function rankIndexOf(ci: CorpusIndex): RankIndex {
  const hit = derived.get(ci);
  if (hit) return hit;
  const a = ci.articles;
  const n = a.length;
  const version = (d: number) => `${a[d]!.lawKey}\u0000${a[d]!.version ?? '\u0001'}`;
  const ri: RankIndex = {
    docCount: n,
    laws: ci.laws,
    docLaw: ci.docLaw,
    current: ci.current,
    text: ci.text,
    bigram: ci.bigram,
    heading: ci.heading,
    title: ci.title,
    num: Int32Array.from(a, (x) => x.num),
    sub: Int32Array.from(a, (x) => x.sub),
    lawVersion: groups(
      a.map((_, d) => version(d)),
      n,
    ),
    edition: groups(
      a.map((x, d) => `${version(d)}\u0000${x.lawTitle}`),
      n,
    ),
    articleText: (d) => a[d]!.text,
  };
  derived.set(ci, ri);
  return ri;
}

/** The ranking view of either form (training code passes the CorpusIndex itself). */
export const asRank = (x: CorpusIndex | RankIndex): RankIndex =>
  'articles' in x ? rankIndexOf(x) : x;

/** One number per (law, article, 之N): versions of one article share it. */
export const articleKey = (ri: RankIndex, d: number): number =>
  (ri.docLaw[d]! * 65536 + ri.num[d]!) * 256 + ri.sub[d]!;
