/**
 * @module Whether a booking carries the legal-aid fee waiver (法律援助法 第五十三条: 受援人 are exempt from or
 * get reduced notary fees). The aid area owns the answer (`hasAidFeeWaiver`); this is the one place the
 * notary code asks it.
 */
import type { Kysely } from 'kysely';
import { hasAidFeeWaiver } from '../../aid/fee-waiver.js';
import type { Database } from '../../db/schema.js';

export interface WaiverQuery {
  userId?: number;
  idNumber?: string | null;
}

/** True when the account or the 身份证号 belongs to a current legal-aid recipient. */
export function feeWaiverCheck(db: Kysely<Database>, q: WaiverQuery): Promise<boolean> {
  return hasAidFeeWaiver(db, {
    ...(q.userId !== undefined ? { userId: q.userId } : {}),
    ...(q.idNumber ? { idNumber: q.idNumber } : {}),
  });
}
