/** 考核 and subsidy arithmetic against figures worked by hand (see the comments beside each expectation). */
import { describe, expect, it } from 'vitest';
import { computeScore, computeSubsidy, DEFAULT_STANDARD, type Figures } from './scoring.js';

describe('the 考核 score', () => {
  it('weighs each figure against its target, lower-is-better ones inverted', () => {
    const figures: Figures = {
      responseRate: 76, // 76 / 95 = 0.8 of 25 points → 20.00
      responseMinutes: 150, // over the 120 target: 120 / 150 = 0.8 of 20 → 16.00
      rating: 405, // 405 / 450 = 0.9 of 20 → 18.00
      offlineServices: 6, // 6 / 12 = 0.5 of 15 → 7.50
      training: 5, // over the target of 4: capped at the full 10.00
      complaints: 1, // target 0, one complaint → 0
    };
    const s = computeScore(DEFAULT_STANDARD, figures);
    expect(s.parts.map((p) => [p.metric, p.points])).toEqual([
      ['responseRate', 2000],
      ['responseMinutes', 1600],
      ['rating', 1800],
      ['offlineServices', 750],
      ['training', 1000],
      ['complaints', 0],
    ]);
    expect(s.total).toBe(7150); // 20 + 16 + 18 + 7.5 + 10 + 0 = 71.50
  });

  it('gives nothing for a missing figure and full weight at or under a lower-is-better target', () => {
    const s = computeScore(DEFAULT_STANDARD, {
      responseRate: null, // no question received → 0
      responseMinutes: 60, // under 120 → 20.00
      rating: null, // no rating → 0
      offlineServices: 3, // 3 / 12 = 0.25 of 15 → 3.75
      training: 1, // 1 / 4 of 10 → 2.50
      complaints: 0, // at the target → 10.00
    });
    expect(s.total).toBe(3625); // 0 + 20 + 0 + 3.75 + 2.5 + 10 = 36.25
  });

  it('rounds each part to the hundredth', () => {
    const s = computeScore(DEFAULT_STANDARD, {
      responseRate: 95,
      responseMinutes: 120,
      rating: 400, // 400 / 450 × 2000 = 1777.78 → 1778
      offlineServices: 7, // 7 / 12 × 1500 = 875
      training: 4,
      complaints: 0,
    });
    expect(s.parts.find((p) => p.metric === 'rating')?.points).toBe(1778);
    expect(s.parts.find((p) => p.metric === 'offlineServices')?.points).toBe(875);
    expect(s.total).toBe(9153); // 2500 + 2000 + 1778 + 875 + 1000 + 1000
  });
});

describe('the subsidy', () => {
  const std = { baseFen: 50_000, perServiceFen: 2_000, capFen: 80_000, passMark: 6_000 };
  it('pays base plus per service, capped, and nothing under the pass mark', () => {
    expect(computeSubsidy(std, 7150, 6)).toBe(62_000); // 500 元 + 6 × 20 元 = 620 元
    expect(computeSubsidy(std, 7150, 20)).toBe(80_000); // 500 + 400 = 900 元, capped at 800 元
    expect(computeSubsidy(std, 5999, 6)).toBe(0); // 59.99 points, under the pass mark of 60
    expect(computeSubsidy(std, 6000, 0)).toBe(50_000); // at the pass mark: the base only
  });
});
