/**
 * @module Contract of the aid office's sub-areas (/api/v1/aid/…): report figures and recipient categories,
 * 通知辩护 notices and duty-lawyer shifts, complaints, subsidies. Pure zod, shared by presenters and pages.
 */
import { z } from 'zod';

export const AidRecipientGroups = z.object({ groups: z.array(z.string()) });

export const AidFigures = z.object({
  from: z.string(),
  to: z.string(),
  agencyId: z.number().nullable(),
  received: z.number(),
  underCommitment: z.number(),
  commitment: z.number(),
  exempt: z.number(),
  proof: z.number(),
  tolerantAcceptance: z.number(),
  pointChoice: z.number(),
  famousLawyer: z.number(),
  economicAmount: z.number(),
  economicAmountWan: z.number(),
  byGroup: z.array(z.object({ group: z.string(), label: z.string(), count: z.number() })),
  byMatter: z.array(z.object({ caseType: z.string(), label: z.string(), count: z.number() })),
  byAgency: z.array(
    z.object({
      agencyId: z.number(),
      agency: z.string(),
      received: z.number(),
      underCommitment: z.number(),
    }),
  ),
});
