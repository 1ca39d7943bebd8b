/**
 * @module Startup check: every scenario's article keys must resolve in the corpus. A scenario that names an
 * unknown article refuses to load (new interviews answer 409) until the corpus holds it.
 */
import type { AppContext } from '../core/context.js';
import { missingArticles } from './articles.js';
import { SCENARIOS } from './scenarios/index.js';
import { service, serviceKey } from '../core/services.js';

const refusals = serviceKey('opinion.refusals', () => new Map<string, string[]>());

/** Scenario id → missing article keys, for scenarios refused by the last check (empty before any check). */
export const scenarioAvailability = (ctx: AppContext): Map<string, string[]> =>
  service(ctx, refusals);

/** Checks every scenario against the corpus; returns the refused ones. Skipped while the corpus is empty. */
export async function checkScenarios(ctx: AppContext): Promise<Map<string, string[]> | null> {
  const any = await ctx.db.selectFrom('laws').select('id').limit(1).executeTakeFirst();
  if (!any) return null;
  const m = scenarioAvailability(ctx);
  m.clear();
  for (const s of SCENARIOS) {
    const missing = await missingArticles(ctx.db, s);
    if (missing.length) m.set(s.id, missing);
  }
  return m;
}
