/** @module Opens the database named by DATABASE_URL: SQLite (default, WAL + foreign keys) or PostgreSQL. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { storageFault, type StorageFault } from './faults.js';
import { postgresChannel, type NotifyChannel } from './notify.js';
import type { Database } from './schema.js';
import { SQLITE_ANALYSIS_LIMIT } from './planner-stats.js';
import { SafeSqliteDialect } from './sqlite-dialect.js';

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
  /** Whether the database answers and accepts writes right now (for /health and the start check). */
  probe(): Promise<DbProbe>;
  /** Where errors of idle pooled connections go (a dropped connection is replaced, not fatal). */
  onIdleError(listener: (err: Error) => void): void;
  close(): Promise<void>;
}

export type DbProbe = { ok: true } | { ok: false; fault: StorageFault; error: string };

const failed = (e: unknown): DbProbe => ({
  ok: false,
  fault: storageFault(e) ?? 'unavailable',
  error: e instanceof Error ? e.message : String(e),
});

/** A PostgreSQL connection attempt gives up after this long, so requests fail fast during an outage. */
const PG_CONNECT_TIMEOUT_MS = 5000;

// PostgreSQL returns int8 (count(*), sum of ints) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/**
 * Opens a SQLite file (or `:memory:`) with WAL and foreign keys on; `readonly` opens it for reading only
 * (the backup reads a live file that way).
 */
export function openSqlite(file: string, opts: { readonly?: boolean } = {}): DataLayer {
  const readonly = opts.readonly === true;
  if (file !== ':memory:' && !readonly)
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Sqlite(file, { readonly });
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  if (!readonly) {
    // Planner statistics for tables that lack them or have grown far past them (a file written by an
    // older version, say); cheap when they are fresh. See planner-stats.ts.
    sqlite.pragma(`analysis_limit = ${SQLITE_ANALYSIS_LIMIT}`);
    try {
      sqlite.pragma('optimize = 0x10002');
    } catch {
      // a file that cannot be written (read-only, full disk) still opens; the start check reports it
    }
  }
  const db = new Kysely<Database>({ dialect: new SafeSqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    probe: () => Promise.resolve(probeSqlite(sqlite)),
    onIdleError: () => undefined, // one in-process connection: nothing idles in a pool
    close: () => db.destroy(),
  };
}

/** A write that is rolled back: a read-only file or a full disk fails it, a healthy database does not. */
function probeSqlite(sqlite: Sqlite.Database): DbProbe {
  if (sqlite.inTransaction) return { ok: true }; // a request is writing right now: it is writable
  // No waiting for another process's write lock (better-sqlite3 would block the event loop meanwhile):
  // a busy database is a writable one.
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE _write_probe (x INTEGER); ROLLBACK');
    return { ok: true };
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    return storageFault(e) === 'busy' ? { ok: true } : failed(e);
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Opens a PostgreSQL pool; `searchPath` isolates a schema (used by tests). */
export function openPostgres(url: string, searchPath?: string): DataLayer {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // Names the pool's backends so operators (and the fault tests) can tell them apart.
    application_name: searchPath ? `open12348:${searchPath}` : 'open12348',
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  // A client whose backend goes away (restart, pg_terminate_backend, network) emits 'error': on the pool
  // while idle, on the client itself while checked out (Kysely listens to neither). Without a listener
  // Node ends the process. The pool drops a broken client and opens a new one on the next checkout, and
  // the query that was running rejects on its own, so reporting the drop is all there is to do.
  let idleError: (err: Error) => void = () => undefined;
  pool.on('error', (err) => idleError(err));
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}`,
    ...(searchPath ? { schema: searchPath } : {}),
    channel: postgresChannel(url, pool, searchPath),
    probe: async () => {
      try {
        const r = await pool.query<{ ro: string }>(
          "SELECT current_setting('transaction_read_only') AS ro",
        );
        if (r.rows[0]?.ro === 'on')
          return { ok: false, fault: 'read_only', error: 'transaction_read_only is on' };
        return { ok: true };
      } catch (e) {
        return failed(e);
      }
    },
    onIdleError: (listener) => {
      idleError = listener;
    },
    close: () => db.destroy(),
  };
}

export function openDatabase(url: string): DataLayer {
  if (dialectOf(url) === 'postgres') return openPostgres(url);
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return openSqlite(file || 'data/open12348.db');
}
