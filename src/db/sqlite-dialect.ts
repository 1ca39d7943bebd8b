/**
 * @module Kysely's SQLite dialect with one fix: SQLite itself rolls a transaction back on some errors
 * (SQLITE_FULL, SQLITE_IOERR …), and Kysely's ROLLBACK then fails with "cannot rollback - no transaction is
 * active", which hides the real error. Here ROLLBACK runs only while a transaction is open.
 */
import type Sqlite from 'better-sqlite3';
import {
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

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
    return new SafeSqliteDriver(this.config, this.config.database);
  }
}
