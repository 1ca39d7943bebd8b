/**
 * @module The articles' columns in a flat index body, and the articles read back over them.
 *
 * Why not plain objects with their strings: read back that way the ≈ 66,000 articles held ≈ 30 MB of
 * text copied out of the body (beside the body's own copy), ≈ 12 MB of short strings repeating each
 * law's name, title, level and version once per article, and ≈ 10 MB of objects. Here the per-law
 * and per-chapter strings are stored once (a table of distinct values and an id per article), an
 * article's text stays in the body until asked for, and an article is a view of two numbers.
 */
import type { SearchDoc } from './corpus-index.js';
import {
  bytesOf,
  stringColumn,
  type BodyReader,
  type Part,
  type StoredStrings,
} from './flat-body.js';

const STATUS = ['in_force', 'superseded', 'repealed'] as const;
/** Columns stored as a table of distinct values plus one id per article. */
const DISTINCT = ['lawKey', 'lawName', 'lawTitle', 'level', 'label', 'heading', 'version'] as const;
type DistinctColumn = (typeof DISTINCT)[number];
/** Flag bits beside the status (bits 0–1) in an article's fourth int. */
const NULL_HEADING = 4;
const NULL_VERSION = 8;
const CURRENT = 16;

/** A column as its distinct values (first-seen order) and each article's index into them. */
function distinctColumn(name: string, values: readonly string[]): Part[] {
  const ids = new Uint32Array(values.length);
  const seen = new Map<string, number>();
  const table: string[] = [];
  values.forEach((v, i) => {
    let id = seen.get(v);
    if (id === undefined) seen.set(v, (id = table.push(v) - 1));
    ids[i] = id;
  });
  return [
    { name: `${name}.ids`, kind: 'u32', data: bytesOf(ids) },
    ...stringColumn(`${name}.values`, table),
  ];
}

export function articleParts(articles: readonly SearchDoc[]): Part[] {
  const ints = new Int32Array(articles.length * 4);
  articles.forEach((a, d) => {
    const flags =
      STATUS.indexOf(a.status) |
      (a.isCurrent ? CURRENT : 0) |
      (a.heading === null ? NULL_HEADING : 0) |
      (a.version === null ? NULL_VERSION : 0);
    ints.set([a.id, a.num, a.sub, flags], d * 4);
  });
  return [
    { name: 'articles.ints', kind: 'i32', data: bytesOf(ints) },
    ...DISTINCT.flatMap((s) =>
      distinctColumn(
        `articles.${s}`,
        articles.map((a) => a[s] ?? ''),
      ),
    ),
    ...stringColumn(
      'articles.text',
      articles.map((a) => a.text),
    ),
  ];
}

interface Columns {
  ints: Int32Array;
  ids: Record<DistinctColumn, Uint32Array>;
  values: Record<DistinctColumn, string[]>;
  text: StoredStrings;
}

/** An article read back: every field comes from the columns when asked for. */
class StoredArticle implements SearchDoc {
  constructor(
    private readonly c: Columns,
    private readonly d: number,
  ) {}

  private int(i: number): number {
    return this.c.ints[this.d * 4 + i]!;
  }
  private value(s: DistinctColumn): string {
    return this.c.values[s][this.c.ids[s][this.d]!]!;
  }

  get id() {
    return this.int(0);
  }
  get num() {
    return this.int(1);
  }
  get sub() {
    return this.int(2);
  }
  get status() {
    return STATUS[this.int(3) & 3] ?? 'in_force';
  }
  get isCurrent() {
    return (this.int(3) & CURRENT) !== 0;
  }
  get lawKey() {
    return this.value('lawKey');
  }
  get lawName() {
    return this.value('lawName');
  }
  get lawTitle() {
    return this.value('lawTitle');
  }
  get level() {
    return this.value('level');
  }
  get label() {
    return this.value('label');
  }
  get heading() {
    return this.int(3) & NULL_HEADING ? null : this.value('heading');
  }
  get version() {
    return this.int(3) & NULL_VERSION ? null : this.value('version');
  }
  /** Decoded from the body on each read (a few hundred characters): callers keep what they need. */
  get text() {
    return this.c.text.get(this.d);
  }

  toJSON(): SearchDoc {
    return plainArticle(this);
  }
}

/** The article as a plain object (a `StoredArticle`'s fields are getters, not own properties). */
export const plainArticle = (a: SearchDoc): SearchDoc => ({
  id: a.id,
  lawKey: a.lawKey,
  lawName: a.lawName,
  lawTitle: a.lawTitle,
  level: a.level,
  num: a.num,
  sub: a.sub,
  label: a.label,
  heading: a.heading,
  text: a.text,
  version: a.version,
  status: a.status,
  isCurrent: a.isCurrent,
});

function readDistinct(r: BodyReader, s: DistinctColumn, n: number) {
  const name = `articles.${s}`;
  const values = r.strings(`${name}.values`, r.u32(`${name}.values.ends`).length);
  const ids = r.u32(`${name}.ids`);
  if (ids.length !== n || ids.some((id) => id >= values.length))
    throw new Error(`索引文件的字符串列不完整：${name}`);
  return { ids, values };
}

/** The `n` articles of a body, as views over its columns. */
export function readArticles(r: BodyReader, n: number): SearchDoc[] {
  const ints = r.i32('articles.ints');
  if (ints.length !== n * 4) throw new Error('索引文件的条文数不符');
  const columns = DISTINCT.map((s) => [s, readDistinct(r, s, n)] as const);
  const c: Columns = {
    ints,
    ids: Object.fromEntries(columns.map(([s, col]) => [s, col.ids])) as Columns['ids'],
    values: Object.fromEntries(columns.map(([s, col]) => [s, col.values])) as Columns['values'],
    text: r.stored('articles.text', n),
  };
  return Array.from({ length: n }, (_, d) => new StoredArticle(c, d));
}
