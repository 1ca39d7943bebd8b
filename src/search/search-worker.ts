/**
 * @module A search thread (the pool in `search-pool.ts` starts it): it opens the ranking columns and
 * the learned fields over the shared memory it is given — no copy, no Map, no article text — and
 * answers `{text, k}` with document ids and scores; the main thread turns them into hits.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { Ranker } from './retriever.js';
import { openCorpus, openLearned } from './shared-index.js';
import { SharedTerms } from './shared-memory.js';
import { segmenterLoaded } from './tokenizer.js';
import type { PoolReply, PoolRequest, SearchThreadData } from './search-pool.js';

const data = workerData as SearchThreadData;
const ri = openCorpus(data.corpus);
let li = openLearned(data.learned);
const make = () => new Ranker(ri, li, data.reranker, data.maxRerankDepth, data.confidentShare);
let ranker = make();
const port = parentPort!;

/**
 * Whether every array this thread ranks over views a SharedArrayBuffer and every field's terms are
 * the shared table (the pool's tests ask).
 */
function allShared(): boolean {
  const fields = [ri.text, ri.bigram, ri.heading, ri.title];
  fields.push(li.expansion, li.lawClass, li.questions, li.questionBigrams);
  const p = li.profiles!;
  const arrays: ArrayBufferView[] = [ri.docLaw, ri.current, ri.num, ri.sub, ri.lawVersion];
  arrays.push(ri.edition, li.classLawOf, li.lawPrior, li.articlePrior, p.of, p.off, p.keys, p.idfs);
  for (const f of fields)
    arrays.push(
      f.docs,
      f.tfs,
      f.lens,
      f.offsets,
      ...(f.terms instanceof SharedTerms ? f.terms.arrays() : []),
    );
  return (
    fields.every((f) => f.terms instanceof SharedTerms) &&
    arrays.every((a) => a.buffer instanceof SharedArrayBuffer)
  );
}

port.on('message', (m: PoolRequest) => {
  if (m.type === 'learned') {
    li = openLearned(m.learned);
    ranker = make();
  } else if (m.type === 'exit') {
    process.exit(m.code);
  } else if (m.type === 'probe') {
    const heap = getHeapStatistics();
    const mib = (n: number) => Math.round(n / 2 ** 20);
    port.postMessage({
      type: 'probe',
      id: m.id,
      shared: allShared(),
      segmenter: segmenterLoaded(),
      heapMiB: {
        used: mib(heap.used_heap_size),
        total: mib(heap.total_heap_size),
        external: mib(heap.external_memory),
      },
    } satisfies PoolReply);
  } else {
    try {
      const ranked = ranker.rankDocs(m.text, m.k, m.includeSuperseded, m.words);
      const docs = Int32Array.from(ranked, (r) => r.doc);
      const scores = Float64Array.from(ranked, (r) => r.score);
      port.postMessage({ type: 'ranked', id: m.id, docs, scores } satisfies PoolReply, [
        docs.buffer,
        scores.buffer,
      ]);
    } catch (e) {
      port.postMessage({ type: 'failed', id: m.id, message: String(e) } satisfies PoolReply);
    }
  }
});
port.postMessage({ type: 'ready' } satisfies PoolReply);
