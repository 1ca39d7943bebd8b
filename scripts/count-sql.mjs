// Counts Kysely query-builder calls (selectFrom, insertInto, updateTable,
// deleteFrom, raw sql``) per non-test file under src/, so "SQL only in
// repositories" can be measured. Usage: node scripts/count-sql.mjs [--files]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PATTERN = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql(<[^`]*>)?`/g;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const isTest = (p) => /\.test\.ts$|\/test\/|testkit|test-api|test-fixtures/.test(p);
const isRepository = (p) => /repository\.ts$/.test(p);
const isRoute = (p) => /routes\.ts$/.test(p);
const isCrossArea = (p) => /^src\/stats\/(providers\/|service\.ts)|^src\/qa\/corpus\.ts$/.test(p);

const counts = walk('src')
  .filter((p) => p.endsWith('.ts') && !isTest(p))
  .map((p) => [p, (readFileSync(p, 'utf8').match(PATTERN) ?? []).length])
  .filter(([, n]) => n > 0);

const sum = (pred) => counts.filter(([p]) => pred(p)).reduce((s, [, n]) => s + n, 0);
if (process.argv.includes('--files')) {
  for (const [p, n] of counts.sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), p);
}
console.log(
  `total ${sum(() => true)}, repositories ${sum(isRepository)}, routes ${sum(isRoute)}, stats/qa cross-area ${sum(isCrossArea)}`,
);
