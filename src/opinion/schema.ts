/** @module Request schemas of the opinion API. */
import { z } from 'zod';
import { IsoDate } from '../core/schemas.js';
import { FIGURE_KEYS } from './figures.js';

export const ScenarioParams = z.strictObject({ scenario: z.string().regex(/^[a-z][a-z0-9-]*$/) });
export const StartBody = z.strictObject({ scenarioId: z.string().min(1).max(50) });
export const AnswerBody = z.strictObject({
  questionId: z.string().min(1).max(50),
  value: z.union([z.string().max(2000), z.number(), z.boolean()]),
});
export const MoveBody = z.strictObject({ direction: z.enum(['back', 'forward']) });
export const LocaleQuery = z.strictObject({ locale: z.enum(['zh-CN', 'zh-TW']).default('zh-CN') });
export const CodeParams = z.strictObject({
  code: z.string().regex(/^[0-9A-Za-z]{12}$/, '核验码应为 12 位字母或数字'),
});

const FigureKey = z.string().refine((k) => k in FIGURE_KEYS, { message: '未知的数据项' });
export const FigureBody = z.strictObject({
  key: FigureKey,
  value: z.number().min(0).max(1e9),
  region: z.string().min(1).max(50),
  effectiveDate: IsoDate,
  source: z.string().min(2).max(300),
  example: z.boolean().default(false),
});
export const FigurePatch = FigureBody.omit({ key: true }).partial();
