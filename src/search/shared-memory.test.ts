/** @module The shared term table finds every term in place, and the shelf copies only what it must. */
import { describe, expect, it } from 'vitest';
import { buildField } from './inverted-index.js';
import { secondStageCut } from './retriever.js';
import { prefixed, SharedTerms, ShelfReader, shelve, termTableArrays } from './shared-memory.js';

describe('the shared term table', () => {
  it('finds string and numeric terms, and refuses what is not there', () => {
    const f = buildField([
      ['劳动', '合同', 0x52b3_52a8, ''],
      ['合同', 'a', 65536 * 0x5408],
    ]);
    const table = SharedTerms.open(
      new ShelfReader(shelve(prefixed('t', { ...termTableArrays(f.terms) }))),
      't',
    );
    expect(table.size).toBe(6);
    for (const [term, id] of f.terms.entries()) expect(table.get(term)).toBe(id);
    expect(table.get('劳')).toBeUndefined();
    expect(table.get('劳动合同')).toBeUndefined();
    expect(table.get(0x52b3_52a9)).toBeUndefined();
    // a numeric term is not its string, nor the reverse
    expect(table.get(String(0x52b3_52a8))).toBeUndefined();
    expect(table.has('a')).toBe(true);
    expect(new Map(table.entries())).toEqual(f.terms);
  });

  it('keeps every one of many terms (probing past collisions)', () => {
    const tokens = Array.from({ length: 5000 }, (_, i) => [`词${i}`, i * 65536 + 7]);
    const f = buildField(tokens);
    const arrays = termTableArrays(f.terms);
    expect(arrays.slots.length).toBe(32768); // the first power of two ≥ 2 × 10,000 terms
    const table = SharedTerms.open(new ShelfReader(shelve(prefixed('t', { ...arrays }))), 't');
    for (let i = 0; i < 5000; i++) {
      expect(table.get(`词${i}`)).toBe(f.terms.get(`词${i}`));
      expect(table.get(i * 65536 + 7)).toBe(f.terms.get(i * 65536 + 7));
    }
    // a table over arrays in place is that table again, not built anew
    expect(termTableArrays(table).slots).toBe(table.table().slots);
  });

  it('refuses arrays that do not make a table', () => {
    const t = termTableArrays(buildField([['劳动', '合同']]).terms);
    expect(() => new SharedTerms({ ...t, slots: t.slots.subarray(1) })).toThrow('检索词表不完整');
    expect(() => new SharedTerms({ ...t, starts: t.starts.subarray(1) })).toThrow('检索词表不完整');
    expect(() => new SharedTerms({ ...t, chars: t.chars.subarray(1) })).toThrow('检索词表不完整');
  });
});

describe('the shelf', () => {
  it('references arrays already on a SharedArrayBuffer and copies the others once', () => {
    const sab = new SharedArrayBuffer(64);
    const onShared = new Uint32Array(sab, 16, 4);
    onShared.set([1, 2, 3, 4]);
    const local = Float32Array.from([0.5, 1.5]);
    const shelf = shelve({ onShared, local });
    expect(shelf.buffers[0]).toBe(sab);
    expect(shelf.entries.onShared).toEqual({ kind: 'u32', buf: 0, at: 16, length: 4 });
    expect(shelf.buffers).toHaveLength(2);
    const r = new ShelfReader(shelf);
    expect([...r.u32('onShared')]).toEqual([1, 2, 3, 4]);
    expect([...r.f32('local')]).toEqual([0.5, 1.5]);
    expect(r.f32('local').buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(() => r.u8('local')).toThrow('共享索引缺少部分');
  });
});

describe('the second stage cut', () => {
  const scores = (xs: number[]) => Float32Array.from(xs);
  const ids = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('keeps every candidate within half of the best', () => {
    // 200 candidates for 10 hits: all score ≥ 0.6 of the best
    const s = scores(ids(200).map((i) => 1 - i * (0.4 / 199)));
    expect(secondStageCut(s, ids(200), 10)).toBe(200);
  });

  it('cuts to the candidates within half of the best, never below the floor', () => {
    // best 1; candidates 0–119 score ≥ 0.5, the rest 0.2: a confident first stage
    const s = scores(ids(200).map((i) => (i < 120 ? 1 - i * (0.5 / 119) : 0.2)));
    expect(secondStageCut(s, ids(200), 10)).toBe(120);
    // all but the best far below it: down to the floor of 100 (k = 10), 500 for k = 100
    const steep = scores(ids(1000).map((i) => (i === 0 ? 1 : 0.1)));
    expect(secondStageCut(steep, ids(200), 10)).toBe(100);
    expect(secondStageCut(steep, ids(1000), 100)).toBe(500);
    expect(secondStageCut(steep, ids(80), 10)).toBe(80);
  });
});
