/**
 * @module The one pure transition function over the legal-aid workflow table (workflow.ts), plus `can()`
 * for the UI. The table is checked when this module loads: an unknown guard or state fails at start.
 */
import type { AidApplication } from './tables.js';
import {
  EVENT_LABELS,
  GUARDS,
  mayFire,
  STATES,
  WORKFLOW,
  type Actor,
  type AidEvent,
  type AidStatus,
  type Effect,
  type EventType,
  type Guard,
  type Party,
  type Row,
} from './workflow.js';

/** Fails at load when a row names a guard that does not exist or an event appears twice. */
export function validateWorkflow(rows: readonly Row[], guards: Record<string, Guard>): void {
  const seen = new Set<string>();
  for (const r of rows) {
    for (const g of r.guards)
      if (!(g in guards)) throw new Error(`workflow: unknown guard ${g} in ${r.event}`);
    for (const f of r.from) {
      const k = `${f}/${r.event}`;
      if (seen.has(k)) throw new Error(`workflow: duplicate row ${k}`);
      seen.add(k);
      if (!(f in STATES)) throw new Error(`workflow: unknown state ${f}`);
    }
    if (!(r.to in STATES)) throw new Error(`workflow: unknown state ${r.to}`);
  }
}
validateWorkflow(WORKFLOW, GUARDS);

export interface TransitionOk {
  ok: true;
  from: AidStatus;
  next: AidStatus;
  patch: Partial<AidApplication>;
  effects: Effect[];
  label: string;
}
export interface TransitionErr {
  ok: false;
  code: 'invalid_transition' | 'not_allowed' | 'guard_failed';
  message: string;
}

function findRow(status: string, event: EventType): Row | undefined {
  return (WORKFLOW as readonly Row[]).find(
    (r) => r.event === event && r.from.includes(status as AidStatus),
  );
}

/** The one pure transition function: the next state, the record changes and side effects, or why not. */
export function transition(
  a: AidApplication,
  e: AidEvent,
  actor: Actor,
  now: Date,
): TransitionOk | TransitionErr {
  const row = findRow(a.status, e.type);
  if (!row)
    return {
      ok: false,
      code: 'invalid_transition',
      message: `当前状态（${STATES[a.status as AidStatus] ?? a.status}）下不能${EVENT_LABELS[e.type] ?? e.type}`,
    };
  if (!mayFire(actor.party, row.by))
    return { ok: false, code: 'not_allowed', message: '您无权进行此操作' };
  for (const g of row.guards) {
    const why = GUARDS[g]!(a, e, now);
    if (why) return { ok: false, code: 'guard_failed', message: why };
  }
  return {
    ok: true,
    from: a.status as AidStatus,
    next: row.to,
    patch: row.patch ? row.patch(a, e, now) : {},
    effects: row.effects ? row.effects(a, e) : [],
    label: row.label,
  };
}

/** Whether the event is possible from here for this party, ignoring payload guards (for the UI's buttons). */
export function can(a: Pick<AidApplication, 'status'>, event: EventType, party: Party): boolean {
  const row = findRow(a.status, event);
  return !!row && mayFire(party, row.by);
}

/** Every event this party could fire now. */
export function availableEvents(a: Pick<AidApplication, 'status'>, party: Party): EventType[] {
  return [...new Set(WORKFLOW.map((r) => r.event))].filter((ev) => can(a, ev, party));
}
