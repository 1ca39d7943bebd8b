/**
 * @module Health latency while the first search builds the corpus index (issue 13, item 7):
 * `DATABASE_URL=sqlite:<a database with the corpus imported> npx tsx bench/health-during-build.ts`.
 * Fires the first search, and health checks one after another until the search answers.
 */
import { buildApp } from '../src/app.js';
import { createContext } from '../src/core/context.js';
import { openDatabase } from '../src/db/connection.js';
import { testConfig } from '../src/test/db.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a database with the corpus imported');
const data = openDatabase(url);
const app = await buildApp(createContext(testConfig({ DATABASE_URL: url }), data));
await app.ready();
const t0 = performance.now();
let done = false;
const search = app
  .inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('拖欠工资怎么办')}` })
  .then((r) => ((done = true), r));
const waits: number[] = [];
while (!done) {
  const s = performance.now();
  await app.inject({ method: 'GET', url: '/api/v1/health' });
  waits.push(performance.now() - s);
  await new Promise((r) => setTimeout(r, 20));
}
const total = performance.now() - t0;
const r = await search;
waits.sort((a, b) => a - b);
const q = (p: number) =>
  Math.round(waits[Math.min(waits.length - 1, Math.floor(p * waits.length))]!);
console.log(
  `first search ${Math.round(total)} ms (status ${r.statusCode}); ${waits.length} health checks meanwhile: ` +
    `p50 ${q(0.5)} ms, max ${q(1)} ms`,
);
await app.close();
await data.close();
