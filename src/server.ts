/** @module Entry point of `npm start`: config → database → migrations → HTTP server → background work. */
import { ConfigError, loadDotEnv, parseConfig, type AppConfig } from './config/env.js';
import { buildApp } from './app.js';
import { createContext } from './core/context.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import { modules } from './modules.js';

async function main(): Promise<void> {
  await loadDotEnv();
  let config: AppConfig;
  try {
    config = parseConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const data = openDatabase(config.DATABASE_URL);
  await migrateToLatest(data);
  const ctx = createContext(config, data);
  const app = await buildApp(ctx, { logger: { level: config.LOG_LEVEL } });
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    `open12348 已启动: http://localhost:${config.PORT}  数据库: ${data.dialect} (${data.location})`,
  );
  const stoppers = modules
    .map((m) => m.start?.(ctx, app.log))
    .filter((s): s is () => void => typeof s === 'function');
  const shutdown = async () => {
    for (const stop of stoppers) await stop();
    await app.close();
    await data.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

await main();
