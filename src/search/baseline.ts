/**
 * @module The reference point: plain character-bigram BM25 (k1 1.2, b 0.75) over article text only,
 * one hit per (law, article), run beside the engine in the benchmark.
 */
import { bag, scoreInto, topK } from './inverted-index.js';
import { refKey, type CorpusIndex } from './corpus-index.js';
import { bigramKeys, toSimplified } from './tokenizer.js';

export function baselineRank(ci: CorpusIndex, query: string, k: number, includeSuperseded = true) {
  const acc = new Float32Array(ci.articles.length);
  scoreInto(ci.bigram, bag(bigramKeys(toSimplified(query))), acc);
  const out: number[] = [];
  const seen = new Set<string>();
  for (const d of topK(acc, k * 2 + 10, includeSuperseded ? undefined : ci.current)) {
    const a = ci.articles[d]!;
    const key = refKey(a.lawKey, a.num, a.sub);
    if (seen.has(key) || acc[d]! <= 0) continue;
    seen.add(key);
    out.push(d);
    if (out.length >= k) break;
  }
  return out;
}
