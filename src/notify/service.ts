/**
 * @module The notification outbox's contract for other areas. An area calls `enqueueNotification` in the
 * same transaction as the event that causes the message, so a rolled-back event sends nothing and a
 * committed one is never lost; the delivery worker (deliver.ts) sends what was committed, once.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { contactPoints } from '../auth/identities.js';
import { nowIso } from '../db/columns.js';
import type { Database } from '../db/schema.js';
import { findPreference, insertOutbox, rowsForRef, upsertPreference } from './repository.js';
import type { NotifyChannel, NotifyOutboxRow, OutboxStatus } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NotificationInput {
  /** `<area>.<event>`, e.g. `aid.correction`. */
  kind: string;
  /** An account: the in-app inbox, and its phone and WeChat as the person allows. */
  userId?: number | null;
  /** A bare mobile number (a window applicant without an account), or one to use instead of the account's. */
  phone?: string | null;
  title: string;
  /** Chinese text short enough for one SMS (70 characters are one segment; longer ones are split by the gateway). */
  body: string;
  refType: string;
  refId: number | string;
  /** One message per key and channel: calling again with the same key queues nothing more. */
  dedupeKey?: string;
  /** Sent even in quiet hours (one-time codes, a hearing tomorrow morning). */
  urgent?: boolean;
  /** Erased from the outbox once delivered (one-time codes). */
  sensitive?: boolean;
}

const MOBILE = /^1\d{10}$/;

/** Which channels reach this person: in-app for an account, SMS and WeChat unless they turned them off. */
async function resolveChannels(
  db: Db,
  n: NotificationInput,
): Promise<{ channel: NotifyChannel; address: string | null }[]> {
  const out: { channel: NotifyChannel; address: string | null }[] = [];
  const contact = n.userId ? await contactPoints(db, n.userId) : null;
  const pref = n.userId ? await findPreference(db, n.userId) : undefined;
  if (contact && n.userId) out.push({ channel: 'inapp', address: null });
  const phone = n.phone ?? contact?.phone ?? null;
  // A one-time code goes to the number typed, whatever the account prefers.
  const smsAllowed = !pref || pref.sms === 1 || n.sensitive === true;
  if (phone && MOBILE.test(phone) && smsAllowed) out.push({ channel: 'sms', address: phone });
  if (contact?.wechatOpenId && (!pref || pref.wechat === 1))
    out.push({ channel: 'wechat', address: contact.wechatOpenId });
  return out;
}

/**
 * Queues the message on every channel that reaches the person; returns the channels used (none: nobody
 * can be reached, and the caller must deliver the notice another way — on paper).
 */
export async function enqueueNotification(
  db: Db,
  n: NotificationInput,
  now: Date = new Date(),
): Promise<NotifyChannel[]> {
  const channels = await resolveChannels(db, n);
  const at = now.toISOString();
  const key = n.dedupeKey ?? `${n.kind}:${n.refType}:${n.refId}:${at}`;
  const rows: Insertable<NotifyOutboxRow>[] = channels.map((c) => ({
    kind: n.kind,
    channel: c.channel,
    user_id: n.userId ?? null,
    address: c.address,
    title: n.title,
    body: n.body,
    ref_type: n.refType,
    ref_id: String(n.refId),
    dedupe_key: key,
    // The inbox is the delivery: an in-app message is there the moment the event commits.
    status: c.channel === 'inapp' ? 'sent' : 'pending',
    sent_at: c.channel === 'inapp' ? at : null,
    attempts: 0,
    next_attempt_at: at,
    sensitive: n.sensitive ? 1 : 0,
    urgent: n.urgent ? 1 : 0,
    created_at: at,
    updated_at: at,
  }));
  await insertOutbox(db, rows);
  return channels.map((c) => c.channel);
}

export interface NoticeDelivery {
  channel: NotifyChannel;
  status: OutboxStatus;
  sentAt: string | null;
  readAt: string | null;
}

/** What was queued for a record and how far each message got, oldest first. */
export async function noticeDeliveries(
  db: Db,
  refType: string,
  refId: number | string,
  kind?: string,
): Promise<NoticeDelivery[]> {
  const rows = await rowsForRef(db, refType, String(refId), kind);
  return rows.map((r) => ({
    channel: r.channel,
    status: r.status,
    sentAt: r.sent_at,
    readAt: r.read_at,
  }));
}

export interface Preferences {
  sms: boolean;
  wechat: boolean;
  quietStart: string | null;
  quietEnd: string | null;
}

export async function getPreferences(db: Db, userId: number): Promise<Preferences> {
  const p = await findPreference(db, userId);
  return {
    sms: p ? p.sms === 1 : true,
    wechat: p ? p.wechat === 1 : true,
    quietStart: p?.quiet_start ?? null,
    quietEnd: p?.quiet_end ?? null,
  };
}

export async function setPreferences(db: Db, userId: number, p: Preferences): Promise<void> {
  await upsertPreference(db, {
    user_id: userId,
    sms: p.sms ? 1 : 0,
    wechat: p.wechat ? 1 : 0,
    quiet_start: p.quietStart,
    quiet_end: p.quietEnd,
    updated_at: nowIso(),
  });
}
