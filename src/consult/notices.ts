/**
 * @module The 法指针 messages sent through the outbox (src/notify): a new question to its community's
 * lawyers, a reply to the resident, an escalation to whoever the question now waits for (the pool's
 * volunteers, or the 12348 staff of the district's legal-aid office). Each is queued in the transaction of
 * the event that causes it, so a rolled-back event sends nothing. The texts name no case facts: an SMS is
 * read on a lock screen.
 */
import type { Transaction } from 'kysely';
import { activeStaffIds } from '../auth/repository.js';
import { competentAgencyId } from '../aid/competence.js';
import type { Database } from '../db/schema.js';
import { enqueueNotification } from '../notify/index.js';

type Trx = Transaction<Database>;
const REF = 'consult_question';

/** A new question: each lawyer of the resident's community. */
export async function noticeAsked(trx: Trx, questionId: number, lawyers: number[], now: Date) {
  for (const userId of lawyers)
    await enqueueNotification(
      trx,
      {
        kind: 'consult.asked',
        userId,
        title: '法指针：新的法律咨询',
        body: `您服务的社区（村）有居民提出了法律咨询（编号${questionId}），请尽快登录法指针回复。`,
        refType: REF,
        refId: questionId,
        dedupeKey: `consult.asked:${questionId}:${userId}`,
      },
      now,
    );
}

/** A lawyer's or staff member's reply: the resident who asked. */
export async function noticeReplied(
  trx: Trx,
  q: { id: number; citizen_id: number },
  messageId: number,
  byStaff: boolean,
  now: Date,
) {
  await enqueueNotification(
    trx,
    {
      kind: 'consult.replied',
      userId: q.citizen_id,
      title: '法指针：您的咨询有了回复',
      body: `${byStaff ? '12348 热线工作人员' : '律师'}已回复您的法律咨询（编号${q.id}），请登录查看。`,
      refType: REF,
      refId: q.id,
      dedupeKey: `consult.replied:${messageId}`,
    },
    now,
  );
}

/** Active volunteers of the pool whose accounts are not disabled. */
async function poolVolunteers(trx: Trx): Promise<number[]> {
  const rows = await trx
    .selectFrom('consult_lawyers as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select('l.user_id')
    .where('l.in_pool', '=', 1)
    .where('l.active', '=', 1)
    .where('u.disabled_at', 'is', null)
    .orderBy('l.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The 12348 staff a question in the hotline queue waits for: the officers of its district's aid office. */
async function hotlineStaff(trx: Trx, communityId: number): Promise<number[]> {
  const place = await trx
    .selectFrom('consult_communities as c')
    .innerJoin('consult_streets as s', 's.id', 'c.street_id')
    .select('s.district')
    .where('c.id', '=', communityId)
    .executeTakeFirstOrThrow();
  const agencyId = await competentAgencyId(trx, place.district);
  return activeStaffIds(trx, agencyId, ['aid_officer']);
}

/** Questions that just moved on: every volunteer of the pool, or the district's 12348 staff. */
export async function noticeEscalated(
  trx: Trx,
  moved: readonly { id: number; community_id: number }[],
  stage: 'pool' | 'hotline',
  now: Date,
) {
  if (!moved.length) return;
  const volunteers = stage === 'pool' ? await poolVolunteers(trx) : [];
  const staffOf = new Map<number, number[]>();
  for (const q of moved) {
    let to = volunteers;
    if (stage === 'hotline') {
      to = staffOf.get(q.community_id) ?? (await hotlineStaff(trx, q.community_id));
      staffOf.set(q.community_id, to);
    }
    for (const userId of to)
      await enqueueNotification(
        trx,
        {
          kind: `consult.escalated_${stage}`,
          userId,
          title: stage === 'pool' ? '法指针：志愿律师库待认领咨询' : '12348 热线：待认领咨询',
          body:
            stage === 'pool'
              ? `一条法律咨询（编号${q.id}）社区律师未及时回复，已转入志愿律师库，请登录认领。`
              : `一条法律咨询（编号${q.id}）已转入 12348 热线队列，请登录认领并回复。`,
          refType: REF,
          refId: q.id,
          dedupeKey: `consult.escalated_${stage}:${q.id}:${userId}`,
        },
        now,
      );
  }
}
