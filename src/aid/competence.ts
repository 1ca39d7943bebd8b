/** @module Which agency is competent (Art. 38) and the agency codes of Wuhan's districts. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AidApplication } from './tables.js';

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

/** The city centre's id: its cases' objections go to the city bureau, a district centre's to its district's. */
export async function cityAgencyId(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', 'city')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Why this office is competent, in the words the case page shows (Art. 38, or the recorded correction). */
export function competenceBasis(
  a: Pick<
    AidApplication,
    'competence_reason' | 'is_litigation' | 'handling_organ' | 'handling_district'
  >,
): string {
  if (a.competence_reason) return `经更正管辖：${a.competence_reason}`;
  const where = a.is_litigation
    ? `诉讼事项，办案机关${a.handling_organ ? `（${a.handling_organ}）` : ''}所在地为${a.handling_district}`
    : `争议处理机关所在地或者事由发生地为${a.handling_district}`;
  return `${where}（法律援助法第三十八条）`;
}
