/** @module Aid queries shared by routes: hardship lines in force, agency names. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { localDate } from './clock.js';
import type { AidHardshipLineRow } from './tables.js';

type Line = Selectable<AidHardshipLineRow>;

/** For each region, the newest line whose effective date has come. */
export async function currentLines(db: Kysely<Database>, now: Date): Promise<Line[]> {
  const rows = await db
    .selectFrom('aid_hardship_lines')
    .selectAll()
    .where('effective_from', '<=', localDate(now))
    .orderBy('effective_from', 'desc')
    .execute();
  const seen = new Map<string, Line>();
  for (const r of rows) if (!seen.has(r.region)) seen.set(r.region, r);
  return [...seen.values()];
}

/** The district's own line, else the city-wide one. */
export const lineFor = (lines: Line[], region: string): Line | undefined =>
  lines.find((l) => l.region === region) ?? lines.find((l) => l.region === '武汉市');

export async function agencyNames(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('agencies').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
