/**
 * @module 考核 computation of the community-lawyer programme (村(居)法律顾问): a bureau standard (weight and
 * target per metric) applied to one adviser's figures for one period. Pure, so every figure can be worked by
 * hand in the tests. Points are integers of hundredths (a weight of 25 is 2500) so sums never drift.
 */

/** The metrics a standard weighs; `lower` marks those where less is better. */
export const METRICS = {
  responseRate: { label: '咨询回复率（%）', lower: false },
  responseMinutes: { label: '平均首次回复时长（分钟）', lower: true },
  rating: { label: '平均评价（×100，满分 500）', lower: false },
  offlineServices: { label: '线下服务次数（含普法活动）', lower: false },
  training: { label: '参加培训次数', lower: false },
  complaints: { label: '被投诉次数', lower: true },
} as const;

export type Metric = keyof typeof METRICS;

export interface MetricRule {
  /** Whole points out of 100; a standard's weights sum to 100. */
  weight: number;
  /** Figure that earns the full weight (at least it, or for `lower` metrics at most it). */
  target: number;
}

export type Standard = Record<Metric, MetricRule>;

/** One adviser's figures for a period; null where there is nothing to measure (e.g. no question received). */
export type Figures = Record<Metric, number | null>;

export interface ScorePart {
  metric: Metric;
  figure: number | null;
  target: number;
  weight: number;
  /** Hundredths of a point earned. */
  points: number;
}

export interface Score {
  parts: ScorePart[];
  /** Hundredths of a point, 0–10000. */
  total: number;
}

/**
 * Share of the weight earned, 0–1. Higher-is-better: figure / target, capped at 1. Lower-is-better: full
 * weight at or under the target, else target / figure (so twice the target earns half). No figure earns
 * nothing: a lawyer who received no question has not shown a response rate.
 */
export function share(metric: Metric, figure: number | null, target: number): number {
  if (figure === null) return 0;
  if (METRICS[metric].lower) {
    if (figure <= target) return 1;
    return target <= 0 ? 0 : target / figure;
  }
  if (target <= 0) return 1;
  return Math.min(1, Math.max(0, figure) / target);
}

export function computeScore(standard: Standard, figures: Figures): Score {
  const parts = (Object.keys(METRICS) as Metric[]).map((metric): ScorePart => {
    const { weight, target } = standard[metric];
    const figure = figures[metric];
    return {
      metric,
      figure,
      target,
      weight,
      points: Math.round(weight * 100 * share(metric, figure, target)),
    };
  });
  return { parts, total: parts.reduce((s, p) => s + p.points, 0) };
}

/** The standard shipped until the bureau saves its own (weights sum to 100). */
export const DEFAULT_STANDARD: Standard = {
  responseRate: { weight: 25, target: 95 },
  responseMinutes: { weight: 20, target: 120 },
  rating: { weight: 20, target: 450 },
  offlineServices: { weight: 15, target: 12 },
  training: { weight: 10, target: 4 },
  complaints: { weight: 10, target: 0 },
};

/** Subsidy standard: base + per service, capped; all in fen. Paid only at or above the pass mark. */
export interface SubsidyStandard {
  baseFen: number;
  perServiceFen: number;
  capFen: number;
  /** Hundredths of a point below which no subsidy is paid. */
  passMark: number;
}

export function computeSubsidy(s: SubsidyStandard, total: number, services: number): number {
  if (total < s.passMark) return 0;
  return Math.min(s.capFen, s.baseFen + s.perServiceFen * Math.max(0, services));
}
