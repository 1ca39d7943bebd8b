/** @module Contract of the bureau's dashboard API (/api/v1/stats): sections of figures, tables and charts, the half-year report, targets. */
import { z } from 'zod';

export const Metric = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
});
export const TableBlock = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export const ChartBlock = z.object({
  key: z.string(),
  title: z.string(),
  type: z.enum(['bar', 'line', 'pie']),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), data: z.array(z.number()) })),
});
export const Section = z.object({
  key: z.string(),
  title: z.string(),
  metrics: z.array(Metric),
  tables: z.array(TableBlock),
  charts: z.array(ChartBlock),
});
const Period = z.object({ from: z.string(), to: z.string() });

export const Dashboard = z.object({
  period: Period,
  generatedAt: z.string(),
  sections: z.array(Section),
});

export const Report = z.object({
  title: z.string(),
  period: Period,
  generatedAt: z.string(),
  targets: z.array(
    z.object({
      metric: z.string(),
      section: z.string(),
      label: z.string(),
      unit: z.string(),
      /** count: held to half the yearly target; level: to the target; lower: a time, lower is better. */
      kind: z.enum(['count', 'level', 'lower']),
      yearlyTarget: z.number(),
      target: z.number(),
      actual: z.number(),
      rate: z.number(),
      met: z.boolean(),
    }),
  ),
  paragraphs: z.array(z.string()),
  sections: z.array(Section),
});

export const Targets = z.object({
  year: z.number(),
  targets: z.array(z.object({ metric: z.string(), target: z.number() })),
});

export type Metric = z.infer<typeof Metric>;
export type TableBlock = z.infer<typeof TableBlock>;
export type ChartBlock = z.infer<typeof ChartBlock>;
export type Section = z.infer<typeof Section>;
export type Dashboard = z.infer<typeof Dashboard>;
export type Report = z.infer<typeof Report>;
