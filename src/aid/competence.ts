/** @module Which agency is competent (Art. 38) and the agency codes of Wuhan's districts. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Art. 38: litigation → the agency where the case-handling organ sits; otherwise where the dispute-handling
 * organ sits or the matter arose. The form asks for that one place, so competence is the agency of that
 * district; city-level organs (武汉市…) belong to the city centre.
 */
export async function competentAgencyId(db: Kysely<Database>, district: string): Promise<number> {
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where((eb) =>
      district === '武汉市' ? eb('code', '=', 'city') : eb('district', '=', district),
    )
    .executeTakeFirst();
  if (row) return row.id;
  const city = await db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', 'city')
    .executeTakeFirstOrThrow();
  return city.id;
}
