/**
 * @module `npm run qa:score -- --results FILE --gold FILE [--ids holdout|train|all]`: Recall@5/@10/@100
 * and MRR@10 by article identity (STARD convention, see evaluate.ts).
 */
import { existsSync } from 'node:fs';
import { fail, parseArgs, readJsonLines } from './cli-util.js';
import { evaluate, formatMetrics, goldKey, hitKey } from './evaluate.js';
import { isHoldOut } from './train.js';

const args = parseArgs(process.argv.slice(2));
const resultsFile = args.get('results');
const goldFile = args.get('gold');
const ids = args.get('ids') ?? 'all';
if (!resultsFile || !goldFile)
  fail(
    '用法: npm run qa:score -- --results 结果.jsonl --gold queries.jsonl [--ids holdout|train|all]',
  );
for (const f of [resultsFile, goldFile]) if (!existsSync(f)) fail(`找不到文件：${f}`);
if (!['holdout', 'train', 'all'].includes(ids)) fail('--ids 只能是 holdout、train 或 all');

const keep = (id: string | number) =>
  ids === 'all' || (ids === 'holdout') === isHoldOut(Number(id));
const gold = new Map<string, Set<string>>();
for (const g of readJsonLines<{ id: string | number; gold: string[] }>(goldFile)) {
  if (!keep(g.id)) continue;
  gold.set(String(g.id), new Set(g.gold.map(goldKey).filter((x): x is string => x !== null)));
}
const results = new Map<string, string[]>();
for (const r of readJsonLines<{ id: string | number; hits: { law: string; article: number }[] }>(
  resultsFile,
)) {
  results.set(
    String(r.id),
    r.hits.map((h) => hitKey(h.law, h.article)),
  );
}
console.log(formatMetrics(evaluate(results, gold)));
