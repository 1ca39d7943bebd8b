/** Subsidy amounts against hand-worked figures: the standard times the grade's percentage, at the band edges. */
import { describe, expect, it } from 'vitest';
import { gradeOf, subsidyAmount } from './compute.js';

describe('subsidy computation', () => {
  it('grades at the band edges', () => {
    expect([100, 90, 89, 60, 59, 0].map(gradeOf)).toEqual([
      'excellent',
      'excellent',
      'pass',
      'pass',
      'fail',
      'fail',
    ]);
  });
  it('scales the standard: 3,000 元 at 92 → 3,300; at 75 → 3,000; at 59 → 1,500; 1,255 at 95 → 1,380.5 → 1,381', () => {
    expect(subsidyAmount(3000, 92)).toEqual({ grade: 'excellent', percent: 110, amount: 3300 });
    expect(subsidyAmount(3000, 75)).toEqual({ grade: 'pass', percent: 100, amount: 3000 });
    expect(subsidyAmount(3000, 59)).toEqual({ grade: 'fail', percent: 50, amount: 1500 });
    expect(subsidyAmount(1255, 95).amount).toBe(1381);
  });
});
