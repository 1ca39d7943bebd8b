/** @module The flat index file: a round trip gives the same index, and a damaged file is refused. */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../test/db.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index.js';
import { readIndexFile, writeIndexFile } from './index-file.js';
import { loadSearchDocs } from './source.js';
import { SharedTerms } from './shared-memory.js';
import { plainArticle } from './stored-articles.js';

const work = mkdtempSync(path.join(tmpdir(), 'flat-index-'));
// Two versions of one law (so superseded articles) and two laws with chapter headings.
const LAWS = [
  '诉讼与非诉讼程序法/民事诉讼法(2021-12-24).md',
  '诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md',
  '社会法/劳动合同法(2012-12-28).md',
  '行政法/法律援助法(2021-08-20).md',
];
let ci: CorpusIndex;

beforeAll(async () => {
  const { ctx, close } = await createTestContext();
  try {
    await importLawFixture(ctx, LAWS);
    ci = buildCorpusIndex(await loadSearchDocs(ctx.db));
  } finally {
    await close();
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fields = ['text', 'bigram', 'heading', 'title'] as const;

describe('the flat index file', () => {
  it('gives back the same index, its typed arrays over one SharedArrayBuffer', async () => {
    const file = path.join(work, 'round-trip.bin');
    writeIndexFile(file, 'v1', ci);
    const read = await readIndexFile(file, 'v1');
    if (!read.ok) throw new Error(`not read: ${read.reason}`);
    const back = read.ci;
    expect(back.articles.map(plainArticle)).toEqual(ci.articles);
    expect(back.articles.filter((a) => !a.isCurrent).length).toBeGreaterThan(0);
    expect(back.laws).toEqual(ci.laws);
    expect(back.lawIndex).toEqual(ci.lawIndex);
    expect([...back.refs.keys]).toEqual([...ci.refs.keys]);
    expect([...back.refs.docs]).toEqual([...ci.refs.docs]);
    expect([...back.docLaw]).toEqual([...ci.docLaw]);
    expect([...back.current]).toEqual([...ci.current]);
    for (const f of fields) {
      const [a, b] = [back[f], ci[f]];
      expect({ docCount: a.docCount, avgLen: a.avgLen }).toEqual({
        docCount: b.docCount,
        avgLen: b.avgLen,
      });
      // the terms come back as a table in the body, looked up in place, the same ids as the Map
      expect(a.terms).toBeInstanceOf(SharedTerms);
      expect(new Map(a.terms.entries())).toEqual(new Map(b.terms.entries()));
      for (const [t, id] of b.terms.entries()) expect(a.terms.get(t)).toBe(id);
      expect((a.terms as SharedTerms).table().slots.buffer).toBe(read.body);
      expect([...a.offsets]).toEqual([...b.offsets]);
      expect([...a.docs]).toEqual([...b.docs]);
      expect([...a.tfs]).toEqual([...b.tfs]);
      expect([...a.lens]).toEqual([...b.lens]);
      expect(a.docs.buffer).toBe(read.body);
    }
    expect(read.body).toBeInstanceOf(SharedArrayBuffer);
    // bigram terms are numbers, word terms strings: both kinds survive.
    expect(typeof back.bigram.terms.entries().next().value![0]).toBe('number');
    expect(typeof back.text.terms.entries().next().value![0]).toBe('string');
  });

  it('finds every version of an article by (law, article, 之N), in doc order, read back or built', async () => {
    const file = path.join(work, 'refs.bin');
    writeIndexFile(file, 'v1', ci);
    const read = await readIndexFile(file, 'v1');
    if (!read.ok) throw new Error(`not read: ${read.reason}`);
    for (const index of [ci, read.ci]) {
      const law = index.lawIndex.get('民事诉讼法');
      const docs = index.refs.docsOf(law, 3);
      // two versions of 民事诉讼法 in the fixture, each with its 第三条
      expect(docs).toHaveLength(2);
      expect(docs).toEqual(
        index.articles.flatMap((a, d) =>
          a.lawKey === '民事诉讼法' && a.num === 3 && a.sub === 0 ? [d] : [],
        ),
      );
      expect(index.refs.docsOf(law, 99999)).toEqual([]);
      expect(index.refs.docsOf(undefined, 3)).toEqual([]);
    }
  });

  it('refuses an article column whose value ids point past its table', async () => {
    const file = path.join(work, 'bad-ids.bin');
    writeIndexFile(file, 'v1', ci);
    const whole = readFileSync(file);
    const nl = whole.indexOf(0x0a);
    const header = JSON.parse(whole.subarray(0, nl).toString('utf8')) as {
      layout: { sections: Record<string, { at: number }> };
    };
    // the body starts at the first 8-byte boundary after the header line
    const at = Math.ceil((nl + 1) / 8) * 8 + header.layout.sections['articles.lawKey.ids']!.at;
    whole.writeUInt32LE(1_000_000, at);
    writeFileSync(file, whole);
    expect(await readIndexFile(file, 'v1')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('refuses a truncated file, a damaged layout and one of another format', async () => {
    const file = path.join(work, 'damaged.bin');
    writeIndexFile(file, 'v1', ci);
    const whole = readFileSync(file);
    truncateSync(file, whole.length - 1000);
    expect(await readIndexFile(file, 'v1')).toEqual({ ok: false, reason: 'unreadable' });
    const nl = whole.indexOf(0x0a);
    const header = JSON.parse(whole.subarray(0, nl).toString('utf8')) as {
      layout: { sections: Record<string, { at: number }> };
    };
    header.layout.sections['text.docs']!.at += 4; // no longer 8-byte aligned
    writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(header)), whole.subarray(nl)]));
    expect(await readIndexFile(file, 'v1')).toEqual({ ok: false, reason: 'unreadable' });
    const v1 = { ...header, format: 1 };
    writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(v1)), whole.subarray(nl)]));
    expect(await readIndexFile(file, 'v1')).toEqual({ ok: false, reason: 'stale' });
  });
});
