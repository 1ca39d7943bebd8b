/** @module Row type of the complaints sub-area (Art. 55–56): a recipient's complaint to the bureau, tied to the case and its lawyer. */
import type { Generated, Selectable } from 'kysely';

export interface AidComplaintRow {
  id: Generated<number>;
  application_id: number;
  /** The lawyer assigned when the complaint was filed (the one whose 一案一评 it bears on). */
  lawyer_id: number | null;
  complainant_user_id: number | null;
  /** The staff member who wrote down a complaint made at the window (null when filed online). */
  recorded_by: number | null;
  /** online | window */
  channel: string;
  complainant_name: string;
  complainant_phone: string | null;
  /** lawyer | agency | other */
  subject: string;
  body: string;
  status: string;
  agency_id: number;
  filed_at: string;
  accepted_at: string | null;
  refused_reason: string | null;
  findings: string | null;
  investigated_at: string | null;
  /** upheld | partly_upheld | not_upheld */
  result: string | null;
  conclusion: string | null;
  concluded_at: string | null;
  told_at: string | null;
  told_method: string | null;
  created_at: string;
  updated_at: string;
}
export type AidComplaint = Selectable<AidComplaintRow>;

export interface AidComplaintTables {
  aid_complaints: AidComplaintRow;
}

declare module '../../db/schema.js' {
  interface Database extends AidComplaintTables {}
}
