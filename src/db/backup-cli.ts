/**
 * @module `npm run db:backup [-- <dir>]` and `npm run db:restore -- <dir>`: the database (SQLite or
 * PostgreSQL) together with UPLOAD_DIR. A backup goes to `backups/<time>` unless a folder is given.
 */
import path from 'node:path';
import { loadDotEnv, parseConfig } from '../config/env.js';
import { backup, listBackups, restore } from './backup.js';

await loadDotEnv();
const config = parseConfig();
const [command, target] = process.argv.slice(2).filter((a) => a !== '--');

try {
  if (command === 'backup') {
    const dir = target ?? path.join('backups', new Date().toISOString().replace(/[:.]/g, '-'));
    const m = await backup(config, dir);
    console.log(`已备份 ${m.dialect} 数据库和上传文件到 ${dir}`);
  } else if (command === 'restore' && target) {
    const m = await restore(config, target);
    console.log(`已从 ${target} 恢复（备份时间 ${m.createdAt}）；请重新启动服务`);
  } else {
    const found = await listBackups('backups');
    console.error('用法：npm run db:backup [-- <目录>]  |  npm run db:restore -- <备份目录>');
    if (found.length)
      console.error(`已有备份：\n  ${found.map((f) => `backups/${f}`).join('\n  ')}`);
    process.exit(2);
  }
} catch (e) {
  console.error(`失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
