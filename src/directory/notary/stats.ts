/** @module The notary area's read for the dashboard: bookings made in a period, with their matter's name. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Bookings created in [from, to) (UTC ISO instants). */
export const notaryBookingsCreated = (db: Kysely<Database>, range: { from: string; to: string }) =>
  db
    .selectFrom('notary_bookings as nb')
    .innerJoin('notary_matters as m', 'm.code', 'nb.matter_code')
    .select([
      'nb.status',
      'nb.fee_waiver',
      'nb.created_at',
      'nb.due_on',
      'nb.completed_on',
      'm.name as matter',
    ])
    .where('nb.created_at', '>=', range.from)
    .where('nb.created_at', '<', range.to)
    .execute();
