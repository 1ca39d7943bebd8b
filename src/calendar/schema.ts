/** @module Request schemas of the calendar area. */
import { z } from 'zod';
import { IsoDate } from '../core/schemas.js';

const Year = z.coerce.number().int().min(2000).max(2100);

export const CalendarQuery = z.strictObject({ year: Year.optional() });
export const YearParams = z.strictObject({ year: Year });
export const DateParams = z.strictObject({ date: IsoDate });

export const YearBody = z.strictObject({
  status: z.enum(['official', 'provisional']),
  source: z.string().trim().min(2, { message: '请注明依据（如国务院办公厅通知文号）' }).max(500),
});

export const DayBody = z.strictObject({
  kind: z.enum(['holiday', 'workday', 'normal']),
  note: z.string().trim().max(200).default(''),
});
