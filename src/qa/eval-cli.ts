/**
 * @module `npm run qa:eval -- --set everyday [--split holdout|train|all] [--without-kb] [--details F]`:
 * the answer measured on the everyday set through the whole embedded pipeline (knowledge base +
 * retrieval), on the configured database. `--set stard [--without-kb]`: the STARD hold-out fifth
 * through the answer's ranking. Without `--set`, the search area's retrieval evaluation runs.
 */
import { writeFileSync } from 'node:fs';
import { createContext } from '../core/context.js';
import { parseConfig } from '../config/env.js';
import { fail, openConfiguredDatabase, parseArgs, readJsonLines } from '../search/cli-util.js';
import { isHoldOut } from '../search/train.js';
import { formatEveryday, runEveryday, runStard, summarize } from './eval-everyday.js';
import { isEverydayHoldOut, loadEverydaySet } from './everyday.js';
import { emptyIssueIndex } from './issues.js';
import { qaDeps } from './service.js';

const args = parseArgs(process.argv.slice(2));
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
