/** @module Request schemas of the programme area (bounded: the fuzz test sends hostile values). */
import { z } from 'zod';
import { Id } from '../core/schemas.js';

export const Period = z.string().regex(/^\d{4}(-Q[1-4])?$/, '考核期间格式应为 2026 或 2026-Q4');
const Rule = z.strictObject({
  weight: z.number().int().min(0).max(100),
  target: z.number().int().min(0).max(1_000_000),
});
export const ScoreStandardBody = z.strictObject({
  responseRate: Rule,
  responseMinutes: Rule,
  rating: Rule,
  offlineServices: Rule,
  training: Rule,
  complaints: Rule,
});
const Fen = z.number().int().min(0).max(100_000_000);
export const SubsidyStandardBody = z.strictObject({
  baseFen: Fen,
  perServiceFen: Fen,
  capFen: Fen,
  passMark: z.number().int().min(0).max(10_000),
});
export const ComputeBody = z.strictObject({
  adviserId: Id,
  period: Period,
  training: z.number().int().min(0).max(1000),
  complaints: z.number().int().min(0).max(1000),
});
export const PeriodQuery = z.strictObject({ period: Period });
