/**
 * @module `npm run qa:eval -- --set everyday [--split holdout|train|all] [--without-kb] [--details F]`:
 * the answer measured on the everyday set through the whole embedded pipeline (knowledge base +
 * retrieval), on the configured database. `--set stard [--without-kb]`: the STARD hold-out fifth
 * through the answer's ranking. Without `--set`, the search area's retrieval evaluation runs.
 * `--learn-everyday` first records the everyday set's training four-fifths as learned examples (as
 * staff labels with their articles) in the configured database, to measure what learned examples do
 * to the hold-outs: run it on a scratch copy of the database.
 */
import { writeFileSync } from 'node:fs';
import { createContext, type AppContext } from '../core/context.js';
import { recordExample } from '../search/learning.js';
import { parseConfig } from '../config/env.js';
import { fail, openConfiguredDatabase, parseArgs, readJsonLines } from '../search/cli-util.js';
import { isHoldOut } from '../search/train.js';
import { formatEveryday, runEveryday, runStard, summarize } from './eval-everyday.js';
import { isEverydayHoldOut, loadEverydaySet } from './everyday.js';
import { emptyIssueIndex } from './issues.js';
import { qaDeps } from './service.js';

const args = parseArgs(process.argv.slice(2));

/** The everyday training split as learned examples (never the hold-out fifth). */
async function learnEveryday(ctx: AppContext): Promise<void> {
  const lookup = qaDeps(ctx).lookup;
  let n = 0;
  for (const q of loadEverydaySet().filter((x) => !isEverydayHoldOut(x.id))) {
    const articles = [];
    for (const g of q.gold) {
      const law = await lookup.resolveLaw(g.law);
      if (law) articles.push({ law, num: g.article, sub: g.sub ?? 0 });
    }
    if (articles.length === 0) continue;
    await recordExample(ctx, {
      question: q.question,
      articles,
      issueId: null,
      source: 'staff_label',
      sourceRef: `everyday:${q.id}`,
      createdBy: null,
    });
    n++;
  }
  console.error(`已记录日常问法训练部分 ${n} 条为学习样例`);
}
const set = args.get('set');
if (set !== 'everyday' && set !== 'stard') {
  await import('../search/eval-cli.js');
} else {
  const split = args.get('split') ?? 'all';
  if (!['holdout', 'train', 'all'].includes(split)) fail('--split 应为 holdout、train 或 all');
  const data = await openConfiguredDatabase();
  try {
    const ctx = createContext(parseConfig(), data);
    const base = qaDeps(ctx);
    // --without-kb: retrieval alone, for the side-by-side figure.
    const deps =
      args.get('without-kb') === 'true'
        ? { ...base, issues: () => Promise.resolve(emptyIssueIndex()) }
        : base;
    if (args.get('learn-everyday') === 'true') await learnEveryday(ctx);
    await deps.engine();
    await deps.issues();
    if (set === 'stard') {
      // The STARD hold-out fifth through the answer's ranking (the engine alone: qa:eval --queries).
      const held = readJsonLines<{ id: number; question: string; gold: string[] }>(
        args.get('queries') ?? '../shared/datasets/stard-train/queries.jsonl',
      ).filter((q) => (split === 'train' ? !isHoldOut(q.id) : isHoldOut(q.id)));
      const m = await runStard(deps, held, ctx.now());
      const f = (x: number) => x.toFixed(3);
      console.log(
        `STARD ${split === 'train' ? 'training part' : 'hold-out'} through the answer's ranking: questions ${m.questions}  Recall@10 ${f(m.recall10)}  Recall@100 ${f(m.recall100)}  MRR@10 ${f(m.mrr10)}`,
      );
      process.exit(0);
    }
    const all = loadEverydaySet();
    const pick = (id: number) => split === 'all' || (split === 'holdout') === isEverydayHoldOut(id);
    const results = await runEveryday(
      deps,
      all.filter((q) => pick(q.id)),
      ctx.now(),
    );
    const held = results.filter((r) => isEverydayHoldOut(r.id));
    const train = results.filter((r) => !isEverydayHoldOut(r.id));
    if (train.length) console.log(formatEveryday('everyday train (4/5)', summarize(train)));
    if (held.length) console.log(formatEveryday('everyday hold-out (1/5)', summarize(held)));
    const details = args.get('details');
    if (details) writeFileSync(details, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  } finally {
    await data.close();
  }
}
