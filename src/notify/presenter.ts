/** @module How notify rows are shown: inbox items to their owner, log entries to administrators. */
import type { InboxItem, NotifyLogEntry } from '../contracts/notify.js';
import type { NotifyChannel, OutboxStatus } from './tables.js';

export function presentInboxItem(r: {
  id: number;
  kind: string;
  title: string;
  body: string;
  ref_type: string;
  ref_id: string;
  created_at: string;
  read_at: string | null;
}): InboxItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    refType: r.ref_type,
    refId: r.ref_id,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

export function presentLogEntry(r: {
  id: number;
  at: string;
  provider: string;
  outcome: string;
  detail: string | null;
  kind: string;
  channel: NotifyChannel;
  status: OutboxStatus;
  attempts: number;
}): NotifyLogEntry {
  return {
    id: r.id,
    at: r.at,
    provider: r.provider,
    outcome: r.outcome,
    detail: r.detail,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    attempts: r.attempts,
  };
}
