/** @module Row types of the core tables: agencies, users, sessions, audit trail. */
import type { ColumnType, Generated } from 'kysely';

export type Role =
  | 'citizen'
  | 'community_lawyer'
  | 'aid_lawyer'
  | 'aid_officer'
  | 'admin'
  // Staff of a notary office / an appraisal institution (linked to it in the directory area).
  | 'notary_staff'
  | 'appraisal_staff'
  /** Third-party quality evaluator of legal aid (法律援助法 Art. 57, 59). */
  | 'aid_evaluator'
  /** A district 司法局: decides 异议 against its district centre's decisions (法律援助法 Art. 49). */
  | 'justice_bureau';

export interface AgencyRow {
  id: Generated<number>;
  code: string;
  name: string;
  /** 'city' for the 市法律援助中心, 'district' for a 区 centre. */
  level: 'city' | 'district';
  district: string | null;
  address: string | null;
  phone: string | null;
}

export interface UserRow {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  display_name: string;
  phone: string | null;
  id_number: string | null;
  agency_id: number | null;
  failed_logins: number;
  locked_until: string | null;
  /** Set when an administrator disabled the account (auth's migration 0051); optional on insert. */
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface SessionRow {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface AuditRow {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
  ip: string | null;
}

export interface LoginAttemptRow {
  username: string;
  ip: string;
  /** Attempts counted since the last success, each counted before its password is checked. */
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface QuotaRow {
  subject: string;
  kind: string;
  period: string;
  used: number;
}

export interface AuditSealRow {
  id: Generated<number>;
  audit_id: number;
  prev_hash: string;
  hash: string;
  sealed_at: string;
}

export interface CoreTables {
  audit_seal: AuditSealRow;
  login_attempts: LoginAttemptRow;
  quotas: QuotaRow;
  agencies: AgencyRow;
  users: UserRow;
  sessions: SessionRow;
  audit_log: AuditRow;
}
