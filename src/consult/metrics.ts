/**
 * @module Response metrics: first-response time (mean, median, p90) and response rate per lawyer,
 * community, street and district; offline services by kind (the bulletin is bulletin.ts). Periods are
 * calendar days in Beijing time (UTC+8), inclusive at both ends.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { registrationRate } from './geography.js';
import { OFFLINE_KINDS, OFFLINE_LABELS } from './labels.js';
import { addCalendarDays } from '../core/time.js';

export interface Period {
  from: string;
  to: string;
}

export interface Figures {
  questions: number;
  answered: number;
  /** answered / questions, 0..1; null when nothing was asked. */
  responseRate: number | null;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** `YYYY-MM-DD` in Beijing time → the UTC instant that day starts. */
export function dayStartUtc(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
const nextDay = (date: string) => addCalendarDays(date, 1);

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** Figures of a set of questions; times are minutes from asking to the first lawyer/staff reply. */
export function figuresOf(
  rows: { created_at: string; first_response_at: string | null }[],
): Figures {
  const times = rows
    .filter((r) => r.first_response_at !== null)
    .map((r) => (Date.parse(r.first_response_at!) - Date.parse(r.created_at)) / 60_000)
    .sort((a, b) => a - b);
  const n = times.length;
  const mid = Math.floor(n / 2);
  return {
    questions: rows.length,
    answered: n,
    responseRate: rows.length ? n / rows.length : null,
    meanMinutes: n ? round1(times.reduce((s, x) => s + x, 0) / n) : null,
    medianMinutes: n ? round1(n % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2) : null,
    // nearest-rank p90: the smallest time at or above which 10% of responses lie
    p90Minutes: n ? round1(times[Math.ceil(0.9 * n) - 1]!) : null,
  };
}

async function questionRows(db: Kysely<Database>, p: Period) {
  return db
    .selectFrom('consult_questions as q')
    .innerJoin('consult_communities as c', 'c.id', 'q.community_id')
    .innerJoin('consult_streets as s', 's.id', 'c.street_id')
    .select([
      'q.id',
      'q.created_at',
      'q.first_response_at',
      'q.first_responder_id',
      'q.claimed_by',
      'q.rating',
      'q.community_id',
      'c.name as community',
      's.id as street_id',
      's.name as street',
      's.district',
    ])
    .where('q.created_at', '>=', dayStartUtc(p.from))
    .where('q.created_at', '<', dayStartUtc(nextDay(p.to)))
    .execute();
}

export type GroupBy = 'lawyer' | 'community' | 'street' | 'district';

/**
 * Figures per group. A lawyer's questions are those she was responsible for: claimed by her from the
 * pool, or unclaimed in a community she serves. For 考核 a response is credited to whoever gave it: a
 * question another lawyer or the 12348 hotline answered counts as unanswered by her, and her ratings
 * are those of the questions she answered.
 */
export async function breakdown(db: Kysely<Database>, p: Period, by: GroupBy) {
  const rows = await questionRows(db, p);
  const groups = new Map<string, { key: number | string; name: string; rows: typeof rows }>();
  const add = (key: number | string, name: string, r: (typeof rows)[number]) => {
    const k = String(key);
    if (!groups.has(k)) groups.set(k, { key, name, rows: [] });
    groups.get(k)!.rows.push(r);
  };
  if (by === 'lawyer') {
    const assigned = await db
      .selectFrom('consult_assignments as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.community_id', 'u.id', 'u.display_name'])
      .execute();
    const names = new Map(assigned.map((a) => [a.id, a.display_name]));
    const claimers = rows.map((r) => r.claimed_by).filter((x): x is number => x !== null);
    if (claimers.length)
      for (const u of await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', claimers)
        .execute())
        names.set(u.id, u.display_name);
    for (const r of rows) {
      const ids =
        r.claimed_by !== null
          ? [r.claimed_by]
          : assigned.filter((a) => a.community_id === r.community_id).map((a) => a.id);
      for (const id of ids) add(id, names.get(id) ?? String(id), r);
    }
  } else {
    for (const r of rows) {
      if (by === 'community') add(r.community_id, `${r.district}${r.street}${r.community}`, r);
      else if (by === 'street') add(r.street_id, `${r.district}${r.street}`, r);
      else add(r.district, r.district, r);
    }
  }
  const offline = by === 'lawyer' ? await offlineByLawyer(db, p) : new Map<number, number>();
  return [...groups.values()]
    .map((g) => {
      if (by !== 'lawyer') return { key: g.key, name: g.name, ...figuresOf(g.rows) };
      const id = Number(g.key);
      const own = g.rows.map((r) => ({
        ...r,
        first_response_at: r.first_responder_id === id ? r.first_response_at : null,
      }));
      const rated = g.rows.filter((r) => r.first_responder_id === id && r.rating !== null);
      return {
        key: g.key,
        name: g.name,
        ...figuresOf(own),
        ratings: rated.length,
        meanRating: rated.length
          ? round1(rated.reduce((sum, r) => sum + r.rating!, 0) / rated.length)
          : null,
        offlineServices: offline.get(id) ?? 0,
      };
    })
    .sort((a, b) => b.questions - a.questions || a.name.localeCompare(b.name, 'zh'));
}

/** Offline services each lawyer logged in the period (all kinds). */
async function offlineByLawyer(db: Kysely<Database>, p: Period): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('consult_offline_logs')
    .select(['lawyer_id', (eb) => eb.fn.sum<number>('count').as('total')])
    .where('date', '>=', p.from)
    .where('date', '<=', p.to)
    .groupBy('lawyer_id')
    .execute();
  return new Map(rows.map((r) => [r.lawyer_id, Number(r.total)]));
}

export async function offlineByKind(db: Kysely<Database>, p: Period) {
  const rows = await db
    .selectFrom('consult_offline_logs')
    .select(['kind', (eb) => eb.fn.sum<number>('count').as('total')])
    .where('date', '>=', p.from)
    .where('date', '<=', p.to)
    .groupBy('kind')
    .execute();
  const byKind = new Map(rows.map((r) => [r.kind, Number(r.total)]));
  const items = OFFLINE_KINDS.map((k) => ({
    kind: k,
    label: OFFLINE_LABELS[k],
    count: byKind.get(k) ?? 0,
  }));
  return { items, total: items.reduce((s, i) => s + i.count, 0) };
}

/**
 * The figures the bureau publishes for a period: online consultations, response rate and times,
 * offline services by kind, the share of assigned lawyers registered and active, mean rating.
 * Exported for the bureau dashboard (src/stats).
 */
export async function consultStatistics(db: Kysely<Database>, p: Period) {
  const rows = await questionRows(db, p);
  const rated = rows.filter((r) => r.rating !== null);
  return {
    period: p,
    online: figuresOf(rows),
    offline: await offlineByKind(db, p),
    registration: await registrationRate(db),
    rating: {
      count: rated.length,
      mean: rated.length ? round1(rated.reduce((s, r) => s + r.rating!, 0) / rated.length) : null,
    },
  };
}
