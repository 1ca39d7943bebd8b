/** The complaint workflow table, row by row: each row fires from each of its states, guards fail one by one, other states refuse. */
import { targetsOf } from '../../core/workflow.js';
import { describe, expect, it } from 'vitest';
import type { AidComplaint } from './tables.js';
import {
  COMPLAINT_STATES,
  complaintWorkflow,
  type ComplaintEvent,
  type ComplaintStatus,
} from './workflow.js';

const NOW = new Date('2026-05-02T02:00:00Z');
const complaint = (status: string): AidComplaint => ({
  id: 1,
  application_id: 4,
  lawyer_id: 9,
  complainant_user_id: 7,
  recorded_by: null,
  channel: 'online',
  complainant_name: '王小梅',
  complainant_phone: '13912345678',
  subject: 'lawyer',
  body: '律师三个月没有联系我，也没有告诉我案件进展。',
  status,
  agency_id: 3,
  filed_at: '2026-05-01T02:00:00.000Z',
  accepted_at: null,
  refused_reason: null,
  findings: null,
  investigated_at: null,
  result: null,
  conclusion: null,
  concluded_at: null,
  told_at: null,
  told_method: null,
  created_at: '2026-05-01T02:00:00.000Z',
  updated_at: '2026-05-01T02:00:00.000Z',
});
const passing = (type: ComplaintEvent['type']): ComplaintEvent => ({
  type,
  text: '经调阅案卷、询问律师，情况属实。',
  result: 'upheld',
  method: 'letter',
});
const BREAK: Record<string, (e: ComplaintEvent) => ComplaintEvent> = {
  hasText: (e) => ({ ...e, text: ' 无 ' }),
  validResult: (e) => ({ ...e, result: 'maybe' }),
  hasTellMethod: (e) => ({ ...e, method: undefined }),
};
const states = Object.keys(COMPLAINT_STATES) as ComplaintStatus[];

describe('complaint workflow table', () => {
  it('has a failing case for every guard', () =>
    expect(Object.keys(BREAK).sort()).toEqual(Object.keys(complaintWorkflow.spec.guards!).sort()));

  for (const row of complaintWorkflow.spec.rows)
    for (const from of row.from)
      it(`${from} --${row.event}--> ${targetsOf(row.to, from).join('|')}`, () => {
        const r = complaintWorkflow.transition(complaint(from), passing(row.event), 'bureau', NOW);
        expect(r).toMatchObject({ ok: true, from, next: targetsOf(row.to, from)[0] });
        for (const g of row.guards ?? []) {
          const bad = complaintWorkflow.transition(
            complaint(from),
            BREAK[g]!(passing(row.event)),
            'bureau',
            NOW,
          );
          expect(bad, g).toMatchObject({ ok: false, code: 'guard_failed' });
        }
        for (const other of states.filter((s) => !row.from.includes(s)))
          expect(
            complaintWorkflow.transition(complaint(other), passing(row.event), 'bureau', NOW),
            other,
          ).toMatchObject({ ok: false, code: 'invalid_transition' });
      });

  it('told is the end of the loop', () =>
    expect(complaintWorkflow.available('told', 'bureau')).toEqual([]));
});
