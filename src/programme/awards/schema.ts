/** @module Request schemas of the 品牌 awards (bounded: the fuzz test sends hostile values). */
import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const ApplyBody = z.strictObject({
  kind: z.enum(['studio', 'firm']),
  nominee: Text(100),
  district: z.string().trim().max(50).optional(),
  materials: Text(20_000),
});
export const ResubmitBody = z.strictObject({ materials: Text(20_000) });
export const ObjectionBody = z.strictObject({ objection: Text(2_000) });
export const ScoreBody = z.strictObject({ score: z.number().int().min(0).max(100) });
/** The bureau's steps; `score` and `object` have their own endpoints. */
export const AdminEventBody = z.strictObject({
  type: z.enum([
    'pass',
    'return',
    'reject',
    'finish_inspection',
    'approve',
    'uphold',
    'dismiss',
    'award',
  ]),
  reason: z.string().trim().max(2_000).optional(),
  publicityDays: z.number().int().min(1).max(30).optional(),
});
export const AwardQuery = z.strictObject({
  status: z
    .enum([
      'submitted',
      'returned',
      'inspection',
      'deliberation',
      'publicity',
      'objection_review',
      'awarded',
      'rejected',
    ])
    .optional(),
});
