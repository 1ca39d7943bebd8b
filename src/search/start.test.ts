/** @module The search area at a server's start: the index is loaded before the first question. */
import { expect, it, vi } from 'vitest';
import { createTestApp } from '../test/app.js';
import { importLawFixture } from '../test/laws-fixture.js';
import type { CorpusIndex } from './corpus-index.js';
import { searchModule } from './index.js';

it('loads the index when the server starts, before any question is asked', async () => {
  const t = await createTestApp();
  try {
    await importLawFixture(t.ctx, ['社会法/劳动合同法(2012-12-28).md']);
    expect(t.ctx.services.has('search.engine')).toBe(false);
    const stop = searchModule.start!(t.ctx, t.app.log);
    const engine = t.ctx.services.get('search.engine') as { index: CorpusIndex | null };
    await vi.waitFor(() => expect(engine.index?.articles.length).toBe(98), { timeout: 30_000 });
    if (typeof stop === 'function') await stop();
  } finally {
    await t.close();
  }
});
