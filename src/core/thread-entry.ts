/**
 * @module How a worker thread is started, from source or from the built server. `npm start` runs the
 * esbuild bundle in `dist/server/` (`scripts/build-server.mjs`), where each thread's module is an
 * entry of its own beside `server.js`; tests, CLIs and `npm run dev` run the TypeScript through tsx,
 * and there a thread registers tsx's hooks in its own thread before importing its module.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Set to true by the bundler (`define`); absent when the sources run under tsx or vitest. */
declare const __OPEN12348_BUNDLE__: boolean | undefined;

/** Whether this code runs from the built server bundle. */
export const bundled = typeof __OPEN12348_BUNDLE__ !== 'undefined' && __OPEN12348_BUNDLE__;

/**
 * The built server's folder. In the bundle every `import.meta.url` names its source file (the
 * bundler rewrites it), so the folder is found from this file's place in `src/`.
 */
const BUNDLE_DIR = new URL('../../dist/server/', import.meta.url);

/** The bundle entry of a thread module: `src/search/search-worker.ts` → `dist/server/search-worker.js`. */
export function builtEntry(source: URL): URL {
  const name = path.basename(fileURLToPath(source)).replace(/\.ts$/, '.js');
  return new URL(name, BUNDLE_DIR);
}

/**
 * A worker thread running the module `source` (a `.ts` file beside its caller): the bundle's entry
 * when built, else the source under tsx. Its thread entry must be listed in `scripts/build-server.mjs`.
 */
export function startThread(source: URL, options: WorkerOptions = {}): Worker {
  if (bundled) return new Worker(builtEntry(source), options);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
