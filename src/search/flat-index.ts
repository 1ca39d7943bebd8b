/**
 * @module The corpus index as one flat binary body: every typed array as raw bytes at an 8-byte
 * aligned offset, every string column as one UTF-16 run with end offsets. Decoding lays typed-array
 * views over the body (no copy), so loading costs about one read of the file, and a body read into a
 * SharedArrayBuffer can back the index in several threads at once. Each field's terms are a hash
 * table in the body, looked up in place; the article references are a sorted table in it too; the
 * articles are views over their columns (`stored-articles.ts`); only the law keys' Map is rebuilt.
 */
import { RefTable, type CorpusIndex } from './corpus-index.js';
import { align8, BodyReader, bytesOf, stringColumn, type Part, type Section } from './flat-body.js';
import type { FieldIndex } from './inverted-index.js';
import { SharedTerms, termTableArrays } from './shared-memory.js';
import { articleParts, readArticles } from './stored-articles.js';

export type { Section } from './flat-body.js';

/** What a body holds besides its bytes: the sections and each field's scalars. */
export interface FlatLayout {
  sections: Record<string, Section>;
  fields: Record<FieldName, { docCount: number; avgLen: number }>;
  articles: number;
  buildMs: number;
}

const FIELDS = ['text', 'bigram', 'heading', 'title'] as const;
type FieldName = (typeof FIELDS)[number];
/** A field's term table (`shared-memory.ts`): read back, it is looked up in place, no Map built. */
function termColumns(name: string, f: FieldIndex): Part[] {
  const t = termTableArrays(f.terms);
  return [
    { name: `${name}.terms.keys`, kind: 'f64', data: bytesOf(t.keys) },
    { name: `${name}.terms.starts`, kind: 'u32', data: bytesOf(t.starts) },
    { name: `${name}.terms.chars`, kind: 'u16', data: bytesOf(t.chars) },
    { name: `${name}.terms.slots`, kind: 'u32', data: bytesOf(t.slots) },
  ];
}

/** The index as a layout and the parts of its body, in order (see `writeBody`). */
export function encodeIndex(ci: CorpusIndex): { layout: FlatLayout; parts: Part[] } {
  const parts: Part[] = [
    { name: 'docLaw', kind: 'u32', data: bytesOf(ci.docLaw) },
    { name: 'current', kind: 'u8', data: bytesOf(ci.current) },
    ...stringColumn('laws', ci.laws),
    ...articleParts(ci.articles),
    { name: 'refs.keys', kind: 'f64', data: bytesOf(ci.refs.keys) },
    { name: 'refs.docs', kind: 'u32', data: bytesOf(ci.refs.docs) },
  ];
  for (const name of FIELDS) {
    const f = ci[name];
    parts.push(
      { name: `${name}.lens`, kind: 'u16', data: bytesOf(f.lens) },
      { name: `${name}.offsets`, kind: 'u32', data: bytesOf(f.offsets) },
      { name: `${name}.docs`, kind: 'u32', data: bytesOf(f.docs) },
      { name: `${name}.tfs`, kind: 'u16', data: bytesOf(f.tfs) },
      ...termColumns(name, f),
    );
  }
  const sections: Record<string, Section> = {};
  let at = 0;
  for (const p of parts) {
    sections[p.name] = { kind: p.kind, at, bytes: p.data.byteLength };
    at = align8(at + p.data.byteLength);
  }
  const fields = Object.fromEntries(
    FIELDS.map((n) => [n, { docCount: ci[n].docCount, avgLen: ci[n].avgLen }]),
  ) as FlatLayout['fields'];
  return {
    layout: { sections, fields, articles: ci.articles.length, buildMs: ci.buildMs },
    parts,
  };
}

/** The body's size in bytes (the end of its last section). */
export function bodyBytes(layout: FlatLayout): number {
  return Math.max(0, ...Object.values(layout.sections).map((s) => align8(s.at + s.bytes)));
}

/** The body as one buffer (for writing), each part at its section's offset. */
export function writeBody(layout: FlatLayout, parts: readonly Part[]): Buffer {
  const out = Buffer.alloc(bodyBytes(layout));
  for (const p of parts) out.set(p.data, layout.sections[p.name]!.at);
  return out;
}

function readField(
  r: BodyReader,
  name: FieldName,
  meta: FlatLayout['fields'][FieldName],
): FieldIndex {
  const terms = SharedTerms.open(r, `${name}.terms`);
  const offsets = r.u32(`${name}.offsets`);
  const docs = r.u32(`${name}.docs`);
  const lens = r.u16(`${name}.lens`);
  if (offsets.length !== terms.size + 1 || lens.length !== meta.docCount)
    throw new Error(`索引文件的字段不完整：${name}`);
  return { ...meta, lens, terms, offsets, docs, tfs: r.u16(`${name}.tfs`) };
}

/**
 * The index over `body` (an ArrayBuffer or SharedArrayBuffer laid out as `layout` says): typed arrays
 * are views into it (the term tables too), strings and the small Maps are built here.
 * @throws Error when a section is missing, misplaced or inconsistent.
 */
export function decodeIndex(body: ArrayBufferLike, layout: FlatLayout): CorpusIndex {
  const r = new BodyReader(body, layout.sections);
  const articles = readArticles(r, layout.articles);
  const docLaw = r.u32('docLaw');
  const current = r.u8('current');
  const laws = r.strings('laws', r.u32('laws.ends').length);
  if (docLaw.length !== articles.length || current.length !== articles.length)
    throw new Error('索引文件的条文数不符');
  const refs = new RefTable(r.f64('refs.keys'), r.u32('refs.docs'));
  if (refs.docs.length !== articles.length) throw new Error('索引文件的条文数不符');
  const f = (n: FieldName) => readField(r, n, layout.fields[n]);
  return {
    articles,
    laws,
    lawIndex: new Map(laws.map((l, i) => [l, i])),
    docLaw,
    current,
    text: f('text'),
    bigram: f('bigram'),
    heading: f('heading'),
    title: f('title'),
    refs,
    buildMs: layout.buildMs,
  };
}
