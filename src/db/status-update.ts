/** @module The one status-checked UPDATE every workflow store runs (core/transition-save.ts). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface StatusUpdate {
  table: keyof Database;
  id: number;
  /** The column holding the state (`status`, or `stage` for 司法鉴定 cases). */
  column: string;
  from: string;
  to: string;
  set: Record<string, unknown>;
  /** Other columns that must still hold what was read (e.g. a count of extensions). */
  still?: Record<string, string | number>;
}

/**
 * Writes the row only while it is still in `from`: of two requests that read the same state only the
 * first to write wins (on PostgreSQL the second UPDATE waits for the first's row lock and then finds the
 * state changed; SQLite runs one writer at a time). @returns whether this request moved it.
 */
export async function updateIfState(trx: Transaction<Database>, u: StatusUpdate): Promise<boolean> {
  // One table-agnostic statement: the table and columns come from the area's store, not from input.
  let q = (trx as unknown as Kysely<any>)
    .updateTable(u.table)
    .set({ ...u.set, [u.column]: u.to })
    .where('id', '=', u.id)
    .where(u.column, '=', u.from);
  for (const [col, v] of Object.entries(u.still ?? {})) q = q.where(col, '=', v);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
