/** @module Queries of the complaints sub-area: the workflow store, inserts, lists by viewer, the case's evaluation. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { TransitionStore } from '../../core/transition-save.js';
import type { Database } from '../../db/schema.js';
import type { AidComplaint, AidComplaintRow } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export const complaintStore = (c: AidComplaint): TransitionStore<string> => ({
  entity: 'aid_complaint',
  raceMessage: '该投诉刚被其他工作人员处理，请刷新后重试',
  table: 'aid_complaints',
  still: { updated_at: c.updated_at },
});

export async function insertComplaint(db: Db, row: Insertable<AidComplaintRow>): Promise<number> {
  const r = await db
    .insertInto('aid_complaints')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A complaint with the case's reference, the lawyer's name and the case's 一案一评 (if evaluated). */
export const findComplaint = (db: Db, id: number) =>
  complaintQuery(db).where('aid_complaints.id', '=', id).executeTakeFirst();

function complaintQuery(db: Db) {
  return db
    .selectFrom('aid_complaints')
    .innerJoin('aid_applications', 'aid_applications.id', 'aid_complaints.application_id')
    .leftJoin('users', 'users.id', 'aid_complaints.lawyer_id')
    .leftJoin('aid_evaluations', 'aid_evaluations.application_id', 'aid_complaints.application_id')
    .selectAll('aid_complaints')
    .select([
      'aid_applications.ref_no',
      'users.display_name as lawyer_name',
      'aid_evaluations.combined as evaluation_combined',
    ]);
}
export type ComplaintView = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

/** The bureau sees all; an officer her agency's; anyone else the complaints she filed. */
export function listComplaints(
  db: Db,
  viewer: { id: number; role: string; agencyId: number | null },
  status?: string,
) {
  let q = complaintQuery(db);
  if (viewer.role === 'aid_officer')
    q = q.where('aid_complaints.agency_id', '=', viewer.agencyId ?? -1);
  else if (viewer.role !== 'admin')
    q = q.where('aid_complaints.complainant_user_id', '=', viewer.id);
  if (status) q = q.where('aid_complaints.status', '=', status);
  return q.orderBy('aid_complaints.id', 'desc').limit(500).execute();
}

/** Upheld complaints against a lawyer (shown beside her evaluations). */
export async function upheldAgainst(db: Db, lawyerId: number): Promise<number> {
  const r = await db
    .selectFrom('aid_complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('lawyer_id', '=', lawyerId)
    .where('result', 'in', ['upheld', 'partly_upheld'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
