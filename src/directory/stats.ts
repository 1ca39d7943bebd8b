/** @module The directory area's read for the dashboard: every real (not sample) entry's kind, district and status. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const directoryEntriesForStats = (db: Kysely<Database>) =>
  db
    .selectFrom('directory_entries')
    .select(['kind', 'district', 'status', 'is_sample'])
    .where('is_sample', '=', 0)
    .execute();
