/** @module The opinion area's read for the dashboard: letters issued in a period. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The scenario of each letter issued in [from, to) (UTC ISO instants). */
export const opinionLettersIssued = (db: Kysely<Database>, range: { from: string; to: string }) =>
  db
    .selectFrom('opinion_letters')
    .select(['scenario_id'])
    .where('issued_at', '>=', range.from)
    .where('issued_at', '<', range.to)
    .execute();
