/** The 通知辩护 workflow table, row by row: each row fires from each of its states, its guards fail one by one, other states refuse. */
import { describe, expect, it } from 'vitest';
import { targetsOf } from '../../core/workflow.js';
import type { AidDefenceNotice } from './tables.js';
import {
  DEFENCE_STATES,
  defenceWorkflow,
  type DefenceEvent,
  type DefenceStatus,
} from './workflow.js';

const NOW = new Date('2026-04-02T02:00:00Z');
const notice = (status: string): AidDefenceNotice => ({
  id: 1,
  kind: 'notice',
  organ_type: 'court',
  organ_name: '武昌区人民法院',
  organ_contact: null,
  notice_no: '（2026）鄂0106刑初1号',
  person_name: '张某',
  person_id_number: null,
  charge: '盗窃',
  stage: 'trial',
  ground: 'minor',
  agency_id: 3,
  organ_received_at: null,
  received_at: '2026-04-01T02:00:00.000Z',
  due_on: '2026-04-07',
  status,
  lawyer_id: status === 'received' ? null : 9,
  assigned_at: null,
  informed_at: null,
  inform_method: null,
  inform_note: null,
  created_by: 2,
  created_at: '2026-04-01T02:00:00.000Z',
  updated_at: '2026-04-01T02:00:00.000Z',
});
const passing = (type: DefenceEvent['type']): DefenceEvent => ({
  type,
  lawyerId: 11,
  method: 'letter',
  note: '已函告',
});
const BREAK: Record<string, (e: DefenceEvent) => DefenceEvent> = {
  hasLawyer: (e) => ({ ...e, lawyerId: undefined }),
  hasInformMethod: (e) => ({ ...e, method: 'pigeon' }),
};
const states = Object.keys(DEFENCE_STATES) as DefenceStatus[];

describe('defence workflow table', () => {
  it('has a failing case for every guard', () =>
    expect(Object.keys(BREAK).sort()).toEqual(Object.keys(defenceWorkflow.spec.guards!).sort()));

  for (const row of defenceWorkflow.spec.rows)
    for (const from of row.from)
      it(`${from} --${row.event}--> ${targetsOf(row.to, from).join('|')}`, () => {
        const r = defenceWorkflow.transition(notice(from), passing(row.event), 'officer', NOW);
        expect(r).toMatchObject({ ok: true, from, next: targetsOf(row.to, from)[0] });
        for (const g of row.guards ?? []) {
          const bad = defenceWorkflow.transition(
            notice(from),
            BREAK[g]!(passing(row.event)),
            'officer',
            NOW,
          );
          expect(bad, g).toMatchObject({ ok: false, code: 'guard_failed' });
        }
        for (const other of states.filter((s) => !row.from.includes(s)))
          expect(
            defenceWorkflow.transition(notice(other), passing(row.event), 'officer', NOW),
            other,
          ).toMatchObject({ ok: false, code: 'invalid_transition' });
      });

  it('records who was assigned and how the organ was told', () => {
    const a = defenceWorkflow.step(notice('received'), passing('assign'), 'officer', NOW);
    expect(a.patch).toEqual({ lawyer_id: 11, assigned_at: NOW.toISOString() });
    const i = defenceWorkflow.step(notice('assigned'), passing('inform'), 'officer', NOW);
    expect(i.patch).toEqual({
      informed_at: NOW.toISOString(),
      inform_method: 'letter',
      inform_note: '已函告',
    });
    expect(defenceWorkflow.available('informed', 'officer')).toEqual([]);
  });
});
