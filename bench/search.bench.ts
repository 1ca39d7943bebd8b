/**
 * @module `npm run bench search`: the engine and a plain character-bigram BM25 baseline (k1 1.2,
 * b 0.75, article text only) over the same full corpus, on the STARD hold-out fifth (id % 5 === 0,
 * never trained on): Recall@5/10/100, MRR@10, search latency p50/p95, index build time, RSS.
 * Uses DATABASE_URL; an empty corpus is imported first from LAWS_DIR.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadDotEnv, parseConfig } from '../src/config/env.js';
import { createContext } from '../src/core/context.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/migrations.js';
import { importCorpus } from '../src/laws/importer.js';
import { baselineRank } from '../src/search/baseline.js';
import { readJsonLines } from '../src/search/cli-util.js';
import { buildCorpusIndex, type CorpusIndex } from '../src/search/corpus-index.js';
import { readIndexFile, writeIndexFile } from '../src/search/index-file.js';
import { loadModel, toHits } from '../src/search/engine.js';
import { evaluate, formatMetrics } from '../src/search/evaluate.js';
import { loadReranker } from '../src/search/rerank.js';
import { Retriever } from '../src/search/retriever.js';
import { loadSearchDocs } from '../src/search/source.js';
import { isHoldOut, resolveGold, type TrainQuestion } from '../src/search/train.js';

const QUERIES = '../shared/datasets/stard-train/queries.jsonl';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Writes the index to a scratch SEARCH_INDEX_FILE and reads it back three times (best and worst). */
function indexFileTimes(ci: CorpusIndex): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-search-'));
  try {
    const file = path.join(dir, 'search-index.bin');
    let t = performance.now();
    writeIndexFile(file, 'bench', ci);
    const writeMs = performance.now() - t;
    const reads: number[] = [];
    const readCpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const c = process.cpuUsage();
      if (!readIndexFile(file, 'bench').ok) throw new Error('索引文件读回失败');
      reads.push(performance.now() - t);
      const u = process.cpuUsage(c);
      readCpu.push((u.user + u.system) / 1000);
    }
    const s = (ms: number[]) =>
      `${(Math.min(...ms) / 1000).toFixed(2)}–${(Math.max(...ms) / 1000).toFixed(2)} s`;
    return `${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, write ${(writeMs / 1000).toFixed(2)} s, read ${s(reads)} (CPU ${s(readCpu)})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await loadDotEnv();
  const config = parseConfig();
  const data = openDatabase(config.DATABASE_URL);
  await migrateToLatest(data);
  try {
    const ctx = createContext(config, data);
    const n = await data.db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n.n) === 0) {
      if (!existsSync(config.LAWS_DIR))
        throw new Error(`法规库为空且 LAWS_DIR 不存在：${config.LAWS_DIR}`);
      console.log(`importing ${config.LAWS_DIR} into ${data.location} …`);
      await importCorpus(ctx, { dir: config.LAWS_DIR });
    }
    const t0 = performance.now();
    const docs = await loadSearchDocs(data.db);
    const loadMs = performance.now() - t0;
    const ci = buildCorpusIndex(docs);
    const fileTimes = indexFileTimes(ci);
    const t1 = performance.now();
    const retriever = new Retriever(ci, loadModel(), loadReranker());
    const firstStage = new Retriever(ci, retriever.li.model);
    const learnedMs = performance.now() - t1;
    console.log(
      `corpus: ${docs.length} article versions (${ci.current.reduce((a, b) => a + b, 0)} in force), ${ci.laws.length} laws`,
    );
    console.log(
      `index: read from database ${(loadMs / 1000).toFixed(1)} s, build ${(ci.buildMs / 1000).toFixed(1)} s, learned fields ${(learnedMs / 1000).toFixed(1)} s (two retrievers)`,
    );
    console.log(`index file: ${fileTimes}`);

    const qs = readJsonLines<TrainQuestion>(QUERIES).filter((q) => isHoldOut(q.id));
    const gold = new Map<string, Set<string>>();
    const engine = new Map<string, string[]>();
    const engine10 = new Map<string, string[]>();
    const base = new Map<string, string[]>();
    const stage1 = new Map<string, string[]>();
    const key = (d: number) => `${ci.articles[d]!.lawKey}#${ci.articles[d]!.num}`;
    const engineMs: number[] = [];
    let engineCpu = 0;
    let stage1Cpu = 0;
    // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
    const cpuMs = (from: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(from);
      return (u.user + u.system) / 1000;
    };
    const baseMs: number[] = [];
    const stage1Ms: number[] = [];
    for (const q of qs) toHits(retriever, q.question, { k: 10 }); // warm-up
    for (const q of qs) {
      gold.set(String(q.id), new Set(resolveGold(ci, q).map((g) => `${g.law}#${g.num}`)));
      let t = performance.now();
      let c = process.cpuUsage();
      toHits(retriever, q.question, { k: 10 });
      engineMs.push(performance.now() - t);
      engineCpu += cpuMs(c);
      // Ten hits asked for: the second stage re-scores fewer candidates (rerankDepth) than for 100.
      engine10.set(
        String(q.id),
        retriever.rank(q.question, 10, true).map((r) => key(r.doc)),
      );
      engine.set(
        String(q.id),
        retriever.rank(q.question, 100, true).map((r) => key(r.doc)),
      );
      stage1.set(
        String(q.id),
        firstStage.rank(q.question, 100, true).map((r) => key(r.doc)),
      );
      t = performance.now();
      c = process.cpuUsage();
      toHits(firstStage, q.question, { k: 10 });
      stage1Ms.push(performance.now() - t);
      stage1Cpu += cpuMs(c);
      t = performance.now();
      base.set(String(q.id), baselineRank(ci, q.question, 100).map(key));
      baseMs.push(performance.now() - t);
    }
    console.log(
      `hold-out fifth (id % 5 === 0), ${qs.length} questions, both over the same corpus:`,
    );
    console.log(`  engine   ${formatMetrics(evaluate(engine, gold))}`);
    console.log(
      `  engine   ${formatMetrics(evaluate(engine10, gold))}  (10 hits asked for: R@100 not meaningful)`,
    );
    console.log(
      `  stage 1  ${formatMetrics(evaluate(stage1, gold))}  (engine without the second stage)`,
    );
    console.log(
      `  baseline ${formatMetrics(evaluate(base, gold))}  (character-bigram BM25, article text only)`,
    );
    console.log(
      `  search latency (k=10, in force): engine p50 ${pct(engineMs, 50).toFixed(1)} ms p95 ${pct(engineMs, 95).toFixed(1)} ms; stage 1 alone p50 ${pct(stage1Ms, 50).toFixed(1)} ms p95 ${pct(stage1Ms, 95).toFixed(1)} ms; baseline p50 ${pct(baseMs, 50).toFixed(1)} ms p95 ${pct(baseMs, 95).toFixed(1)} ms`,
    );
    console.log(
      `  CPU per search (k=10, in force): engine ${(engineCpu / qs.length).toFixed(2)} ms; stage 1 alone ${(stage1Cpu / qs.length).toFixed(2)} ms; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `  RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    );
  } finally {
    await data.close();
  }
}
