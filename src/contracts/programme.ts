/** @module Contract of the programme API (/api/v1/programme/mine/scores): an adviser's published 考核. Pure zod. */
import { z } from 'zod';

export const ScorePartView = z.object({
  metric: z.string(),
  label: z.string(),
  figure: z.number().nullable(),
  target: z.number(),
  weight: z.number(),
  points: z.number(),
  pointsLabel: z.string(),
});

export const ScoreView = z.object({
  id: z.number(),
  period: z.string(),
  status: z.string(),
  total: z.number(),
  totalLabel: z.string(),
  parts: z.array(ScorePartView),
  publishedAt: z.string().nullable(),
});
export type ScoreView = z.infer<typeof ScoreView>;

export const MyScores = z.object({ items: z.array(ScoreView) });
