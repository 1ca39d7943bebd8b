/** @module Entry point of `npm start`: config → database → migrations → HTTP server → background work. */
import { ConfigError, loadDotEnv, parseConfig, type AppConfig } from './config/env.js';
import { buildApp } from './app.js';
import { createContext } from './core/context.js';
import { gracefulShutdown } from './core/shutdown.js';
import { openDatabase, type DataLayer } from './db/connection.js';
import { migrateToLatest } from './migrations.js';
import { assertWritable, DatabaseNotWritable } from './db/preflight.js';
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
  await refuseUnwritable(data);
  await migrateToLatest(data);
  const ctx = createContext(config, data);
  const app = await buildApp(ctx, { logger: { level: config.LOG_LEVEL } });
  data.onIdleError((err) =>
    app.log.warn({ err }, '数据库连接已断开，连接池将自动重连 (database connection dropped)'),
  );
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info(
    `open12348 已启动: http://localhost:${config.PORT}  数据库: ${data.dialect} (${data.location})`,
  );
  const stoppers = modules
    .map((m) => m.start?.(ctx, app.log))
    .filter((s): s is () => void => typeof s === 'function');
  const shutdown = gracefulShutdown(app, {
    graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000,
    stoppers,
    closeDatabase: () => data.close(),
    log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
  });
  const onSignal = () =>
    void shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A database that refuses writes (read-only file, full disk, standby) stops the start with the reason. */
async function refuseUnwritable(data: DataLayer): Promise<void> {
  try {
    await assertWritable(data);
  } catch (e) {
    if (!(e instanceof DatabaseNotWritable)) throw e;
    console.error(e.message);
    await data.close();
    process.exit(1);
  }
}

await main();
