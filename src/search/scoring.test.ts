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
});
