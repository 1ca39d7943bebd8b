/**
 * @module Art. 53 fee relief: notary and appraisal modules ask whether a person currently receives legal aid.
 * Whether someone receives legal aid is confidential (法律援助法 第二十一条), so the answer is never given
 * for a bare 身份证号: either the recipient asks for themselves (signed in with the account that applied —
 * their own consent), or whoever asks holds the verification code of the recipient's grant decision
 * together with the ID number (the recipient handed over their 给予法律援助决定书). A wrong code and a
 * non-recipient answer the same `false`.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Statuses in which a person is a 受援人 (aid granted and not ended by refusal, withdrawal or termination). */
export const RECIPIENT_STATUSES = [
  'granted',
  'assigned',
  'lawyer_change_requested',
  'in_progress',
] as const;

/** Crockford base 32 without I, L, O, U: unambiguous when read off paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The verification code of a grant decision (核验码, printed on the decision notice): ten characters from
 * a hash of the application's id, reference number, the applicant's ID number and the decision instant.
 * The instant (to the millisecond) is only in the database, so the code cannot be made from what is
 * printed elsewhere on the notice.
 */
export function decisionVerificationCode(a: {
  id: number;
  ref_no: string | null;
  applicant_id_number: string;
  decided_at: string | null;
}): string {
  const h = createHash('sha256')
    .update(`aid-decision|${a.id}|${a.ref_no ?? ''}|${a.applicant_id_number}|${a.decided_at ?? ''}`)
    .digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[h[i]! % 32];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

const normalCode = (c: string) => c.trim().toUpperCase().replace(/[\s-]/g, '');

/**
 * Who is asking: `userId` — the recipient themselves, signed in with the account that applied; or
 * `idNumber` with `verificationCode` — someone holding the recipient's decision notice.
 */
export interface WaiverQuery {
  userId?: number;
  idNumber?: string | null;
  verificationCode?: string | null;
}

/** True when the person is a current legal-aid recipient, asked for with their consent (see the module note). */
export async function hasAidFeeWaiver(db: Kysely<Database>, who: WaiverQuery): Promise<boolean> {
  if (who.userId !== undefined) {
    const own = await db
      .selectFrom('aid_applications')
      .select('id')
      .where('status', 'in', [...RECIPIENT_STATUSES])
      .where('applicant_user_id', '=', who.userId)
      .limit(1)
      .executeTakeFirst();
    if (own) return true;
  }
  const idNumber = who.idNumber?.trim().toUpperCase();
  const code = who.verificationCode;
  // Never an answer for an ID number alone.
  if (!idNumber || !code) return false;
  const rows = await db
    .selectFrom('aid_applications')
    .select(['id', 'ref_no', 'applicant_id_number', 'decided_at'])
    .where('status', 'in', [...RECIPIENT_STATUSES])
    .where('applicant_id_number', '=', idNumber)
    .execute();
  const given = normalCode(code);
  return rows.some((r) => normalCode(decisionVerificationCode(r)) === given);
}
