/**
 * @module The one workflow engine every area uses (legal aid, notary bookings, 司法鉴定 cases, consult
 * questions, knowledge-base versions). A workflow is data: its states, and rows saying which event moves a
 * record from which states to which, who may fire it and which named guards must pass. `transition()` is
 * pure: it returns the next state, the record changes and the side effects, or why not. `can()` and
 * `available()` answer the UI. Persisting a step is `commitTransition()` (transition-save.ts), which checks
 * the old status in its UPDATE, so no area can save a step without that check.
 */
import type { CodeWithStatus } from './error-codes.js';
import { badRequest, conflict, forbidden, type AppError } from './errors.js';

/** A guard's refusal: a Chinese reason (answered as `transition_rejected`), or a code of its own. */
export type GuardRefusal = string | { code: CodeWithStatus<400>; message: string };
export type Guard<R, V> = (record: R, event: V, now: Date) => GuardRefusal | null;

/** `same` keeps the state (an event that only changes fields, e.g. rescheduling). */
export const SAME = 'same';

export interface WorkflowRow<S extends string, E extends string, P extends string, R, V, F> {
  from: readonly S[];
  event: E;
  /**
   * The next state; SAME keeps it; `{ back }` returns to the state the record was in before (e.g. a refused
   * change-of-lawyer request goes back to assigned or in progress), chosen from its fields.
   */
  to: S | typeof SAME | { back: readonly S[]; pick: (record: R) => S };
  by: readonly P[];
  guards?: readonly string[];
  label: string;
  patch?: (record: R, event: V, now: Date) => Partial<R>;
  effects?: (record: R, event: V) => F[];
}

export interface WorkflowSpec<S extends string, E extends string, P extends string, R, V, F> {
  /** Names the workflow in load-time errors. */
  name: string;
  /** Every state with its Chinese name. */
  states: Readonly<Record<S, string>>;
  rows: readonly WorkflowRow<S, E, P, R, V, F>[];
  guards?: Readonly<Record<string, Guard<R, V>>>;
  /** Where the record keeps its state (`status` unless told). */
  stateOf: (record: R) => S;
  /** Whether `party` may fire a row declared for `by` (default: `by` names it). */
  mayFire?: (party: P, by: readonly P[]) => boolean;
  /**
   * Guards that read only the record, never the event's payload: `offered()` leaves out a row one of them
   * refuses, so the UI does not show a button that must fail (e.g. 受理 at an office that is not competent).
   */
  recordGuards?: ReadonlySet<string>;
}

export interface TransitionOk<S, R, F> {
  ok: true;
  from: S;
  next: S;
  patch: Partial<R>;
  effects: F[];
  label: string;
}
export interface TransitionErr {
  ok: false;
  code: 'invalid_transition' | 'not_allowed' | 'guard_failed';
  /** The guard's own code, when it gave one. */
  guardCode?: CodeWithStatus<400>;
  message: string;
}
export type TransitionResult<S, R, F> = TransitionOk<S, R, F> | TransitionErr;

export interface Workflow<S extends string, E extends string, P extends string, R, V, F> {
  readonly spec: WorkflowSpec<S, E, P, R, V, F>;
  /** The Chinese label of each event (the first row's, where several rows share an event). */
  readonly eventLabels: Readonly<Record<E, string>>;
  transition(record: R, event: V & { type: E }, party: P, now: Date): TransitionResult<S, R, F>;
  /** The step, or the typed error a refused step answers with (403, 409 or 400). */
  step(record: R, event: V & { type: E }, party: P, now: Date): TransitionOk<S, R, F>;
  /** Whether `party` could fire `event` from `state`, ignoring payload guards (for the UI's buttons). */
  can(state: S, event: E, party: P): boolean;
  /** Every event `party` could fire from `state`. */
  available(state: S, party: P): E[];
  /** Every event `party` could fire on this record now: `available()` less rows its record guards refuse. */
  offered(record: R, party: P, now: Date): E[];
}

function nextState<S extends string, R>(
  to: S | typeof SAME | { back: readonly S[]; pick: (record: R) => S },
  state: S,
  record: R,
): S {
  if (to === SAME) return state;
  if (typeof to === 'string') return to;
  const back = to.pick(record);
  // A pick outside its declared states would be a state the table never promised: fail loudly.
  if (!to.back.includes(back))
    throw new Error(`workflow: ${back} is not among ${to.back.join(',')}`);
  return back;
}

/** The states a row may lead to from `from` (for tests and diagrams that walk a table). */
export function targetsOf<S extends string, R>(
  to: S | typeof SAME | { back: readonly S[]; pick: (record: R) => S },
  from: S,
): S[] {
  if (to === SAME) return [from];
  return typeof to === 'string' ? [to] : [...to.back];
}

const defaultMayFire = <P extends string>(party: P, by: readonly P[]) => by.includes(party);

/** Fails at load when a row names an unknown guard or state, or an event appears twice from one state. */
function validate<S extends string, E extends string, P extends string, R, V, F>(
  spec: WorkflowSpec<S, E, P, R, V, F>,
): void {
  const seen = new Set<string>();
  const known = (s: string) => Object.hasOwn(spec.states, s);
  for (const r of spec.rows) {
    for (const g of r.guards ?? [])
      if (!spec.guards || !Object.hasOwn(spec.guards, g))
        throw new Error(`${spec.name} workflow: unknown guard ${g} in ${r.event}`);
    for (const f of r.from) {
      const k = `${f}/${r.event}`;
      if (seen.has(k)) throw new Error(`${spec.name} workflow: duplicate row ${k}`);
      seen.add(k);
      if (!known(f)) throw new Error(`${spec.name} workflow: unknown state ${f}`);
    }
    for (const to of typeof r.to === 'string' ? [r.to] : r.to.back)
      if (to !== SAME && !known(to)) throw new Error(`${spec.name} workflow: unknown state ${to}`);
  }
}

/** The typed error a refused transition answers with. */
export function transitionError(err: TransitionErr, from: string, event: string): AppError {
  if (err.code === 'not_allowed') return forbidden(err.message);
  if (err.code === 'invalid_transition')
    return conflict('invalid_transition', err.message, { from, event });
  return badRequest(err.guardCode ?? 'transition_rejected', err.message);
}

/** Checks the table once and returns the engine over it. */
export function defineWorkflow<
  S extends string,
  E extends string,
  P extends string,
  R,
  V,
  F = never,
>(spec: WorkflowSpec<S, E, P, R, V, F>): Workflow<S, E, P, R, V, F> {
  validate(spec);
  const mayFire = spec.mayFire ?? defaultMayFire;
  const rowFor = (state: S, event: E) =>
    spec.rows.find((r) => r.event === event && r.from.includes(state));
  const eventLabels = {} as Record<E, string>;
  for (const r of spec.rows) if (!(r.event in eventLabels)) eventLabels[r.event] = r.label;

  const transition: Workflow<S, E, P, R, V, F>['transition'] = (record, event, party, now) => {
    const state = spec.stateOf(record);
    const row = rowFor(state, event.type);
    if (!row)
      return {
        ok: false,
        code: 'invalid_transition',
        message: `当前状态（${spec.states[state] ?? state}）下不能${eventLabels[event.type] ?? event.type}`,
      };
    if (!mayFire(party, row.by))
      return { ok: false, code: 'not_allowed', message: '您无权进行此操作' };
    for (const g of row.guards ?? []) {
      const why = spec.guards![g]!(record, event, now);
      if (why === null) continue;
      return typeof why === 'string'
        ? { ok: false, code: 'guard_failed', message: why }
        : { ok: false, code: 'guard_failed', guardCode: why.code, message: why.message };
    }
    return {
      ok: true,
      from: state,
      next: nextState(row.to, state, record),
      patch: row.patch ? row.patch(record, event, now) : {},
      effects: row.effects ? row.effects(record, event) : [],
      label: row.label,
    };
  };

  const can = (state: S, event: E, party: P) => {
    const row = rowFor(state, event);
    return !!row && mayFire(party, row.by);
  };
  const events = [...new Set(spec.rows.map((r) => r.event))];
  return {
    spec,
    eventLabels,
    transition,
    step(record, event, party, now) {
      const r = transition(record, event, party, now);
      if (!r.ok) throw transitionError(r, spec.stateOf(record), event.type);
      return r;
    },
    can,
    available: (state, party) => events.filter((e) => can(state, e, party)),
    offered(record, party, now) {
      const state = spec.stateOf(record);
      const recordGuards = spec.recordGuards ?? new Set<string>();
      return events.filter((e) => {
        if (!can(state, e, party)) return false;
        // Record guards never read the event, so an event carrying only its type is enough to ask them.
        const probe = { type: e } as unknown as V & { type: E };
        return (rowFor(state, e)!.guards ?? []).every(
          (g) => !recordGuards.has(g) || spec.guards![g]!(record, probe, now) === null,
        );
      });
    },
  };
}
