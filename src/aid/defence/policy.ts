/** @module Who may see and act on a notice or a shift: the officers of its agency and the bureau; a shift also its lawyer. */
import { definePolicy } from '../../core/policy.js';
import type { SessionUser } from '../../core/session.js';

type Owned = { agency_id: number };

export const noticePolicy = definePolicy<Owned, 'read' | 'manage'>({
  resource: 'aid_defence_notice',
  label: '通知辩护（代理）',
  readAction: 'read',
  rules: {
    read: (u, n) => u.role === 'admin' || (u.role === 'aid_officer' && u.agencyId === n.agency_id),
    manage: (u, n) =>
      u.role === 'admin' || (u.role === 'aid_officer' && u.agencyId === n.agency_id),
  },
});

export const shiftPolicy = definePolicy<Owned & { lawyer_id: number }, 'read' | 'record'>({
  resource: 'aid_duty_shift',
  label: '值班安排',
  readAction: 'read',
  rules: {
    read: (u, s) =>
      u.role === 'admin' ||
      (u.role === 'aid_officer' && u.agencyId === s.agency_id) ||
      (u.role === 'aid_lawyer' && u.id === s.lawyer_id),
    record: (u, s) =>
      u.role === 'admin' ||
      (u.role === 'aid_officer' && u.agencyId === s.agency_id) ||
      (u.role === 'aid_lawyer' && u.id === s.lawyer_id),
  },
});

/** The agency a staff member works for (an admin names one; an officer always her own). */
export function staffAgency(user: SessionUser, named: number | undefined): number | null {
  if (user.role === 'admin') return named ?? null;
  return user.agencyId ?? null;
}
