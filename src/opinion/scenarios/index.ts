/** @module Every interview scenario, validated when this module loads (a broken scenario stops the app). */
import { loadScenario } from '../engine.js';
import type { Scenario } from '../scenario-schema.js';
import { divorceScenario } from './divorce.js';
import { labourScenario } from './labour.js';
import { loanScenario } from './loan.js';
import { trafficScenario } from './traffic.js';
import { workInjuryScenario } from './work-injury.js';

export const RAW_SCENARIOS = [
  labourScenario,
  workInjuryScenario,
  trafficScenario,
  loanScenario,
  divorceScenario,
];

export const SCENARIOS: Scenario[] = RAW_SCENARIOS.map(loadScenario);

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
