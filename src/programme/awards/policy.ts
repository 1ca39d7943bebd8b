/** @module Who sees a 品牌 award application and as whom they act on it. */
import type { SessionUser } from '../../core/session.js';
import type { AwardParty, AwardRecord } from './workflow.js';

/** 公示 and 授牌 are public by nature; before that only the bureau and the applicant see an application. */
const PUBLIC_STATES = new Set(['publicity', 'objection_review', 'awarded']);

export function maySeeAward(
  user: SessionUser,
  a: Pick<AwardRecord, 'applicant_id' | 'status'>,
): boolean {
  return user.role === 'admin' || a.applicant_id === user.id || PUBLIC_STATES.has(a.status);
}

export function mayFireAs(user: SessionUser, a: Pick<AwardRecord, 'applicant_id'>): AwardParty {
  if (user.role === 'admin') return 'bureau';
  return a.applicant_id === user.id ? 'applicant' : 'public';
}
