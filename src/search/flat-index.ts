/**
 * @module The corpus index as one flat binary body: every typed array as raw bytes at an 8-byte
 * aligned offset, every string column as one UTF-16 run with end offsets. Decoding lays typed-array
 * views over the body (no copy) and slices each column's one string, so loading costs about one read
 * of the file, and a body read into a SharedArrayBuffer can back the index in several threads at once.
 * Each field's terms are a hash table in the body, looked up in place; the laws and references Maps
 * are rebuilt from their columns.
 */
import { refKey, type CorpusIndex, type SearchDoc } from './corpus-index.js';
import type { FieldIndex } from './inverted-index.js';
import { SharedTerms, termTableArrays } from './shared-memory.js';

type Kind = 'u8' | 'u16' | 'u32' | 'i32' | 'f64' | 'utf16';
/** One section of the body: its kind, where it starts (bytes) and how many bytes it holds. */
export interface Section {
  kind: Kind;
  at: number;
  bytes: number;
}
/** What a body holds besides its bytes: the sections and each field's scalars. */
export interface FlatLayout {
  sections: Record<string, Section>;
  fields: Record<FieldName, { docCount: number; avgLen: number }>;
  articles: number;
  buildMs: number;
}

const FIELDS = ['text', 'bigram', 'heading', 'title'] as const;
type FieldName = (typeof FIELDS)[number];
const STATUS = ['in_force', 'superseded', 'repealed'] as const;
/** String columns of an article; the nullable ones mark null with a flag bit. */
const STRINGS = [
  'lawKey',
  'lawName',
  'lawTitle',
  'level',
  'label',
  'heading',
  'text',
  'version',
] as const;
const NULLABLE = { heading: 4, version: 8 } as const;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

type Part = { name: string; kind: Kind; data: Uint8Array };

const bytesOf = (a: ArrayBufferView): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A string column as one UTF-16 run plus the end offset (in UTF-16 units) of each value. */
function stringColumn(name: string, values: readonly string[]): Part[] {
  const ends = new Uint32Array(values.length);
  let at = 0;
  values.forEach((v, i) => (ends[i] = at += v.length));
  return [
    { name: `${name}.ends`, kind: 'u32', data: bytesOf(ends) },
    { name, kind: 'utf16', data: Buffer.from(values.join(''), 'utf16le') },
  ];
}

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

function articleColumns(articles: readonly SearchDoc[]): Part[] {
  const ints = new Int32Array(articles.length * 4);
  articles.forEach((a, d) => {
    const flags =
      STATUS.indexOf(a.status) |
      (a.isCurrent ? 16 : 0) |
      (a.heading === null ? NULLABLE.heading : 0) |
      (a.version === null ? NULLABLE.version : 0);
    ints.set([a.id, a.num, a.sub, flags], d * 4);
  });
  return [
    { name: 'articles.ints', kind: 'i32', data: bytesOf(ints) },
    ...STRINGS.flatMap((s) =>
      stringColumn(
        `articles.${s}`,
        articles.map((a) => a[s] ?? ''),
      ),
    ),
  ];
}

/** The index as a layout and the parts of its body, in order (see `writeBody`). */
export function encodeIndex(ci: CorpusIndex): { layout: FlatLayout; parts: Part[] } {
  const parts: Part[] = [
    { name: 'docLaw', kind: 'u32', data: bytesOf(ci.docLaw) },
    { name: 'current', kind: 'u8', data: bytesOf(ci.current) },
    ...stringColumn('laws', ci.laws),
    ...articleColumns(ci.articles),
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

/** Reads typed views and strings out of a body, checking every section lies inside it. */
class BodyReader {
  constructor(
    private readonly body: ArrayBufferLike,
    private readonly layout: FlatLayout,
  ) {}

  private section(name: string, kind: Kind): Section {
    const s = this.layout.sections[name];
    if (!s || s.kind !== kind || s.at % 8 !== 0 || s.at + s.bytes > this.body.byteLength)
      throw new Error(`索引文件缺少或损坏的部分：${name}`);
    return s;
  }

  u8 = (n: string) => {
    const s = this.section(n, 'u8');
    return new Uint8Array(this.body, s.at, s.bytes);
  };
  u16 = (n: string) => {
    const s = this.section(n, 'u16');
    return new Uint16Array(this.body, s.at, s.bytes / 2);
  };
  u32 = (n: string) => {
    const s = this.section(n, 'u32');
    return new Uint32Array(this.body, s.at, s.bytes / 4);
  };
  i32 = (n: string) => {
    const s = this.section(n, 'i32');
    return new Int32Array(this.body, s.at, s.bytes / 4);
  };
  f64 = (n: string) => {
    const s = this.section(n, 'f64');
    return new Float64Array(this.body, s.at, s.bytes / 8);
  };
  /** A UTF-16 section as one string (copied out once: strings cannot live in a shared buffer). */
  text = (n: string) => {
    const s = this.section(n, 'utf16');
    return Buffer.from(this.body, s.at, s.bytes).toString('utf16le');
  };

  /** A string column: each value a slice of the column's one string. */
  strings(name: string, count: number): string[] {
    const ends = this.u32(`${name}.ends`);
    const all = this.text(name);
    if (ends.length !== count || (count > 0 && ends[count - 1] !== all.length))
      throw new Error(`索引文件的字符串列不完整：${name}`);
    const out = new Array<string>(count);
    let from = 0;
    for (let i = 0; i < count; i++) {
      out[i] = all.slice(from, ends[i]);
      from = ends[i]!;
    }
    return out;
  }
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

function readArticles(r: BodyReader, n: number): SearchDoc[] {
  const ints = r.i32('articles.ints');
  if (ints.length !== n * 4) throw new Error('索引文件的条文数不符');
  const cols = Object.fromEntries(STRINGS.map((s) => [s, r.strings(`articles.${s}`, n)])) as Record<
    (typeof STRINGS)[number],
    string[]
  >;
  const out = new Array<SearchDoc>(n);
  for (let d = 0; d < n; d++) {
    const flags = ints[d * 4 + 3]!;
    out[d] = {
      id: ints[d * 4]!,
      lawKey: cols.lawKey[d]!,
      lawName: cols.lawName[d]!,
      lawTitle: cols.lawTitle[d]!,
      level: cols.level[d]!,
      num: ints[d * 4 + 1]!,
      sub: ints[d * 4 + 2]!,
      label: cols.label[d]!,
      heading: flags & NULLABLE.heading ? null : cols.heading[d]!,
      text: cols.text[d]!,
      version: flags & NULLABLE.version ? null : cols.version[d]!,
      status: STATUS[flags & 3] ?? 'in_force',
      isCurrent: (flags & 16) !== 0,
    };
  }
  return out;
}

/**
 * The index over `body` (an ArrayBuffer or SharedArrayBuffer laid out as `layout` says): typed arrays
 * are views into it (the term tables too), strings and the small Maps are built here.
 * @throws Error when a section is missing, misplaced or inconsistent.
 */
export function decodeIndex(body: ArrayBufferLike, layout: FlatLayout): CorpusIndex {
  const r = new BodyReader(body, layout);
  const articles = readArticles(r, layout.articles);
  const docLaw = r.u32('docLaw');
  const current = r.u8('current');
  const laws = r.strings('laws', r.u32('laws.ends').length);
  if (docLaw.length !== articles.length || current.length !== articles.length)
    throw new Error('索引文件的条文数不符');
  const byRef = new Map<string, number[]>();
  articles.forEach((a, d) => {
    const key = refKey(a.lawKey, a.num, a.sub);
    const list = byRef.get(key);
    if (list) list.push(d);
    else byRef.set(key, [d]);
  });
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
    byRef,
    buildMs: layout.buildMs,
  };
}
