/** @module The bureau's dashboard: every provider over one period, its Excel export, yearly targets and the half-year report. */
import type { SessionUser } from '../core/session.js';
import { audit } from '../core/audit.js';
import type { AppContext } from '../core/context.js';
import { badRequest } from '../core/errors.js';
import { toXlsx, type Sheet } from '../core/export.js';
import { scoreAgainst } from '../core/targets.js';
import { chinaDate } from '../core/time.js';
import { PROVIDERS } from './providers/index.js';
import { listTargets, replaceTargets } from './repository.js';
import type { Period, Section } from './providers/types.js';

export interface Dashboard {
  period: Period;
  generatedAt: string;
  sections: Section[];
}

/** The default period: 1 January of this year to today. */
export function resolvePeriod(
  ctx: AppContext,
  q: { from?: string | undefined; to?: string | undefined },
): Period {
  const today = chinaDate(ctx.now());
  const p = { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to ?? today };
  if (p.from > p.to) throw badRequest('bad_period', '开始日期不能晚于结束日期');
  if (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4)) > 5)
    throw badRequest('period_too_long', '统计区间不能超过五年');
  return p;
}

export async function dashboard(ctx: AppContext, period: Period): Promise<Dashboard> {
  const input = { db: ctx.db, period, today: chinaDate(ctx.now()) };
  const sections: Section[] = [];
  for (const p of PROVIDERS) sections.push(await p.collect(input));
  return { period, generatedAt: ctx.now().toISOString(), sections };
}

const sheetName = (s: string) => s.replace(/[\\/?*[\]:]/g, '').slice(0, 31);

/** One workbook: an overview sheet of every figure, then one sheet per table. */
export function dashboardWorkbook(d: Dashboard): Promise<Buffer> {
  const overview = d.sections.flatMap((s) => s.metrics.map((m) => ({ section: s.title, ...m })));
  const sheets: Sheet<Record<string, string | number>>[] = [
    {
      name: '概览',
      columns: [
        { header: '模块', value: (r) => r.section, width: 12 },
        { header: '指标', value: (r) => r.label, width: 28 },
        { header: '数值', value: (r) => r.value, width: 12 },
        { header: '单位', value: (r) => r.unit },
      ],
      rows: overview,
    },
  ];
  const used = new Set(['概览']);
  for (const s of d.sections)
    for (const t of s.tables) {
      let name = sheetName(`${s.title}-${t.title}`);
      for (let i = 2; used.has(name); i++)
        name = sheetName(`${s.title}-${t.title}`).slice(0, 28) + `-${i}`;
      used.add(name);
      sheets.push({
        name,
        columns: t.columns.map((c) => ({ header: c.label, value: (r) => r[c.key], width: 16 })),
        rows: t.rows,
      });
    }
  return toXlsx([
    {
      name: '统计区间',
      columns: [
        { header: '开始', value: () => d.period.from, width: 12 },
        { header: '结束', value: () => d.period.to, width: 12 },
      ],
      rows: [{}],
    },
    ...sheets,
  ]);
}

export async function getTargets(ctx: AppContext, year: number) {
  const rows = await listTargets(ctx.db, year);
  return rows.map((r) => ({ metric: r.metric, target: Number(r.target) }));
}

/** Replaces a year's targets in one transaction. */
export async function setTargets(
  ctx: AppContext,
  actor: SessionUser,
  year: number,
  targets: { metric: string; target: number }[],
): Promise<void> {
  const metrics = new Set(targets.map((t) => t.metric));
  if (metrics.size !== targets.length)
    throw badRequest('duplicate_metric', '同一指标只能设置一个目标');
  // A mistyped key would be stored and never reported: refuse it, naming it.
  const today = chinaDate(ctx.now());
  const known = new Set(
    (await dashboard(ctx, { from: today, to: today })).sections.flatMap((sec) =>
      sec.metrics.map((m) => `${sec.key}.${m.key}`),
    ),
  );
  const unknown = [...metrics].filter((m) => !known.has(m));
  if (unknown.length)
    throw badRequest('unknown_target', `目标指标不存在：${unknown.join('、')}`, { unknown });
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceTargets(trx, year, targets, now);
    await audit(
      trx,
      {
        actor,
        action: 'update',
        entity: 'stats_targets',
        entityId: year,
        detail: { count: targets.length },
      },
      ctx.now(),
    );
  });
}

/**
 * How a figure meets its target: a count accumulates over the year, so a half year is held to half the
 * yearly target; a level (a rate, a mean score) is held to the target itself; a time (response minutes,
 * days) is a level where lower is better.
 */
export type TargetKind = 'count' | 'level' | 'lower';
const LEVEL_UNITS = new Set(['%', '分']);
const TIME_UNITS = new Set(['分钟', '小时', '天', '日']);
export const targetKind = (unit: string): TargetKind =>
  TIME_UNITS.has(unit) ? 'lower' : LEVEL_UNITS.has(unit) ? 'level' : 'count';

/** The target the half year is held to, the completion in percent (one decimal) and whether it is met. */
export function completion(kind: TargetKind, yearly: number, actual: number) {
  const target = kind === 'count' ? yearly / 2 : yearly;
  const s = scoreAgainst(kind === 'lower' ? 'lower' : 'higher', actual, target);
  return { target, rate: s.completion ?? 0, met: s.met };
}

export interface TargetRow {
  metric: string;
  section: string;
  label: string;
  unit: string;
  kind: TargetKind;
  /** The yearly target as set. */
  yearlyTarget: number;
  /** What the half year is held to (half the yearly target for a count). */
  target: number;
  actual: number;
  /** Percent of the half year's target reached (for a time: target ÷ actual). */
  rate: number;
  met: boolean;
}

/** 上/下半年工作情况: the half year's figures, each target's completion, and summary sentences built from the data. */
export async function halfYearReport(ctx: AppContext, year: number, half: '1' | '2') {
  const period =
    half === '1'
      ? { from: `${year}-01-01`, to: `${year}-06-30` }
      : { from: `${year}-07-01`, to: `${year}-12-31` };
  const d = await dashboard(ctx, period);
  const byKey = new Map<string, { s: Section; m: Section['metrics'][number] }>();
  for (const s of d.sections) for (const m of s.metrics) byKey.set(`${s.key}.${m.key}`, { s, m });
  const targets: TargetRow[] = [];
  for (const t of await getTargets(ctx, year)) {
    const hit = byKey.get(t.metric);
    if (!hit) continue; // a target set before its figure was renamed; setTargets refuses new ones
    const kind = targetKind(hit.m.unit);
    targets.push({
      metric: t.metric,
      section: hit.s.title,
      label: hit.m.label,
      unit: hit.m.unit,
      kind,
      yearlyTarget: t.target,
      actual: hit.m.value,
      ...completion(kind, t.target, hit.m.value),
    });
  }
  const title = `${year}年${half === '1' ? '上' : '下'}半年公共法律服务工作目标完成情况`;
  const paragraphs = d.sections.map(
    (s) => `${s.title}：${s.metrics.map((m) => `${m.label}${m.value}${m.unit}`).join('，')}。`,
  );
  return { title, period, generatedAt: d.generatedAt, targets, paragraphs, sections: d.sections };
}
