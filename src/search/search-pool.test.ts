/**
 * @module The search threads: the pool answers exactly as the main thread ranks, over the one shared
 * index (no copy), replaces a thread that dies and sends its requests again, and stops at close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLawFixture } from '../test/laws-fixture.js';
import { createTestContext } from '../test/db.js';
import type { AppContext } from '../core/context.js';
import { buildCorpusIndex } from './corpus-index.js';
import { getSearchEngine, poolHits, toHits } from './engine.js';
import { readIndexFile, writeIndexFile } from './index-file.js';
import { recordExample } from './learning.js';
import { rankIndexOf } from './rank-index.js';
import { shareCorpus } from './shared-index.js';
import { loadSearchDocs } from './source.js';
import { toSimplified, words } from './tokenizer.js';

let ctx: AppContext;
let close: () => Promise<void>;
type Engine = Awaited<ReturnType<typeof getSearchEngine>>;
let engine: Engine;

beforeAll(async () => {
  ({ ctx, close } = await createTestContext({ SEARCH_WORKERS: '2' }));
  await importLawFixture(ctx, [
    '社会法/劳动合同法(2012-12-28).md',
    '民法商法/消费者权益保护法(2013-10-25).md',
    '民法商法/公司法(2018-10-26).md',
    '民法商法/公司法(2023-12-29).md',
  ]);
  engine = await getSearchEngine(ctx);
}, 120_000);
afterAll(async () => {
  await engine.close();
  await close();
});

const QUERIES: [string, { k?: number; includeSuperseded?: boolean }][] = [
  ['公司把我辞退了，工作了五年，能拿多少经济补偿？', {}],
  ['买到假货商家不退款怎么办', { k: 5 }],
  ['劳动合同法第47条 公司辞退我要给经济补偿吗', {}],
  ['股东不按期缴纳出资要承担什么责任', { k: 20, includeSuperseded: true }],
  ['試用期被辭退有補償嗎', { k: 10 }],
  ['公司法第三条', { k: 3, includeSuperseded: true }],
  ['加班费怎么算', { k: 50 }],
];

/** The pool's hits and the main thread's, for every query, straight from the ranker (no cache). */
async function bothWays(pool: NonNullable<Engine['pool']>) {
  const retriever = await engine.ready();
  return Promise.all(
    QUERIES.map(async ([q, opts]) => ({
      q,
      pooled: await poolHits(pool, retriever, q, opts),
      local: toHits(retriever, q, opts),
    })),
  );
}

describe('search threads over one shared index', () => {
  it('answers every query exactly as the main thread ranks it', async () => {
    const pool = engine.pool!;
    expect(pool.size).toBe(2);
    for (const { pooled, local } of await bothWays(pool)) {
      expect(pooled.length).toBeGreaterThan(0);
      expect(pooled).toEqual(local);
    }
    // through the engine too, the direct reference first
    const hits = await engine.search('劳动合同法第47条 公司辞退我要给经济补偿吗');
    expect(hits[0]).toMatchObject({ law: '劳动合同法', article: 47, direct: true });
    expect(hits.slice(1).every((h) => !h.direct)).toBe(true);
  });

  it('ranks in every thread over SharedArrayBuffers, the index file’s body not copied', async () => {
    const pool = engine.pool!;
    expect(await pool.probe(0)).toBe(true);
    expect(await pool.probe(1)).toBe(true);
    // the threads have ranked (the test before), on words segmented here: none loaded jieba
    for (const i of [0, 1]) expect((await pool.inspect(i)).segmenter).toBe(false);
    const dir = mkdtempSync(path.join(tmpdir(), 'search-pool-'));
    try {
      const file = path.join(dir, 'index.bin');
      writeIndexFile(file, 'v', buildCorpusIndex(await loadSearchDocs(ctx.db)));
      const read = await readIndexFile(file, 'v');
      if (!read.ok) throw new Error(read.reason);
      const shared = shareCorpus(rankIndexOf(read.ci));
      const docs = shared.shelf.entries['text.docs']!;
      expect(shared.shelf.buffers[docs.buf]).toBe(read.body);
      expect(docs.at).toBe(read.ci.text.docs.byteOffset);
      expect(shared.shelf.buffers.every((b) => b instanceof SharedArrayBuffer)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces a thread that dies and sends its request again, with the same answer', async () => {
    const pool = engine.pool!;
    const before = pool.threadIds();
    const retried = pool.retried;
    pool.crash(0); // thread 0 ends before it reads anything sent after this
    const results = await bothWays(pool);
    for (const { pooled, local } of results) expect(pooled).toEqual(local);
    const after = pool.threadIds();
    expect(after).toHaveLength(2);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(pool.retried).toBeGreaterThan(retried);
    expect(await pool.probe(0)).toBe(true);
  });

  it('lays new learned examples in the threads, and stops them at close', async () => {
    const pool = engine.pool!;
    const question = '小区的猫咪半夜叫个不停';
    const text = toSimplified(question);
    const top3 = async () =>
      (await poolHits(pool, await engine.ready(), question, { k: 3 })).map(
        (h) => `${h.law}${h.article}`,
      );
    expect(await top3()).not.toContain('劳动合同法82');
    await recordExample(ctx, {
      question,
      articles: [{ law: '劳动合同法', num: 82, sub: 0 }],
      issueId: null,
      source: 'staff_label',
      sourceRef: 'pool-test:1',
      createdBy: null,
    });
    const retriever = await engine.ready(); // lays the example: new learned fields for the threads
    expect(await top3()).toContain('劳动合同法82');
    expect(await pool.rank(text, words(text), 10, false)).toEqual(
      retriever.rank(question, 10).filter((r) => !r.direct),
    );
    await engine.close();
    expect(pool.threadIds()).toEqual([]);
    await expect(pool.rank(text, words(text), 10, false)).rejects.toThrow('检索线程已关闭');
  });
});
