/** @module Who may see and act on a consultation question: the asker, her community's lawyers, the pool, hotline staff. */
import type { SessionUser } from '../core/session.js';
import { definePolicy } from '../core/policy.js';
import type { QuestionStage, QuestionStatus } from './tables.js';

/** A question as the rules see it, with the viewer's pool membership resolved by the loader. */
export interface QuestionResource {
  id: number;
  citizenId: number;
  communityId: number;
  /** Lawyers assigned to the question's community. */
  lawyerIds: number[];
  stage: QuestionStage;
  status: QuestionStatus;
  claimedBy: number | null;
  /** The 12348 staff member who took it from the hotline queue. */
  hotlineClaimedBy: number | null;
  answered: boolean;
  rated: boolean;
  /** Whether the viewer is an active volunteer in the backup pool. */
  viewerInPool: boolean;
}

const isLawyer = (u: SessionUser) => u.role === 'community_lawyer' || u.role === 'aid_lawyer';
const isStaff = (u: SessionUser) => u.role === 'admin' || u.role === 'aid_officer';
/** The lawyers responsible now: the community's own, or the pool volunteer who claimed it. */
const responsible = (u: SessionUser, q: QuestionResource) =>
  isLawyer(u) && (q.lawyerIds.includes(u.id) || q.claimedBy === u.id);
/** An unclaimed question in the pool is offered to every active pool volunteer. */
const offered = (u: SessionUser, q: QuestionResource) =>
  isLawyer(u) && q.viewerInPool && q.stage === 'pool' && q.claimedBy === null;
/**
 * In the hotline queue one staff member answers: the one who claimed it (an administrator may always step
 * in). Claiming is open to every hotline staff member until someone has; a second claim is the claim
 * write's 409, not a refusal here, so the loser learns it was taken.
 */
const hotlineClaimant = (u: SessionUser, q: QuestionResource) =>
  q.stage === 'hotline' &&
  (u.role === 'admin' || (u.role === 'aid_officer' && q.hotlineClaimedBy === u.id));
const hotlineClaimable = (u: SessionUser, q: QuestionResource) =>
  isStaff(u) && q.stage === 'hotline' && !q.answered;

export type QuestionAction = 'read' | 'reply' | 'claim' | 'classify' | 'rate' | 'attach';

export const questionPolicy = definePolicy<QuestionResource, QuestionAction>({
  resource: 'consult_question',
  label: '咨询',
  readAction: 'read',
  rules: {
    read: (u, q) =>
      u.role === 'admin' ||
      u.id === q.citizenId ||
      responsible(u, q) ||
      offered(u, q) ||
      (u.role === 'aid_officer' && q.stage === 'hotline'),
    reply: (u, q) =>
      q.status !== 'closed' && (u.id === q.citizenId || responsible(u, q) || hotlineClaimant(u, q)),
    claim: (u, q) =>
      (offered(u, q) && q.stage === 'pool' && !q.answered && !q.lawyerIds.includes(u.id)) ||
      hotlineClaimable(u, q),
    classify: (u, q) => responsible(u, q) || hotlineClaimant(u, q),
    rate: (u, q) => u.id === q.citizenId && q.answered && !q.rated,
    attach: (u, q) => u.id === q.citizenId && q.status !== 'closed',
  },
});
