/**
 * @module The bytes of a flat index body: named sections (typed arrays as raw bytes, string columns
 * as one UTF-16 run with end offsets), each at an 8-byte aligned offset, and the reader that lays
 * views over them after checking every section lies inside the body.
 */

export type Kind = 'u8' | 'u16' | 'u32' | 'i32' | 'f64' | 'utf16';
/** One section of the body: its kind, where it starts (bytes) and how many bytes it holds. */
export interface Section {
  kind: Kind;
  at: number;
  bytes: number;
}

/** A section to be written: its name, kind and bytes. */
export type Part = { name: string; kind: Kind; data: Uint8Array };

export const align8 = (n: number): number => Math.ceil(n / 8) * 8;

export const bytesOf = (a: ArrayBufferView): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A string column as one UTF-16 run plus the end offset (in UTF-16 units) of each value. */
export function stringColumn(name: string, values: readonly string[]): Part[] {
  const ends = new Uint32Array(values.length);
  let at = 0;
  values.forEach((v, i) => (ends[i] = at += v.length));
  return [
    { name: `${name}.ends`, kind: 'u32', data: bytesOf(ends) },
    { name, kind: 'utf16', data: Buffer.from(values.join(''), 'utf16le') },
  ];
}

/**
 * A string column kept in the body: a value is decoded when asked for, so the column's text is held
 * once (in the body) rather than again as strings on the heap.
 */
export class StoredStrings {
  constructor(
    private readonly body: ArrayBufferLike,
    /** Byte offset of the column's UTF-16 run. */
    private readonly at: number,
    private readonly ends: Uint32Array,
  ) {}

  get length(): number {
    return this.ends.length;
  }

  get(i: number): string {
    const from = i === 0 ? 0 : this.ends[i - 1]!;
    const to = this.ends[i]!;
    return Buffer.from(this.body, this.at + from * 2, (to - from) * 2).toString('utf16le');
  }
}

/** The typed array each numeric kind is viewed as. */
const VIEWS = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f64: Float64Array,
} as const;
type View<K extends keyof typeof VIEWS> = InstanceType<(typeof VIEWS)[K]>;
/** The constructor over any buffer, shared or not (the lib types one overload per buffer kind). */
interface ViewConstructor<K extends keyof typeof VIEWS> {
  new (body: ArrayBufferLike, at: number, length: number): View<K>;
  readonly BYTES_PER_ELEMENT: number;
}

/** Reads typed views and strings out of a body, checking every section lies inside it. */
export class BodyReader {
  constructor(
    private readonly body: ArrayBufferLike,
    private readonly sections: Readonly<Record<string, Section>>,
  ) {}

  private section(name: string, kind: Kind): Section {
    const s = this.sections[name];
    if (!s || s.kind !== kind || s.at % 8 !== 0 || s.at + s.bytes > this.body.byteLength)
      throw new Error(`索引文件缺少或损坏的部分：${name}`);
    return s;
  }

  private view<K extends keyof typeof VIEWS>(name: string, kind: K): View<K> {
    const s = this.section(name, kind);
    const Ctor = VIEWS[kind] as unknown as ViewConstructor<K>;
    return new Ctor(this.body, s.at, s.bytes / Ctor.BYTES_PER_ELEMENT);
  }

  u8 = (n: string) => this.view(n, 'u8');
  u16 = (n: string) => this.view(n, 'u16');
  u32 = (n: string) => this.view(n, 'u32');
  i32 = (n: string) => this.view(n, 'i32');
  f64 = (n: string) => this.view(n, 'f64');
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

  /** A string column left in the body, decoded value by value (`StoredStrings`). */
  stored(name: string, count: number): StoredStrings {
    const ends = this.u32(`${name}.ends`);
    const s = this.section(name, 'utf16');
    if (ends.length !== count || (count > 0 && ends[count - 1]! * 2 !== s.bytes))
      throw new Error(`索引文件的字符串列不完整：${name}`);
    return new StoredStrings(this.body, s.at, ends);
  }
}
