import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../test/db.js';
import type { AppContext } from '../core/context.js';
import { missingArticles, quoteArticle } from './articles.js';
import { startSession } from './service.js';
import { checkScenarios } from './startup.js';
import { loadScenario } from './engine.js';
import { SCENARIOS } from './scenarios/index.js';
import { labourScenario } from './scenarios/labour.js';
import { importOpinionLaws } from '../test/opinion.js';

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  const t = await createTestContext();
  ctx = t.ctx;
  close = t.close;
  await importOpinionLaws(ctx);
});
afterAll(() => close());

describe('scenario articles against the real statutes', () => {
  it('every article every scenario (and its calculators) cites exists in the corpus', async () => {
    for (const s of SCENARIOS)
      expect({ id: s.id, missing: await missingArticles(ctx.db, s) }).toEqual({
        id: s.id,
        missing: [],
      });
  });
  it('quotes the current text: the 2022 personal-injury interpretation, not the 2020 one', async () => {
    const a = await quoteArticle(ctx.db, {
      law: '最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释',
      article: 12,
    });
    expect(a?.text).toContain('城镇居民人均可支配收入');
    expect(a?.text).not.toContain('农村居民');
    const b = await quoteArticle(ctx.db, { law: '劳动合同法', article: 47 });
    expect(b?.label).toBe('第四十七条');
    expect(b?.text).toContain('三倍');
  });
  it('a scenario naming an unknown article refuses to load', async () => {
    const bad = loadScenario({
      ...labourScenario,
      articles: [
        ...labourScenario.articles,
        { law: '劳动合同法', article: 300, why: '不存在的条文' },
      ],
    });
    expect(await missingArticles(ctx.db, bad)).toEqual(['劳动合同法 第300条']);
  });

  it('at start, a scenario whose article is missing from the corpus is refused', async () => {
    expect((await checkScenarios(ctx))?.size).toBe(0);
    await ctx.db
      .deleteFrom('articles')
      .where('law_key', '=', '劳动法')
      .where('num', '=', 44)
      .execute();
    const refused = await checkScenarios(ctx);
    expect([...refused!.entries()]).toEqual([['labour', ['劳动法 第44条']]]);
    const actor = { user: null, tokenHash: null };
    await expect(startSession(ctx, actor, 'labour', '127.0.0.1')).rejects.toMatchObject({
      code: 'scenario_unavailable',
    });
    expect((await startSession(ctx, actor, 'loan', '127.0.0.1')).token).toBeTruthy();
  });
});
