/** @module Queries of the 品牌 awards; status changes go only through core/transition-save.ts (status-checked). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { TimelineStep } from '../../core/transition-save.js';
import type { AwardRecord, AwardStatus } from './workflow.js';
import type { ProgrammeAwardRow } from '../tables.js';
import type { Insertable } from 'kysely';

type Db = Kysely<Database>;

export async function insertAward(db: Db, row: Insertable<ProgrammeAwardRow>): Promise<number> {
  const r = await db
    .insertInto('programme_awards')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function addStep(db: Db, s: TimelineStep<AwardStatus | 'new'>): Promise<void> {
  await db
    .insertInto('programme_award_steps')
    .values({
      award_id: s.id,
      event: s.event,
      from_status: s.from,
      to_status: s.to,
      actor_id: s.actorId,
      actor_role: s.actorRole,
      note: s.note,
      at: s.at,
    })
    .execute();
}

/** The application with its inspectors' scores, as the workflow table reads it. */
export async function loadAward(db: Db, id: number): Promise<AwardRecord | null> {
  const row = await db
    .selectFrom('programme_awards')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, scores: (await scoresOf(db, id)).map((s) => s.score) };
}

export const scoresOf = (db: Db, id: number) =>
  db
    .selectFrom('programme_award_scores as s')
    .innerJoin('users as u', 'u.id', 's.inspector_id')
    .select(['s.inspector_id', 's.score', 's.note', 's.created_at', 'u.display_name'])
    .where('s.award_id', '=', id)
    .orderBy('s.id')
    .execute();

export const stepsOf = (db: Db, id: number) =>
  db
    .selectFrom('programme_award_steps')
    .selectAll()
    .where('award_id', '=', id)
    .orderBy('id')
    .execute();

export const objectionsOf = (db: Db, id: number) =>
  db
    .selectFrom('programme_award_objections')
    .selectAll()
    .where('award_id', '=', id)
    .orderBy('id')
    .execute();

export async function insertScore(
  db: Db,
  v: { award_id: number; inspector_id: number; score: number; note: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('programme_award_scores')
    .values({
      award_id: v.award_id,
      inspector_id: v.inspector_id,
      score: v.score,
      note: v.note,
      created_at: v.at,
    })
    .execute();
}

export async function setMean(db: Db, id: number, mean: number): Promise<void> {
  await db
    .updateTable('programme_awards')
    .set({ inspection_mean: mean })
    .where('id', '=', id)
    .execute();
}

export async function insertObjection(
  db: Db,
  v: { award_id: number; user_id: number; body: string; at: string },
): Promise<void> {
  await db
    .insertInto('programme_award_objections')
    .values({
      award_id: v.award_id,
      user_id: v.user_id,
      body: v.body,
      decision: null,
      created_at: v.at,
    })
    .execute();
}

export async function decideObjections(db: Db, id: number, decision: string): Promise<void> {
  await db
    .updateTable('programme_award_objections')
    .set({ decision })
    .where('award_id', '=', id)
    .where('decision', 'is', null)
    .execute();
}

export function listAwards(db: Db, f: { status?: string; applicantId?: number }) {
  let q = db
    .selectFrom('programme_awards as a')
    .innerJoin('users as u', 'u.id', 'a.applicant_id')
    .selectAll('a')
    .select('u.display_name as applicant_name');
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.applicantId !== undefined) q = q.where('a.applicant_id', '=', f.applicantId);
  return q.orderBy('a.id').execute();
}

export const byStatuses = (db: Db, statuses: AwardStatus[]) =>
  db
    .selectFrom('programme_awards')
    .selectAll()
    .where('status', 'in', statuses)
    .orderBy('year', 'desc')
    .orderBy('kind')
    .orderBy('id')
    .execute();

/** 公示 windows that ended before `today` (China date), for the 授牌 sweep. */
export const publicityEnded = (db: Db, today: string) =>
  db
    .selectFrom('programme_awards')
    .select('id')
    .where('status', '=', 'publicity')
    .where('publicity_until', '<', today)
    .execute();
