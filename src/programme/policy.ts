/** @module Who may see a 考核 result: the bureau (admin) every one; an adviser only her own, once published. */
import type { SessionUser } from '../core/session.js';
import type { ProgrammeScoreRow } from './tables.js';

export function maySeeScore(
  user: SessionUser,
  s: Pick<ProgrammeScoreRow, 'adviser_id' | 'status'>,
): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'community_lawyer' && s.adviser_id === user.id && s.status === 'published';
}
