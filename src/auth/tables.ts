/** @module Row types of the auth area's own tables (accounts and sessions are core tables in db/). */
import type { Generated } from 'kysely';

/** An outside identity signed in with (a WeChat openid), tied to one account. */
export interface UserIdentityRow {
  id: Generated<number>;
  user_id: number;
  provider: 'wechat';
  subject: string;
  created_at: string;
}

/** A one-time sign-in code sent by SMS: only its salted hash is kept, and it expires. */
export interface SmsCodeRow {
  id: Generated<number>;
  phone: string;
  code_hash: string;
  expires_at: string;
  /** Wrong codes tried against it; at the limit it is spent. */
  failures: number;
  used_at: string | null;
  ip: string | null;
  created_at: string;
}

export interface AuthTables {
  user_identities: UserIdentityRow;
  auth_sms_codes: SmsCodeRow;
}

declare module '../db/schema.js' {
  interface Database extends AuthTables {}
}
