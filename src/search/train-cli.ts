/**
 * @module `npm run search:train [-- --queries FILE] [--second-stage-only]`: rebuilds the learned
 * artefacts in src/search/data/ (userdict.txt from the corpus, model.json and reranker.json from the
 * STARD training questions minus the hold-out fifth) over the corpus in DATABASE_URL, and prints
 * hold-out figures with and without the second stage. `--second-stage-only` keeps model.json and
 * userdict.txt and retrains the reranker alone (≈ a third of the time). `--validate` writes nothing:
 * it cross-validates second-stage options (`--hidden --epochs --seeds 7,11 --l2 --lr`) inside the
 * training part and prints first stage vs second stage.
 *
 * The learned examples in the database (staff labels, and 法指针 lawyers' answers with the articles
 * they cite) join the training part; `--without-examples` leaves them out.
 */
import { writeFileSync } from 'node:fs';
import { parseConfig } from '../config/env.js';
import { createContext } from '../core/context.js';
import type { DataLayer } from '../db/connection.js';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index.js';
import { asTrainQuestions } from './examples.js';
import { activeExamples } from './learning.js';
import { fail, openConfiguredDatabase, parseArgs, readJsonLines } from './cli-util.js';
import { loadModel } from './engine.js';
import { evaluate, formatMetrics } from './evaluate.js';
import { RERANKER_FILE } from './rerank.js';
import { Retriever } from './retriever.js';
import { loadSearchDocs } from './source.js';
import { DEFAULT_RERANK_OPTIONS, type RerankOptions } from './rerank-train.js';
import {
  isHoldOut,
  resolveGold,
  secondStageSamples,
  train,
  trainSecondStage,
  validateSecondStage,
  type TrainQuestion,
} from './train.js';
import { buildUserDict } from './userdict.js';

const args = parseArgs(process.argv.slice(2));
const queriesFile = args.get('queries') ?? '../shared/datasets/stard-train/queries.jsonl';
const secondStageOnly = args.get('second-stage-only') === 'true';
const validateOnly = args.get('validate') === 'true';
const log = (s: string) => console.error(s);

/** Second-stage options with any command-line overrides. */
function rerankOptions(): RerankOptions {
  const num = (name: string, fallback: number) => {
    const v = args.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) fail(`--${name} 应为非负数`);
    return n;
  };
  const d = DEFAULT_RERANK_OPTIONS;
  return {
    ...d,
    hidden: num('hidden', d.hidden),
    epochs: num('epochs', d.epochs),
    l2: num('l2', d.l2),
    learningRate: num('lr', d.learningRate),
    seeds: args.get('seeds')?.split(',').map(Number) ?? d.seeds,
  };
}

function report(ci: CorpusIndex, qs: TrainQuestion[], r: Retriever, label: string): void {
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
    console.log(`${label}, ${name}: ${formatMetrics(evaluate(res, gold))}`);
  }
}

/** The database's learned examples as training questions (none with --without-examples). */
async function learnedQuestions(data: DataLayer): Promise<TrainQuestion[]> {
  if (args.get('without-examples') === 'true') return [];
  const examples = await activeExamples(createContext(parseConfig(), data));
  const lawyers = examples.filter((e) => e.source === 'lawyer_answer').length;
  log(
    `学习样例：${examples.length} 条（法指针律师解答 ${lawyers} 条，人工标注 ${examples.length - lawyers} 条）`,
  );
  return asTrainQuestions(examples);
}

const data = await openConfiguredDatabase();
try {
  const learned = await learnedQuestions(data);
  const docs = await loadSearchDocs(data.db);
  if (docs.length === 0) fail('法律法规库为空：请先运行 npm run laws:import');
  // The dictionary must be written before the first tokenization in this process.
  if (!secondStageOnly && !validateOnly)
    writeFileSync(new URL('./data/userdict.txt', import.meta.url), buildUserDict(docs));
  const ci = buildCorpusIndex(docs);
  log(`索引：${docs.length} 条，${(ci.buildMs / 1000).toFixed(1)} 秒`);
  const qs = readJsonLines<TrainQuestion>(queriesFile);
  let model = loadModel();
  let reranker;
  const trainQs = [...qs.filter((q) => !isHoldOut(q.id)), ...learned];
  if (validateOnly) {
    const r = validateSecondStage(secondStageSamples(ci, trainQs, model.weights), rerankOptions());
    const f = (m: typeof r.stage1) =>
      `Recall@10 ${m.recall10.toFixed(3)}  Recall@100 ${m.recall100.toFixed(3)}  MRR@10 ${m.mrr10.toFixed(3)}`;
    console.log(`4-fold validation, first stage:  ${f(r.stage1)}`);
    console.log(
      `4-fold validation, second stage: ${f(r.reranked)}  ${JSON.stringify(rerankOptions())}`,
    );
    process.exit(0);
  }
  if (secondStageOnly) {
    reranker = trainSecondStage(ci, trainQs, model.weights, log, rerankOptions());
  } else {
    ({ model, reranker } = train(ci, qs, log, learned));
    writeFileSync(new URL('./data/model.json', import.meta.url), `${JSON.stringify(model)}\n`);
  }
  writeFileSync(RERANKER_FILE, `${JSON.stringify(reranker)}\n`);
  report(ci, qs, new Retriever(ci, model), 'first stage');
  report(ci, qs, new Retriever(ci, model, reranker), 'with second stage');
} finally {
  await data.close();
}
