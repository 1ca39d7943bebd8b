/** @module Request schemas of the auth area. */
import { z } from 'zod';
import { Id, Mobile } from '../core/schemas.js';
import { passwordProblem } from './password-policy.js';
import { ROLES } from './types.js';

const Username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_.@\-\u4e00-\u9fff]+$/, {
    message: '用户名只能包含字母、数字、汉字和 _ . @ -',
  });
const Password = z.string().min(8, { message: '密码至少 8 位' }).max(128);

/** Adds the policy's refusal on `password` to a schema that has both fields. */
function checkPolicy(v: { username: string; password: string }, c: z.RefinementCtx): void {
  const problem = passwordProblem(v.password, v.username);
  if (problem) c.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const RegisterSchema = z
  .strictObject({
    username: Username,
    password: Password,
    displayName: z.string().trim().min(1).max(40),
    phone: Mobile.optional(),
  })
  .superRefine(checkPolicy);

export const LoginSchema = z.strictObject({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(128),
});

export const CreateStaffSchema = z
  .strictObject({
    username: Username,
    password: Password,
    displayName: z.string().trim().min(1).max(40),
    role: z.enum(ROLES as [string, ...string[]]),
    phone: Mobile.optional(),
    agencyId: Id.optional(),
  })
  .superRefine(checkPolicy);
