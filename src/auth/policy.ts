/** @module Who may see and change an account, and an agency's staff list. */
import { definePolicy } from '../core/policy.js';

export interface UserResource {
  id: number;
  agencyId: number | null;
}

export const userPolicy = definePolicy<UserResource, 'read' | 'update'>({
  resource: 'user',
  label: '用户',
  readAction: 'read',
  rules: {
    read: (u, r) => u.role === 'admin' || u.id === r.id,
    update: (u, r) => u.role === 'admin' || u.id === r.id,
  },
});

export interface AgencyResource {
  id: number;
}

export const agencyPolicy = definePolicy<AgencyResource, 'read' | 'manage'>({
  resource: 'agency',
  label: '机构',
  readAction: 'read',
  rules: {
    read: () => true,
    manage: (u, a) => u.role === 'admin' || (u.role === 'aid_officer' && u.agencyId === a.id),
  },
});
