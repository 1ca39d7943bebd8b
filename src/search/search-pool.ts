/**
 * @module Search threads over one shared index: each thread opens the same SharedArrayBuffers
 * (`shared-index.ts`), so memory does not grow with the number of threads. A request `{text, k}`
 * goes to the least busy thread (round robin among equals) and comes back as document ids and
 * scores. A thread that dies is replaced and its requests are retried once; three deaths in a row
 * before a thread is ready mark the pool broken (the engine then ranks on the main thread).
 */
import type { Worker } from 'node:worker_threads';
import { startThread } from '../core/thread-entry.js';
import type { RankedDoc } from './retriever.js';
import type { RerankModel } from './rerank.js';
import type { SharedCorpus, SharedLearned } from './shared-index.js';

/** What every search thread starts with. */
export interface SearchThreadData {
  corpus: SharedCorpus;
  learned: SharedLearned;
  reranker: RerankModel | null;
  maxRerankDepth: number;
  confidentShare: number;
}

interface SearchRequest {
  type: 'search';
  id: number;
  text: string;
  /**
   * `words(text)`, segmented on the main thread: a thread then never loads jieba (loading it and
   * its dictionary takes a bare node from 39 to 91 MB RSS).
   */
  words: string[];
  k: number;
  includeSuperseded: boolean;
}
export type PoolRequest =
  | SearchRequest
  | { type: 'learned'; learned: SharedLearned }
  | { type: 'probe'; id: number }
  /** Ends the thread as a crash would (the pool's tests use it). */
  | { type: 'exit'; code: number };
export type PoolReply =
  | { type: 'ready' }
  | { type: 'ranked'; id: number; docs: Int32Array; scores: Float64Array }
  | { type: 'failed'; id: number; message: string }
  | {
      type: 'probe';
      id: number;
      shared: boolean;
      /** Whether the thread has loaded jieba (it is sent the words, so it should not have). */
      segmenter: boolean;
      /** The thread's own V8 heap (used, total) and external memory (SharedArrayBuffers count here). */
      heapMiB: { used: number; total: number; external: number };
    };

const THREAD = new URL('./search-worker.ts', import.meta.url);
/**
 * A thread's young generation, in MB (V8's default is several times more). A search allocates
 * little that outlives it (the index lies in shared memory, the scratch arrays are reused), so a
 * small nursery costs no throughput — 476 vs 484 and 267 vs 272 answers/s in the closer of two A/B
 * rounds — and keeps the server ≈ 25 MB smaller under load with two threads (`npm run bench http`).
 */
const THREAD_YOUNG_GENERATION_MB = 4;
/** Deaths in a row before any thread got ready, after which the pool gives up. */
const MAX_BOOT_FAILURES = 3;

interface Pending {
  request: SearchRequest | { type: 'probe'; id: number };
  tries: number;
  resolve(reply: PoolReply): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inflight: Map<number, Pending>;
}

export class SearchPool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private seq = 0;
  private bootFailures = 0;
  private closed = false;
  /** Requests sent again after their thread died (for tests and logs). */
  retried = 0;
  /** True once threads kept dying before getting ready. */
  broken = false;

  constructor(
    readonly size: number,
    private data: SearchThreadData,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i));
  }

  private spawn(i: number): Slot {
    const worker = startThread(THREAD, {
      workerData: this.data,
      resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, ready: false, inflight: new Map() };
    worker.unref(); // an idle pool keeps no process alive; a thread with work is ref'd (send)
    worker.on('message', (m: PoolReply) => this.onReply(slot, m));
    worker.on('error', (err) => console.warn(`检索线程出错：${String(err)}`));
    worker.once('exit', (code) => this.onExit(i, slot, code));
    return slot;
  }

  private onReply(slot: Slot, m: PoolReply): void {
    if (m.type === 'ready') {
      slot.ready = true;
      this.bootFailures = 0;
      return;
    }
    const p = slot.inflight.get(m.id);
    if (!p) return;
    slot.inflight.delete(m.id);
    if (slot.inflight.size === 0) slot.worker.unref();
    if (m.type === 'failed') p.reject(new Error(m.message));
    else p.resolve(m);
  }

  /** A thread ended: replace it and send its requests again (each once). */
  private onExit(i: number, slot: Slot, code: number): void {
    if (this.closed || this.slots[i] !== slot) return;
    if (!slot.ready && ++this.bootFailures >= MAX_BOOT_FAILURES) {
      this.broken = true;
      console.warn(`检索线程启动连续失败 ${this.bootFailures} 次，改在主线程检索`);
      this.fail(new Error('检索线程不可用'), [...slot.inflight.values()]);
      void this.close();
      return;
    }
    console.warn(`检索线程退出（${code}），已重启`);
    this.slots[i] = this.spawn(i);
    for (const p of slot.inflight.values()) {
      if (p.tries >= 2) p.reject(new Error(`检索线程两次退出（${code}）`));
      else {
        this.retried++;
        this.send(p);
      }
    }
  }

  private fail(err: Error, pending: Pending[]): void {
    for (const p of pending) p.reject(err);
  }

  /** The least busy thread, round robin among the equally busy. */
  private pick(): Slot {
    let best: Slot | null = null;
    for (let j = 0; j < this.slots.length; j++) {
      const s = this.slots[(this.next + j) % this.slots.length]!;
      if (!best || s.inflight.size < best.inflight.size) best = s;
    }
    this.next = (this.next + 1) % this.slots.length;
    return best!;
  }

  private send(p: Pending, slot = this.pick()): void {
    p.tries++;
    if (slot.inflight.size === 0) slot.worker.ref();
    slot.inflight.set(p.request.id, p);
    slot.worker.postMessage(p.request satisfies PoolRequest);
  }

  private request(make: (id: number) => Pending['request'], slot?: Slot): Promise<PoolReply> {
    if (this.closed) return Promise.reject(new Error('检索线程已关闭'));
    return new Promise<PoolReply>((resolve, reject) =>
      this.send({ request: make(++this.seq), tries: 0, resolve, reject }, slot),
    );
  }

  /** Whether some thread has started (until then the engine ranks on the main thread). */
  get ready(): boolean {
    return !this.closed && !this.broken && this.slots.some((s) => s.ready);
  }

  /** Resolves once every thread has started (benches, tests). */
  async started(): Promise<void> {
    await Promise.all(this.slots.map((_, i) => this.probe(i)));
  }

  /** The best `k` documents for `text` (simplified), without direct references (`Ranker.rankDocs`). */
  async rank(
    text: string,
    words: string[],
    k: number,
    includeSuperseded: boolean,
  ): Promise<RankedDoc[]> {
    const m = await this.request((id) => ({
      type: 'search',
      id,
      text,
      words,
      k,
      includeSuperseded,
    }));
    if (m.type !== 'ranked') throw new Error('检索线程答复有误');
    return Array.from(m.docs, (doc, i) => ({ doc, score: m.scores[i]!, direct: false }));
  }

  /** New learned fields (the examples changed); requests sent after this use them. */
  setLearned(learned: SharedLearned): void {
    this.data = { ...this.data, learned };
    for (const s of this.slots)
      s.worker.postMessage({ type: 'learned', learned } satisfies PoolRequest);
  }

  /** Whether thread `i` ranks over shared memory only. */
  async probe(i: number): Promise<boolean> {
    return (await this.inspect(i)).shared;
  }

  /** Thread `i`'s answer to a probe: shared memory only, and its own heap. */
  async inspect(i: number): Promise<Extract<PoolReply, { type: 'probe' }>> {
    const m = await this.request((id) => ({ type: 'probe', id }), this.slots[i]);
    if (m.type !== 'probe') throw new Error('检索线程答复有误');
    return m;
  }

  /** Ends thread `i` as a crash would, before it reads any later request (for tests). */
  crash(i: number): void {
    this.slots[i]?.worker.postMessage({ type: 'exit', code: 1 } satisfies PoolRequest);
  }

  /** The threads' ids, slot by slot (a replaced thread has a new one). */
  threadIds(): number[] {
    return this.closed ? [] : this.slots.map((s) => s.worker.threadId);
  }

  /** Stops every thread; requests still waiting are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const slots = this.slots.splice(0);
    this.fail(
      new Error('检索线程已关闭'),
      slots.flatMap((s) => [...s.inflight.values()]),
    );
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Closes once the requests in flight are answered (a rebuilt index replaces this pool). */
  retire(): void {
    const idle = () => this.slots.every((s) => s.inflight.size === 0);
    const wait = () => (idle() || this.closed ? void this.close() : setTimeout(wait, 50).unref());
    wait();
  }
}
