/** @module Request schemas of the subsidies sub-area (zod, strict). */
import { z } from 'zod';
import { CoercedId, Id, IsoDate } from '../../core/schemas.js';
import { CASE_TYPES } from '../schema.js';

export const StandardSchema = z.strictObject({
  caseType: z.enum(CASE_TYPES),
  stage: z.enum(['non_litigation', 'litigation']),
  amount: z.number().int().min(0).max(1_000_000),
  effectiveFrom: IsoDate,
  note: z.string().trim().max(200).optional(),
});

export const ComputeSchema = z.strictObject({ applicationId: Id });

export const SubsidyEventSchema = z.strictObject({
  type: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(1000).optional(),
});

export const SubsidyQuery = z.strictObject({
  status: z.enum(['computed', 'approved', 'rejected']).optional(),
  agencyId: CoercedId.optional(),
});

export const ExportQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
