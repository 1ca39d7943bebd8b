/**
 * @module The 品牌 award workflow as one table in the core engine: 申报 → 初审 (pass, return, reject) →
 * 现场考核 (each inspector scores once; the mean is taken when it ends) → 审议 (approve, reject) → 公示 with
 * an objection window in China calendar days (an objection holds it for the bureau's decision) → 授牌 once
 * the window has passed without an upheld objection. Only awards/service.ts persists what it returns.
 */
import { addCalendarDays, chinaDate } from '../../core/time.js';
import { defineWorkflow, SAME, type Guard, type GuardRefusal } from '../../core/workflow.js';
import type { Selectable } from 'kysely';
import type { ProgrammeAwardRow } from '../tables.js';

export const AWARD_STATES = {
  submitted: '已申报（待初审）',
  returned: '退回补充材料',
  inspection: '现场考核中',
  deliberation: '待审议',
  publicity: '公示中',
  objection_review: '公示异议待决',
  awarded: '已授牌',
  rejected: '未通过',
} as const;
export type AwardStatus = keyof typeof AWARD_STATES;

export const AWARD_KINDS = {
  studio: '十大个人命名村(居)法律顾问工作室',
  firm: '十大示范律师事务所',
} as const;

export type AwardEventType =
  | 'pass'
  | 'return'
  | 'reject'
  | 'resubmit'
  | 'score'
  | 'finish_inspection'
  | 'approve'
  | 'object'
  | 'uphold'
  | 'dismiss'
  | 'award';

/** The bureau (admin), the applicant, any other signed-in person (公示 objections), the sweep. */
export type AwardParty = 'bureau' | 'applicant' | 'public' | 'system';

/** The application as the table sees it: its row and the inspectors' scores so far. */
export type AwardRecord = Selectable<ProgrammeAwardRow> & { scores: readonly number[] };

export interface AwardEvent {
  type: AwardEventType;
  reason?: string;
  materials?: string;
  score?: number;
  publicityDays?: number;
  objection?: string;
}

/** 公示 lasts 7 calendar days unless the bureau says otherwise when approving. */
export const DEFAULT_PUBLICITY_DAYS = 7;

const text = (s: string | undefined) => (s ?? '').trim().length > 0;
const need = (ok: boolean, why: GuardRefusal): GuardRefusal | null => (ok ? null : why);

const GUARDS: Record<string, Guard<AwardRecord, AwardEvent>> = {
  hasReason: (_a, e) => need(text(e.reason), '请写明理由'),
  hasMaterials: (_a, e) => need(text(e.materials), '请填写申报材料'),
  validScore: (_a, e) =>
    need(
      e.score !== undefined && Number.isInteger(e.score) && e.score >= 0 && e.score <= 100,
      '考核分数应为 0–100 的整数',
    ),
  hasScores: (a) => need(a.scores.length > 0, '至少须有一名考核人员评分'),
  validDays: (_a, e) => {
    const d = e.publicityDays ?? DEFAULT_PUBLICITY_DAYS;
    return need(Number.isInteger(d) && d >= 1 && d <= 30, '公示期应为 1–30 日');
  },
  hasObjection: (_a, e) => need(text(e.objection), '请写明异议内容和理由'),
  withinWindow: (a, _e, now) =>
    need(!!a.publicity_until && chinaDate(now) <= a.publicity_until, {
      code: 'award_objection_closed',
      message: `公示期已于 ${a.publicity_until ?? ''} 届满，不能再提出异议`,
    }),
  windowPassed: (a, _e, now) =>
    need(!!a.publicity_until && chinaDate(now) > a.publicity_until, {
      code: 'award_publicity_open',
      message: `公示期至 ${a.publicity_until ?? ''} 届满，届满后方可授牌`,
    }),
};

export const awardWorkflow = defineWorkflow<
  AwardStatus,
  AwardEventType,
  AwardParty,
  AwardRecord,
  AwardEvent
>({
  name: 'programme_award',
  states: AWARD_STATES,
  stateOf: (a) => a.status as AwardStatus,
  mayFire: (party, by) => by.includes(party) || (party === 'bureau' && by.includes('system')),
  guards: GUARDS,
  rows: [
    { from: ['submitted'], event: 'pass', to: 'inspection', by: ['bureau'], label: '初审通过' },
    {
      from: ['submitted'],
      event: 'return',
      to: 'returned',
      by: ['bureau'],
      guards: ['hasReason'],
      label: '退回补充材料',
      patch: (_a, e) => ({ reason: e.reason!.trim() }),
    },
    {
      from: ['submitted', 'deliberation'],
      event: 'reject',
      to: 'rejected',
      by: ['bureau'],
      guards: ['hasReason'],
      label: '不予通过',
      patch: (_a, e) => ({ reason: e.reason!.trim() }),
    },
    {
      from: ['returned'],
      event: 'resubmit',
      to: 'submitted',
      by: ['applicant'],
      guards: ['hasMaterials'],
      label: '补充后重新申报',
      patch: (_a, e) => ({ materials: e.materials!.trim() }),
    },
    {
      from: ['inspection'],
      event: 'score',
      to: SAME,
      by: ['bureau'],
      guards: ['validScore'],
      label: '录入现场考核分数',
    },
    {
      from: ['inspection'],
      event: 'finish_inspection',
      to: 'deliberation',
      by: ['bureau'],
      guards: ['hasScores'],
      label: '结束现场考核',
    },
    {
      from: ['deliberation'],
      event: 'approve',
      to: 'publicity',
      by: ['bureau'],
      guards: ['validDays'],
      label: '审议通过并公示',
      patch: (_a, e, now) => {
        const days = e.publicityDays ?? DEFAULT_PUBLICITY_DAYS;
        const from = chinaDate(now);
        // The window counts the first day: 7 days from 1 December run to 7 December inclusive.
        return {
          publicity_days: days,
          publicity_from: from,
          publicity_until: addCalendarDays(from, days - 1),
        };
      },
    },
    {
      from: ['publicity'],
      event: 'object',
      to: 'objection_review',
      by: ['public'],
      guards: ['hasObjection', 'withinWindow'],
      label: '提出公示异议',
    },
    {
      from: ['objection_review'],
      event: 'object',
      to: SAME,
      by: ['public'],
      guards: ['hasObjection', 'withinWindow'],
      label: '提出公示异议',
    },
    {
      from: ['objection_review'],
      event: 'uphold',
      to: 'rejected',
      by: ['bureau'],
      guards: ['hasReason'],
      label: '异议成立，不予授牌',
      patch: (_a, e) => ({ reason: e.reason!.trim() }),
    },
    {
      from: ['objection_review'],
      event: 'dismiss',
      to: 'publicity',
      by: ['bureau'],
      guards: ['hasReason'],
      label: '异议不成立，继续公示',
      patch: (_a, e) => ({ reason: e.reason!.trim() }),
    },
    {
      from: ['publicity'],
      event: 'award',
      to: 'awarded',
      by: ['system'],
      guards: ['windowPassed'],
      label: '授牌',
      patch: (_a, _e, now) => ({ awarded_at: now.toISOString() }),
    },
  ],
});
