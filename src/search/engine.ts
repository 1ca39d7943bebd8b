/**
 * @module The SearchEngine other areas use: one per process, built lazily from the database and
 * rebuilt when the corpus version changes (checked at most every few seconds, and at once on the
 * `laws:imported` event), so several processes on one database answer with the same results.
 */
import { createHash } from 'node:crypto';
import { startThread } from '../core/thread-entry.js';
import type { AppContext } from '../core/context.js';
import { corpusVersion } from '../laws/repository.js';
import { buildCorpusIndex, RefTable, type CorpusIndex, type SearchDoc } from './corpus-index.js';
import { withExamples } from './examples.js';
import { readIndexFile, saveQuietly, type IndexJob, type IndexSave } from './index-file.js';
import { activeExamples, EXAMPLES_CHANGED, examplesRevision } from './learning.js';
import { readModelFile } from './artefacts.js';
import type { LearnedModel } from './model.js';
import { classifyTopic, parseReferences } from './query.js';
import { loadReranker, type RerankModel } from './rerank.js';
import { ResultCache } from './result-cache.js';
import { Retriever, type RankedDoc } from './retriever.js';
import { SearchPool } from './search-pool.js';
import {
  adoptShared,
  openLearned,
  shareCorpus,
  shareLearned,
  type SharedLearned,
} from './shared-index.js';
import { learnedFileOf, learnedKey, readLearnedFile, saveLearnedQuietly } from './learned-file.js';
import { makeSnippet } from './snippet.js';
import { loadSearchDocs } from './source.js';
import { toSimplified, words } from './tokenizer.js';
import {
  SEARCH_INDEX_LOADING,
  type IndexedArticle,
  type IndexedCorpus,
  type SearchEngine,
  type SearchHit,
  type SearchOptions,
} from './types.js';
import { service, serviceKey } from '../core/services.js';

const MODEL_FILE = new URL('./data/model.json', import.meta.url);
/** How often a process asks the database whether another process imported laws. */
const VERSION_CHECK_MS = 2000;
/**
 * Recent results kept per process, as ranked doc ids (≈ 1 KB an entry). The hits are made again from
 * the index on a repeat (snippets: tens of µs); kept as hits, with their article texts, 1,400 answers
 * grew the main thread's live heap by 24 MB.
 */
const RESULT_CACHE_SIZE = 2000;

/**
 * The learned model artefact, checked against its schema.
 * @throws ArtefactError when it is missing or does not fit the code (never an untrained stand-in).
 */
export function loadModel(file: URL = MODEL_FILE): LearnedModel {
  return readModelFile(file);
}

/** How many hits a search returns for `opts.k` (1–200, 10 when not given). */
const hitCount = (opts: SearchOptions) => Math.max(1, Math.min(opts.k ?? 10, 200));

/** Ranks in this thread and turns the ranked documents into hits. */
export function toHits(retriever: Retriever, query: string, opts: SearchOptions = {}): SearchHit[] {
  const ranked = retriever.rank(query, hitCount(opts), opts.includeSuperseded ?? false);
  return rankedToHits(retriever, query, ranked);
}

/** Ranks in a search thread (direct references here). */
async function poolRanked(
  pool: SearchPool,
  retriever: Retriever,
  query: string,
  opts: SearchOptions,
): Promise<RankedDoc[]> {
  const text = toSimplified(query);
  const k = hitCount(opts);
  const all = opts.includeSuperseded ?? false;
  const ranked = await pool.rank(text, words(text), k, all);
  return retriever.merge(retriever.directDocs(text, all), ranked, k);
}

/** Ranks in a search thread and turns the documents into hits. */
export async function poolHits(
  pool: SearchPool,
  retriever: Retriever,
  query: string,
  opts: SearchOptions = {},
): Promise<SearchHit[]> {
  return rankedToHits(retriever, query, await poolRanked(pool, retriever, query, opts));
}

/** Hits of ranked documents: the article text and snippets come from the main thread's index. */
function rankedToHits(retriever: Retriever, query: string, ranked: RankedDoc[]): SearchHit[] {
  const ci = retriever.ci;
  const qWords = words(toSimplified(query));
  return ranked.map((r) => {
    const a = ci.articles[r.doc]!;
    const article = indexedArticle(a);
    return {
      ...article,
      articleId: a.id,
      lawName: a.lawName,
      score: Number.isFinite(r.score) ? Math.round(r.score * 10000) / 10000 : 1000,
      direct: r.direct,
      snippet: makeSnippet(article.text, qWords),
    };
  });
}

/** An indexed article's own fields, as hits and `indexed()` give them. */
function indexedArticle(a: SearchDoc): IndexedArticle {
  return {
    law: a.lawKey,
    lawTitle: a.lawTitle,
    article: a.num,
    articleSub: a.sub,
    articleLabel: a.label,
    version: a.version,
    status: a.status,
    text: a.text,
  };
}

/** The current versions' articles of `ci`, built from `corpusVersion`. */
function indexedCorpus(ci: CorpusIndex, corpusVersion: string): IndexedCorpus {
  return {
    corpusVersion,
    currentArticle(law, num, sub) {
      // docs lie in the tables' order (law version id, then seq): the first current one is the one
      const d = ci.refs.docsOf(ci.lawIndex.get(law), num, sub).find((x) => ci.current[x] === 1);
      return d === undefined ? null : indexedArticle(ci.articles[d]!);
    },
  };
}

const INDEX_WORKER = new URL('./index-worker.ts', import.meta.url);

/**
 * Builds the corpus index in a worker thread: the build tokenises every article, seconds of CPU that would
 * otherwise hold up every other request (a health check waited 7.7 s). Builds here if no worker can start.
 */
function buildOffThread(docs: SearchDoc[], save: IndexSave | null): Promise<CorpusIndex> {
  return new Promise<CorpusIndex>((resolve, reject) => {
    const workerData: IndexJob = { docs, save };
    const worker = startThread(INDEX_WORKER, { workerData });
    worker.once('message', (built: Omit<CorpusIndex, 'articles'>) => {
      resolve({
        ...built,
        refs: new RefTable(built.refs.keys, built.refs.docs),
        articles: docs,
      });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`索引构建线程退出（${code}）`)));
  }).catch((err: unknown) => {
    console.warn(`索引构建线程失败，改在主线程构建：${String(err)}`);
    const ci = buildCorpusIndex(docs);
    if (save) saveQuietly(save, ci);
    return ci;
  });
}

class DatabaseSearchEngine implements SearchEngine {
  private retriever: Retriever | null = null;
  private version: string | null = null;
  private examplesRevision: string | null = null;
  /** Whether the current index was loaded from SEARCH_INDEX_FILE or built in this process. */
  indexSource: 'file' | 'built' | null = null;
  /** The same for the learned fields (the file beside it, `learned-file.ts`). */
  learnedSource: 'file' | 'built' | null = null;
  private checkedAt = 0;
  private building: Promise<void> | null = null;
  /** Bumped by every rebuild, so a result ranked on the index before is not cached after it. */
  private generation = 0;
  private searchPool: SearchPool | null = null;
  readonly cache = new ResultCache<RankedDoc>(RESULT_CACHE_SIZE);

  constructor(
    private readonly ctx: AppContext,
    private readonly model: LearnedModel,
    private readonly reranker: RerankModel | null,
  ) {
    const refresh = () => {
      this.checkedAt = 0;
    };
    ctx.bus.on('laws:imported', refresh);
    ctx.bus.on(EXAMPLES_CHANGED, refresh);
  }

  /**
   * Builds (or rebuilds) the index when the corpus version differs from the one indexed, and lays
   * the learned examples over the model again when they changed (in any process).
   */
  async ready(): Promise<Retriever> {
    const now = Date.now();
    if (!this.retriever || now - this.checkedAt >= VERSION_CHECK_MS) {
      this.checkedAt = now;
      const v = await corpusVersion(this.ctx.db);
      const ev = await examplesRevision(this.ctx);
      if (v !== this.version || ev !== this.examplesRevision || !this.retriever) {
        this.building ??= this.rebuild(v, ev).finally(() => (this.building = null));
        await this.building;
      }
    }
    return this.retriever!;
  }

  private async rebuild(version: string, examples: string): Promise<void> {
    const trained = this.model.trainedOn?.corpusVersion;
    if (trained && trained !== version && version !== this.version)
      console.error(
        `检索模型训练时的法规库版本为 ${trained}，当前为 ${version}：条文有增删时请运行 npm run search:train`,
      );
    // Examples alone changed: the corpus index stands, only the learned fields are laid again.
    const sameCorpus = !!this.retriever && version === this.version;
    const ci = sameCorpus ? this.retriever!.ci : await this.corpusIndex(version);
    const file = this.learnedFile();
    const key = learnedKey(version, this.modelDigest(), examples);
    const saved = file ? await readLearnedFile(file, key) : null;
    const learned = saved
      ? openLearned(saved)
      : withExamples(this.model, await activeExamples(this.ctx));
    const retriever = new Retriever(ci, learned, this.reranker);
    const shared = this.sharePool(retriever, sameCorpus, saved);
    if (file && !saved)
      saveLearnedQuietly(file, key, shared ?? shareLearned(retriever.ri, retriever.li));
    this.learnedSource = saved ? 'file' : 'built';
    this.retriever = retriever;
    this.version = version;
    this.examplesRevision = examples;
    this.generation++;
    this.cache.clear();
  }

  /**
   * Hands the index to the search threads (SEARCH_WORKERS > 0): the learned fields alone when only
   * the examples changed, else a new pool over the new corpus (the old one closes once idle).
   */
  private sharePool(
    r: Retriever,
    sameCorpus: boolean,
    saved: SharedLearned | null,
  ): SharedLearned | null {
    const size = this.ctx.config.SEARCH_WORKERS;
    if (size <= 0) return null;
    // read from the learned file, the fields already lie in shared memory
    const learned = saved ?? shareLearned(r.ri, r.li);
    if (sameCorpus && this.searchPool && !this.searchPool.broken) {
      adoptShared(r.ri, r.li, null, learned);
      this.searchPool.setLearned(learned);
      return learned;
    }
    this.searchPool?.retire();
    const corpus = shareCorpus(r.ri);
    adoptShared(r.ri, r.li, corpus, learned);
    this.searchPool = new SearchPool(size, {
      corpus,
      learned,
      reranker: r.reranker,
      maxRerankDepth: r.maxRerankDepth,
      confidentShare: r.confidentShare,
    });
    return learned;
  }

  /** The learned fields' file beside the index file (none when SEARCH_INDEX_FILE is off). */
  private learnedFile(): string | null {
    const file = this.ctx.config.SEARCH_INDEX_FILE;
    return file ? learnedFileOf(file) : null;
  }

  private digest: string | null = null;

  /** A digest of the learned model (≈ 0.35 MB of JSON), once per process. */
  private modelDigest(): string {
    return (this.digest ??= createHash('sha256').update(JSON.stringify(this.model)).digest('hex'));
  }

  /** The search threads (null when SEARCH_WORKERS is 0 or before the first build). */
  get pool(): SearchPool | null {
    return this.searchPool;
  }

  /** Stops the search threads (at shutdown). */
  async close(): Promise<void> {
    await this.searchPool?.close();
    this.searchPool = null;
  }

  /** The index of this corpus version: from the persisted file when it is current, else built (and saved). */
  private async corpusIndex(version: string): Promise<CorpusIndex> {
    const file = this.ctx.config.SEARCH_INDEX_FILE;
    if (file) {
      const saved = await readIndexFile(file, version, () =>
        this.ctx.bus.emit(SEARCH_INDEX_LOADING),
      );
      if (saved.ok) {
        this.indexSource = 'file';
        return saved.ci;
      }
    }
    this.indexSource = 'built';
    const docs = await loadSearchDocs(this.ctx.db);
    const built = buildOffThread(docs, file ? { file, corpusVersion: version } : null);
    this.ctx.bus.emit(SEARCH_INDEX_LOADING);
    return built;
  }

  get index(): CorpusIndex | null {
    return this.retriever?.ci ?? null;
  }

  indexed(): IndexedCorpus | null {
    const ci = this.retriever?.ci;
    return ci && this.version !== null ? indexedCorpus(ci, this.version) : null;
  }

  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    if (!query.trim()) return [];
    const retriever = await this.ready();
    const key = `${opts.k ?? 10}|${opts.includeSuperseded ? 1 : 0}|${query}`;
    const cached = this.cache.get(key);
    if (cached) return rankedToHits(retriever, query, cached);
    const generation = this.generation;
    const pool = this.searchPool;
    // Until a thread has started (a second or two after a build) the main thread ranks.
    const ranked = pool?.ready
      ? await poolRanked(pool, retriever, query, opts)
      : retriever.rank(query, hitCount(opts), opts.includeSuperseded ?? false);
    if (generation === this.generation) this.cache.set(key, ranked);
    return rankedToHits(retriever, query, ranked);
  }

  classify(question: string) {
    return classifyTopic(toSimplified(question));
  }

  references(text: string) {
    const r = this.retriever;
    if (!r) return [];
    return parseReferences(toSimplified(text), r.resolver);
  }
}

/** The context's engine: built on first use, with the learned model (and reranker when configured). */
const engineKey = serviceKey(
  'search.engine',
  (ctx) =>
    new DatabaseSearchEngine(
      ctx,
      loadModel(),
      ctx.config.SEARCH_SECOND_STAGE ? loadReranker() : null,
    ),
);

/**
 * The process' engine for this context, with its index built (the first call waits for the build).
 * `references()` needs the law list, so it answers after the first search or this call.
 */
export async function getSearchEngine(ctx: AppContext): Promise<
  SearchEngine & {
    ready(): Promise<Retriever>;
    cache: ResultCache<RankedDoc>;
    indexSource: 'file' | 'built' | null;
    learnedSource: 'file' | 'built' | null;
    pool: SearchPool | null;
    close(): Promise<void>;
  }
> {
  const e = service(ctx, engineKey);
  await e.ready();
  return e;
}

/** Stops the context's search threads, if its engine was built (the search module's stopper). */
export async function closeSearchEngine(ctx: AppContext): Promise<void> {
  if (ctx.services.has(engineKey.name)) await service(ctx, engineKey).close();
}
