/**
 * @module 普法 totals for the bureau's dashboard (the lead wires them into stats): activities, audience and
 * campaigns reached over a period of China dates, both inclusive (the stats area's Period), by kind.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addCalendarDays } from '../../core/time.js';
import type { ActivityKind } from '../tables.js';
import { startedBetween } from './repository.js';

export interface PublicityTotals {
  activities: number;
  audience: number;
  /** Campaigns with at least one activity in the period. */
  campaigns: number;
  byKind: Record<ActivityKind, { activities: number; audience: number }>;
}

/** The instant a China date begins, as an ISO string (UTC+8, no daylight saving). */
export const chinaDayStart = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();

/** Totals of the activities that started between two ISO instants [from, to). */
export async function publicityTotalsBetween(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<PublicityTotals> {
  const rows = await startedBetween(db, from, to);
  const zero = () => ({ activities: 0, audience: 0 });
  const byKind: PublicityTotals['byKind'] = {
    lecture: zero(),
    community: zero(),
    enterprise: zero(),
    school: zero(),
    other: zero(),
  };
  let audience = 0;
  for (const r of rows) {
    byKind[r.kind].activities += 1;
    byKind[r.kind].audience += r.audience;
    audience += r.audience;
  }
  return {
    activities: rows.length,
    audience,
    campaigns: new Set(rows.map((r) => r.campaign_id)).size,
    byKind,
  };
}

/** Totals over China dates `from`…`to`, both inclusive (e.g. the dashboard's month or year). */
export const publicityTotals = (db: Kysely<Database>, period: { from: string; to: string }) =>
  publicityTotalsBetween(
    db,
    chinaDayStart(period.from),
    chinaDayStart(addCalendarDays(period.to, 1)),
  );
