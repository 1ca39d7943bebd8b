/** @module Where an account can be reached and which outside identities sign in to it (the contract notify and sign-in use). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ContactPoints {
  phone: string | null;
  wechatOpenId: string | null;
}

/** The account's mobile number and WeChat openid, if it has them; null for an unknown account. */
export async function contactPoints(db: Db, userId: number): Promise<ContactPoints | null> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('user_identities as i', (j) =>
      j.onRef('i.user_id', '=', 'u.id').on('i.provider', '=', 'wechat'),
    )
    .select(['u.phone', 'i.subject'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row ? { phone: row.phone, wechatOpenId: row.subject } : null;
}

export async function findUserIdByIdentity(
  db: Db,
  provider: 'wechat',
  subject: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('user_identities')
    .select('user_id')
    .where('provider', '=', provider)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Ties an identity to an account; a second tie of the same identity loses on the unique index. */
export async function linkIdentity(
  db: Db,
  userId: number,
  provider: 'wechat',
  subject: string,
  nowIso: string,
): Promise<void> {
  await db
    .insertInto('user_identities')
    .values({ user_id: userId, provider, subject, created_at: nowIso })
    .execute();
}

/** The citizen accounts with this mobile number (phone sign-in signs in only a citizen). */
export function citizensByPhone(db: Db, phone: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('phone', '=', phone)
    .where('role', '=', 'citizen')
    .orderBy('id')
    .execute();
}
