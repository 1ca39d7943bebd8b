import { describe, expect, it } from 'vitest';
import {
  combinedScore,
  exclusionReason,
  pickLawyer,
  type Candidate,
  type CaseNeeds,
} from './assignment.js';

const c = (userId: number, over: Partial<Candidate> = {}): Candidate => ({
  userId,
  name: `律师${userId}`,
  specialties: ['civil'],
  yearsExperience: 5,
  famous: false,
  conflictParties: [],
  openLoad: 0,
  ...over,
});
const need = (over: Partial<CaseNeeds> = {}): CaseNeeds => ({
  specialty: 'labour',
  lifeOrDeath: false,
  adverseParty: null,
  preferred: [],
  ...over,
});

describe('pickLawyer', () => {
  it('balances open load, preferring the specialty', () => {
    const roster = [
      c(1, { specialties: ['labour'], openLoad: 3 }),
      c(2, { specialties: ['labour'], openLoad: 1 }),
      c(3, { openLoad: 0 }),
    ];
    expect(pickLawyer(roster, need())?.lawyer.userId).toBe(2);
    expect(pickLawyer(roster, need({ specialty: 'tax' }))?.lawyer.userId).toBe(3);
  });
  it('assigns one of two or more preferred lawyers when available (点援制)', () => {
    const roster = [
      c(1, { specialties: ['labour'] }),
      c(2, { openLoad: 4 }),
      c(3, { openLoad: 2 }),
    ];
    expect(pickLawyer(roster, need({ preferred: [2, 3] }))).toMatchObject({
      lawyer: { userId: 3 },
      byChoice: true,
    });
    expect(pickLawyer(roster, need({ preferred: [2] }))).toMatchObject({
      lawyer: { userId: 1 },
      byChoice: false,
    });
  });
  it('applies the Art. 26 experience rule for life/death cases', () => {
    const roster = [
      c(1, { specialties: ['criminal'], yearsExperience: 2 }),
      c(2, { specialties: ['criminal'], yearsExperience: 3, openLoad: 5 }),
    ];
    expect(
      pickLawyer(roster, need({ specialty: 'criminal', lifeOrDeath: true }))?.lawyer.userId,
    ).toBe(2);
    expect(exclusionReason(roster[0]!, need({ lifeOrDeath: true }))).toContain('第二十六条');
  });
  it('excludes a lawyer related to the adverse party', () => {
    const roster = [c(1, { conflictParties: ['武汉某建筑有限公司'] }), c(2, { openLoad: 9 })];
    const p = pickLawyer(roster, need({ adverseParty: '武汉某建筑 有限公司' }));
    expect(p?.lawyer.userId).toBe(2);
    expect(p?.excluded[0]?.reason).toContain('利益冲突');
    expect(pickLawyer([roster[0]!], need({ adverseParty: '武汉某建筑有限公司' }))).toBeNull();
  });
});

describe('一案一评', () => {
  it('combines the parts with documented weights, rescaling when parts are missing', () => {
    expect(combinedScore({ satisfaction: 100, file: 80, hearing: 60, court: 40 })).toBe(
      Math.round(30 + 32 + 9 + 6),
    );
    expect(combinedScore({ satisfaction: 100, file: 50, hearing: null, court: null })).toBe(
      Math.round((30 + 20) / 0.7),
    );
  });
});
