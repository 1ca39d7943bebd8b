/** @module The notify area's queries: outbox rows, the claim that gives each row to one sender, preferences, log. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Dialect } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import type { NotifyOutboxRow, NotifyPreferenceRow } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type OutboxRow = Selectable<NotifyOutboxRow>;

/** Inserts the rows; a (key, channel) already there is left as it was (the event was retried). */
export async function insertOutbox(db: Db, rows: Insertable<NotifyOutboxRow>[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('notify_outbox')
    .values(rows)
    .onConflict((oc) => oc.columns(['dedupe_key', 'channel']).doNothing())
    .execute();
}

/** Rows whose sender died holding them go back to the queue once their lease has run out. */
export async function releaseExpiredLeases(db: Db, nowIso: string): Promise<number> {
  const r = await db
    .updateTable('notify_outbox')
    .set({ status: 'pending', claimed_by: null, lease_until: null, updated_at: nowIso })
    .where('status', '=', 'sending')
    .where('lease_until', '<', nowIso)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Gives up to `limit` due rows to `worker`. The UPDATE re-checks `status = 'pending'`, so of two
 * processes claiming at once each row goes to one; on PostgreSQL `SKIP LOCKED` lets the second take
 * other rows instead of waiting for the first.
 */
export async function claimDue(
  db: Kysely<Database>,
  dialect: Dialect,
  worker: string,
  nowIso: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxRow[]> {
  let due = db
    .selectFrom('notify_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('channel', '!=', 'inapp')
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .limit(limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('notify_outbox')
    .set((eb) => ({
      status: 'sending',
      claimed_by: worker,
      lease_until: leaseUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: nowIso,
    }))
    .where('id', 'in', due)
    .where('status', '=', 'pending')
    .returningAll()
    .execute();
}

export interface SendOutcome {
  status: 'sent' | 'pending' | 'failed';
  nextAttemptAt?: string;
  error?: string | null;
}

/** Records what the provider answered, only while `worker` still holds the row. */
export async function settle(
  db: Db,
  row: OutboxRow,
  worker: string,
  outcome: SendOutcome,
  nowIso: string,
  /** -1 gives back the attempt the claim counted (a message held for quiet hours was not tried). */
  attemptsDelta = 0,
): Promise<boolean> {
  const r = await db
    .updateTable('notify_outbox')
    .set({
      status: outcome.status,
      claimed_by: null,
      lease_until: null,
      last_error: outcome.error ?? null,
      ...(attemptsDelta ? { attempts: row.attempts + attemptsDelta } : {}),
      ...(outcome.status === 'sent' ? { sent_at: nowIso } : {}),
      ...(outcome.nextAttemptAt ? { next_attempt_at: outcome.nextAttemptAt } : {}),
      ...(row.sensitive && outcome.status !== 'pending' ? { body: '（内容已删除）' } : {}),
      updated_at: nowIso,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', worker)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertLog(
  db: Db,
  entry: {
    outboxId: number;
    at: string;
    provider: string;
    outcome: 'sent' | 'retry' | 'failed';
    detail: string | null;
  },
): Promise<void> {
  await db
    .insertInto('notify_log')
    .values({
      outbox_id: entry.outboxId,
      at: entry.at,
      provider: entry.provider,
      outcome: entry.outcome,
      detail: entry.detail,
    })
    .execute();
}

/** What was queued for a record, oldest first (the causing area reads whether its notice reached anyone). */
export function rowsForRef(db: Db, refType: string, refId: string, kind?: string) {
  let q = db
    .selectFrom('notify_outbox')
    .select(['id', 'kind', 'channel', 'status', 'sent_at', 'read_at', 'created_at'])
    .where('ref_type', '=', refType)
    .where('ref_id', '=', refId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('id').execute();
}

/** A person's in-app inbox, newest first. */
export function inbox(db: Db, userId: number, limit: number, unreadOnly: boolean) {
  let q = db
    .selectFrom('notify_outbox')
    .select(['id', 'kind', 'title', 'body', 'ref_type', 'ref_id', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .where('channel', '=', 'inapp');
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Marks the person's own in-app messages read; someone else's ids change nothing. */
export async function markRead(
  db: Db,
  userId: number,
  ids: number[],
  nowIso: string,
): Promise<number> {
  if (!ids.length) return 0;
  const r = await db
    .updateTable('notify_outbox')
    .set({ read_at: nowIso, updated_at: nowIso })
    .where('user_id', '=', userId)
    .where('channel', '=', 'inapp')
    .where('id', 'in', ids)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findPreference(db: Db, userId: number) {
  return db
    .selectFrom('notify_preferences')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertPreference(db: Db, row: NotifyPreferenceRow): Promise<void> {
  const { user_id: _id, ...rest } = row;
  await db
    .insertInto('notify_preferences')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(rest))
    .execute();
}

/** The delivery log for administrators, newest first, with each message's kind and channel. */
export function recentLog(db: Db, limit: number) {
  return db
    .selectFrom('notify_log as l')
    .innerJoin('notify_outbox as o', 'o.id', 'l.outbox_id')
    .select([
      'l.id',
      'l.at',
      'l.provider',
      'l.outcome',
      'l.detail',
      'o.kind',
      'o.channel',
      'o.status',
      'o.attempts',
    ])
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
}
