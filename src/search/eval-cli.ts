/**
 * @module `npm run qa:eval -- --queries FILE --k 100 --out FILE [--current-only]`: runs every question
 * of a JSON-lines file through the engine and writes `{id, hits:[{law, lawTitle, article,
 * articleLabel, score}]}` best first. Superseded versions are searched too (gold annotations may
 * cite an older numbering) unless `--current-only`; `law` is the STARD-style name. The database's
 * learned examples are laid over the model as the server does, unless `--without-examples`.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { buildCorpusIndex } from './corpus-index.js';
import { fail, openConfiguredDatabase, parseArgs, readJsonLines } from './cli-util.js';
import { loadModel, toHits } from './engine.js';
import { activeExamples } from './examples-repository.js';
import { withExamples } from './examples.js';
import { loadReranker } from './rerank.js';
import { Retriever } from './retriever.js';
import { loadSearchDocs } from './source.js';

const args = parseArgs(process.argv.slice(2));
const queries = args.get('queries');
const outFile = args.get('out');
const k = Number(args.get('k') ?? 100);
if (!queries || !outFile)
  fail('用法: npm run qa:eval -- --queries 问题.jsonl --k 100 --out 结果.jsonl');
if (!existsSync(queries)) fail(`找不到问题文件：${queries}`);
if (!Number.isInteger(k) || k < 1 || k > 1000) fail('--k 应为 1 到 1000 的整数');

const data = await openConfiguredDatabase();
try {
  const t0 = performance.now();
  const docs = await loadSearchDocs(data.db);
  if (docs.length === 0) fail('法律法规库为空：请先运行 npm run laws:import');
  const examples = args.get('without-examples') === 'true' ? [] : await activeExamples(data.db);
  const model = withExamples(loadModel(), examples);
  const retriever = new Retriever(buildCorpusIndex(docs), model, loadReranker());
  console.error(
    `索引就绪：${docs.length} 条条文、${examples.length} 条学习样例，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`,
  );
  const out = createWriteStream(outFile);
  const qs = readJsonLines<{ id: string | number; question: string }>(queries);
  const includeSuperseded = args.get('current-only') !== 'true';
  for (const q of qs) {
    const hits = toHits(retriever, String(q.question ?? ''), { k, includeSuperseded }).map((h) => ({
      law: h.lawName ?? h.law,
      lawTitle: h.lawTitle,
      article: h.article,
      articleLabel: h.articleLabel,
      score: h.score,
    }));
    out.write(`${JSON.stringify({ id: q.id, hits })}\n`);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  console.error(`已写出 ${qs.length} 个问题的结果到 ${outFile}`);
} finally {
  await data.close();
}
