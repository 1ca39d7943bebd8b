/**
 * @module The link from an aid application to the 法指针 referral it came from (`consult_referral_id`), and
 * the outcome the referring lawyer may see: a short status label per referral. Consult reads aid only through
 * `referralOutcomes`; aid checks the referral only through consult's `isConfirmedReferralOf`.
 */
import type { Kysely, Transaction } from 'kysely';
import { isConfirmedReferralOf } from '../consult/referral-contract.js';
import { badRequest } from '../core/errors.js';
import type { SessionUser } from '../core/session.js';
import type { Migration } from '../db/migrator.js';
import type { Database } from '../db/schema.js';
import type { AidStatus } from './workflow.js';

type Db = Kysely<Database> | Transaction<Database>;
/** The one column this file adds, seen only here (aid's row type is the lead's). */
interface LinkTables {
  aid_applications: { id: number; status: AidStatus; consult_referral_id: number | null };
}
const linked = (db: Db) => db as unknown as Kysely<LinkTables>;

/** Migration 0380_aid_referral_link. */
export const addReferralLink: Migration['up'] = async (db) => {
  await db.schema
    .alterTable('aid_applications')
    .addColumn('consult_referral_id', 'integer')
    .execute();
  await db.schema
    .createIndex('idx_aid_applications_consult_referral_id')
    .on('aid_applications')
    .column('consult_referral_id')
    .execute();
};

/**
 * Records that application `id` came from referral `referralId` (nothing when none is named). Only the
 * resident who confirmed the referral may name it: 400 `referral_invalid` otherwise.
 */
export async function linkReferral(
  trx: Transaction<Database>,
  id: number,
  referralId: number | undefined,
  user: SessionUser,
): Promise<void> {
  if (referralId === undefined) return;
  if (user.role !== 'citizen' || !(await isConfirmedReferralOf(trx, referralId, user.id)))
    throw badRequest('referral_invalid', '该转介不存在、尚未确认或不属于您');
  await linked(trx)
    .updateTable('aid_applications')
    .set({ consult_referral_id: referralId })
    .where('id', '=', id)
    .execute();
}

/** What the referring lawyer reads of the application's progress: never its facts, only where it stands. */
export const REFERRAL_OUTCOME_LABELS: Record<AidStatus, string> = {
  draft: '已申请',
  received: '已申请',
  transferred: '已申请',
  awaiting_supplement: '待补正',
  under_review: '已受理',
  not_accepted: '不予受理',
  granted: '给予援助',
  assigned: '给予援助',
  lawyer_change_requested: '给予援助',
  in_progress: '给予援助',
  terminated: '终止援助',
  closed: '已结案',
  evaluated: '已结案',
  refused: '不予援助',
  objection_raised: '不予援助（异议审查中）',
  objection_upheld: '不予援助（异议成立）',
  objection_rejected: '不予援助',
  withdrawn: '已撤回',
};

export interface ReferralOutcome {
  applicationId: number;
  status: AidStatus;
  label: string;
}

/** The newest application filed from each referral, with its outcome label; referrals with none are absent. */
export async function referralOutcomes(
  db: Db,
  referralIds: readonly number[],
): Promise<Map<number, ReferralOutcome>> {
  const out = new Map<number, ReferralOutcome>();
  if (!referralIds.length) return out;
  const rows = await linked(db)
    .selectFrom('aid_applications')
    .select(['id', 'status', 'consult_referral_id'])
    .where('consult_referral_id', 'in', [...referralIds])
    .orderBy('id')
    .execute();
  for (const r of rows)
    out.set(r.consult_referral_id!, {
      applicationId: r.id,
      status: r.status,
      label: REFERRAL_OUTCOME_LABELS[r.status],
    });
  return out;
}
