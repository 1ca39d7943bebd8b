/**
 * @module The heavy, corpus-only part of the index: fields over every article version (text words,
 * text bigrams, heading words) and per-law title words. Built once per corpus version.
 */
import { bigramKeys, words } from './tokenizer.js';
import { buildField, type FieldIndex } from './inverted-index.js';

/** One article as the index sees it (any version; `isCurrent` marks the law version in force). */
export interface SearchDoc {
  id: number;
  lawKey: string;
  /** The name as people and STARD write it: the title without 中华人民共和国 (《》 kept). */
  lawName: string;
  lawTitle: string;
  level: string;
  num: number;
  sub: number;
  label: string;
  heading: string | null;
  text: string;
  version: string | null;
  status: 'in_force' | 'superseded' | 'repealed';
  isCurrent: boolean;
}

export interface CorpusIndex {
  articles: SearchDoc[];
  /** Distinct law keys; `docLaw[d]` points into it. */
  laws: string[];
  lawIndex: Map<string, number>;
  docLaw: Uint32Array;
  /** 1 where the article belongs to the law version in force. */
  current: Uint8Array;
  text: FieldIndex;
  bigram: FieldIndex;
  heading: FieldIndex;
  /** Title words per law key (document i = laws[i]). */
  title: FieldIndex;
  /** (law, num, sub) → doc ids of every version, for direct references. */
  refs: RefTable;
  buildMs: number;
}

export const refKey = (law: string, num: number, sub = 0) => `${law}#${num}#${sub}`;

/** One number per (law index, article, 之N), ordered as the triple. */
const refNumber = (law: number, num: number, sub: number) => (law * 65536 + num) * 256 + sub;

/**
 * The articles by (law, article, 之N): every doc's key, sorted, beside its doc id; a lookup is a
 * binary search. Two typed arrays instead of a Map of ≈ 66,000 string keys and arrays (≈ 6 MB of
 * heap), and they lie in the index file as they are.
 */
export class RefTable {
  constructor(
    /** Ascending; equal keys in doc order. */
    readonly keys: Float64Array,
    readonly docs: Uint32Array,
  ) {
    if (keys.length !== docs.length) throw new Error('条文索引表不完整');
  }

  static build(docLaw: Uint32Array, articles: readonly Pick<SearchDoc, 'num' | 'sub'>[]): RefTable {
    const key = Float64Array.from(articles, (a, d) => refNumber(docLaw[d]!, a.num, a.sub));
    const docs = Uint32Array.from(articles, (_, d) => d).sort((a, b) => key[a]! - key[b]! || a - b);
    return new RefTable(
      Float64Array.from(docs, (d) => key[d]!),
      docs,
    );
  }

  /** Doc ids of every version of the article, in doc order (none for an unknown law). */
  docsOf(law: number | undefined, num: number, sub = 0): number[] {
    if (law === undefined) return [];
    const k = refNumber(law, num, sub);
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.keys.length && this.keys[i] === k; i++) out.push(this.docs[i]!);
    return out;
  }
}

/** Strips chapter numbering (第一章, 一、) so headings contribute only their words. */
function headingWords(h: string | null): string[] {
  if (!h) return [];
  return words(
    h.replace(/第[零〇一二三四五六七八九十百千]+[编章节]|[一二三四五六七八九十]+、/g, ' '),
  );
}

export function buildCorpusIndex(articles: SearchDoc[]): CorpusIndex {
  const t0 = performance.now();
  const laws: string[] = [];
  const lawIndex = new Map<string, number>();
  const lawTitles: string[][] = [];
  const docLaw = new Uint32Array(articles.length);
  const current = new Uint8Array(articles.length);
  articles.forEach((a, d) => {
    let li = lawIndex.get(a.lawKey);
    if (li === undefined) {
      li = laws.length;
      laws.push(a.lawKey);
      lawIndex.set(a.lawKey, li);
      lawTitles.push(words(`${a.lawKey} ${a.lawTitle.replace(/^中华人民共和国/, '')}`));
    }
    docLaw[d] = li;
    current[d] = a.isCurrent && a.status === 'in_force' ? 1 : 0;
  });
  const text = buildField(articles.map((a) => words(a.text)));
  const bigram = buildField(articles.map((a) => bigramKeys(a.text)));
  const heading = buildField(articles.map((a) => headingWords(a.heading)));
  const title = buildField(lawTitles);
  return {
    articles,
    laws,
    lawIndex,
    docLaw,
    current,
    text,
    bigram,
    heading,
    title,
    refs: RefTable.build(docLaw, articles),
    buildMs: performance.now() - t0,
  };
}
