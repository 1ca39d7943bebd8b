/** @module Request schemas of the reading API. */
import { z } from 'zod';
import { IsoDate, Pagination } from '../core/schemas.js';

const Locale = z.enum(['zh-CN', 'zh-TW']).default('zh-CN');

export const LawListQuery = z.strictObject({
  level: z.string().trim().min(1).max(20).optional(),
  category: z.string().trim().min(1).max(50).optional(),
  q: z.string().trim().max(100).optional(),
  locale: Locale,
  ...Pagination,
});

export const LevelsQuery = z.strictObject({ locale: Locale });

export const LawParams = z.strictObject({ law: z.string().trim().min(1).max(200) });

export const LawQuery = z.strictObject({
  version: IsoDate.optional(),
  full: z.enum(['0', '1', 'true', 'false']).optional(),
  locale: Locale,
});

export const ArticleParams = z.strictObject({
  law: z.string().trim().min(1).max(200),
  article: z.string().trim().min(1).max(40),
});

export const ArticleQuery = z.strictObject({ version: IsoDate.optional(), locale: Locale });

export type LocaleName = z.infer<typeof Locale>;
