/**
 * @module The legal-aid workflow as data: one table of states, events, who may fire them and named guards,
 * run by the core workflow engine (transition.ts). Only service.applyEvent persists what it returns. The
 * rows live in two files by stage (workflow-intake.ts, workflow-handling.ts); this module joins them.
 */
import type { WorkflowRow } from '../core/workflow.js';
import type { AidApplication } from './tables.js';
import { HANDLING_ROWS } from './workflow-handling.js';
import { INTAKE_ROWS } from './workflow-intake.js';
import type { AidEvent, AidStatus, Effect, EventType, Party } from './workflow-types.js';

export * from './workflow-types.js';
export { GUARDS, RECORD_GUARDS, type Guard } from './guards.js';

/** One row of the table, in the shape of the core engine's rows. */
export type Row = WorkflowRow<AidStatus, EventType, Party, AidApplication, AidEvent, Effect>;

/** THE workflow. Every status change in the system is one of these rows. */
export const WORKFLOW = [...INTAKE_ROWS, ...HANDLING_ROWS] as const satisfies readonly Row[];

export const EVENT_LABELS: Record<EventType, string> = Object.fromEntries(
  WORKFLOW.map((r) => [r.event, r.label]),
) as Record<EventType, string>;
