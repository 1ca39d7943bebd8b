/**
 * @module What search threads share: typed arrays placed on SharedArrayBuffers (a "shelf" — arrays
 * already on one are referenced in place, others copied once), and each field's terms as an
 * open-addressing hash table over those buffers, looked up in place, so a worker thread needs no Map
 * of its own (≈ 220,000 terms) and memory does not grow with the number of threads.
 */

type Kind = 'u8' | 'u16' | 'u32' | 'i32' | 'f32' | 'f64';
export type Shareable =
  Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** Where one array lies: buffer number, byte offset, element count. */
export interface ShelfEntry {
  kind: Kind;
  buf: number;
  at: number;
  length: number;
}
/** Typed arrays by name over shared buffers: cloned to a worker, the buffers stay one memory. */
export interface Shelf {
  buffers: SharedArrayBuffer[];
  entries: Record<string, ShelfEntry>;
}

const CTOR = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

function kindOf(a: Shareable): Kind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float32Array) return 'f32';
  return 'f64';
}

/**
 * Puts `arrays` on a shelf: those already on a SharedArrayBuffer are referenced where they lie (the
 * index file's body), the rest are copied into one new SharedArrayBuffer at 8-byte aligned offsets.
 */
export function shelve(arrays: Record<string, Shareable>): Shelf {
  const buffers: SharedArrayBuffer[] = [];
  const entries: Record<string, ShelfEntry> = {};
  const local: [string, Shareable, number][] = [];
  let bytes = 0;
  for (const [name, a] of Object.entries(arrays)) {
    if (a.buffer instanceof SharedArrayBuffer) {
      let buf = buffers.indexOf(a.buffer);
      if (buf < 0) buf = buffers.push(a.buffer) - 1;
      entries[name] = { kind: kindOf(a), buf, at: a.byteOffset, length: a.length };
    } else {
      local.push([name, a, bytes]);
      bytes += Math.ceil(a.byteLength / 8) * 8;
    }
  }
  if (local.length > 0) {
    const sab = new SharedArrayBuffer(bytes);
    const buf = buffers.push(sab) - 1;
    for (const [name, a, at] of local) {
      new Uint8Array(sab, at, a.byteLength).set(
        new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
      );
      entries[name] = { kind: kindOf(a), buf, at, length: a.length };
    }
  }
  return { buffers, entries };
}

/** Typed views over a shelf's buffers (no copy). */
export class ShelfReader {
  constructor(private readonly shelf: Shelf) {}
  private view<K extends Kind>(name: string, kind: K): InstanceType<(typeof CTOR)[K]> {
    const e = this.shelf.entries[name];
    if (!e || e.kind !== kind) throw new Error(`共享索引缺少部分：${name}`);
    const Ctor = CTOR[kind] as new (b: ArrayBufferLike, at: number, n: number) => Shareable;
    return new Ctor(this.shelf.buffers[e.buf]!, e.at, e.length) as InstanceType<(typeof CTOR)[K]>;
  }
  u8 = (n: string) => this.view(n, 'u8');
  u16 = (n: string) => this.view(n, 'u16');
  u32 = (n: string) => this.view(n, 'u32');
  i32 = (n: string) => this.view(n, 'i32');
  f32 = (n: string) => this.view(n, 'f32');
  f64 = (n: string) => this.view(n, 'f64');
}

/** A field's term → id lookup: a Map where built, a shared table in a search thread. */
export interface TermLookup {
  get(term: string | number): number | undefined;
  has(term: string | number): boolean;
  readonly size: number;
  entries(): IterableIterator<[string | number, number]>;
}

/** 32-bit hash of a numeric term (bigram keys are integers below 2^32). */
const hashNumber = (k: number): number => Math.imul((k >>> 0) ^ (k / 4294967296), 0x9e3779b1);
/** FNV-1a over UTF-16 code units, then a final mix. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
}
const hashOf = (t: string | number) => (typeof t === 'number' ? hashNumber(t) : hashString(t));

/**
 * The arrays of a term table built from a term → id lookup: each id's numeric key (NaN for a string
 * term), each string term's UTF-16 units (`starts[id]..starts[id+1]`), and slots (a power of two, at
 * most half full) holding id + 1, 0 for empty, probed linearly from the term's hash.
 */
export function termTableArrays(terms: TermLookup): TermTable {
  // a table already (read from the index file): its arrays as they lie, not built again
  if (terms instanceof SharedTerms) return terms.table();
  const n = terms.size;
  const keys = new Float64Array(n);
  const strings: string[] = new Array<string>(n).fill('');
  for (const [t, id] of terms.entries()) {
    if (typeof t === 'number') keys[id] = t;
    else {
      keys[id] = Number.NaN;
      strings[id] = t;
    }
  }
  const starts = new Uint32Array(n + 1);
  for (let id = 0; id < n; id++) starts[id + 1] = starts[id]! + strings[id]!.length;
  const chars = new Uint16Array(starts[n]!);
  for (let id = 0; id < n; id++) {
    const s = strings[id]!;
    for (let i = 0; i < s.length; i++) chars[starts[id]! + i] = s.charCodeAt(i);
  }
  let cap = 8;
  while (cap < n * 2) cap *= 2;
  const slots = new Uint32Array(cap);
  for (const [t, id] of terms.entries()) {
    let at = hashOf(t) & (cap - 1);
    while (slots[at] !== 0) at = (at + 1) & (cap - 1);
    slots[at] = id + 1;
  }
  return { keys, starts, chars, slots };
}

/** Prefixes each array's name (several tables on one shelf). */
export const prefixed = (prefix: string, arrays: Record<string, Shareable>) =>
  Object.fromEntries(Object.entries(arrays).map(([k, v]) => [`${prefix}.${k}`, v]));

/** What reads a term table's arrays by name: a shelf (`ShelfReader`) or an index file's body. */
export interface TermTableReader {
  f64(name: string): Float64Array;
  u32(name: string): Uint32Array;
  u16(name: string): Uint16Array;
}

/** The arrays of a term table (see `termTableArrays`). */
export interface TermTable {
  keys: Float64Array;
  starts: Uint32Array;
  chars: Uint16Array;
  slots: Uint32Array;
}

/**
 * A term table searched in place over its arrays (see `termTableArrays`): shared memory in a search
 * thread, the index file's body in the main thread (no Map of ≈ 1.4 million terms).
 */
export class SharedTerms implements TermLookup {
  private readonly keys: Float64Array;
  private readonly starts: Uint32Array;
  private readonly chars: Uint16Array;
  private readonly slots: Uint32Array;
  private readonly mask: number;

  /** @throws Error when the arrays do not make a table (a damaged index file). */
  constructor(t: TermTable) {
    const n = t.keys.length;
    const cap = t.slots.length;
    if (t.starts.length !== n + 1 || cap < n * 2 || (cap & (cap - 1)) !== 0)
      throw new Error('检索词表不完整');
    if (t.starts[n] !== t.chars.length) throw new Error('检索词表不完整');
    ({ keys: this.keys, starts: this.starts, chars: this.chars, slots: this.slots } = t);
    this.mask = cap - 1;
  }

  /** The table named `prefix` on a shelf, or in an index file's body. */
  static open(r: TermTableReader, prefix: string): SharedTerms {
    return new SharedTerms({
      keys: r.f64(`${prefix}.keys`),
      starts: r.u32(`${prefix}.starts`),
      chars: r.u16(`${prefix}.chars`),
      slots: r.u32(`${prefix}.slots`),
    });
  }

  table(): TermTable {
    return { keys: this.keys, starts: this.starts, chars: this.chars, slots: this.slots };
  }

  get size(): number {
    return this.keys.length;
  }

  /** The arrays the table lies in (to check they are shared). */
  arrays(): ArrayBufferView[] {
    return [this.keys, this.starts, this.chars, this.slots];
  }

  private matches(id: number, t: string | number): boolean {
    if (typeof t === 'number') return this.keys[id] === t;
    if (!Number.isNaN(this.keys[id])) return false;
    const from = this.starts[id]!;
    if (this.starts[id + 1]! - from !== t.length) return false;
    for (let i = 0; i < t.length; i++) if (this.chars[from + i] !== t.charCodeAt(i)) return false;
    return true;
  }

  get(t: string | number): number | undefined {
    for (let at = hashOf(t) & this.mask; ; at = (at + 1) & this.mask) {
      const s = this.slots[at]!;
      if (s === 0) return undefined;
      if (this.matches(s - 1, t)) return s - 1;
    }
  }

  has(t: string | number): boolean {
    return this.get(t) !== undefined;
  }

  *entries(): IterableIterator<[string | number, number]> {
    const td = new TextDecoder('utf-16le');
    for (let id = 0; id < this.keys.length; id++) {
      const k = this.keys[id]!;
      if (!Number.isNaN(k)) yield [k, id];
      else {
        const units = this.chars.slice(this.starts[id], this.starts[id + 1]);
        yield [td.decode(units), id];
      }
    }
  }
}
