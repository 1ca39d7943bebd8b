/**
 * @module Evaluation by article identity, as in the STARD convention: strip a leading 中华人民共和国
 * and any version suffix from law names, compare (law, article number); Recall@5/@10/@100, MRR@10.
 */
import { normalizeLawName } from '../laws/repository.js';
import { parseChineseNumber } from '../core/numerals.js';

/**
 * Law name normalised for scoring: no 中华人民共和国 prefix, no version suffix such as (2018-10-26)
 * or （2018年修正）; 《》 dropped as well (the corpus key form), which only makes matching lenient.
 */
export function normalizeLawForScore(name: string): string {
  return normalizeLawName(name);
}

/** `劳动合同法第四十七条` / `中华人民共和国民法典第一千零七十九条之一` → a (law, number) key. */
export function goldKey(gold: string): string | null {
  const m = /^(.*?)第([零〇一二三四五六七八九十百千万\d]+)条(?:之([一二三四五六七八九十]+))?/.exec(
    gold.trim(),
  );
  if (!m) return null;
  const num = parseChineseNumber(m[2]!);
  if (num === null) return null;
  return `${normalizeLawForScore(m[1]!)}#${num}`;
}

export const hitKey = (law: string, article: number) => `${normalizeLawForScore(law)}#${article}`;

export interface Metrics {
  questions: number;
  recall5: number;
  recall10: number;
  recall100: number;
  mrr10: number;
}

/** Per-question recall = share of its gold articles found in the top k; MRR@10 from the first gold hit. */
export function scoreRanking(ranked: string[], gold: ReadonlySet<string>) {
  const recallAt = (k: number) => {
    if (gold.size === 0) return 0;
    const seen = new Set<string>();
    for (const key of ranked.slice(0, k)) if (gold.has(key)) seen.add(key);
    return seen.size / gold.size;
  };
  const first = ranked.slice(0, 10).findIndex((key) => gold.has(key));
  return {
    r5: recallAt(5),
    r10: recallAt(10),
    r100: recallAt(100),
    rr: first < 0 ? 0 : 1 / (first + 1),
  };
}

/** Averages over questions; a question absent from `results` counts as all misses. */
export function evaluate(
  results: ReadonlyMap<string, string[]>,
  gold: ReadonlyMap<string, ReadonlySet<string>>,
): Metrics {
  let r5 = 0;
  let r10 = 0;
  let r100 = 0;
  let mrr = 0;
  for (const [id, g] of gold) {
    const s = scoreRanking(results.get(id) ?? [], g);
    r5 += s.r5;
    r10 += s.r10;
    r100 += s.r100;
    mrr += s.rr;
  }
  const n = gold.size || 1;
  return {
    questions: gold.size,
    recall5: r5 / n,
    recall10: r10 / n,
    recall100: r100 / n,
    mrr10: mrr / n,
  };
}

export function formatMetrics(m: Metrics): string {
  const f = (x: number) => x.toFixed(3);
  return `questions ${m.questions}  Recall@5 ${f(m.recall5)}  Recall@10 ${f(m.recall10)}  Recall@100 ${f(m.recall100)}  MRR@10 ${f(m.mrr10)}`;
}
