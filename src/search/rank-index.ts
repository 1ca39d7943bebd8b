/**
 * @module What ranking reads of the corpus index, as typed columns only: the fields, each article's
 * law, number, 之N and version, the in-force mask. The main thread derives it from the CorpusIndex
 * (whose article objects and text stay there, for hits and snippets); a search thread opens the same
 * columns over shared memory (`shared-index.ts`), so both rank with one code path.
 */
import type { CorpusIndex, SearchDoc } from './corpus-index.js';
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

type Keyed = Pick<SearchDoc, 'lawKey' | 'version' | 'lawTitle'>;

/**
 * Numbers each distinct law version (`lawVersion`) and each distinct (law version, title)
 * (`edition`) in order of first appearance. Articles of one version lie side by side, so an article
 * like the one before it takes its numbers without building a key: about 1,500 keys for 65,871
 * articles instead of 131,742, a tenth of a second of every start.
 */
export function versionGroups(a: readonly Keyed[]): {
  lawVersion: Int32Array;
  edition: Int32Array;
} {
  const lawVersion = new Int32Array(a.length);
  const edition = new Int32Array(a.length);
  const versions = new Map<string, number>();
  const editions = new Map<string, number>();
  let prev: Keyed | undefined;
  for (let d = 0; d < a.length; d++) {
    const x = a[d]!;
    const sameVersion =
      prev !== undefined && x.lawKey === prev.lawKey && x.version === prev.version;
    if (sameVersion && x.lawTitle === prev!.lawTitle) {
      lawVersion[d] = lawVersion[d - 1]!;
      edition[d] = edition[d - 1]!;
    } else {
      const v = `${x.lawKey}\u0000${x.version ?? '\u0001'}`;
      lawVersion[d] = sameVersion ? lawVersion[d - 1]! : numberOf(versions, v);
      edition[d] = numberOf(editions, `${v}\u0000${x.lawTitle}`);
    }
    prev = x;
  }
  return { lawVersion, edition };
}

function numberOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** The ranking columns of a corpus index (derived once per index). */
export function rankIndexOf(ci: CorpusIndex): RankIndex {
  const hit = derived.get(ci);
  if (hit) return hit;
  const a = ci.articles;
  const n = a.length;
  const { lawVersion, edition } = versionGroups(a);
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
    lawVersion,
    edition,
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
