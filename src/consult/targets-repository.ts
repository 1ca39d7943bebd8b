/** @module Queries of 法指针's yearly targets (consult_targets): read a year's, replace a year's. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export async function listTargets(db: Kysely<Database>, year: number) {
  const rows = await db
    .selectFrom('consult_targets')
    .select(['metric', 'target'])
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ metric: r.metric, target: Number(r.target) }));
}

/** Replaces the year's targets inside the caller's transaction (with its audit row). */
export async function replaceTargets(
  trx: Transaction<Database>,
  year: number,
  targets: { metric: string; target: number }[],
  at: string,
): Promise<void> {
  await trx.deleteFrom('consult_targets').where('year', '=', year).execute();
  if (targets.length)
    await trx
      .insertInto('consult_targets')
      .values(targets.map((t) => ({ year, metric: t.metric, target: t.target, updated_at: at })))
      .execute();
}
