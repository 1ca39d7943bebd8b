/**
 * @module Who may read a conversation: a signed-in user's conversation only she may read; an anonymous
 * one whoever holds its unguessable id (the id is the token). Everyone else gets 404.
 */
import type { SessionUser } from '../core/session.js';
import { notFound } from '../core/errors.js';

export interface ConversationAccess {
  userId: number | null;
}

/** True when `viewer` may read (and continue, and give feedback on) the conversation. */
export function canReadConversation(viewer: SessionUser | null, c: ConversationAccess): boolean {
  if (c.userId === null) return true; // the caller proved possession of the id
  return viewer !== null && viewer.id === c.userId;
}

/**
 * Throws 404 unless the viewer may read the conversation. (Not `authorize()`: anonymous viewers
 * holding the token are allowed, which the shared policy helper does not model.)
 */
export function authorizeConversation<C extends ConversationAccess>(
  viewer: SessionUser | null,
  c: C | undefined | null,
): C {
  if (!c || !canReadConversation(viewer, c)) throw notFound('对话');
  return c;
}
