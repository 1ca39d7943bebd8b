/** @module The QA area's read for the dashboard: questions asked, questions not answered, feedback given in a period. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Turns, unanswered questions and feedback created in [from, to) (UTC ISO instants). */
export async function qaActivity(db: Kysely<Database>, range: { from: string; to: string }) {
  const turns = await db
    .selectFrom('qa_turns')
    .select(['created_at'])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .execute();
  const unanswered = await db
    .selectFrom('qa_unanswered')
    .select(['created_at', 'topic'])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .execute();
  const feedback = await db
    .selectFrom('qa_feedback')
    .select(['helpful'])
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .execute();
  return { turns, unanswered, feedback };
}
