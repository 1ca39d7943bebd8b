import { describe, expect, it } from 'vitest';
import { bm25, idf, tfNorm } from './scoring.js';
import { bag, buildField, docFreq, scoreInto, topK } from './inverted-index.js';

describe('BM25', () => {
  it('computes idf and the saturating tf part by the formula', () => {
    expect(idf(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 10);
    expect(idf(10, 10)).toBeGreaterThan(0);
    expect(idf(100, 1)).toBeGreaterThan(idf(100, 50));
    // tf = 1 at average length: 1·2.2 / (1 + 1.2) = 1
    expect(tfNorm(1, 10, 10)).toBeCloseTo(1, 10);
    expect(tfNorm(0, 10, 10)).toBe(0);
    expect(tfNorm(3, 10, 10)).toBeCloseTo((3 * 2.2) / (3 + 1.2), 10);
    // longer documents score lower for the same tf
    expect(tfNorm(1, 20, 10)).toBeLessThan(tfNorm(1, 5, 10));
  });

  it('the inverted index scores exactly like the reference formula', () => {
    const docs = [
      ['劳动者', '解除', '劳动合同', '经济补偿'],
      ['用人单位', '支付', '经济补偿', '经济补偿', '劳动者'],
      ['离婚', '子女', '抚养'],
    ];
    const f = buildField(docs);
    expect(f.docCount).toBe(3);
    expect(docFreq(f, '经济补偿')).toBe(2);
    expect(docFreq(f, '不存在')).toBe(0);
    const acc = new Float32Array(3);
    const max = scoreInto(f, bag(['经济补偿', '劳动者']), acc);
    const avg = 12 / 3;
    const ref = (d: number) =>
      bm25(
        ['经济补偿', '劳动者'].map((t) => ({ tf: docs[d]!.filter((x) => x === t).length, df: 2 })),
        docs[d]!.length,
        avg,
        3,
      );
    expect(acc[0]).toBeCloseTo(ref(0), 5);
    expect(acc[1]).toBeCloseTo(ref(1), 5);
    expect(acc[2]).toBe(0);
    expect(max).toBeCloseTo(Math.max(ref(0), ref(1)), 5);
  });

  it('topK returns the best documents in order and respects the mask', () => {
    const s = new Float32Array([0.1, 0.9, 0.5, 0.9, 0.3]);
    expect(topK(s, 3)).toEqual([1, 3, 2]);
    expect(topK(s, 2, new Uint8Array([1, 0, 1, 0, 1]))).toEqual([2, 4]);
    expect(topK(s, 0)).toEqual([]);
  });

  it('topK agrees with a full sort (score, then lower id) on many ties, for any k and mask', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = 3000;
    // few distinct values, so most comparisons are ties broken by id
    const s = Float32Array.from({ length: n }, () => Math.floor(next() * 20) / 4);
    const mask = Uint8Array.from({ length: n }, () => (next() < 0.7 ? 1 : 0));
    const sorted = (allow?: Uint8Array) =>
      [...s.keys()].filter((d) => !allow || allow[d]).sort((a, b) => s[b]! - s[a]! || a - b);
    for (const k of [1, 7, 200, n, n + 5]) {
      expect(topK(s, k)).toEqual(sorted().slice(0, k));
      expect(topK(s, k, mask)).toEqual(sorted(mask).slice(0, k));
    }
  });

  it('scores with the parameters asked for, whatever the field was scored with before', () => {
    const docs = [
      ['合同', '解除'],
      ['合同', '合同', '违约', '赔偿', '损失', '责任'],
    ];
    const f = buildField(docs);
    const q = bag(['合同']);
    scoreInto(f, q, new Float32Array(2));
    const p = { k1: 2, b: 0.3 };
    const acc = new Float32Array(2);
    scoreInto(f, q, acc, p);
    for (const d of [0, 1]) {
      const tf = docs[d]!.filter((x) => x === '合同').length;
      expect(acc[d]).toBeCloseTo(bm25([{ tf, df: 2 }], docs[d]!.length, 4, 2, p), 5);
    }
  });
});
