/** @module Whose figures a user sees: an officer her own agency's, the bureau (admin) every agency's or one. */
import type { SessionUser } from '../../core/session.js';
import { forbidden } from '../../core/errors.js';

/** The agency to count (null: all). An officer asking for another agency is refused, not silently narrowed. */
export function figuresScope(user: SessionUser, agencyId: number | undefined): number | null {
  if (user.role === 'admin') return agencyId ?? null;
  if (agencyId !== undefined && agencyId !== user.agencyId) throw forbidden('只能查看本机构的统计');
  return user.agencyId ?? -1;
}
