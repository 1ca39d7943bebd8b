/** @module Opens the database named by DATABASE_URL: SQLite (default, WAL + foreign keys) or PostgreSQL. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { postgresChannel, type NotifyChannel } from './notify.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** The database handle every service receives. */
export interface DataLayer {
  db: Kysely<Database>;
  dialect: Dialect;
  /** A human-readable location (file path or host/db), never the password. */
  location: string;
  /** PostgreSQL schema the tables live in, when not the default (tests use one schema each). */
  schema?: string;
  /** Cross-process notifications (PostgreSQL only; SQLite is one process). */
  channel?: NotifyChannel;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), sum of ints) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Opens a SQLite file (or `:memory:`) with WAL and foreign keys on. */
export function openSqlite(file: string): DataLayer {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/** Opens a PostgreSQL pool; `searchPath` isolates a schema (used by tests). */
export function openPostgres(url: string, searchPath?: string): DataLayer {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
    ...(searchPath ? { schema: searchPath } : {}),
    channel: postgresChannel(url, pool, searchPath),
    close: () => db.destroy(),
  };
}

export function openDatabase(url: string): DataLayer {
  if (dialectOf(url) === 'postgres') return openPostgres(url);
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return openSqlite(file || 'data/open12348.db');
}
