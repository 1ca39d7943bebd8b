/** @module SQL of the forms sub-area: issued forms and the names a form prints. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AidFormIssueRow } from './tables.js';

type Db = Kysely<Database>;

export type FormIssue = Omit<AidFormIssueRow, 'id'>;

export const insertFormIssue = (db: Db, row: FormIssue) =>
  db.insertInto('aid_form_issues').values(row).execute();

/** What the public verification answers: never the application id or personal data. */
export const findFormIssue = (db: Db, code: string) =>
  db
    .selectFrom('aid_form_issues')
    .select(['form', 'ref_no', 'issued_at'])
    .where('code', '=', code)
    .executeTakeFirst();

export const findUserName = async (db: Db, id: number | null): Promise<string | null> => {
  if (id === null) return null;
  const u = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', id)
    .executeTakeFirst();
  return u?.display_name ?? null;
};
