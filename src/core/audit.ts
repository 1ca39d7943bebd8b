/** @module Append-only audit trail: who did what to which record, and when (writes and reads of personal data). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SessionUser } from './session.js';

export interface AuditEntry {
  actor: SessionUser | null;
  /** Verb, e.g. `create`, `read_personal_data`, `transition:decide`. */
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown> | string | null;
  ip?: string | null;
}

/** Appends one row to the audit trail (inside the caller's transaction when given one). */
export async function audit(
  db: Kysely<Database> | Transaction<Database>,
  e: AuditEntry,
  /** The context's clock (`ctx.now()`), never the wall clock: tests move time and the trail must follow. */
  at: Date,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor_id: e.actor?.id ?? null,
      actor_role: e.actor?.role ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      detail:
        e.detail == null
          ? null
          : typeof e.detail === 'string'
            ? e.detail
            : JSON.stringify(e.detail),
      ip: e.ip ?? null,
    })
    .execute();
}
