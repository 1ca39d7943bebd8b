/** @module Reusable zod pieces: ids in paths, pagination, personal data fields. */
import { z } from 'zod';
import { isValidIdNumber, isValidMobile } from './pii.js';

export const IdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const Pagination = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const IdNumber = z
  .string()
  .trim()
  .refine(isValidIdNumber, { message: '身份证号码无效（须为18位且校验位正确）' });
export const Mobile = z.string().trim().refine(isValidMobile, { message: '手机号码无效' });
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });
