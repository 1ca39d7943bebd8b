/** @module Who may see an application: its applicant, the officers of the agency holding it (and of the one that received it), its assigned lawyer, admins, and the district bureau over the holding centre. */
import { definePolicy } from '../core/policy.js';
import type { AidApplication } from './tables.js';

type R = Pick<
  AidApplication,
  'applicant_user_id' | 'agency_id' | 'received_agency_id' | 'assigned_lawyer_id'
>;

export const aidPolicy = definePolicy<R, 'read' | 'manage' | 'handle'>({
  resource: 'aid_application',
  label: '法律援助申请',
  readAction: 'read',
  rules: {
    // The office that received and forwarded a case (市区通办) keeps reading it: it answers the applicant
    // at its window and keeps the case in its ledger as receiver; only the holding office acts on it.
    read: (u, a) =>
      u.role === 'admin' ||
      (u.role === 'aid_officer' &&
        (u.agencyId === a.agency_id || u.agencyId === a.received_agency_id)) ||
      (u.role === 'aid_lawyer' && a.assigned_lawyer_id === u.id) ||
      (u.role === 'citizen' && a.applicant_user_id === u.id) ||
      // The district bureau reads its centre's cases: it decides their objections (Art. 49).
      (u.role === 'justice_bureau' && u.agencyId === a.agency_id),
    manage: (u, a) =>
      u.role === 'admin' || (u.role === 'aid_officer' && u.agencyId === a.agency_id),
    handle: (u, a) => u.role === 'aid_lawyer' && a.assigned_lawyer_id === u.id,
  },
});
