/** @module Queries of SMS sign-in codes: kept as salted hashes, spent on use or after too many wrong tries. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertCode(
  db: Db,
  c: { phone: string; codeHash: string; expiresAt: string; ip: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto('auth_sms_codes')
    .values({
      phone: c.phone,
      code_hash: c.codeHash,
      expires_at: c.expiresAt,
      failures: 0,
      used_at: null,
      ip: c.ip,
      created_at: c.createdAt,
    })
    .execute();
}

/** The newest code of the number that is still good (not used, not expired, not worn out). */
export function latestLiveCode(db: Db, phone: string, nowIso: string, maxFailures: number) {
  return db
    .selectFrom('auth_sms_codes')
    .select(['id', 'code_hash', 'failures'])
    .where('phone', '=', phone)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .where('failures', '<', maxFailures)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Spends the code; of two sign-ins with the same code only one gets true. */
export async function spendCode(db: Db, id: number, nowIso: string): Promise<boolean> {
  const r = await db
    .updateTable('auth_sms_codes')
    .set({ used_at: nowIso })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countFailure(db: Db, id: number): Promise<void> {
  await db
    .updateTable('auth_sms_codes')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
