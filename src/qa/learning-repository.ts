/** @module Queries of the qa area's learning loop: the turns answered without certainty, turns by id. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface UnsureTurn {
  id: number;
  question: string;
  topic: string;
  certainty: string | null;
  found: number;
  created_at: string;
  /** 1 when someone said the answer did not help. */
  unhelpful: number;
}

/**
 * Turns since `since` that the Q&A answered poorly: nothing found, retrieval alone (no reviewed
 * issue), or an answer someone said did not help; most recent first.
 */
export async function unsureTurns(db: Db, since: string, limit: number): Promise<UnsureTurn[]> {
  const rows = await db
    .selectFrom('qa_turns as t')
    .select((eb) => [
      't.id',
      't.question',
      't.topic',
      't.certainty',
      't.found',
      't.created_at',
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('qa_feedback as f')
              .select('f.id')
              .whereRef('f.turn_id', '=', 't.id')
              .where('f.helpful', '=', 0),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('unhelpful'),
    ])
    .where('t.created_at', '>=', since)
    .where((eb) =>
      eb.or([
        eb('t.found', '=', 0),
        eb('t.certainty', 'in', ['retrieval', 'none']),
        eb.exists(
          eb
            .selectFrom('qa_feedback as f')
            .select('f.id')
            .whereRef('f.turn_id', '=', 't.id')
            .where('f.helpful', '=', 0),
        ),
      ]),
    )
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, unhelpful: Number(r.unhelpful) }));
}

export function turnQuestions(db: Db, ids: readonly number[]) {
  return db.selectFrom('qa_turns').select(['id', 'question']).where('id', 'in', ids).execute();
}
