// Builds the server (src/ → dist/server) with esbuild; `npm install` and `npm start` both call it.
// `npm start` runs the bundle with plain Node: under tsx every one of ~400 modules went through the
// loader hooks, about 1.2 s of a cold start (docs/search.md, "Cold start"). npm packages are bundled
// too, but for those in EXTERNAL. Each worker thread's module is an entry of its own, with shared chunks.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { takeBuildLock } from './build-lock.mjs';

// The Dockerfile installs before it copies src/: nothing to build yet.
if (!existsSync('src/server.ts')) process.exit(0);
if (!existsSync('node_modules/esbuild')) {
  console.log('server: esbuild is not installed, dist/server not built');
  process.exit(0);
}

const OUT = 'dist/server';
/** The server and every module started as a thread (`startThread` in src/core/thread-entry.ts). */
const ENTRIES = [
  'src/server.ts',
  'src/search/search-worker.ts',
  'src/search/index-worker.ts',
  'src/directory/xlsx-worker.ts',
];

/** Every source file under src/ (tests excluded), the lock and this script, in a stable order. */
function inputs() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
    }
  };
  walk('src');
  return [...out, 'package-lock.json', 'scripts/build-server.mjs'].filter((f) => existsSync(f));
}

function inputsHash() {
  const h = createHash('sha256');
  for (const f of inputs()) h.update(`${f}\n`).update(readFileSync(f));
  return h.digest('hex');
}

const STAMP = path.join(OUT, '.build-stamp');
const stamp = inputsHash();
const force = process.argv.includes('--force');
const upToDate = () => existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp;
function skip() {
  console.log('server: dist/server is up to date');
  process.exit(0);
}
if (!force && upToDate()) skip();
// One build at a time (test workers starting servers side by side may all find it stale).
const LOCK = 'dist/.build-server.lock';
mkdirSync(OUT, { recursive: true });
await takeBuildLock(LOCK, 'build-server');
if (!force && upToDate()) skip();

/**
 * Each source file's `import.meta.url` becomes its own source URL, found relative to the bundle:
 * `new URL('./data/model.json', import.meta.url)` keeps naming src/search/data/model.json.
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = path.relative(path.resolve(OUT), args.path).split(path.sep).join('/');
      const expr = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', expr), loader: 'ts' };
    });
  },
};

/**
 * npm packages left for Node to load itself: native addons, those that read their own files at run
 * time (fonts, templates) or load only when a rare path needs them, and the two the search threads
 * share. Every other package is bundled: kysely and fastify with its plugins are hundreds of small
 * modules, and Node resolving and compiling each one cost about 0.3 s of every start.
 */
const EXTERNAL = new Set([
  'better-sqlite3',
  '@node-rs/argon2',
  '@node-rs/jieba',
  'exceljs',
  'pdfkit',
  'pg-native',
  // The search threads load these two as well; bundled, the server with two threads measured
  // 411–413 MB under `npm run bench http` against 390–396 MB with them left to Node.
  'zod',
  'opencc-js',
]);
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('node:') || EXTERNAL.has(packageName(args.path))
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};
/** Bundled CommonJS packages call `require` (for Node's own modules and the external packages). */
const REQUIRE_SHIM =
  "import { createRequire as __open12348Require } from 'node:module'; const require = __open12348Require(import.meta.url);";

const esbuild = await import('esbuild');
// The old files stay: a server still running from them may yet load one of its lazy chunks (their
// names are content hashes, so a rebuild of unchanged code writes the same files).
const started = Date.now();
await esbuild.build({
  // Every output lies in dist/server itself (no subfolders): the import.meta.url rewrite is relative to it.
  entryPoints: Object.fromEntries(ENTRIES.map((f) => [path.basename(f, '.ts'), f])),
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { __OPEN12348_BUNDLE__: 'true' },
  plugins: [sourceUrls, externalPackages],
  banner: { js: REQUIRE_SHIM },
  logLevel: 'warning',
});
writeFileSync(STAMP, stamp);
console.log(`server: built ${OUT} in ${Date.now() - started} ms`);
