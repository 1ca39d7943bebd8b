/**
 * @module The 通知辩护 workflow as data on the core engine: received → assigned (a lawyer, within three days,
 * Art. 36) → informed (the organ told who; Art. 36 "并通知…"). `reassign` keeps the state (a lawyer who
 * cannot act is replaced before the organ is told).
 */
import { defineWorkflow, SAME } from '../../core/workflow.js';
import type { AidDefenceNotice } from './tables.js';

export const DEFENCE_STATES = {
  received: '已收到通知',
  assigned: '已指派律师',
  informed: '已告知办案机关',
} as const;
export type DefenceStatus = keyof typeof DEFENCE_STATES;
export type DefenceEventType = 'assign' | 'reassign' | 'inform';
/** officer: an aid_officer of the agency holding the notice, or the bureau (admin). */
export type DefenceParty = 'officer';

export interface DefenceEvent {
  type: DefenceEventType;
  lawyerId?: number;
  method?: string;
  note?: string;
}

export const INFORM_METHODS = {
  letter: '书面函告',
  phone: '电话告知',
  system: '系统推送',
} as const;

const at = (now: Date) => now.toISOString();

export const defenceWorkflow = defineWorkflow<
  DefenceStatus,
  DefenceEventType,
  DefenceParty,
  AidDefenceNotice,
  DefenceEvent
>({
  name: 'aid_defence',
  states: DEFENCE_STATES,
  stateOf: (n) => n.status as DefenceStatus,
  guards: {
    hasLawyer: (_n, e) => (e.lawyerId ? null : '请选择指派的律师'),
    hasInformMethod: (_n, e) =>
      e.method && Object.hasOwn(INFORM_METHODS, e.method) ? null : '请选择告知办案机关的方式',
  },
  rows: [
    {
      from: ['received'],
      event: 'assign',
      to: 'assigned',
      by: ['officer'],
      guards: ['hasLawyer'],
      label: '指派律师',
      patch: (_n, e, now) => ({ lawyer_id: e.lawyerId!, assigned_at: at(now) }),
    },
    {
      from: ['assigned'],
      event: 'reassign',
      to: SAME,
      by: ['officer'],
      guards: ['hasLawyer'],
      label: '更换律师',
      patch: (_n, e, now) => ({ lawyer_id: e.lawyerId!, assigned_at: at(now) }),
    },
    {
      from: ['assigned'],
      event: 'inform',
      to: 'informed',
      by: ['officer'],
      guards: ['hasInformMethod'],
      label: '告知办案机关',
      patch: (_n, e, now) => ({
        informed_at: at(now),
        inform_method: e.method!,
        inform_note: e.note?.trim() || null,
      }),
    },
  ],
});
