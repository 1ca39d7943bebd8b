/** @module Aid case-record queries for the endpoints: lists, the detail's parts, notes, evaluation, feedback, decision. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

/** Every agency, for the application form's choice of office. */
export const listAgencies = (db: Db) =>
  db.selectFrom('agencies').select(['id', 'code', 'name', 'district']).orderBy('id').execute();

/** One agency's name (the case's office, on the decision notice). */
export const findAgencyName = (db: Db, agencyId: number) =>
  db.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirstOrThrow();

/** The active lawyers of an agency's roster, for the applicant's choice (点援制). */
export const listActiveRosterLawyers = (db: Db, agencyId: number) =>
  db
    .selectFrom('aid_roster')
    .innerJoin('users', 'users.id', 'aid_roster.user_id')
    .select([
      'aid_roster.user_id',
      'users.display_name',
      'specialties',
      'years_experience',
      'famous',
    ])
    .where('aid_roster.agency_id', '=', agencyId)
    .where('active', '=', 1)
    .orderBy('aid_roster.id')
    .execute();

/** A citizen's own applications, newest first. */
export const listApplicationsOfApplicant = (db: Db, userId: number) =>
  db
    .selectFrom('aid_applications')
    .selectAll()
    .where('applicant_user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();

/** The cases assigned to a lawyer, newest first. */
export const listCasesOfLawyer = (db: Db, lawyerId: number) =>
  db
    .selectFrom('aid_applications')
    .selectAll()
    .where('assigned_lawyer_id', '=', lawyerId)
    .orderBy('id', 'desc')
    .execute();

/** The application's timeline, oldest step first. */
export const listSteps = (db: Db, applicationId: number) =>
  db
    .selectFrom('aid_steps')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();

/** The application's materials (without their stored names). */
export const listAttachments = (db: Db, applicationId: number) =>
  db
    .selectFrom('aid_attachments')
    .select(['id', 'kind', 'original_name', 'mime', 'size', 'created_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();

/** The case's progress notes, oldest first. */
export const listNotes = (db: Db, applicationId: number) =>
  db
    .selectFrom('aid_notes')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();

/** The case's evaluation (一案一评), if made. */
export const findEvaluation = (db: Db, applicationId: number) =>
  db
    .selectFrom('aid_evaluations')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();

export async function insertNote(
  db: Db,
  note: { applicationId: number; authorId: number; at: string; kind: string; body: string },
): Promise<void> {
  await db
    .insertInto('aid_notes')
    .values({
      application_id: note.applicationId,
      author_id: note.authorId,
      at: note.at,
      kind: note.kind,
      body: note.body,
    })
    .execute();
}

export interface EvaluationValues {
  applicationId: number;
  satisfaction: number;
  fileScore: number;
  hearingScore: number | null;
  courtScore: number | null;
  combined: number;
  weights: string;
  evaluatorId: number;
  createdAt: string;
}

export async function insertEvaluation(db: Db, e: EvaluationValues): Promise<void> {
  await db
    .insertInto('aid_evaluations')
    .values({
      application_id: e.applicationId,
      satisfaction: e.satisfaction,
      file_score: e.fileScore,
      hearing_score: e.hearingScore,
      court_score: e.courtScore,
      combined: e.combined,
      weights: e.weights,
      evaluator_id: e.evaluatorId,
      created_at: e.createdAt,
    })
    .execute();
}

/** The applicant's own rating and comment after the case is over (not a status change). */
export async function saveCitizenFeedback(
  db: Db,
  applicationId: number,
  f: { satisfaction: number; comment: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('aid_applications')
    .set({ citizen_satisfaction: f.satisfaction, citizen_comment: f.comment, updated_at: f.at })
    .where('id', '=', applicationId)
    .execute();
}

/** The newest decision step (grant, refusal or urgent grant), for the decision notice. */
export const findLatestDecisionStep = (db: Db, applicationId: number) =>
  db
    .selectFrom('aid_steps')
    .select('event')
    .where('application_id', '=', applicationId)
    .where('event', 'in', ['decide_grant', 'decide_refuse', 'grant_urgent'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
