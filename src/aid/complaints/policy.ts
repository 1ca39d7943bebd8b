/** @module Who may see a complaint (its complainant, the officers of the case's agency, the bureau) and handle it (the bureau). */
import { definePolicy } from '../../core/policy.js';

type R = { complainant_user_id: number | null; agency_id: number };

export const complaintPolicy = definePolicy<R, 'read' | 'handle'>({
  resource: 'aid_complaint',
  label: '投诉',
  readAction: 'read',
  rules: {
    read: (u, c) =>
      u.role === 'admin' ||
      (u.role === 'aid_officer' && u.agencyId === c.agency_id) ||
      (c.complainant_user_id !== null && c.complainant_user_id === u.id),
    // Art. 56: complaints go to the 司法行政部门, not to the agency complained of.
    handle: (u) => u.role === 'admin',
  },
});
