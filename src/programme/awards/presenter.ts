/** @module Response shapes of the 品牌 awards: the bureau's queue and detail, the applicant's own, the public list. */
import type { SessionUser } from '../../core/session.js';
import { points } from '../presenter.js';
import type * as repo from './repository.js';
import { mayFireAs } from './policy.js';
import {
  AWARD_KINDS,
  AWARD_STATES,
  awardWorkflow,
  type AwardRecord,
  type AwardStatus,
} from './workflow.js';

type Row = Omit<AwardRecord, 'scores'>;

export function presentAward(a: Row, user: SessionUser) {
  const status = a.status as AwardStatus;
  return {
    id: a.id,
    kind: a.kind,
    kindLabel: AWARD_KINDS[a.kind],
    year: a.year,
    nominee: a.nominee,
    district: a.district,
    materials: a.materials,
    status,
    statusLabel: AWARD_STATES[status],
    reason: a.reason,
    inspectionMean: a.inspection_mean,
    inspectionMeanLabel: a.inspection_mean === null ? null : points(a.inspection_mean),
    publicityFrom: a.publicity_from,
    publicityUntil: a.publicity_until,
    awardedAt: a.awarded_at,
    // The UI's buttons: what this user could fire from here (payload guards are checked on the call).
    actions: awardWorkflow.available(status, mayFireAs(user, a)),
  };
}

export function presentDetail(
  a: Row & { applicant_name?: string },
  user: SessionUser,
  extra: {
    scores: Awaited<ReturnType<typeof repo.scoresOf>>;
    steps: Awaited<ReturnType<typeof repo.stepsOf>>;
    objections: Awaited<ReturnType<typeof repo.objectionsOf>>;
  },
) {
  return {
    ...presentAward(a, user),
    scores: extra.scores.map((s) => ({
      inspectorId: s.inspector_id,
      inspectorName: s.display_name,
      score: s.score,
      at: s.created_at,
    })),
    steps: extra.steps.map((s) => ({
      event: s.event,
      label:
        s.event === 'submit' ? '申报' : (awardWorkflow.eventLabels[s.event as 'pass'] ?? s.event),
      from: s.from_status,
      to: s.to_status,
      note: s.note,
      at: s.at,
    })),
    objections: extra.objections.map((o) => ({
      id: o.id,
      body: o.body,
      decision: o.decision,
      at: o.created_at,
    })),
  };
}

/** What anyone may read: names, kind, year and the 公示 window; never materials, scores or people. */
export const presentPublic = (a: Row) => ({
  id: a.id,
  kind: a.kind,
  kindLabel: AWARD_KINDS[a.kind],
  year: a.year,
  nominee: a.nominee,
  district: a.district,
  status: a.status,
  publicityFrom: a.publicity_from,
  publicityUntil: a.publicity_until,
  awardedAt: a.awarded_at,
});
