/** @module Tables of the forms sub-area. */
import type { Generated } from 'kysely';

export interface AidFormIssueRow {
  id: Generated<number>;
  /** Verification code printed on the form (XXXXX-XXXXX, Crockford base 32). */
  code: string;
  form: string;
  application_id: number;
  ref_no: string | null;
  issued_by: number;
  issued_at: string;
}

export interface AidFormTables {
  aid_form_issues: AidFormIssueRow;
}

declare module '../../db/schema.js' {
  interface Database extends AidFormTables {}
}
