/**
 * @module `npm run audit:verify`: seals the audit rows not yet sealed, then recomputes the hash chain over
 * the whole trail. Exits 1 and names each row when one was altered, removed or the chain was cut.
 * `-- --no-seal` only verifies (for a read-only database role).
 */
import { loadDotEnv, parseConfig } from '../config/env.js';
import { openDatabase } from '../db/connection.js';
import { sealAudit, verifyAudit } from './audit-chain.js';

const KIND = { altered: '内容被改动', missing: '记录被删除', chain_broken: '链条断开' } as const;

await loadDotEnv();
const config = parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
const data = openDatabase(config.DATABASE_URL);
try {
  if (!process.argv.includes('--no-seal')) {
    const n = await sealAudit(data.db, data.dialect);
    if (n) console.log(`已为 ${n} 条新审计记录加封`);
  }
  const r = await verifyAudit(data.db);
  console.log(`审计记录：已加封 ${r.sealed} 条，未加封 ${r.unsealed} 条`);
  console.log(`链尾哈希 (head)：${r.head}`);
  if (r.problems.length === 0) console.log('校验通过：审计记录未被篡改');
  else {
    for (const p of r.problems.slice(0, 50)) console.error(`  记录 #${p.auditId}：${KIND[p.kind]}`);
    if (r.problems.length > 50) console.error(`  …… 另有 ${r.problems.length - 50} 处`);
    console.error(`校验失败：发现 ${r.problems.length} 处篡改迹象`);
    process.exitCode = 1;
  }
} finally {
  await data.close();
}
