/** @module Request schemas of the notify endpoints. */
import { z } from 'zod';
import { Id } from '../core/schemas.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间须为 HH:MM');

export const InboxQuery = z.strictObject({
  unread: z.enum(['1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const MarkReadBody = z.strictObject({
  ids: z.array(Id).min(1).max(200),
});

export const PreferencesBody = z
  .strictObject({
    sms: z.boolean(),
    wechat: z.boolean(),
    quietStart: HHMM.nullable(),
    quietEnd: HHMM.nullable(),
  })
  .refine((p) => (p.quietStart === null) === (p.quietEnd === null), {
    message: '免打扰时段须同时填写开始和结束时间',
    path: ['quietEnd'],
  });
