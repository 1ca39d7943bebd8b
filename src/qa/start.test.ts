/** @module The qa area at a server's start: the knowledge base's matcher is built while the search index loads. */
import { expect, it, vi } from 'vitest';
import { searchModule } from '../search/index.js';
import { createTestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import { qaModule } from './index.js';
import { qaDeps, setQaDeps } from './service.js';

it('builds the issue index while the search index loads, before any question is asked', async () => {
  const t = await createTestApp();
  const stops: unknown[] = [];
  try {
    await importLawFixture(t.ctx, ['社会法/劳动合同法(2012-12-28).md']);
    const deps = qaDeps(t.ctx);
    const issues = vi.fn(() => deps.issues());
    setQaDeps(t.ctx, { ...deps, issues });
    stops.push(qaModule.start!(t.ctx, t.app.log));
    await new Promise((done) => setImmediate(done));
    expect(issues).not.toHaveBeenCalled(); // nothing is built until the index starts loading
    stops.push(searchModule.start!(t.ctx, t.app.log));
    await vi.waitFor(() => expect(issues).toHaveBeenCalledTimes(1), { timeout: 30_000 });
    await expect(issues.mock.results[0]!.value).resolves.toHaveProperty('matcher');
  } finally {
    for (const stop of stops) if (typeof stop === 'function') await stop();
    await t.close();
  }
});
