/**
 * @module Whether a booking carries the legal-aid fee waiver (法律援助法 第五十三条: 受援人 are exempt from or
 * get reduced notary fees). The aid area owns the answer; this adapter is the one place the notary code asks.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface WaiverQuery {
  userId?: number;
  idNumber?: string | null;
}

export type FeeWaiverCheck = (db: Kysely<Database>, q: WaiverQuery) => Promise<boolean>;

/** Until the aid area's `hasAidFeeWaiver` is wired here, nobody is treated as a recipient. */
const noAidModule: FeeWaiverCheck = () => Promise.resolve(false);

export const feeWaiverCheck: FeeWaiverCheck = noAidModule;
