/**
 * @module The half-year report (半年工作目标完成情况) of 法指针 in the form of 责任事项 → 目标 → 完成情况: the
 * bureau sets yearly targets for named measures; a half year's counts are held against half the yearly
 * target, its rates, times and scores against the target itself; a measure where lower is better
 * (response time) is met at or under its target. A target under an unknown name is refused.
 */
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { AppError, badRequest } from '../core/errors.js';
import type { SessionUser } from '../core/session.js';
import { percent, services } from './bulletin.js';
import { OFFLINE_KINDS, OFFLINE_LABELS } from './labels.js';
import { consultStatistics, type Period } from './metrics.js';
import { listTargets, replaceTargets } from './targets-repository.js';
import { scoreAgainst, type Scored } from '../core/targets.js';

type Facts = Awaited<ReturnType<typeof consultStatistics>> & {
  services: Awaited<ReturnType<typeof services>>;
};

export interface Measure {
  key: string;
  /** 责任事项 */
  item: string;
  unit: string;
  /** A count adds up over the year (half of it is due by mid-year); the others do not. */
  kind: 'count' | 'rate' | 'time' | 'score';
  better: 'higher' | 'lower';
  value: (f: Facts) => number | null;
}

export const MEASURES: readonly Measure[] = [
  {
    key: 'questions',
    item: '线上法律咨询',
    unit: '件',
    kind: 'count',
    better: 'higher',
    value: (f) => f.online.questions,
  },
  {
    key: 'responseRate',
    item: '线上咨询回复率',
    unit: '%',
    kind: 'rate',
    better: 'higher',
    value: (f) => percent(f.online.responseRate),
  },
  {
    key: 'meanMinutes',
    item: '平均首次响应时间',
    unit: '分钟',
    kind: 'time',
    better: 'lower',
    value: (f) => f.online.meanMinutes,
  },
  {
    key: 'p90Minutes',
    item: '90% 咨询的首次响应时间',
    unit: '分钟',
    kind: 'time',
    better: 'lower',
    value: (f) => f.online.p90Minutes,
  },
  {
    key: 'services.total',
    item: '线上线下法律服务合计',
    unit: '件/次',
    kind: 'count',
    better: 'higher',
    value: (f) => f.services.total,
  },
  ...OFFLINE_KINDS.map((k): Measure => ({
    key: `services.${k}`,
    item: `${OFFLINE_LABELS[k]}（线上线下）`,
    unit: '件/次',
    kind: 'count',
    better: 'higher',
    value: (f) => f.services.items.find((i) => i.kind === k)!.total,
  })),
  {
    key: 'registrationRate',
    item: '村（居）法律顾问注册在岗率',
    unit: '%',
    kind: 'rate',
    better: 'higher',
    value: (f) => percent(f.registration.rate),
  },
  {
    key: 'meanRating',
    item: '群众评价均分',
    unit: '分',
    kind: 'score',
    better: 'higher',
    value: (f) => f.rating.mean,
  },
];
const BY_KEY = new Map(MEASURES.map((m) => [m.key, m]));

export type { Scored };

/** Scores one figure against the period's target (the one rule of core/targets). */
export const score = (better: Measure['better'], actual: number | null, target: number): Scored =>
  scoreAgainst(better, actual, target);

export const getTargets = listTargets;

/** Replaces a year's targets; 400 `unknown_target` for a name that is no measure (a typo would count for nothing). */
export async function setTargets(
  ctx: AppContext,
  actor: SessionUser,
  year: number,
  targets: { metric: string; target: number }[],
): Promise<void> {
  for (const t of targets)
    if (!BY_KEY.has(t.metric))
      throw AppError.of('unknown_target', `没有名为“${t.metric}”的目标指标`, {
        metric: t.metric,
        known: [...BY_KEY.keys()],
      });
  if (new Set(targets.map((t) => t.metric)).size !== targets.length)
    throw badRequest('duplicate_metric', '同一指标只能设置一个目标');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceTargets(trx, year, targets, at);
    await audit(
      trx,
      { actor, action: 'update', entity: 'consult_targets', entityId: year, detail: { targets } },
      ctx.now(),
    );
  });
}

function situation(m: Measure, actual: number | null, target: number, s: Scored): string {
  if (actual === null) return '本期无数据';
  if (m.kind === 'count')
    return `完成${actual}${m.unit}，为半年目标${target}${m.unit}的${s.completion}%`;
  const bound = m.better === 'lower' ? '不超过' : '不低于';
  return `${actual}${m.unit}，目标${bound}${target}${m.unit}，${s.met ? '已达标' : '未达标'}`;
}

/** 上/下半年: one row per target set for the year, in the order of the measures. */
export async function halfYearReport(ctx: AppContext, year: number, half: 1 | 2) {
  const period: Period =
    half === 1
      ? { from: `${year}-01-01`, to: `${year}-06-30` }
      : { from: `${year}-07-01`, to: `${year}-12-31` };
  const facts: Facts = {
    ...(await consultStatistics(ctx.db, period)),
    services: await services(ctx.db, period),
  };
  const set = new Map((await getTargets(ctx.db, year)).map((t) => [t.metric, t.target]));
  const rows = MEASURES.filter((m) => set.has(m.key)).map((m, i) => {
    const annual = set.get(m.key)!;
    const target = m.kind === 'count' ? annual / 2 : annual;
    const actual = m.value(facts);
    const s = score(m.better, actual, target);
    return {
      no: i + 1,
      metric: m.key,
      item: m.item,
      unit: m.unit,
      better: m.better,
      annualTarget: annual,
      periodTarget: target,
      actual,
      ...s,
      situation: situation(m, actual, target, s),
    };
  });
  return {
    title: `法指针社区法律服务${year}年${half === 1 ? '上' : '下'}半年工作目标完成情况`,
    year,
    half,
    period,
    generatedAt: ctx.now().toISOString(),
    rows,
  };
}
