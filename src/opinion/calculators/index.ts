/** @module The calculator registry: scenarios name calculators by id. */
import { doubleWage, overtime, severance, unlawfulTermination, wageArrears } from './labour.js';
import { personalInjury, trafficAccident } from './injury.js';
import { childSupport, courtFee, loanInterest, workInjury } from './other.js';
import type { Calculator } from './types.js';

export const CALCULATORS: Record<string, Calculator<unknown>> = Object.fromEntries(
  [
    severance,
    unlawfulTermination,
    doubleWage,
    overtime,
    wageArrears,
    personalInjury,
    trafficAccident,
    workInjury,
    loanInterest,
    courtFee,
    childSupport,
  ].map((c) => [c.id, c]),
);
