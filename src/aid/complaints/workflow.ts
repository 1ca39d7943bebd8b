/**
 * @module The complaint loop as data on the core engine (Art. 56: the bureau handles it and tells the
 * complainant the result): filed → accepted → investigated → concluded → told, or filed → refused (with
 * the reason) → told. Every step is the bureau's (司法行政部门, the admin role).
 */
import { defineWorkflow } from '../../core/workflow.js';
import type { AidComplaint } from './tables.js';

export const COMPLAINT_STATES = {
  filed: '已提交',
  accepted: '已受理',
  investigated: '已调查核实',
  concluded: '已作出处理',
  refused: '不予受理',
  told: '已告知投诉人',
} as const;
export type ComplaintStatus = keyof typeof COMPLAINT_STATES;
export type ComplaintEventType = 'accept' | 'refuse' | 'investigate' | 'conclude' | 'tell';
export type ComplaintParty = 'bureau';

export const RESULTS = {
  upheld: '投诉成立',
  partly_upheld: '投诉部分成立',
  not_upheld: '投诉不成立',
} as const;
export const TELL_METHODS = { letter: '书面答复', phone: '电话告知', system: '系统消息' } as const;

export interface ComplaintEvent {
  type: ComplaintEventType;
  text?: string;
  result?: string;
  method?: string;
}

const at = (now: Date) => now.toISOString();
const text = (e: ComplaintEvent) => e.text?.trim() ?? '';

export const complaintWorkflow = defineWorkflow<
  ComplaintStatus,
  ComplaintEventType,
  ComplaintParty,
  AidComplaint,
  ComplaintEvent
>({
  name: 'aid_complaint',
  states: COMPLAINT_STATES,
  stateOf: (c) => c.status as ComplaintStatus,
  guards: {
    hasText: (_c, e) => (text(e).length >= 4 ? null : '请写明理由或调查、处理情况'),
    validResult: (_c, e) =>
      e.result && Object.hasOwn(RESULTS, e.result) ? null : '请选择处理结论',
    hasTellMethod: (_c, e) =>
      e.method && Object.hasOwn(TELL_METHODS, e.method) ? null : '请选择告知投诉人的方式',
  },
  rows: [
    {
      from: ['filed'],
      event: 'accept',
      to: 'accepted',
      by: ['bureau'],
      label: '受理',
      patch: (_c, _e, now) => ({ accepted_at: at(now) }),
    },
    {
      from: ['filed'],
      event: 'refuse',
      to: 'refused',
      by: ['bureau'],
      guards: ['hasText'],
      label: '不予受理',
      patch: (_c, e) => ({ refused_reason: text(e) }),
    },
    {
      from: ['accepted'],
      event: 'investigate',
      to: 'investigated',
      by: ['bureau'],
      guards: ['hasText'],
      label: '调查核实',
      patch: (_c, e, now) => ({ findings: text(e), investigated_at: at(now) }),
    },
    {
      from: ['investigated'],
      event: 'conclude',
      to: 'concluded',
      by: ['bureau'],
      guards: ['validResult', 'hasText'],
      label: '作出处理',
      patch: (_c, e, now) => ({ result: e.result!, conclusion: text(e), concluded_at: at(now) }),
    },
    {
      from: ['concluded', 'refused'],
      event: 'tell',
      to: 'told',
      by: ['bureau'],
      guards: ['hasTellMethod'],
      label: '告知投诉人',
      patch: (_c, e, now) => ({ told_at: at(now), told_method: e.method! }),
    },
  ],
});
