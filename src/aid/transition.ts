/**
 * @module The legal-aid workflow table (workflow.ts) in the core engine: the pure `transition()` and the
 * UI's `can()` and `availableEvents()`. The table is checked when this module loads: an unknown guard or
 * state fails at start.
 */
import { defineWorkflow, type TransitionResult } from '../core/workflow.js';
import type { AidApplication } from './tables.js';
import {
  GUARDS,
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

/** Every event this party could fire now. */
export const availableEvents = (a: Pick<AidApplication, 'status'>, party: Party): EventType[] =>
  aidWorkflow.available(a.status as AidStatus, party);
