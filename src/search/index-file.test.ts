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

const work = mkdtempSync(path.join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const LAWS = ['社会法/劳动合同法(2012-12-28).md', '行政法/法律援助法(2021-08-20).md'];

async function searchOnce(file: string) {
  const t = await createTestApp({ SEARCH_INDEX_FILE: file });
  try {
    await importLawFixture(t.ctx, LAWS);
    const engine = await getSearchEngine(t.ctx);
    const hits = await engine.search('公司不签劳动合同要付两倍工资吗', { k: 5 });
    return {
      source: engine.indexSource,
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
    expect(readIndexFile(file, first.version).ok).toBe(true);
    expect(readIndexFile(file, 'another-corpus')).toEqual({ ok: false, reason: 'stale' });
    writeFileSync(file, '{"format":1}\nnot an index');
    expect(readIndexFile(file, first.version)).toEqual({ ok: false, reason: 'stale' });
    writeFileSync(file, 'garbage without a header');
    expect(readIndexFile(file, first.version)).toEqual({ ok: false, reason: 'unreadable' });
    const again = await searchOnce(file);
    expect(again.source).toBe('built');
    expect(again.hits).toEqual(first.hits);
    expect(readIndexFile(file, first.version).ok).toBe(true);
  });
});
