/** @module The persisted search index: written once built, loaded at the next start, ignored when stale. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusVersion } from '../laws/repository.js';
import { createTestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { getSearchEngine } from './engine.js';
import { readIndexFile } from './index-file.js';
import { learnedFileOf } from './learned-file.js';
import { recordExample } from './learning.js';

const work = mkdtempSync(path.join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const LAWS = ['社会法/劳动合同法(2012-12-28).md', '行政法/法律援助法(2021-08-20).md'];

const TAUGHT = '小区的猫咪半夜叫个不停';
const WAGES = '公司不签劳动合同要付两倍工资吗';

/** A start on a fresh database with the corpus (and, `taught`, one learned example), one search. */
async function searchOnce(file: string, taught = false, question = taught ? TAUGHT : WAGES) {
  const t = await createTestApp({ SEARCH_INDEX_FILE: file });
  try {
    await importLawFixture(t.ctx, LAWS);
    if (taught) {
      // the examples' revision is their count and latest change: the same example, the same time
      t.clock.set('2026-12-01T08:00:00Z');
      await recordExample(t.ctx, {
        question: TAUGHT,
        articles: [{ law: '劳动合同法', num: 82, sub: 0 }],
        issueId: null,
        source: 'staff_label',
        sourceRef: 'index-file-test:1',
        createdBy: null,
      });
    }
    const engine = await getSearchEngine(t.ctx);
    const hits = await engine.search(question, { k: 5 });
    return {
      source: engine.indexSource,
      learned: engine.learnedSource,
      hits: hits.map((h) => `${h.law}${h.articleLabel}`),
      version: await corpusVersion(t.ctx.db),
    };
  } finally {
    await t.close();
  }
}

describe('the persisted search index', () => {
  it('is written when built and loaded by the next start, with the same results', async () => {
    const file = path.join(work, 'a', 'search-index.bin');
    const first = await searchOnce(file);
    expect(first.source).toBe('built');
    expect(existsSync(file)).toBe(true);
    const second = await searchOnce(file);
    expect(second.source).toBe('file');
    expect(second.hits).toEqual(first.hits);
    expect(second.hits.length).toBeGreaterThan(0);
  });

  it('is ignored when it is of another corpus version, or cannot be read', async () => {
    const file = path.join(work, 'b', 'search-index.bin');
    const first = await searchOnce(file);
    expect((await readIndexFile(file, first.version)).ok).toBe(true);
    expect(await readIndexFile(file, 'another-corpus')).toEqual({ ok: false, reason: 'stale' });
    writeFileSync(file, '{"format":1}\nnot an index');
    expect(await readIndexFile(file, first.version)).toEqual({ ok: false, reason: 'stale' });
    writeFileSync(file, 'garbage without a header');
    expect(await readIndexFile(file, first.version)).toEqual({ ok: false, reason: 'unreadable' });
    const again = await searchOnce(file);
    expect(again.source).toBe('built');
    expect(again.hits).toEqual(first.hits);
    expect((await readIndexFile(file, first.version)).ok).toBe(true);
  });

  it('keeps the learned fields beside it: read by the next start, laid again when the examples change', async () => {
    const file = path.join(work, 'c', 'search-index.bin');
    const first = await searchOnce(file);
    expect(first.learned).toBe('built');
    expect(existsSync(learnedFileOf(file))).toBe(true);
    const second = await searchOnce(file);
    expect([second.source, second.learned]).toEqual(['file', 'file']);
    expect(second.hits).toEqual(first.hits);

    // an example is another set of learned fields: built, written, then read with the example in it
    expect((await searchOnce(file, false, TAUGHT)).hits).not.toContain('劳动合同法第八十二条');
    const taught = await searchOnce(file, true);
    expect([taught.source, taught.learned]).toEqual(['file', 'built']);
    expect(taught.hits).toContain('劳动合同法第八十二条');
    const again = await searchOnce(file, true);
    expect(again.learned).toBe('file');
    expect(again.hits).toEqual(taught.hits);

    writeFileSync(learnedFileOf(file), 'garbage without a header');
    const damaged = await searchOnce(file);
    expect(damaged.learned).toBe('built');
    expect(damaged.hits).toEqual(first.hits);
  });
});
