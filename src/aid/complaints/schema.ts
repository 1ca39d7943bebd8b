/** @module Request schemas of the complaints sub-area (zod, strict). */
import { z } from 'zod';
import { Id, Mobile } from '../../core/schemas.js';
import { RESULTS, TELL_METHODS } from './workflow.js';

export const SUBJECTS = {
  lawyer: '法律援助人员',
  agency: '法律援助机构',
  other: '其他',
} as const;

const keys = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const ComplaintSchema = z.strictObject({
  applicationId: Id,
  subject: z.enum(keys(SUBJECTS)),
  body: z.string().trim().min(10).max(5000),
  /** Staff recording a complaint made at the window write down who made it. */
  complainantName: z.string().trim().min(1).max(50).optional(),
  complainantPhone: Mobile.optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintSchema>;

export const ComplaintEventSchema = z.strictObject({
  type: z.enum(['accept', 'refuse', 'investigate', 'conclude', 'tell']),
  text: z.string().trim().max(5000).optional(),
  result: z.enum(keys(RESULTS)).optional(),
  method: z.enum(keys(TELL_METHODS)).optional(),
});

export const ComplaintQuery = z.strictObject({
  status: z.string().max(20).optional(),
});
