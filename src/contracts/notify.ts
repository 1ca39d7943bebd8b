/** @module Contract of the notify API (/api/v1/me/notifications…, /api/v1/admin/notify/log). */
import { z } from 'zod';

export const NotifyChannel = z.enum(['sms', 'wechat', 'inapp']);
export const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'failed']);

export const InboxItem = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  refType: z.string(),
  refId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const Inbox = z.object({ items: z.array(InboxItem) });

export const NotifyPreferences = z.object({
  sms: z.boolean(),
  wechat: z.boolean(),
  quietStart: z.string().nullable(),
  quietEnd: z.string().nullable(),
});

export const NotifyLogEntry = z.object({
  id: z.number(),
  at: z.string(),
  provider: z.string(),
  outcome: z.string(),
  detail: z.string().nullable(),
  kind: z.string(),
  channel: NotifyChannel,
  status: OutboxStatus,
  attempts: z.number(),
});
export type NotifyLogEntry = z.infer<typeof NotifyLogEntry>;
export const NotifyLog = z.object({ items: z.array(NotifyLogEntry) });
