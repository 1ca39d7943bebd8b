/**
 * @module Choosing an aid lawyer (pure): eligibility (Art. 26 experience rule, conflict with the adverse party),
 * then 点援制 preferences, then a rota that balances open load and specialty. Also the 一案一评 score.
 */

export interface Candidate {
  userId: number;
  name: string;
  specialties: string[];
  yearsExperience: number;
  famous: boolean;
  conflictParties: string[];
  openLoad: number;
}

export interface CaseNeeds {
  specialty: string;
  lifeOrDeath: boolean;
  adverseParty: string | null;
  preferred: number[];
}

export interface Exclusion {
  userId: number;
  reason: string;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Why this lawyer may not take the case, or null. */
export function exclusionReason(c: Candidate, need: CaseNeeds): string | null {
  if (need.lifeOrDeath && (c.yearsExperience < 3 || !c.specialties.includes('criminal')))
    return '可能判处无期徒刑、死刑的案件须由具有三年以上相关执业经历的律师承办（第二十六条）';
  const adverse = need.adverseParty ? norm(need.adverseParty) : '';
  if (
    adverse &&
    c.conflictParties.some(
      (p) => norm(p) === adverse || (p.length > 1 && adverse.includes(norm(p))),
    )
  )
    return '与对方当事人存在代理或亲属等利害关系（利益冲突）';
  return null;
}

export interface Pick {
  lawyer: Candidate;
  byChoice: boolean;
  excluded: Exclusion[];
}

/** Lowest open load first; among equals, specialty match, then the lower id (a stable rota). */
function byRota(need: CaseNeeds) {
  return (a: Candidate, b: Candidate) =>
    a.openLoad - b.openLoad ||
    Number(b.specialties.includes(need.specialty)) -
      Number(a.specialties.includes(need.specialty)) ||
    a.userId - b.userId;
}

/**
 * Picks a lawyer: one of the applicant's ≥2 preferred lawyers when any is eligible (点援制), otherwise the
 * least-loaded eligible specialist, otherwise the least-loaded eligible lawyer. Null when nobody is eligible.
 */
export function pickLawyer(roster: Candidate[], need: CaseNeeds): Pick | null {
  const excluded: Exclusion[] = [];
  const eligible = roster.filter((c) => {
    const why = exclusionReason(c, need);
    if (why) excluded.push({ userId: c.userId, reason: why });
    return !why;
  });
  if (need.preferred.length >= 2) {
    const chosen = eligible.filter((c) => need.preferred.includes(c.userId)).sort(byRota(need));
    if (chosen[0]) return { lawyer: chosen[0], byChoice: true, excluded };
  }
  const specialists = eligible.filter((c) => c.specialties.includes(need.specialty));
  const pool = (specialists.length ? specialists : eligible).sort(byRota(need));
  return pool[0] ? { lawyer: pool[0], byChoice: false, excluded } : null;
}

/**
 * 一案一评 weights (Art. 59 tools): 回访受援人 30 %, 案卷检查 40 %, 庭审旁听 15 %, 征询司法机关意见 15 %.
 * The case file always exists, so it carries most weight; parts not assessed (no hearing, no court opinion)
 * drop out and the remaining weights are scaled to 100 %.
 */
export const EVALUATION_WEIGHTS = {
  satisfaction: 0.3,
  file: 0.4,
  hearing: 0.15,
  court: 0.15,
} as const;

export interface EvaluationInput {
  satisfaction: number;
  file: number;
  hearing: number | null;
  court: number | null;
}

export function combinedScore(i: EvaluationInput): number {
  const parts: [number, number][] = [
    [i.satisfaction, EVALUATION_WEIGHTS.satisfaction],
    [i.file, EVALUATION_WEIGHTS.file],
  ];
  if (i.hearing !== null) parts.push([i.hearing, EVALUATION_WEIGHTS.hearing]);
  if (i.court !== null) parts.push([i.court, EVALUATION_WEIGHTS.court]);
  const total = parts.reduce((s, [, w]) => s + w, 0);
  return Math.round(parts.reduce((s, [v, w]) => s + v * w, 0) / total);
}
