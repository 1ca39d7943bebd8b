/** @module The corpus lookup reads articles in force from the search index while it is of the tables' corpus version. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getSearchEngine } from '../search/engine.js';
import type { IndexedCorpus } from '../search/types.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { corpusLookup } from './corpus.js';

let t: TestApp;
let indexed: IndexedCorpus;
beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, ['社会法/劳动合同法(2012-12-28).md']);
  const engine = await getSearchEngine(t.ctx);
  await engine.ready();
  indexed = engine.indexed()!;
});
afterAll(() => t.close());

const LAW = '劳动合同法';

it('gives the same articles from the index as from the tables', async () => {
  const refs = [47, 1, 98, 999].map((num) => ({ law: LAW, num, sub: 0 }));
  const tables = await corpusLookup(t.ctx).articles(refs);
  expect(tables.map((a) => a?.article ?? null)).toEqual([47, 1, 98, null]);
  expect(await corpusLookup(t.ctx, () => indexed).articles(refs)).toEqual(tables);
  expect(await corpusLookup(t.ctx, () => indexed).article(LAW, 10, 0)).toEqual(
    await corpusLookup(t.ctx).article(LAW, 10, 0),
  );
});

it('reads the index only while it is of the corpus version the tables hold', async () => {
  const before = await corpusLookup(t.ctx).article(LAW, 20, 0);
  expect(before?.text).toContain('试用期');
  // Behind the index's back (the corpus version stays): only a lookup that reads the index finds it.
  await t.ctx.db.deleteFrom('articles').where('law_key', '=', LAW).where('num', '=', 20).execute();
  expect(await corpusLookup(t.ctx).article(LAW, 20, 0)).toBeNull();
  expect(await corpusLookup(t.ctx, () => indexed).article(LAW, 20, 0)).toEqual(before);
  const [batch] = await corpusLookup(t.ctx, () => indexed).articles([
    { law: LAW, num: 20, sub: 0 },
  ]);
  expect(batch).toEqual(before);
  const older = { ...indexed, corpusVersion: 'another-version' };
  expect(await corpusLookup(t.ctx, () => older).article(LAW, 20, 0)).toBeNull();
});
