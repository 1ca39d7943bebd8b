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
import { loadModel, poolHits, toHits } from '../src/search/engine.js';
import { evaluate, formatMetrics } from '../src/search/evaluate.js';
import { loadReranker } from '../src/search/rerank.js';
import { Retriever } from '../src/search/retriever.js';
import { SearchPool } from '../src/search/search-pool.js';
import { shareCorpus, shareLearned } from '../src/search/shared-index.js';
import { loadSearchDocs } from '../src/search/source.js';
import { isHoldOut, resolveGold, type TrainQuestion } from '../src/search/train.js';

const QUERIES = '../shared/datasets/stard-train/queries.jsonl';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** RSS after a full collection when run with --expose-gc (else as it stands). */
const rssMiB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
};
const cpuNow = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const loadNote = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (measured under load: the machine is shared)`;

/** CPU of each search (k = 10, in force, second stage), p50 / p95 and mean, this process only. */
function cpuPerSearch(r: Retriever, questions: string[]): string {
  const cpu = questions.map((q) => {
    const c = process.cpuUsage();
    toHits(r, q, { k: 10 });
    return cpuNow(c);
  });
  const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  return `p50 ${pct(cpu, 50).toFixed(2)} ms, p95 ${pct(cpu, 95).toFixed(2)} ms, mean ${mean.toFixed(2)} ms`;
}

/**
 * Distinct answers per second (k = 10, in force; no result cache) on the main thread and through
 * pools of 1 and 2 search threads kept busy (4 requests in flight per thread), and the process'
 * RSS with each: the threads share one index, so RSS should grow by a thread's runtime, not an index.
 */
async function poolFigures(r: Retriever, questions: string[]): Promise<string[]> {
  const out: string[] = [];
  let t = performance.now();
  for (const q of questions) toHits(r, q, { k: 10 });
  const mainRate = questions.length / ((performance.now() - t) / 1000);
  out.push(
    `  0 threads (main thread): ${mainRate.toFixed(0)} answers/s, RSS ${rssMiB().toFixed(0)} MiB`,
  );
  for (const size of [1, 2]) {
    const before = rssMiB();
    const pool = new SearchPool(size, {
      corpus: shareCorpus(r.ri),
      learned: shareLearned(r.ri, r.li),
      reranker: r.reranker,
      maxRerankDepth: r.maxRerankDepth,
      confidentShare: r.confidentShare,
    });
    try {
      await pool.started();
      for (const q of questions.slice(0, 20)) await poolHits(pool, r, q, { k: 10 }); // warm-up
      t = performance.now();
      let next = 0;
      const lane = async () => {
        while (next < questions.length) await poolHits(pool, r, questions[next++]!, { k: 10 });
      };
      await Promise.all(Array.from({ length: size * 4 }, lane));
      const rate = questions.length / ((performance.now() - t) / 1000);
      const heap = (await pool.inspect(0)).heapMiB;
      out.push(
        `  ${size} thread${size > 1 ? 's' : ' '}:                ${rate.toFixed(0)} answers/s, RSS ${rssMiB().toFixed(0)} MiB (+${(rssMiB() - before).toFixed(0)} MiB with the pool; a thread's own heap ${heap.used}/${heap.total} MiB used/total, external ${heap.external} MiB)`,
      );
    } finally {
      await pool.close();
    }
  }
  return out;
}

/** Writes the index to a scratch SEARCH_INDEX_FILE and reads it back three times (best and worst). */
async function indexFileTimes(ci: CorpusIndex): Promise<string> {
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
      if (!(await readIndexFile(file, 'bench')).ok) throw new Error('索引文件读回失败');
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
    const fileTimes = await indexFileTimes(ci);
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
    const questions = qs.map((q) => q.question);
    const uncut = new Retriever(ci, retriever.li.model, retriever.reranker, undefined, 0);
    for (const q of questions) toHits(uncut, q, { k: 10 }); // warm-up
    console.log(`CPU per search (k=10, in force, second stage), ${loadNote()}:`);
    console.log(`  engine                            ${cpuPerSearch(retriever, questions)}`);
    console.log(`  every candidate re-scored (no cut) ${cpuPerSearch(uncut, questions)}`);
    console.log(`  first stage alone                 ${cpuPerSearch(firstStage, questions)}`);
    console.log(`throughput, distinct answers (k=10, in force), ${loadNote()}:`);
    for (const line of await poolFigures(retriever, questions)) console.log(line);
  } finally {
    await data.close();
  }
}
