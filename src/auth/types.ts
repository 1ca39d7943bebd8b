/** @module Roles and their names, and the request's user (the type itself lives in core/session.ts). */
import type { Role, SessionUser } from '../core/session.js';

export type { Role, SessionUser };

export const ROLES: readonly Role[] = [
  'citizen',
  'community_lawyer',
  'aid_lawyer',
  'aid_officer',
  'admin',
  'notary_staff',
  'appraisal_staff',
  'aid_evaluator',
  'justice_bureau',
];

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '群众',
  community_lawyer: '村（居）法律顾问',
  aid_lawyer: '法律援助律师',
  aid_officer: '法律援助工作人员',
  admin: '司法局管理员',
  notary_staff: '公证机构工作人员',
  appraisal_staff: '司法鉴定机构工作人员',
  aid_evaluator: '法律援助质量评估人员（第三方）',
  justice_bureau: '区司法局工作人员',
};

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    /** True when the user came from the session cookie (so writes need the CSRF header). */
    cookieAuth: boolean;
  }
}
