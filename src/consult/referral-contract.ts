/**
 * @module What the aid area reads of a consult referral when an application names one: whether the resident
 * filing it is the one who consented to it. Kept apart (it imports nothing of aid) so aid can call it without
 * an import circle and without reading consult's tables.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** True when referral `id` exists, was confirmed, and belongs to resident `citizenId`. */
export async function isConfirmedReferralOf(
  db: Kysely<Database> | Transaction<Database>,
  id: number,
  citizenId: number,
): Promise<boolean> {
  const r = await db
    .selectFrom('consult_referrals')
    .select('id')
    .where('id', '=', id)
    .where('citizen_id', '=', citizenId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return r !== undefined;
}
