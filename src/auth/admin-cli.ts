/** @module `npm run admin:create -- <username> <password> [显示名]`: creates a bureau administrator. */
import { loadDotEnv, parseConfig } from '../config/env.js';
import { createContext } from '../core/context.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../migrations.js';
import { passwordProblem } from './password-policy.js';
import { createUser } from './service.js';

await loadDotEnv();
const [username, password, displayName] = process.argv.slice(2).filter((a) => a !== '--');
if (!username || !password || password.length < 8) {
  console.error('用法: npm run admin:create -- <用户名> <密码(至少8位)> [显示名]');
  process.exit(2);
}
const problem = passwordProblem(password, username);
if (problem) {
  console.error(problem);
  process.exit(2);
}
const config = parseConfig();
const data = openDatabase(config.DATABASE_URL);
await migrateToLatest(data);
const ctx = createContext(config, data);
try {
  const id = await createUser(ctx, {
    username,
    password,
    role: 'admin',
    displayName: displayName ?? '司法局管理员',
  });
  console.log(`已创建管理员 ${username} (id=${id})`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await data.close();
}
