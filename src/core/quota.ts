/**
 * @module Quotas counted by the database: one conditional upsert raises a (subject, kind, period) counter
 * only while it stays within the limit, inside the caller's transaction — so parallel requests cannot
 * all pass a sum read beforehand, and a write that fails afterwards gives its share back on rollback.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { chinaDate } from './time.js';

export interface QuotaUse {
  /** Whose allowance: `user:<id>` or `ip:<address>`. */
  subject: string;
  kind: 'upload_bytes' | 'aid_applications' | 'notary_bookings' | 'qa_questions' | 'sms_codes';
  /** `all` for a lifetime allowance, or the UTC day (YYYY-MM-DD) for a daily one. */
  period: string;
  amount: number;
  limit: number;
}

export const UPLOAD_QUOTA_MESSAGE = '您上传的文件总量已达上限，如需继续上传请联系工作人员';

/** One upload's share of the account's lifetime upload allowance. */
export function uploadQuota(ctx: AppContext, userId: number, bytes: number): QuotaUse {
  return {
    subject: `user:${userId}`,
    kind: 'upload_bytes',
    period: 'all',
    amount: bytes,
    limit: ctx.config.UPLOAD_QUOTA_BYTES,
  };
}

/** The day in China of `now`, the period of daily quotas (a citizen's day, not UTC's). */
export const dayOf = (now: Date): string => chinaDate(now);

/**
 * Takes `amount` of the allowance, or refuses.
 * @throws 429 `quota_exceeded` with `message` when the counter would pass the limit.
 */
export async function consumeQuota(
  db: Kysely<Database> | Transaction<Database>,
  q: QuotaUse,
  message: string,
): Promise<void> {
  const refused = () => AppError.of('quota_exceeded', message, { kind: q.kind, limit: q.limit });
  if (q.amount > q.limit) throw refused();
  const row = await db
    .insertInto('quotas')
    .values({ subject: q.subject, kind: q.kind, period: q.period, used: q.amount })
    .onConflict((oc) =>
      oc
        .columns(['subject', 'kind', 'period'])
        .doUpdateSet({ used: sql<number>`quotas.used + ${q.amount}` })
        .where(sql<boolean>`quotas.used + ${q.amount} <= ${q.limit}`),
    )
    .returning('used')
    .executeTakeFirst();
  if (!row) throw refused();
}
