/** @module Request schemas of the dashboard: a period, a half year, targets. */
import { z } from 'zod';
import { IsoDate } from '../core/schemas.js';

export const PeriodQuery = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: '开始日期不能晚于结束日期',
    path: ['to'],
  });

export const ReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  half: z.enum(['1', '2']).default('1'),
});

export const TargetsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const TargetsBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  targets: z
    .array(
      z.strictObject({
        metric: z.string().regex(/^[a-z]+\.[A-Za-z]+$/, { message: '指标格式应为 模块.指标' }),
        target: z.number().positive().max(1e12),
      }),
    )
    .max(200),
});
