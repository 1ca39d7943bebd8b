/**
 * @module Whether a booking or an appraisal case carries the legal-aid fee waiver (法律援助法 第五十三条:
 * 受援人 are exempt from or get reduced notary and appraisal fees). The aid area owns the answer
 * (`hasAidFeeWaiver`), and gives it only with the recipient's consent: their own signed-in account, or
 * their ID number with the verification code of their grant decision — never for a typed ID number alone.
 */
import type { Kysely } from 'kysely';
import { hasAidFeeWaiver } from '../../aid/fee-waiver.js';
import type { Database } from '../../db/schema.js';

export interface WaiverQuery {
  /** The recipient's own account (they are the one booking). */
  userId?: number;
  idNumber?: string | null;
  /** 核验码 of the 给予法律援助决定书, needed with `idNumber`. */
  verificationCode?: string | null;
}

export function feeWaiverCheck(db: Kysely<Database>, q: WaiverQuery): Promise<boolean> {
  return hasAidFeeWaiver(db, {
    ...(q.userId !== undefined ? { userId: q.userId } : {}),
    ...(q.idNumber && q.verificationCode
      ? { idNumber: q.idNumber, verificationCode: q.verificationCode }
      : {}),
  });
}
