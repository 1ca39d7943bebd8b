/** @module Reusable zod pieces: ids in paths, pagination, personal data fields. */
import { z } from 'zod';
import { isValidIdNumber, isValidMobile } from './pii.js';

/** The largest id a PostgreSQL `integer`/`serial` column holds; a larger one would fail in the database. */
export const INT4_MAX = 2_147_483_647;

/** A row id in a JSON body. */
export const Id = z.number().int().positive().max(INT4_MAX);
/** A row id in a path or query string. */
export const CoercedId = z.coerce.number().int().positive().max(INT4_MAX);

export const IdParams = z.strictObject({ id: CoercedId });

export const Pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const IdNumber = z
  .string()
  .trim()
  .refine(isValidIdNumber, { message: '身份证号码无效（须为18位且校验位正确）' });
export const Mobile = z.string().trim().refine(isValidMobile, { message: '手机号码无效' });
/** True for a real calendar day written YYYY-MM-DD (not 2026-13-01, not 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    y >= 1900 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d
  );
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(isCalendarDate, { message: '日期不存在（请检查年、月、日）' });
