/**
 * @module Pure BM25 (Robertson/Spärck Jones idf, Lucene-style non-negative form).
 * k1 = 1.2 saturates term frequency (a word repeated in an article adds little after 2–3 times);
 * b = 0.75 normalises by length so long 司法解释 articles do not win on size alone.
 * Field weights are applied by the caller (see `model.ts`) when features are combined.
 */

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5)); always > 0, rarer terms weigh more. */
export function idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** The term-frequency part: tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)). */
export function tfNorm(
  tf: number,
  len: number,
  avgLen: number,
  p: Bm25Params = DEFAULT_BM25,
): number {
  if (tf <= 0) return 0;
  const norm = p.k1 * (1 - p.b + (p.b * len) / (avgLen || 1));
  return (tf * (p.k1 + 1)) / (tf + norm);
}

/** BM25 of one document for query terms given as [tf in doc, df] pairs (a reference implementation). */
export function bm25(
  terms: { tf: number; df: number; weight?: number }[],
  len: number,
  avgLen: number,
  docCount: number,
  p: Bm25Params = DEFAULT_BM25,
): number {
  let s = 0;
  for (const t of terms) s += (t.weight ?? 1) * idf(docCount, t.df) * tfNorm(t.tf, len, avgLen, p);
  return s;
}
