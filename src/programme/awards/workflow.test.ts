/**
 * The 品牌 award table row by row: each row moves its states to its target for its party, refuses the
 * others, and each guard refuses what it names. The 公示 window is worked by hand in China dates.
 */
import { describe, expect, it } from 'vitest';
import {
  awardWorkflow,
  type AwardEvent,
  type AwardParty,
  type AwardRecord,
  type AwardStatus,
} from './workflow.js';

const base: AwardRecord = {
  id: 1,
  kind: 'studio',
  year: 2026,
  applicant_id: 7,
  nominee: '李律师法律顾问工作室',
  district: '洪山区',
  materials: '工作室简介',
  status: 'submitted',
  reason: null,
  inspection_mean: null,
  publicity_days: null,
  publicity_from: null,
  publicity_until: null,
  awarded_at: null,
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
  scores: [],
};
const rec = (status: AwardStatus, more: Partial<AwardRecord> = {}): AwardRecord => ({
  ...base,
  status,
  ...more,
});
// 2026-12-01 10:00 in Beijing
const NOW = new Date('2026-12-01T02:00:00Z');
const IN_WINDOW = { publicity_from: '2026-11-25', publicity_until: '2026-12-01' };
const PAST_WINDOW = { publicity_from: '2026-11-24', publicity_until: '2026-11-30' };

type Case = [AwardStatus, AwardEvent, AwardParty, Partial<AwardRecord>, AwardStatus];
const ROWS: Case[] = [
  ['submitted', { type: 'pass' }, 'bureau', {}, 'inspection'],
  ['submitted', { type: 'return', reason: '缺少服务台账' }, 'bureau', {}, 'returned'],
  ['submitted', { type: 'reject', reason: '不符合申报条件' }, 'bureau', {}, 'rejected'],
  ['deliberation', { type: 'reject', reason: '审议未通过' }, 'bureau', {}, 'rejected'],
  ['returned', { type: 'resubmit', materials: '补充的服务台账' }, 'applicant', {}, 'submitted'],
  ['inspection', { type: 'score', score: 88 }, 'bureau', {}, 'inspection'],
  ['inspection', { type: 'finish_inspection' }, 'bureau', { scores: [80] }, 'deliberation'],
  ['deliberation', { type: 'approve' }, 'bureau', {}, 'publicity'],
  ['publicity', { type: 'object', objection: '材料不实' }, 'public', IN_WINDOW, 'objection_review'],
  [
    'objection_review',
    { type: 'object', objection: '又一异议' },
    'public',
    IN_WINDOW,
    'objection_review',
  ],
  ['objection_review', { type: 'uphold', reason: '核实属实' }, 'bureau', IN_WINDOW, 'rejected'],
  [
    'objection_review',
    { type: 'dismiss', reason: '经核查不属实' },
    'bureau',
    IN_WINDOW,
    'publicity',
  ],
  ['publicity', { type: 'award' }, 'system', PAST_WINDOW, 'awarded'],
  ['publicity', { type: 'award' }, 'bureau', PAST_WINDOW, 'awarded'],
];

describe('each row of the award table', () => {
  it('covers every (state, event) pair the table declares', () => {
    const declared = awardWorkflow.spec.rows
      .flatMap((r) => r.from.map((f) => `${f}/${r.event}`))
      .sort();
    const tested = [...new Set(ROWS.map(([s, e]) => `${s}/${e.type}`))].sort();
    expect(tested).toEqual(declared);
  });

  it.each(ROWS)('%s --%o--> by %s', (from, event, party, more, to) => {
    const r = awardWorkflow.transition(rec(from, more), event, party, NOW);
    expect(r.ok && r.next).toBe(to);
  });

  it.each(ROWS.filter(([, , p]) => p !== 'system'))(
    'refuses %s/%o to a party it does not name',
    (from, event, party, more) => {
      const other: AwardParty = party === 'bureau' ? 'applicant' : 'bureau';
      const r = awardWorkflow.transition(rec(from, more), event, other, NOW);
      expect(r.ok ? 'ok' : r.code).toBe('not_allowed');
    },
  );

  it('refuses an event from a state without that row', () => {
    const r = awardWorkflow.transition(rec('awarded'), { type: 'pass' }, 'bureau', NOW);
    expect(r.ok ? 'ok' : r.code).toBe('invalid_transition');
    expect(awardWorkflow.can('publicity', 'award', 'public')).toBe(false);
    expect(awardWorkflow.available('submitted', 'bureau')).toEqual(['pass', 'return', 'reject']);
  });
});

describe('the guards', () => {
  const refusal = (
    status: AwardStatus,
    e: AwardEvent,
    party: AwardParty,
    more: Partial<AwardRecord> = {},
  ) => {
    const r = awardWorkflow.transition(rec(status, more), e, party, NOW);
    return r.ok ? 'ok' : `${r.code}:${r.guardCode ?? ''}:${r.message}`;
  };

  it('wants a reason, materials, a whole score of 0–100 and at least one score', () => {
    expect(refusal('submitted', { type: 'return', reason: '  ' }, 'bureau')).toBe(
      'guard_failed::请写明理由',
    );
    expect(refusal('returned', { type: 'resubmit' }, 'applicant')).toBe(
      'guard_failed::请填写申报材料',
    );
    for (const score of [101, -1, 85.5])
      expect(refusal('inspection', { type: 'score', score }, 'bureau')).toBe(
        'guard_failed::考核分数应为 0–100 的整数',
      );
    expect(refusal('inspection', { type: 'finish_inspection' }, 'bureau')).toBe(
      'guard_failed::至少须有一名考核人员评分',
    );
    expect(refusal('deliberation', { type: 'approve', publicityDays: 31 }, 'bureau')).toBe(
      'guard_failed::公示期应为 1–30 日',
    );
  });

  it('opens 公示 for 7 calendar days counting the first, or the days the bureau gives', () => {
    const seven = awardWorkflow.transition(rec('deliberation'), { type: 'approve' }, 'bureau', NOW);
    // 1 December + 6 = 7 December: 1, 2, 3, 4, 5, 6, 7
    expect(seven.ok && seven.patch).toEqual({
      publicity_days: 7,
      publicity_from: '2026-12-01',
      publicity_until: '2026-12-07',
    });
    // 23:30 on 31 December in Beijing is still 31 December; 5 days run to 4 January
    const late = new Date('2026-12-31T15:30:00Z');
    const five = awardWorkflow.transition(
      rec('deliberation'),
      { type: 'approve', publicityDays: 5 },
      'bureau',
      late,
    );
    expect(five.ok && [five.patch.publicity_from, five.patch.publicity_until]).toEqual([
      '2026-12-31',
      '2027-01-04',
    ]);
  });

  it('takes objections on the last day of the window, not the day after; 授牌 only after it', () => {
    // NOW is 1 December in Beijing, the last day of IN_WINDOW and the day after PAST_WINDOW
    expect(refusal('publicity', { type: 'object', objection: '异议' }, 'public', IN_WINDOW)).toBe(
      'ok',
    );
    expect(refusal('publicity', { type: 'object', objection: '异议' }, 'public', PAST_WINDOW)).toBe(
      'guard_failed:award_objection_closed:公示期已于 2026-11-30 届满，不能再提出异议',
    );
    expect(refusal('publicity', { type: 'award' }, 'system', IN_WINDOW)).toBe(
      'guard_failed:award_publicity_open:公示期至 2026-12-01 届满，届满后方可授牌',
    );
    // 16:00 UTC on 1 December is already 2 December in Beijing
    const r = awardWorkflow.transition(
      rec('publicity', IN_WINDOW),
      { type: 'award' },
      'system',
      new Date('2026-12-01T16:00:00Z'),
    );
    expect(r.ok && r.next).toBe('awarded');
  });
});
