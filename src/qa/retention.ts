/**
 * @module Expiry of anonymous conversations: kept QA_ANON_RETENTION_DAYS after their last question, then
 * deleted with their turns and feedback by a background sweep (a signed-in user's stay with her).
 */
import type { AppContext } from '../core/context.js';
import { deleteAnonymousConversationsBefore } from './repository.js';

/** How often the server runs the sweep. */
export const RETENTION_SWEEP_MS = 60 * 60_000;

/** Deletes expired anonymous conversations; returns how many went. */
export async function sweepAnonymousConversations(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.config.QA_ANON_RETENTION_DAYS * 86_400_000);
  return deleteAnonymousConversationsBefore(ctx.db, cutoff.toISOString());
}
