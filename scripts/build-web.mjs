// Builds the web front end (web/ → dist/web) when vite is installed; `npm install` and `npm start` both call it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';

if (!existsSync('node_modules/vite') || !existsSync('web/index.html')) process.exit(0);
if (process.env.SKIP_WEB_BUILD === '1') process.exit(0);
const r = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
  { stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);
compressAssets('dist/web');

// Pre-compressed copies (.br, .gz) that @fastify/static serves (preCompressed): a slow phone network
// downloads about a third of the bytes, and the server spends no CPU compressing per request.
function compressAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) compressAssets(file);
    else if (/\.(js|css|html|svg|json)$/.test(entry.name)) {
      const data = readFileSync(file);
      if (data.length < 1024) continue;
      writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
  }
}
