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
  byRef: Map<string, number[]>;
  buildMs: number;
}

export const refKey = (law: string, num: number, sub = 0) => `${law}#${num}#${sub}`;

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
  const byRef = new Map<string, number[]>();
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
    const key = refKey(a.lawKey, a.num, a.sub);
    const list = byRef.get(key);
    if (list) list.push(d);
    else byRef.set(key, [d]);
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
    byRef,
    buildMs: performance.now() - t0,
  };
}
