/** @module Queries of the stats area's own table: the yearly targets. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

export const listTargets = (db: Db, year: number) =>
  db
    .selectFrom('stats_targets')
    .select(['metric', 'target'])
    .where('year', '=', year)
    .orderBy('metric')
    .execute();

/** Replaces a year's targets (call inside the caller's transaction). */
export async function replaceTargets(
  db: Db,
  year: number,
  targets: { metric: string; target: number }[],
  at: string,
): Promise<void> {
  await db.deleteFrom('stats_targets').where('year', '=', year).execute();
  if (targets.length)
    await db
      .insertInto('stats_targets')
      .values(targets.map((t) => ({ year, metric: t.metric, target: t.target, updated_at: at })))
      .execute();
}
