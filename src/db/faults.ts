/**
 * @module Recognises storage faults (database unreachable, disk full, read-only, busy) in errors thrown by
 * pg, better-sqlite3 or the file system, so the error handler can answer a specific 503 instead of a 500.
 */

/** A fault of the storage underneath a request, not of the request itself. */
export type StorageFault = 'unavailable' | 'storage_full' | 'read_only' | 'busy';

// SQLSTATE classes and codes: 08 connection exception, 57P0x operator intervention, 53xxx resources.
const PG_STATE: Record<string, StorageFault> = {
  '57P01': 'unavailable', // admin_shutdown (pg_terminate_backend, fast shutdown)
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now (starting up, recovery)
  '53300': 'unavailable', // too_many_connections
  '53100': 'storage_full', // disk_full
  '25006': 'read_only', // read_only_sql_transaction (a standby, default_transaction_read_only)
  '55P03': 'busy', // lock_not_available
};

const NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// pg raises plain Errors (no code) when a socket ends under it or a connection times out.
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /^Connection ended unexpectedly/,
];

function sqliteFault(code: string): StorageFault | null {
  if (code === 'SQLITE_FULL') return 'storage_full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'unavailable';
  return null;
}

function fsFault(code: string): StorageFault | null {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'storage_full';
  if (code === 'EROFS') return 'read_only';
  return null;
}

/** The storage fault behind `err` (or its `cause`), or null when it is something else. */
export function storageFault(err: unknown, depth = 0): StorageFault | null {
  if (!err || typeof err !== 'object' || depth > 3) return null;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code) {
    if (code in PG_STATE) return PG_STATE[code]!;
    if (code.startsWith('08')) return 'unavailable'; // connection_exception class
    if (NET_CODES.has(code)) return 'unavailable';
    const f = code.startsWith('SQLITE_') ? sqliteFault(code) : fsFault(code);
    if (f) return f;
  }
  const msg = typeof e.message === 'string' ? e.message : '';
  if (PG_MESSAGES.some((re) => re.test(msg))) return 'unavailable';
  // AggregateError (e.g. connecting to ::1 and 127.0.0.1 both refused) carries the real ones inside.
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner))
    for (const i of inner) if (storageFault(i, depth + 1)) return storageFault(i, depth + 1);
  return storageFault(e.cause, depth + 1);
}

/** Whether `err` is a unique-constraint violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
