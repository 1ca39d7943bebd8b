/** @module Who may edit directory entries (administrators) and act for an institution (its linked staff, or an administrator). */
import { definePolicy } from '../core/policy.js';
import type { Role } from '../core/session.js';

export interface EntryResource {
  id: number;
}

export const entryPolicy = definePolicy<EntryResource, 'read' | 'manage'>({
  resource: 'directory_entry',
  label: '机构或人员',
  readAction: 'read',
  rules: {
    read: () => true,
    manage: (u) => u.role === 'admin',
  },
});

/** An institution together with the ids of the users who work for it. */
export interface InstitutionResource {
  id: number;
  staffIds: number[];
  /** The role an account needs besides the link (notary offices: notary_staff; appraisal institutions: appraisal_staff). */
  staffRole?: Role;
}

export const institutionPolicy = definePolicy<InstitutionResource, 'read' | 'act'>({
  resource: 'institution',
  label: '机构',
  readAction: 'read',
  rules: {
    read: () => true,
    act: (u, r) =>
      u.role === 'admin' || (r.staffIds.includes(u.id) && (!r.staffRole || u.role === r.staffRole)),
  },
});
