/**
 * @module How a figure meets its target, for every report that sets targets (the bureau's half-year report,
 * 法指针's): higher-is-better figures are held to reach it, lower-is-better ones (response times) to stay
 * under it. Pure, so the rule is tested once.
 */

export type Better = 'higher' | 'lower';

export interface Scored {
  /** Percent of the target reached (for lower-is-better: target ÷ actual), one decimal; null without data. */
  completion: number | null;
  met: boolean;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function scoreAgainst(better: Better, actual: number | null, target: number): Scored {
  if (actual === null) return { completion: null, met: false };
  if (better === 'higher')
    return {
      completion: target > 0 ? round1((actual / target) * 100) : 100,
      met: actual >= target,
    };
  return {
    completion: actual === 0 ? 100 : round1((target / actual) * 100),
    met: actual <= target,
  };
}
