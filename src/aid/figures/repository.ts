/** @module Queries of the figures sub-area: the recipient-category setter and the rows the figures are counted from. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { instantRange } from '../ledger.js';
import type { AidApplicationRow } from '../tables.js';
import type { RecipientGroup } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Replaces the application's recipient categories (delete, then insert: the same on both dialects). */
export async function setRecipientGroups(
  trx: Transaction<Database>,
  applicationId: number,
  groups: readonly RecipientGroup[],
): Promise<void> {
  await trx
    .deleteFrom('aid_recipient_groups')
    .where('application_id', '=', applicationId)
    .execute();
  const rows = [...new Set(groups)].map((grp) => ({ application_id: applicationId, grp }));
  if (rows.length) await trx.insertInto('aid_recipient_groups').values(rows).execute();
}

export async function recipientGroupsOf(db: Db, applicationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('aid_recipient_groups')
    .select('grp')
    .where('application_id', '=', applicationId)
    .orderBy('grp')
    .execute();
  return rows.map((r) => r.grp);
}

/** Recipient categories of many applications at once (for the ledger). */
export async function recipientGroupsByApplication(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('aid_recipient_groups')
    .select(['application_id', 'grp'])
    .where('application_id', 'in', [...ids])
    .orderBy('grp')
    .execute();
  for (const r of rows) out.set(r.application_id, [...(out.get(r.application_id) ?? []), r.grp]);
  return out;
}

/** What one application contributes to the figures. */
export interface FigureRow {
  id: number;
  status: string;
  agency_id: number;
  case_type: string;
  hardship_basis: string;
  tolerant_at: string | null;
  assigned_by_choice: number;
  assigned_lawyer_id: number | null;
  famous: number | null;
  economic_amount: number;
  received_at: string;
}

/** Applications (not drafts) first received in the local-date range, of one agency or (null) all. */
export async function figureRows(
  db: Db,
  range: { from: string; to: string },
  agencyId: number | null,
): Promise<{ rows: FigureRow[]; groups: { application_id: number; grp: string }[] }> {
  const r = instantRange(range.from, range.to);
  let q = db
    .selectFrom('aid_applications')
    .leftJoin('aid_roster', 'aid_roster.user_id', 'aid_applications.assigned_lawyer_id')
    .where('aid_applications.status', '!=', 'draft')
    .where('aid_applications.received_at', '>=', r.from!)
    .where('aid_applications.received_at', '<', r.to!);
  if (agencyId !== null) q = q.where('aid_applications.agency_id', '=', agencyId);
  const rows = await q
    .select([
      'aid_applications.id',
      'aid_applications.status',
      'aid_applications.agency_id',
      'aid_applications.case_type',
      'aid_applications.hardship_basis',
      'aid_applications.tolerant_at',
      'aid_applications.assigned_by_choice',
      'aid_applications.assigned_lawyer_id',
      'aid_roster.famous',
      'aid_applications.economic_amount',
      'aid_applications.received_at',
    ])
    .orderBy('aid_applications.id')
    .execute();
  const groups = await q
    .innerJoin('aid_recipient_groups', 'aid_recipient_groups.application_id', 'aid_applications.id')
    .select(['aid_recipient_groups.application_id', 'aid_recipient_groups.grp'])
    .execute();
  return { rows: rows.map((x) => ({ ...x, economic_amount: Number(x.economic_amount) })), groups };
}

export const listAgencyNames = (db: Db) =>
  db.selectFrom('agencies').select(['id', 'name']).orderBy('id').execute();

/** Inserts demo mode's report-year rows with their categories, 200 to a statement, in one transaction. */
export async function insertReportRows(
  db: Kysely<Database>,
  rows: { row: Omit<AidApplicationRow, 'id'>; groups: RecipientGroup[] }[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      const ids = await trx
        .insertInto('aid_applications')
        .values(chunk.map((c) => c.row))
        .returning(['id', 'ref_no'])
        .execute();
      // RETURNING's order is not promised (SQLite), so rows are matched by their reference number.
      const idOf = new Map(ids.map((r) => [r.ref_no, r.id]));
      const groups = chunk.flatMap((c) =>
        c.groups.map((grp) => ({ application_id: idOf.get(c.row.ref_no)!, grp })),
      );
      if (groups.length) await trx.insertInto('aid_recipient_groups').values(groups).execute();
    }
  });
}
