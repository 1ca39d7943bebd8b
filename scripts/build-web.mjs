// Builds the web front end (web/ → dist/web) when vite is installed; `npm install` and `npm start` both call it.
// After Vite, the first page's CSS and JavaScript are inlined into index.html (one request on a slow
// network instead of two levels), then the .br/.gz copies are written. See docs/web.md, "Performance".
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { takeBuildLock } from './build-lock.mjs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

if (!existsSync('node_modules/vite') || !existsSync('web/index.html')) process.exit(0);
if (process.env.SKIP_WEB_BUILD === '1') process.exit(0);

const OUT = 'dist/web';
// `npm start` builds only when an input changed since the last build (a hash of every file under web/,
// the 繁体 corrections the web imports from src/core, the build config and the lock); `--force` always builds.
const STAMP = path.join(OUT, '.build-stamp');
const stamp = inputsHash();
const upToDate = () =>
  existsSync(path.join(OUT, 'index.html')) &&
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === stamp;
const force = process.argv.includes('--force');
if (!force && upToDate()) skip();
// One build at a time (parallel test workers may all find it stale): the others wait, then find it fresh.
const LOCK = 'dist/.build-web.lock';
mkdirSync('dist', { recursive: true });
await takeBuildLock(LOCK, 'build-web');
if (!force && upToDate()) skip();

function skip() {
  console.log('web: dist/web is up to date (npm run build rebuilds it)');
  process.exit(0);
}

const vite = await import('vite');
try {
  await vite.build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    // Everything the first page imports statically goes into one chunk (the entry), so the page needs
    // one script and nothing it imports; lazy pages keep their own chunks.
    build: {
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
      },
    },
  });
} catch (e) {
  console.error(e);
  process.exit(1);
}
inlineFirstPage(OUT);
compressAssets(OUT);
writeFileSync(STAMP, stamp);

/** SHA-256 over the paths and contents of the build's inputs, in a stable order. */
function inputsHash() {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.test.ts')) files.push(p);
    }
  };
  walk('web');
  files.push(
    'src/core/tw-fix.ts',
    'src/core/tw-overrides.json',
    'vite.config.ts',
    'package-lock.json',
    'scripts/build-web.mjs',
  );
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(`${f}\0`).update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

/**
 * Rewrites index.html so the first page needs no request after the HTML:
 * - each entry stylesheet `<link>` becomes a `<style>` with the file's content;
 * - the entry chunk is delivered inside an import map, as a `data:` module mapped to its own URL
 *   `/assets/index-….js`. Lazy chunks import the entry (`./index-….js`, for Vue, the router, the
 *   session…): through the map they get the same, already running module instead of a second copy.
 *   Inside the inlined copy the chunk's relative imports become `@assets/…` (mapped to `/assets/`),
 *   since a `data:` URL is no base for relative ones, and `import.meta` becomes `{ url: <the file's
 *   URL> }` (Vite's preload helper resolves dependencies against it).
 * A browser without import maps ignores the map and loads `/assets/index-….js` from the server (the
 * file stays as Vite wrote it), as before.
 */
function inlineFirstPage(dir) {
  const file = path.join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  const fail = (msg) => {
    throw new Error(`build-web: cannot inline the first page: ${msg}`);
  };
  if (/<link[^>]+rel="modulepreload"/.test(html))
    fail('index.html preloads further chunks (the entry is not one chunk)');
  const scripts = [
    ...html.matchAll(/[ \t]*<script type="module" crossorigin src="([^"]+)"><\/script>\n?/g),
  ];
  if (scripts.length !== 1) fail(`expected one entry script, found ${scripts.length}`);
  const [scriptTag, src] = scripts[0];
  if (!/^\/assets\/[\w.-]+\.js$/.test(src)) fail(`unexpected entry script ${src}`);

  html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_tag, href) => {
    if (!/^\/assets\/[\w.-]+\.css$/.test(href)) fail(`unexpected stylesheet ${href}`);
    const css = readFileSync(path.join(dir, href), 'utf8').trim();
    if (/<\/style/i.test(css)) fail(`${href} contains </style`);
    // Relative url(...) would resolve against the page instead of /assets/.
    if (/url\(\s*['"]?(?![a-z]+:|\/|#)/i.test(css)) fail(`${href} has a relative url()`);
    return `<style>${css}</style>`;
  });

  const code = readFileSync(path.join(dir, src), 'utf8');
  const module = inlineableModule(code, src, fail);
  // The data: URL carries the code; only characters a URL parser would drop or read as syntax are
  // escaped (% # ? and controls). Everything else, Chinese text included, stays as it is.
  const dataUrl = `data:text/javascript,${module.replace(/[\p{Cc}%#?]/gu, (c) => encodeURIComponent(c))}`;
  const importMap = JSON.stringify({ imports: { [src]: dataUrl, '@assets/': '/assets/' } })
    // No "</script" or "<!--" inside the script element; \u003c is the same character in JSON.
    .replace(/</g, '\\u003c');
  html = html.replace(scriptTag, '');
  if (!html.includes('</body>')) fail('no </body> in index.html');
  // A function as replacement: the code contains $` and $', which a replacement string would expand.
  html = html.replace(
    '</body>',
    () =>
      `<script type="importmap">${importMap}</script>\n` +
      `    <script type="module">import ${JSON.stringify(src)};</script>\n  </body>`,
  );
  writeFileSync(file, html);
}

/** The entry chunk's code, made runnable from a data: URL (see inlineFirstPage). */
function inlineableModule(code, src, fail) {
  if (!code.isWellFormed()) fail(`${src} has lone surrogates`);
  const edits = []; // [start, end, replacement]
  const specifier = (node) => {
    const text = code.slice(node.start, node.end);
    const m = /^(["'`])\.\/([\w.-]+\.js)\1$/.exec(text);
    if (!m) fail(`${src}: import of ${text} (only literal "./chunk.js" imports can be inlined)`);
    if (node.type === 'TemplateLiteral' && node.expressions.length > 0) fail(`${src}: ${text}`);
    edits.push([node.start, node.end, JSON.stringify(`@assets/${m[2]}`)]);
  };
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node.type !== 'string') return;
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        fail(`${src} imports another chunk statically`);
        break;
      case 'ExportNamedDeclaration':
        if (node.source) fail(`${src} re-exports another chunk`);
        break;
      case 'ImportExpression':
        specifier(node.source);
        break;
      case 'MetaProperty':
        if (code.slice(node.start, node.end) !== 'import.meta') fail(`${src}: unexpected meta`);
        edits.push([
          node.start,
          node.end,
          `({url:new URL(${JSON.stringify(src)},document.baseURI).href})`,
        ]);
        return;
    }
    for (const [key, value] of Object.entries(node))
      if (key !== 'type' && value && typeof value === 'object') walk(value);
  };
  walk(vite.parseAst(code));
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + text + out.slice(end);
  return out;
}

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
