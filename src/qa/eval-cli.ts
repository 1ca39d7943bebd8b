/**
 * @module `npm run qa:eval -- --set everyday [--split holdout|train|all] [--without-kb] [--details FILE]`: the answer
 * measured on the everyday set through the whole embedded pipeline (knowledge base + retrieval), on the
 * configured database. Without `--set`, the retrieval evaluation of the search area runs (`--queries`).
 */
import { writeFileSync } from 'node:fs';
import { createContext } from '../core/context.js';
import { parseConfig } from '../config/env.js';
import { fail, openConfiguredDatabase, parseArgs } from '../search/cli-util.js';
import { formatEveryday, runEveryday, summarize } from './eval-everyday.js';
import { isEverydayHoldOut, loadEverydaySet } from './everyday.js';
import { emptyIssueIndex } from './issues.js';
import { qaDeps } from './service.js';

const args = parseArgs(process.argv.slice(2));
if (args.get('set') !== 'everyday') {
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
