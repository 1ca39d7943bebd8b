/** @module Request schemas of the 普法 registry (bounded: the fuzz test sends hostile values). */
import { z } from 'zod';
import { Id, IsoDate } from '../../core/schemas.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
const Count = z.number().int().min(0).max(1_000_000);

export const ACTIVITY_KINDS = {
  lecture: '法治讲座',
  community: '进社区',
  enterprise: '进企业',
  school: '进校园',
  other: '其他',
} as const;

export const CampaignBody = z
  .strictObject({
    name: Text(100),
    description: z.string().trim().max(2_000).optional(),
    fromDate: IsoDate,
    toDate: IsoDate,
  })
  .refine((c) => c.fromDate <= c.toDate, { message: '开始日期不能晚于结束日期', path: ['toDate'] });

export const ActivityBody = z
  .strictObject({
    campaignId: Id,
    kind: z.enum(['lecture', 'community', 'enterprise', 'school', 'other']),
    title: Text(200),
    place: Text(200),
    /** China date and local times. */
    date: IsoDate,
    startTime: Time,
    endTime: Time,
    organiser: Text(100),
    lawyers: z.array(Text(50)).max(50).default([]),
    audience: Count.default(0),
    photoCount: Count.default(0),
  })
  .refine((a) => a.startTime <= a.endTime, {
    message: '结束时间不能早于开始时间',
    path: ['endTime'],
  });

/** After the event: how many came and how many photos were taken. */
export const ActivityResultBody = z.strictObject({ audience: Count, photoCount: Count });

export const CalendarQuery = z.strictObject({ from: IsoDate.optional() });
export const ActivityListQuery = z.strictObject({
  campaignId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
