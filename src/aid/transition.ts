/**
 * @module The legal-aid workflow table (workflow.ts) in the core engine: the pure `transition()` and the
 * UI's `can()` and `availableEvents()`. The table is checked when this module loads: an unknown guard or
 * state fails at start.
 */
import { defineWorkflow, type TransitionResult } from '../core/workflow.js';
import type { AidApplication } from './tables.js';
import {
  GUARDS,
  RECORD_GUARDS,
  mayFire,
  STATES,
  WORKFLOW,
  type Actor,
  type AidEvent,
  type AidStatus,
  type Effect,
  type EventType,
  type Party,
} from './workflow.js';

export const aidWorkflow = defineWorkflow<
  AidStatus,
  EventType,
  Party,
  AidApplication,
  AidEvent,
  Effect
>({
  name: 'aid',
  states: STATES,
  rows: WORKFLOW,
  guards: GUARDS,
  stateOf: (a) => a.status as AidStatus,
  mayFire,
  recordGuards: RECORD_GUARDS,
});

/** The one pure transition: the next state, the record changes and side effects, or why not. */
export const transition = (
  a: AidApplication,
  e: AidEvent,
  actor: Actor,
  now: Date,
): TransitionResult<AidStatus, AidApplication, Effect> =>
  aidWorkflow.transition(a, e, actor.party, now);

/** Whether the event is possible from here for this party, ignoring payload guards (for the UI's buttons). */
export const can = (a: Pick<AidApplication, 'status'>, event: EventType, party: Party): boolean =>
  aidWorkflow.can(a.status as AidStatus, event, party);

/**
 * Every event this party could fire now: what the table allows from this state, less the rows a guard on
 * the record alone would refuse (受理 at an office that is not competent, a second 补正 …), so the page
 * offers only what will work once the form is filled in.
 */
export const availableEvents = (a: AidApplication, party: Party, now: Date): EventType[] =>
  aidWorkflow.offered(a, party, now);
