/**
 * @module `npm run kb:check [-- --file labour.json]`: checks the shipped knowledge base against the corpus
 * in the configured database (import it first: `npm run laws:import`). Exit 1 when anything is wrong.
 */
import { createContext } from '../core/context.js';
import { loadDotEnv, parseConfig } from '../config/env.js';
import { corpusLookup } from '../qa/corpus.js';
import { openConfiguredDatabase, parseArgs } from '../search/cli-util.js';
import { checkIssues } from './check.js';
import { readShippedFiles } from './files.js';

await loadDotEnv();
const args = parseArgs(process.argv.slice(2));
const only = args.get('file');
const files = readShippedFiles();
const data = await openConfiguredDatabase();
const ctx = createContext(parseConfig(), data);
const all = files.flatMap((f) => f.issues);
const wanted = only ? files.filter((f) => f.file === only).flatMap((f) => f.issues) : all;
const others = all.filter((i) => !wanted.includes(i)).map((i) => i.id);
const problems = await checkIssues(wanted, corpusLookup(ctx), others);
for (const p of problems) console.log(`${p.issue}\t${p.code}\t${p.message}`);
const phrasings = wanted.reduce((n, i) => n + i.phrasings.length, 0);
console.log(
  `${wanted.length} 个问题、${phrasings} 个问法；发现 ${problems.length} 个问题（${files.length} 个文件）`,
);
await data.close();
process.exit(problems.length > 0 ? 1 : 0);
