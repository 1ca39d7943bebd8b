/**
 * @module The one save of a workflow step. The record is written only while it is still in the state the
 * step was computed from (a status-checked UPDATE, db/status-update.ts), so of two requests that read the same state
 * only the first to write wins and the other gets 409. The timeline step and the audit row are written in
 * the same transaction, so a step is never half saved.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { updateIfState } from '../db/status-update.js';
import { audit } from './audit.js';
import { conflict } from './errors.js';
import type { SessionUser } from './session.js';
import type { TransitionOk } from './workflow.js';

type Trx = Transaction<Database>;

/** One row of a record's timeline, as the engine hands it to the area. */
export interface TimelineStep<S> {
  id: number;
  event: string;
  from: S;
  to: S;
  at: string;
  actorId: number | null;
  actorRole: string;
  note: string | null;
}

/** What an area gives the engine to persist its records. */
export interface TransitionStore<S> {
  /** The entity name in the audit trail, e.g. `aid_application`. */
  entity: string;
  /** The audit action's prefix before the event (`transition:` unless the area has its own). */
  auditPrefix?: string;
  /** What the loser of a race reads, e.g. 该申请刚被其他操作处理，状态已改变，请刷新后重试. */
  raceMessage: string;
  /** The area's table of records (each with `id` and `updated_at`). */
  table: keyof Database;
  /** The column holding the state (`status` unless told: 司法鉴定 cases keep a `stage`). */
  column?: string;
  /** Other columns that must still hold what was read (e.g. the count of extensions). */
  still?: Record<string, string | number>;
  /** The record's timeline step (areas whose history is the audit trail leave it out). */
  addStep?(trx: Trx, step: TimelineStep<S>): Promise<void>;
}

export interface CommitArgs<S, R, F> {
  id: number;
  event: string;
  step: TransitionOk<S, R, F>;
  actor: SessionUser | null;
  /** The role the step was taken in (`system` for sweeps). */
  actorRole?: string;
  now: Date;
  ip?: string | null;
  /** The timeline step's note (a reason, the items asked for). */
  note?: string | null;
  /** More for the audit row (the step's from, to and event are always there). */
  detail?: Record<string, unknown>;
}

/**
 * Saves one step: the status-checked write, the timeline step and the audit row, in `trx`. The loser of a
 * race gets 409, unless the caller says losing is fine (`ifStill`: a reply that was not the first is still
 * a reply), when nothing is written and the answer is false.
 */
export async function commitTransition<S extends string, R, F>(
  trx: Trx,
  store: TransitionStore<S>,
  a: CommitArgs<S, R, F> & { ifStill?: boolean },
): Promise<boolean> {
  const at = a.now.toISOString();
  const { from, next, patch } = a.step;
  const moved = await updateIfState(trx, {
    table: store.table,
    id: a.id,
    column: store.column ?? 'status',
    from,
    to: next,
    set: { ...patch, updated_at: at },
    ...(store.still ? { still: store.still } : {}),
  });
  if (!moved) {
    if (a.ifStill) return false;
    throw conflict('invalid_transition', store.raceMessage, { from, event: a.event });
  }
  const actorRole = a.actorRole ?? a.actor?.role ?? 'system';
  await store.addStep?.(trx, {
    id: a.id,
    event: a.event,
    from,
    to: next,
    at,
    actorId: a.actor?.id ?? null,
    actorRole,
    note: a.note ?? null,
  });
  await audit(
    trx,
    {
      actor: a.actor,
      action: `${store.auditPrefix ?? 'transition:'}${a.event}`,
      entity: store.entity,
      entityId: a.id,
      detail: { from, to: next, event: a.event, actorRole, ...a.detail },
      ip: a.ip ?? null,
    },
    a.now,
  );
  return true;
}
