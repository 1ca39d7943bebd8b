/**
 * @module A lock across server processes for work that must run once (importing the corpus into an empty
 * database). On PostgreSQL a session advisory lock on one pooled connection, keyed by schema and name, so
 * test schemas in one database do not block each other; SQLite is one process by design and needs none.
 */
import { sql } from 'kysely';
import type { DataLayer } from './connection.js';

/** Runs `fn` while holding the named lock; a second process waits until the first releases it. */
export async function withLock<T>(data: DataLayer, name: string, fn: () => Promise<T>): Promise<T> {
  if (data.dialect !== 'postgres') return fn();
  const key = `${data.schema ?? 'public'}:${name}`;
  return data.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}
