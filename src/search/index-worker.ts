/**
 * @module Builds the corpus index in a worker thread (engine.ts starts it), so the main thread keeps
 * answering — health checks, other requests — while the heavy tokenising runs; it also writes the
 * persisted index file here, off the main thread. The documents stay on the main thread; the index's
 * typed arrays come back transferred, not copied (a class instance arrives as a plain object: engine.ts
 * makes the RefTable again over the same arrays).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index.js';
import { saveQuietly, type IndexJob } from './index-file.js';

const job = workerData as IndexJob;
const ci = buildCorpusIndex(job.docs);
if (job.save) saveQuietly(job.save, ci);
const { articles: _articles, ...built } = ci;
const fields = [built.text, built.bigram, built.heading, built.title];
const buffers = [
  built.docLaw.buffer,
  built.current.buffer,
  built.refs.keys.buffer,
  built.refs.docs.buffer,
  ...fields.flatMap((f) => [f.lens.buffer, f.offsets.buffer, f.docs.buffer, f.tfs.buffer]),
] as ArrayBuffer[];
const message: Omit<CorpusIndex, 'articles'> = built;
parentPort!.postMessage(message, buffers);
