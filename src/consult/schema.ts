/** @module Request schemas of the consult area (zod, strict: unknown fields are refused). */
import { z } from 'zod';
import { CoercedId, Id, IsoDate } from '../core/schemas.js';
import { WUHAN_DISTRICTS } from '../db/seed-agencies.js';
import { CASE_TYPES } from '../aid/schema.js';
import { CATEGORIES, OFFLINE_KINDS } from './labels.js';

const Name = z.string().trim().min(1).max(60);

export const StreetCreate = z.strictObject({
  district: z.enum(WUHAN_DISTRICTS as [string, ...string[]]),
  name: Name,
});

export const CommunityCreate = z.strictObject({
  streetId: Id,
  name: Name,
  kind: z.enum(['community', 'village']).default('community'),
  lawyerIds: z.array(Id).max(10).default([]),
});

export const CommunityUpdate = z.strictObject({
  name: Name.optional(),
  kind: z.enum(['community', 'village']).optional(),
  lawyerIds: z.array(Id).max(10).optional(),
});

export const LawyerUpsert = z.strictObject({
  registered: z.boolean(),
  active: z.boolean(),
  inPool: z.boolean(),
  specialties: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
});

export const UserIdParams = z.strictObject({ userId: CoercedId });

export const CsvImport = z.strictObject({
  kind: z.enum(['communities', 'lawyers']),
  csv: z.string().min(1).max(900_000),
});

export const ProfileUpdate = z.strictObject({ communityId: Id });

export const Settings = z.strictObject({
  poolAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  hotlineAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});

export const Ask = z.strictObject({
  body: z.string().trim().min(5, { message: '请至少用 5 个字描述您的问题' }).max(4000),
  conversationId: z.string().trim().min(1).max(100).optional(),
});

export const MessageCreate = z.strictObject({ body: z.string().trim().min(1).max(4000) });

export const Classify = z.strictObject({
  category: z.enum(CATEGORIES),
  /** With 法律援助: the aid matter (aid's caseType), carried into the resident's application. */
  caseType: z.enum(CASE_TYPES).optional(),
});

export const Rate = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).optional(),
});

export const InboxQuery = z.strictObject({
  box: z.enum(['mine', 'pool', 'hotline', 'all']).default('mine'),
  status: z.enum(['open', 'answered', 'all']).default('open'),
});

export const OfflineLogCreate = z.strictObject({
  communityId: Id,
  kind: z.enum(OFFLINE_KINDS),
  date: IsoDate,
  count: z.number().int().min(1).max(10_000),
  note: z.string().trim().max(500).optional(),
});

export const Period = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['from'] });

export const MetricsQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  by: z.enum(['lawyer', 'community', 'street', 'district']).default('district'),
});

/** A bulletin's period: a month (`2026-10`) or a quarter (`2026-Q4`). */
export const MonthParams = z.strictObject({
  month: z.string().regex(/^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/, {
    message: '期间格式应为 YYYY-MM（月）或 YYYY-Qn（季度）',
  }),
});

const Year = z.coerce.number().int().min(2000).max(2100);
export const TargetsQuery = z.strictObject({ year: Year });
export const TargetsUpdate = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  targets: z
    .array(
      z.strictObject({
        metric: z.string().trim().min(1).max(60),
        target: z.number().positive().max(1e9),
      }),
    )
    .max(50),
});
export const HalfYearQuery = z.strictObject({
  year: Year,
  half: z
    .enum(['1', '2'])
    .transform(Number)
    .pipe(z.union([z.literal(1), z.literal(2)])),
});
