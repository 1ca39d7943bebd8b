/** @module Queries of the subsidies sub-area: standards in force, the case and its evaluation, subsidies and the store. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { TransitionStore } from '../../core/transition-save.js';
import type { Database } from '../../db/schema.js';
import type { AidSubsidy, AidSubsidyRow, AidSubsidyStandardRow } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export const subsidyStore = (s: AidSubsidy): TransitionStore<string> => ({
  entity: 'aid_subsidy',
  raceMessage: '该补贴刚被其他审批人处理，请刷新后重试',
  table: 'aid_subsidies',
  still: { updated_at: s.updated_at },
});

/** Sets the standard from a date, replacing one already set for that same date. */
export async function replaceStandard(
  db: Db,
  row: Insertable<AidSubsidyStandardRow>,
): Promise<void> {
  await db
    .deleteFrom('aid_subsidy_standards')
    .where('case_type', '=', row.case_type)
    .where('stage', '=', row.stage)
    .where('effective_from', '=', row.effective_from)
    .execute();
  await db.insertInto('aid_subsidy_standards').values(row).execute();
}

export const listStandards = (db: Db) =>
  db
    .selectFrom('aid_subsidy_standards')
    .selectAll()
    .orderBy('case_type')
    .orderBy('stage')
    .orderBy('effective_from', 'desc')
    .execute();

/** The standard in force on `date` for the matter type and stage (the newest effective one). */
export const standardOn = (db: Db, caseType: string, stage: string, date: string) =>
  db
    .selectFrom('aid_subsidy_standards')
    .selectAll()
    .where('case_type', '=', caseType)
    .where('stage', '=', stage)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();

/** The case and its 一案一评 (null when it has none). */
export const caseWithEvaluation = (db: Db, applicationId: number) =>
  db
    .selectFrom('aid_applications')
    .leftJoin('aid_evaluations', 'aid_evaluations.application_id', 'aid_applications.id')
    .select([
      'aid_applications.id',
      'aid_applications.status',
      'aid_applications.agency_id',
      'aid_applications.case_type',
      'aid_applications.is_litigation',
      'aid_applications.assigned_lawyer_id',
      'aid_applications.closed_at',
      'aid_evaluations.combined',
    ])
    .where('aid_applications.id', '=', applicationId)
    .executeTakeFirst();

export async function insertSubsidy(db: Db, row: Insertable<AidSubsidyRow>): Promise<number> {
  const r = await db
    .insertInto('aid_subsidies')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const findSubsidy = (db: Db, id: number) =>
  db.selectFrom('aid_subsidies').selectAll().where('id', '=', id).executeTakeFirst();

/** Subsidies with the case reference and the lawyer's name; `agencyId` null: every agency. */
export function listSubsidies(db: Db, f: { agencyId: number | null; status?: string }) {
  let q = db
    .selectFrom('aid_subsidies')
    .innerJoin('aid_applications', 'aid_applications.id', 'aid_subsidies.application_id')
    .innerJoin('users', 'users.id', 'aid_subsidies.lawyer_id')
    .selectAll('aid_subsidies')
    .select(['aid_applications.ref_no', 'users.display_name as lawyer_name']);
  if (f.agencyId !== null) q = q.where('aid_subsidies.agency_id', '=', f.agencyId);
  if (f.status) q = q.where('aid_subsidies.status', '=', f.status);
  return q.orderBy('aid_subsidies.id').execute();
}
export type SubsidyView = Awaited<ReturnType<typeof listSubsidies>>[number];
