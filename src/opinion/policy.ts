/**
 * @module Who may see an interview or a letter: its owner — the signed-in citizen who started it, or whoever
 * holds the anonymous (kiosk) token it was started with. Everyone else gets 404, so ids do not leak.
 */
import { createHash } from 'node:crypto';
import type { SessionUser } from '../core/session.js';
import { notFound } from '../core/errors.js';

/** The caller as ownership sees it. */
export interface Actor {
  user: SessionUser | null;
  /** SHA-256 of the kiosk token the caller presented, if any. */
  tokenHash: string | null;
}

export interface Owned {
  owner_user_id: number | null;
  token_hash: string | null;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function owns(actor: Actor, r: Owned): boolean {
  if (r.owner_user_id !== null) return actor.user?.id === r.owner_user_id;
  return r.token_hash !== null && actor.tokenHash === r.token_hash;
}

/**
 * Returns the record when the actor owns it.
 * @throws AppError 404 for a missing record and for someone else's.
 */
export function authorizeOwner<R extends Owned>(actor: Actor, r: R | undefined, label: string): R {
  if (!r || !owns(actor, r)) throw notFound(label);
  return r;
}
