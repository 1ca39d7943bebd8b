/** @module `npm run db:migrate`: applies pending migrations to DATABASE_URL. */
import { loadDotEnv, parseConfig } from './config/env.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './migrations.js';

await loadDotEnv();
const config = parseConfig();
const dl = openDatabase(config.DATABASE_URL);
const results = await migrateToLatest(dl);
for (const r of results) console.log(`${r.status === 'Success' ? '✓' : '✗'} ${r.migrationName}`);
console.log(results.length ? `已应用 ${results.length} 个迁移` : '数据库已是最新');
await dl.close();
