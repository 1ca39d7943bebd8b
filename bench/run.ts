/** @module `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones) one after another. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(pathToFileURL(path.resolve('bench', f)).href)) as {
    run?: () => Promise<void>;
  };
  if (mod.run) await mod.run();
}
