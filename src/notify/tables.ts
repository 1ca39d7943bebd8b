/** @module Row types of the notify area: the outbox (one row per message and channel), preferences, delivery log. */
import type { Generated } from 'kysely';

/** How a message reaches a person: an SMS, a WeChat template message, or the in-app inbox. */
export type NotifyChannel = 'sms' | 'wechat' | 'inapp';

/**
 * pending → sending (claimed by one process, with a lease) → sent | failed; `held` is not a status:
 * a message in quiet hours is pending with a later `next_attempt_at`.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NotifyOutboxRow {
  id: Generated<number>;
  /** `<area>.<event>`, e.g. `aid.correction`, `consult.reply`. */
  kind: string;
  channel: NotifyChannel;
  user_id: number | null;
  /** The phone number (sms) or WeChat openid (wechat); null for the in-app inbox. */
  address: string | null;
  title: string;
  body: string;
  ref_type: string;
  ref_id: string;
  /** One message per (key, channel): a retried event does not send twice. */
  dedupe_key: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  /** Which process holds the row while sending, and until when (a crashed sender's rows come back). */
  claimed_by: string | null;
  lease_until: string | null;
  sent_at: string | null;
  read_at: string | null;
  last_error: string | null;
  /** Erase the body once delivered (one-time codes). */
  sensitive: number;
  urgent: number;
  created_at: string;
  updated_at: string;
}

/** A person's choice per channel, and their quiet hours (China time, `HH:MM`). */
export interface NotifyPreferenceRow {
  user_id: number;
  sms: number;
  wechat: number;
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: string;
}

/** One delivery attempt: what the provider answered. */
export interface NotifyLogRow {
  id: Generated<number>;
  outbox_id: number;
  at: string;
  provider: string;
  outcome: 'sent' | 'retry' | 'failed';
  detail: string | null;
}

export interface NotifyTables {
  notify_outbox: NotifyOutboxRow;
  notify_preferences: NotifyPreferenceRow;
  notify_log: NotifyLogRow;
}

declare module '../db/schema.js' {
  interface Database extends NotifyTables {}
}
