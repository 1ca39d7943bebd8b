/**
 * @module The ranking index and the learned fields as one shared memory for search threads: every
 * typed array on a SharedArrayBuffer (the index file's body where it was read from one, copied once
 * otherwise), each field's terms as a shared hash table. A thread opens views over them — no Map, no
 * article text, no learned field of its own — so memory stays flat in the number of threads.
 */
import type { FieldIndex } from './inverted-index.js';
import type { LearnedIndex, LearnedModel } from './model.js';
import type { RankIndex } from './rank-index.js';
import { articleProfile } from './rerank-features.js';
import {
  prefixed,
  SharedTerms,
  ShelfReader,
  shelve,
  termTableArrays,
  type Shareable,
  type Shelf,
} from './shared-memory.js';

type FieldMeta = { docCount: number; avgLen: number };
const CORPUS_FIELDS = ['text', 'bigram', 'heading', 'title'] as const;
const LEARNED_FIELDS = ['expansion', 'lawClass', 'questions', 'questionBigrams'] as const;

/** The corpus' ranking columns, ready to be posted to a thread (the buffers are not copied). */
export interface SharedCorpus {
  shelf: Shelf;
  laws: string[];
  docCount: number;
  fields: Record<(typeof CORPUS_FIELDS)[number], FieldMeta>;
}

/** The learned fields over one corpus, ready to be posted to a thread. */
export interface SharedLearned {
  shelf: Shelf;
  fields: Record<(typeof LEARNED_FIELDS)[number], FieldMeta>;
  /** The weights and word bridges (what a query reads of the model; the rest is in the fields). */
  model: LearnedModel;
  questionTexts: string[];
}

function fieldArrays(prefix: string, f: FieldIndex): Record<string, Shareable> {
  return {
    [`${prefix}.lens`]: f.lens,
    [`${prefix}.offsets`]: f.offsets,
    [`${prefix}.docs`]: f.docs,
    [`${prefix}.tfs`]: f.tfs,
    ...prefixed(`${prefix}.terms`, { ...termTableArrays(f.terms) }),
  };
}

function openField(r: ShelfReader, prefix: string, meta: FieldMeta): FieldIndex {
  return {
    ...meta,
    lens: r.u16(`${prefix}.lens`),
    offsets: r.u32(`${prefix}.offsets`),
    docs: r.u32(`${prefix}.docs`),
    tfs: r.u16(`${prefix}.tfs`),
    terms: SharedTerms.open(r, `${prefix}.terms`),
  };
}

const meta = (f: FieldIndex): FieldMeta => ({ docCount: f.docCount, avgLen: f.avgLen });

/** Shares the ranking columns of a corpus index (once per corpus version). */
export function shareCorpus(ri: RankIndex): SharedCorpus {
  const arrays: Record<string, Shareable> = {
    docLaw: ri.docLaw,
    current: ri.current,
    num: ri.num,
    sub: ri.sub,
    lawVersion: ri.lawVersion,
    edition: ri.edition,
  };
  for (const f of CORPUS_FIELDS) Object.assign(arrays, fieldArrays(f, ri[f]));
  return {
    shelf: shelve(arrays),
    laws: [...ri.laws],
    docCount: ri.docCount,
    fields: Object.fromEntries(
      CORPUS_FIELDS.map((f) => [f, meta(ri[f])]),
    ) as SharedCorpus['fields'],
  };
}

/** Points a field's arrays at their shared copies (the main thread then holds one copy, not two). */
function adoptField(f: FieldIndex, r: ShelfReader, prefix: string): void {
  f.lens = r.u16(`${prefix}.lens`);
  f.offsets = r.u32(`${prefix}.offsets`);
  f.docs = r.u32(`${prefix}.docs`);
  f.tfs = r.u16(`${prefix}.tfs`);
}

/**
 * Makes the main thread's fields view the shared memory just made of them, so an index built in this
 * process (not read from the file into shared memory) is not held twice; its own arrays are let go.
 */
export function adoptShared(
  ri: RankIndex,
  li: LearnedIndex,
  c: SharedCorpus | null,
  l: SharedLearned,
): void {
  if (c) {
    const rc = new ShelfReader(c.shelf);
    for (const f of CORPUS_FIELDS) adoptField(ri[f], rc, f);
  }
  const rl = new ShelfReader(l.shelf);
  for (const f of LEARNED_FIELDS) adoptField(li[f], rl, f);
}

/** The ranking columns over shared memory, in a search thread. */
export function openCorpus(s: SharedCorpus): RankIndex {
  const r = new ShelfReader(s.shelf);
  const ri: RankIndex = {
    docCount: s.docCount,
    laws: s.laws,
    docLaw: r.u32('docLaw'),
    current: r.u8('current'),
    num: r.i32('num'),
    sub: r.i32('sub'),
    lawVersion: r.i32('lawVersion'),
    edition: r.i32('edition'),
    text: openField(r, 'text', s.fields.text),
    bigram: openField(r, 'bigram', s.fields.bigram),
    heading: openField(r, 'heading', s.fields.heading),
    title: openField(r, 'title', s.fields.title),
    articleText: () => {
      throw new Error('检索线程不持有条文正文');
    },
  };
  if (ri.docLaw.length !== s.docCount) throw new Error('共享索引的条文数不符');
  return ri;
}

/** Lists of numbers as offsets + values. */
function csr(lists: readonly (readonly number[])[]): { off: Uint32Array; values: Uint32Array } {
  const off = new Uint32Array(lists.length + 1);
  lists.forEach((l, i) => (off[i + 1] = off[i]! + l.length));
  const values = new Uint32Array(off[lists.length]!);
  lists.forEach((l, i) => values.set(l, off[i]));
  return { off, values };
}

function uncsr(off: Uint32Array, values: Uint32Array): number[][] {
  return Array.from({ length: off.length - 1 }, (_, i) =>
    Array.from(values.subarray(off[i], off[i + 1])),
  );
}

/**
 * The bigram profiles of every article a training question cites (the second stage's likeness
 * feature reads them), computed here where the article text is, so a thread needs no text.
 */
function citedProfiles(ri: RankIndex, li: LearnedIndex): Record<string, Shareable> {
  const docs = [...new Set(li.questionDocs.flat())].sort((a, b) => a - b);
  const of = new Int32Array(ri.docCount).fill(-1);
  // not `bigramProfile`: its cache would keep a second copy of these on the main thread
  const profiles = docs.map((d) => articleProfile(ri, d));
  const off = new Uint32Array(docs.length + 1);
  profiles.forEach((p, i) => (off[i + 1] = off[i]! + p.keys.length));
  const keys = new Float64Array(off[docs.length]!);
  const idfs = new Float64Array(off[docs.length]!);
  docs.forEach((d, i) => {
    of[d] = i;
    keys.set(profiles[i]!.keys, off[i]);
    idfs.set(profiles[i]!.idfs, off[i]);
  });
  return { 'profiles.of': of, 'profiles.off': off, 'profiles.keys': keys, 'profiles.idfs': idfs };
}

/** Shares the learned fields (once per model and examples revision). */
export function shareLearned(ri: RankIndex, li: LearnedIndex): SharedLearned {
  const qd = csr(li.questionDocs);
  const ql = csr(li.questionLaws);
  const arrays: Record<string, Shareable> = {
    classLawOf: li.classLawOf,
    lawPrior: li.lawPrior,
    articlePrior: li.articlePrior,
    'questionDocs.off': qd.off,
    'questionDocs.values': qd.values,
    'questionLaws.off': ql.off,
    'questionLaws.values': ql.values,
    ...citedProfiles(ri, li),
  };
  for (const f of LEARNED_FIELDS) Object.assign(arrays, fieldArrays(f, li[f]));
  const { weights, bridge, version, note } = li.model;
  return {
    shelf: shelve(arrays),
    fields: Object.fromEntries(
      LEARNED_FIELDS.map((f) => [f, meta(li[f])]),
    ) as SharedLearned['fields'],
    model: { version, note, weights, bridge, lawPrior: {}, articlePrior: {}, expansions: {} },
    questionTexts: li.questionTexts,
  };
}

/** The learned fields over shared memory, in a search thread. */
export function openLearned(s: SharedLearned): LearnedIndex {
  const r = new ShelfReader(s.shelf);
  return {
    model: s.model,
    expansion: openField(r, 'expansion', s.fields.expansion),
    lawClass: openField(r, 'lawClass', s.fields.lawClass),
    questions: openField(r, 'questions', s.fields.questions),
    questionBigrams: openField(r, 'questionBigrams', s.fields.questionBigrams),
    classLawOf: r.i32('classLawOf'),
    lawPrior: r.f32('lawPrior'),
    articlePrior: r.f32('articlePrior'),
    questionDocs: uncsr(r.u32('questionDocs.off'), r.u32('questionDocs.values')),
    questionLaws: uncsr(r.u32('questionLaws.off'), r.u32('questionLaws.values')),
    questionTexts: s.questionTexts,
    profiles: {
      of: r.i32('profiles.of'),
      off: r.u32('profiles.off'),
      keys: r.f64('profiles.keys'),
      idfs: r.f64('profiles.idfs'),
    },
  };
}
