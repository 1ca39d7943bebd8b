/** @module Row types of the subsidies sub-area (Art. 52): the bureau's standards and each closed case's subsidy. */
import type { Generated, Selectable } from 'kysely';

/** The bureau's standard for a matter type and stage, from a date (a new row per change; the newest in force wins). */
export interface AidSubsidyStandardRow {
  id: Generated<number>;
  case_type: string;
  /** non_litigation | litigation */
  stage: string;
  /** 元 per case. */
  amount: number;
  effective_from: string;
  note: string | null;
  created_by: number;
  created_at: string;
}

/** One case's subsidy, computed from its standard and its 一案一评; one per application. */
export interface AidSubsidyRow {
  id: Generated<number>;
  application_id: number;
  lawyer_id: number;
  agency_id: number;
  case_type: string;
  stage: string;
  standard_id: number;
  standard_amount: number;
  evaluation_combined: number;
  /** excellent | pass | fail */
  grade: string;
  percent: number;
  amount: number;
  /** computed | approved | rejected */
  status: string;
  reject_reason: string | null;
  computed_by: number;
  computed_at: string;
  approved_by: number | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
}
export type AidSubsidy = Selectable<AidSubsidyRow>;

export interface AidSubsidyTables {
  aid_subsidy_standards: AidSubsidyStandardRow;
  aid_subsidies: AidSubsidyRow;
}

declare module '../../db/schema.js' {
  interface Database extends AidSubsidyTables {}
}
