/** @module What the API shows of an account: masked personal data in lists. */
import type { Selectable } from 'kysely';
import type { Me, UserListItem } from '../contracts/auth.js';
import { maskMobile } from '../core/pii.js';
import type { UserRow } from '../db/core-tables.js';
import { ROLE_LABELS, type SessionUser } from './types.js';

export function presentMe(u: SessionUser): Me {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    displayName: u.displayName,
    agencyId: u.agencyId,
    csrfToken: u.csrfToken,
  };
}

/** `locked`: whether some address is locked out of the account now (auth/attempts.ts). */
export function presentUserListItem(u: Selectable<UserRow>, locked = false): UserListItem {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    displayName: u.display_name,
    phone: maskMobile(u.phone),
    agencyId: u.agency_id,
    locked,
    disabled: u.disabled_at !== null,
  };
}
