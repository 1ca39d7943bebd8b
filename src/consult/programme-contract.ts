/**
 * @module What the community-lawyer programme (src/programme) reads of consult: one adviser's figures for a
 * period [from, to) of ISO instants (dates for offline logs). Kept apart from metrics.ts so the programme's
 * 考核 depends only on these few exported functions, never on consult's tables.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AdviserConsultFigures {
  /**
   * Questions this adviser was responsible for (received) whose creation falls in the period: claimed by
   * her from the pool, or unclaimed in a community she serves — as in metrics.ts's per-lawyer figures.
   */
  received: number;
  /** Of those, the ones this adviser answered first. */
  answered: number;
  /** Sum of minutes from question to first answer over the answered ones. */
  responseMinutesSum: number;
  /** Ratings of the questions she answered first (not those the pool or 12348 answered): count and sum. */
  ratings: number;
  ratingSum: number;
  /** Offline services logged (sum of each log's count) with a date in the period. */
  offlineServices: number;
}

export async function adviserConsultFigures(
  db: Kysely<Database>,
  userId: number,
  from: string,
  to: string,
): Promise<AdviserConsultFigures> {
  const communities = (
    await db
      .selectFrom('consult_assignments')
      .select('community_id')
      .where('user_id', '=', userId)
      .execute()
  ).map((a) => a.community_id);
  const qs = await db
    .selectFrom('consult_questions')
    .select(['created_at', 'first_response_at', 'first_responder_id', 'rating'])
    .where((eb) =>
      communities.length
        ? eb.or([
            eb('claimed_by', '=', userId),
            eb.and([eb('claimed_by', 'is', null), eb('community_id', 'in', communities)]),
          ])
        : eb('claimed_by', '=', userId),
    )
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  let answered = 0;
  let responseMinutesSum = 0;
  let ratings = 0;
  let ratingSum = 0;
  for (const q of qs) {
    // A reply by the pool or the 12348 hotline is not hers: the question counts as unanswered by her.
    if (!q.first_response_at || q.first_responder_id !== userId) continue;
    answered += 1;
    responseMinutesSum += Math.round(
      (Date.parse(q.first_response_at) - Date.parse(q.created_at)) / 60_000,
    );
    if (q.rating !== null) {
      ratings += 1;
      ratingSum += q.rating;
    }
  }
  const off = await db
    .selectFrom('consult_offline_logs')
    .select((eb) => eb.fn.sum<number | string | null>('count').as('n'))
    .where('lawyer_id', '=', userId)
    .where('date', '>=', from.slice(0, 10))
    .where('date', '<', to.slice(0, 10))
    .executeTakeFirst();
  return {
    received: qs.length,
    answered,
    responseMinutesSum,
    ratings,
    ratingSum,
    offlineServices: Number(off?.n ?? 0),
  };
}
