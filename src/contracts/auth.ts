/** @module Contract of the accounts API (/api/v1/auth, /api/v1/admin/users): the signed-in user and staff lists. */
import { z } from 'zod';

export const Role = z.enum([
  'citizen',
  'community_lawyer',
  'aid_lawyer',
  'aid_officer',
  'admin',
  'notary_staff',
  'appraisal_staff',
  'aid_evaluator',
  'justice_bureau',
]);

export const Me = z.object({
  id: z.number(),
  username: z.string(),
  role: Role,
  roleLabel: z.string(),
  displayName: z.string(),
  agencyId: z.number().nullable(),
  csrfToken: z.string(),
});
/** /auth/me answers { user: null } to an anonymous visitor. */
export const MeEnvelope = z.object({ user: Me.nullable() });
export const SignedIn = z.object({ user: Me });

export const UserListItem = z.object({
  id: z.number(),
  username: z.string(),
  role: Role,
  roleLabel: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  agencyId: z.number().nullable(),
  locked: z.boolean(),
  /** Disabled by an administrator: cannot sign in, sessions ended. */
  disabled: z.boolean(),
});
export const UserList = z.object({ items: z.array(UserListItem) });

export const Agencies = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string() })),
});

export type Role = z.infer<typeof Role>;
export type Me = z.infer<typeof Me>;
export type UserListItem = z.infer<typeof UserListItem>;

/** Which sign-in methods this site offers (WeChat only when the bureau configured its 公众号). */
export const LoginProviders = z.object({
  password: z.boolean(),
  sms: z.boolean(),
  wechat: z.boolean(),
});
export const SmsCodeSent = z.object({ sent: z.literal(true), resendAfterSeconds: z.number() });
