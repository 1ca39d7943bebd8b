/** @module Art. 53 fee relief: notary and appraisal modules ask whether a person currently receives legal aid. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Statuses in which a person is a 受援人 (aid granted and not ended by refusal, withdrawal or termination). */
export const RECIPIENT_STATUSES = [
  'granted',
  'assigned',
  'lawyer_change_requested',
  'in_progress',
] as const;

/** True when the user (by account) or the person (by 身份证号) has a granted or ongoing legal-aid case. */
export async function hasAidFeeWaiver(
  db: Kysely<Database>,
  who: { userId?: number; idNumber?: string },
): Promise<boolean> {
  if (who.userId === undefined && !who.idNumber) return false;
  const row = await db
    .selectFrom('aid_applications')
    .select('id')
    .where('status', 'in', [...RECIPIENT_STATUSES])
    .where((eb) =>
      eb.or([
        ...(who.userId !== undefined ? [eb('applicant_user_id', '=', who.userId)] : []),
        ...(who.idNumber
          ? [eb('applicant_id_number', '=', who.idNumber.trim().toUpperCase())]
          : []),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
