/**
 * @module `npm run laws:fetch [-- --file <archive.tar.gz>] [--sha256 <hex>] [--dest data/laws]`:
 * downloads the LawRefBook/Laws archive (or takes a local one), checks it (against --sha256 when given),
 * lists the files it adds, changes and removes against the shipped snapshot, unpacks and imports it.
 */
import { loadDotEnv, parseConfig } from '../config/env.js';
import { createContext } from '../core/context.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../migrations.js';
import { fetchCorpus, LAWS_ARCHIVE_URL } from './fetch.js';
import { formatIssues, formatSummary, progressBar } from './report.js';

await loadDotEnv();
const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const config = parseConfig();
const data = openDatabase(config.DATABASE_URL);
await migrateToLatest(data);
const ctx = createContext(config, data);
const started = Date.now();
try {
  const r = await fetchCorpus(ctx, {
    file: opt('--file'),
    url: opt('--url') ?? LAWS_ARCHIVE_URL,
    sha256: opt('--sha256') ?? process.env.LAWS_ARCHIVE_SHA256 ?? null,
    dest: opt('--dest') ?? 'data/laws',
    log: (m) => console.error(m),
    onProgress: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${progressBar(done, total)}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (r.changes)
    for (const [label, files] of [
      ['新增', r.changes.added],
      ['变更', r.changes.changed],
      ['移除', r.changes.removed],
    ] as const)
      for (const f of files.slice(0, 50)) console.log(`${label}  ${f}`);
  for (const line of formatIssues(r.report.issues)) console.log(line);
  console.log(formatSummary(r.report, Date.now() - started));
  if (r.dir !== config.LAWS_DIR) console.log(`提示：启动服务时设置 LAWS_DIR=${r.dir}`);
} catch (e) {
  console.error(`获取法规库失败：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await data.close();
}
