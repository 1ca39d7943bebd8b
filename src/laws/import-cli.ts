/**
 * @module `npm run laws:import -- [DIR] [--region 武汉市]`: imports a corpus directory (default LAWS_DIR)
 * with a progress bar on stderr and an anomaly summary per file on stdout.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadDotEnv, parseConfig } from '../config/env.js';
import { createContext } from '../core/context.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../migrations.js';
import { importCorpus } from './importer.js';
import { formatIssues, formatSummary, progressBar } from './report.js';

await loadDotEnv();
const args = process.argv.slice(2).filter((a) => a !== '--');
let region: string | undefined;
const rest: string[] = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--region') region = args[++k];
  else rest.push(args[k] ?? '');
}
const config = parseConfig();
const dir = path.resolve(rest[0] ?? config.LAWS_DIR);
if (!existsSync(dir)) {
  console.error(
    `法规目录不存在：${dir}\n用法: npm run laws:import -- [目录] [--region 武汉市]；没有语料时先运行 npm run laws:fetch`,
  );
  process.exit(2);
}
const data = openDatabase(config.DATABASE_URL);
await migrateToLatest(data);
const ctx = createContext(config, data);
const started = Date.now();
const tty = process.stderr.isTTY;
let lastShown = 0;
try {
  console.error(`正在导入 ${dir}${region ? `（地区：${region}）` : ''} → ${data.location}`);
  const report = await importCorpus(ctx, {
    dir,
    ...(region ? { region } : {}),
    onProgress: (done, total) => {
      const now = Date.now();
      if (done !== total && now - lastShown < 100) return;
      lastShown = now;
      const bar = `${done * 2 <= total ? '解析' : '写入'} ${progressBar(done, total)}`;
      if (tty) process.stderr.write(`\r${bar}`);
      else if (done === total || done % 200 === 0) process.stderr.write(`${bar}\n`);
    },
  });
  if (tty) process.stderr.write('\n');
  for (const line of formatIssues(report.issues)) console.log(line);
  console.log(formatSummary(report, Date.now() - started));
} catch (e) {
  if (tty) process.stderr.write('\n');
  console.error(`导入失败，原有法规库未改动：${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await data.close();
}
