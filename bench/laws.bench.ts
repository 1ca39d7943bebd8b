/**
 * @module Law corpus benchmarks: (1) full import of ../shared/laws (or LAWS_DIR) into a fresh SQLite file —
 * time and peak RSS (targets < 20 s, < 1 GB); (2) article permalink p95 over HTTP inject from the app
 * (target < 5 ms). BENCH_DATABASE_URL=postgres://… also times the import on PostgreSQL (a scratch schema).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { createContext } from '../src/core/context.js';
import { openPostgres, openSqlite, type DataLayer } from '../src/db/connection.js';
import { migrateToLatest } from '../src/migrations.js';
import { importCorpus } from '../src/laws/importer.js';
import { listArticlesForIndex } from '../src/laws/repository.js';
import { testConfig } from '../src/test/db.js';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const lawsDir = () => process.env.LAWS_DIR ?? path.resolve('../shared/laws');

async function timeImport(data: DataLayer, label: string) {
  await migrateToLatest(data);
  const ctx = createContext(testConfig(), data);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = process.hrtime.bigint();
  const r = await importCorpus(ctx, {
    dir: lawsDir(),
    onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
  });
  const took = ms(t0);
  clearInterval(timer);
  // maxRSS is the whole process's peak (KiB on Linux), including what ran before the import.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `[${label}] full import: ${(took / 1000).toFixed(1)} s (target < 20 s), ${r.units} law versions, ` +
      `${r.articles} articles, ${r.issues.length} anomalies; peak RSS sampled ${mb(peak)}, ` +
      `process maxRSS ${mb(maxRss)} (target < 1 GB)`,
  );
  return ctx;
}

async function permalinkP95(data: DataLayer): Promise<void> {
  const ctx = createContext(testConfig(), data);
  const app = await buildApp(ctx);
  await app.ready();
  const arts = await listArticlesForIndex(ctx.db);
  // A fixed spread of articles across the corpus (every 37th), by label as a permalink would carry it.
  const sample = arts.filter((_, i) => i % 37 === 0).slice(0, 1500);
  const url = (a: (typeof arts)[number]) =>
    `/api/v1/laws/${encodeURIComponent(a.law_key)}/articles/${encodeURIComponent(a.label)}`;
  for (const a of sample.slice(0, 100)) await app.inject({ method: 'GET', url: url(a) }); // warm-up
  const times: number[] = [];
  for (const a of sample) {
    const t0 = process.hrtime.bigint();
    const res = await app.inject({ method: 'GET', url: url(a) });
    times.push(ms(t0));
    if (res.statusCode !== 200) throw new Error(`${url(a)} → ${res.statusCode}`);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `permalink GET over inject (n=${times.length}): median ${at(0.5).toFixed(2)} ms, ` +
      `p95 ${at(0.95).toFixed(2)} ms (target < 5 ms), max ${at(1).toFixed(2)} ms`,
  );
  await app.close();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'laws-bench-'));
  const data = openSqlite(path.join(dir, 'bench.db'));
  try {
    await timeImport(data, 'sqlite');
    await permalinkP95(data);
  } finally {
    await data.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const schema = `bench_laws_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pgData = openPostgres(url, schema);
    try {
      await timeImport(pgData, 'postgres');
      await permalinkP95(pgData);
    } finally {
      await pgData.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}
