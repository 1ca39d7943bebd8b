/**
 * @module Login attempts per (username, client address), counted in the database: an attempt is reserved
 * by one conditional upsert *before* its password is checked, so N parallel guesses cannot all pass a
 * count read beforehand. Keyed by the name typed, not the account, so an unknown name behaves alike.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AttemptLimits {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * Counts one attempt for (username, ip). False when that pair is locked or already has `maxFailures`
 * attempts counted (some may still be in flight). An expired lock, and a count left alone for the lock's
 * length, are forgotten first.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  username: string,
  ip: string,
  now: Date,
  limits: AttemptLimits,
): Promise<boolean> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - limits.lockMinutes * 60_000).toISOString();
  await db
    .deleteFrom('login_attempts')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where((eb) =>
      eb.or([
        eb.and([eb('locked_until', 'is not', null), eb('locked_until', '<=', at)]),
        eb.and([eb('locked_until', 'is', null), eb('updated_at', '<=', stale)]),
      ]),
    )
    .execute();
  const row = await db
    .insertInto('login_attempts')
    .values({ username, ip, failures: 1, locked_until: null, updated_at: at })
    .onConflict((oc) =>
      oc
        .columns(['username', 'ip'])
        .doUpdateSet({ failures: sql<number>`login_attempts.failures + 1`, updated_at: at })
        .where('login_attempts.locked_until', 'is', null)
        .where('login_attempts.failures', '<', limits.maxFailures),
    )
    .returning('failures')
    .executeTakeFirst();
  return row !== undefined;
}

/** After a wrong password: locks the pair once its count reached the limit. True when this call locked it. */
export async function lockWhenExhausted(
  db: Kysely<Database>,
  username: string,
  ip: string,
  now: Date,
  limits: AttemptLimits,
): Promise<boolean> {
  const until = new Date(now.getTime() + limits.lockMinutes * 60_000).toISOString();
  const r = await db
    .updateTable('login_attempts')
    .set({ locked_until: until, updated_at: now.toISOString() })
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('locked_until', 'is', null)
    .where('failures', '>=', limits.maxFailures)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A right password forgets the pair's count. */
export async function clearAttempts(
  db: Kysely<Database>,
  username: string,
  ip: string,
): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .execute();
}

/** Staff unlock: forgets every address's count for the name. Returns how many locks were lifted. */
export async function unlockUsername(
  db: Kysely<Database>,
  username: string,
  now: Date,
): Promise<number> {
  const rows = await db
    .deleteFrom('login_attempts')
    .where('username', '=', username)
    .returning('locked_until')
    .execute();
  return rows.filter((r) => r.locked_until !== null && r.locked_until > now.toISOString()).length;
}

/** Which of `usernames` are locked from at least one address now. */
export async function lockedUsernames(
  db: Kysely<Database>,
  usernames: string[],
  now: Date,
): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .selectFrom('login_attempts')
    .select('username')
    .distinct()
    .where('username', 'in', usernames)
    .where('locked_until', '>', now.toISOString())
    .execute();
  return new Set(rows.map((r) => r.username));
}
