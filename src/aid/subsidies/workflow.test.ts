/** The subsidy approval table, row by row. */
import { targetsOf } from '../../core/workflow.js';
import { describe, expect, it } from 'vitest';
import type { AidSubsidy } from './tables.js';
import {
  SUBSIDY_STATES,
  subsidyWorkflow,
  type SubsidyEvent,
  type SubsidyStatus,
} from './workflow.js';

const NOW = new Date('2026-06-02T02:00:00Z');
const subsidy = (status: string): AidSubsidy => ({
  id: 1,
  application_id: 2,
  lawyer_id: 3,
  agency_id: 4,
  case_type: 'labour_pay',
  stage: 'litigation',
  standard_id: 5,
  standard_amount: 3000,
  evaluation_combined: 92,
  grade: 'excellent',
  percent: 110,
  amount: 3300,
  status,
  reject_reason: null,
  computed_by: 6,
  computed_at: '2026-06-01T02:00:00.000Z',
  approved_by: null,
  approved_at: null,
  created_at: '2026-06-01T02:00:00.000Z',
  updated_at: '2026-06-01T02:00:00.000Z',
});
const passing = (type: SubsidyEvent['type']): SubsidyEvent => ({
  type,
  reason: '一案一评得分有误，请复核',
  by: 8,
});
const BREAK: Record<string, (e: SubsidyEvent) => SubsidyEvent> = {
  hasReason: (e) => ({ ...e, reason: ' ' }),
};
const states = Object.keys(SUBSIDY_STATES) as SubsidyStatus[];

describe('subsidy workflow table', () => {
  it('has a failing case for every guard', () =>
    expect(Object.keys(BREAK)).toEqual(Object.keys(subsidyWorkflow.spec.guards!)));
  for (const row of subsidyWorkflow.spec.rows)
    for (const from of row.from)
      it(`${from} --${row.event}--> ${targetsOf(row.to, from).join('|')}`, () => {
        expect(
          subsidyWorkflow.transition(subsidy(from), passing(row.event), 'bureau', NOW),
        ).toMatchObject({
          ok: true,
          next: targetsOf(row.to, from)[0],
        });
        for (const g of row.guards ?? [])
          expect(
            subsidyWorkflow.transition(subsidy(from), BREAK[g]!(passing(row.event)), 'bureau', NOW),
          ).toMatchObject({ ok: false, code: 'guard_failed' });
        for (const other of states.filter((s) => !row.from.includes(s)))
          expect(
            subsidyWorkflow.transition(subsidy(other), passing(row.event), 'bureau', NOW),
          ).toMatchObject({ ok: false, code: 'invalid_transition' });
      });
  it('the approver is recorded', () =>
    expect(
      subsidyWorkflow.step(subsidy('computed'), passing('approve'), 'bureau', NOW).patch,
    ).toEqual({
      approved_at: NOW.toISOString(),
      approved_by: 8,
    }));
});
