/**
 * @module `npm run search:train [-- --queries FILE]`: rebuilds the learned artefacts in
 * src/search/data/ (userdict.txt from the corpus, model.json from the STARD training questions
 * minus the hold-out fifth) over the corpus in DATABASE_URL, and prints hold-out figures.
 */
import { writeFileSync } from 'node:fs';
import { buildCorpusIndex } from './corpus-index.js';
import { fail, openConfiguredDatabase, parseArgs, readJsonLines } from './cli-util.js';
import { evaluate, formatMetrics } from './evaluate.js';
import { Retriever } from './retriever.js';
import { loadSearchDocs } from './source.js';
import { isHoldOut, resolveGold, train, type TrainQuestion } from './train.js';
import { buildUserDict } from './userdict.js';

const args = parseArgs(process.argv.slice(2));
const queriesFile = args.get('queries') ?? '../shared/datasets/stard-train/queries.jsonl';
const data = await openConfiguredDatabase();
try {
  const docs = await loadSearchDocs(data.db);
  if (docs.length === 0) fail('法律法规库为空：请先运行 npm run laws:import');
  // The dictionary must be written before the first tokenization in this process.
  writeFileSync(new URL('./data/userdict.txt', import.meta.url), buildUserDict(docs));
  const ci = buildCorpusIndex(docs);
  console.error(`索引：${docs.length} 条，${(ci.buildMs / 1000).toFixed(1)} 秒`);
  const qs = readJsonLines<TrainQuestion>(queriesFile);
  const model = train(ci, qs, (s) => console.error(s));
  writeFileSync(new URL('./data/model.json', import.meta.url), `${JSON.stringify(model)}\n`);
  const r = new Retriever(ci, model);
  for (const [name, set] of [
    ['hold-out (id % 5 === 0)', qs.filter((q) => isHoldOut(q.id))],
    ['all (training part is seen)', qs],
  ] as const) {
    const gold = new Map<string, Set<string>>();
    const res = new Map<string, string[]>();
    for (const q of set) {
      gold.set(String(q.id), new Set(resolveGold(ci, q).map((g) => `${g.law}#${g.num}`)));
      res.set(
        String(q.id),
        r
          .rank(q.question, 100, true)
          .map((h) => `${ci.articles[h.doc]!.lawKey}#${ci.articles[h.doc]!.num}`),
      );
    }
    console.log(`${name}: ${formatMetrics(evaluate(res, gold))}`);
  }
} finally {
  await data.close();
}
