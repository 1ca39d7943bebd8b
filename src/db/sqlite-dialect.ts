/**
 * @module Kysely's SQLite dialect with two changes. SQLite itself rolls a transaction back on some errors
 * (SQLITE_FULL, SQLITE_IOERR …), and Kysely's ROLLBACK then fails with "cannot rollback - no transaction is
 * active", which hides the real error: here ROLLBACK runs only while a transaction is open. And Kysely
 * prepares every query anew; here prepared statements are kept by their SQL (a question's seven
 * statements took ≈ 0.5 ms to prepare, a quarter of its database time).
 */
import type Sqlite from 'better-sqlite3';
import {
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';

/** Prepared statements kept, least recently used dropped first. */
const STATEMENT_CACHE_SIZE = 256;

/** The database as Kysely sees it, with `prepare` answering from a cache of statements by SQL. */
export function cachingStatements(
  sqlite: Sqlite.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const hit = cache.get(sql);
      // a statement still being iterated (a streamed query) cannot run again until it is done
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      if (hit) return stmt;
      cache.set(sql, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

class SafeSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: Sqlite.Database,
  ) {
    super(config);
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

export class SafeSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig & { database: Sqlite.Database }) {
    super(config);
  }

  override createDriver(): Driver {
    const config = { ...this.config, database: cachingStatements(this.config.database) };
    return new SafeSqliteDriver(config, this.config.database);
  }
}
