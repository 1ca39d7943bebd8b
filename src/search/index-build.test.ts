/**
 * The first search builds the corpus index; meanwhile the server must keep answering. A health check sent
 * once that search is under way is answered before it, and the search still answers with hits. (On SQLite,
 * whose queries do not wait for I/O, a build on the main thread would hold the health check until the
 * search had finished.)
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importLawFixture(t.ctx, [
    '社会法/劳动合同法(2012-12-28).md',
    '社会法/劳动法(2018-12-29).md',
  ]);
});
afterAll(() => t.close());

it('answers health while the first search builds the index', async () => {
  const warn = vi.spyOn(console, 'warn');
  const order: string[] = [];
  const search = t
    .request({
      method: 'GET',
      url: '/api/v1/search?q=%E8%A7%A3%E9%99%A4%E5%8A%B3%E5%8A%A8%E5%90%88%E5%90%8C',
    })
    .then((r) => (order.push('search'), r));
  await new Promise((r) => setImmediate(r)); // the search request is on its way
  const health = await t.request({ method: 'GET', url: '/api/v1/health' });
  order.push('health');
  const s = await search;
  expect(health.statusCode).toBe(200);
  expect(order).toEqual(['health', 'search']);
  expect(s.statusCode).toBe(200);
  expect(s.json().items.length).toBeGreaterThan(0);
  expect(warn).not.toHaveBeenCalled(); // built in the worker, not by the fallback on the main thread
});
