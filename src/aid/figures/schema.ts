/** @module Request schemas and labels of the figures sub-area (recipient categories, the figures query). */
import { z } from 'zod';
import { CoercedId, IsoDate } from '../../core/schemas.js';

/** The recipient categories offices report (法律援助法 Art. 42 and the bureau's 台账), with their Chinese names. */
export const RECIPIENT_GROUPS = {
  migrant_worker: '农民工',
  elderly: '老年人',
  disabled: '残疾人',
  minor: '未成年人',
  woman: '妇女',
  military: '军人军属',
} as const;
export type RecipientGroup = keyof typeof RECIPIENT_GROUPS;
const GROUP_KEYS = Object.keys(RECIPIENT_GROUPS) as [RecipientGroup, ...RecipientGroup[]];

export const RecipientGroupsSchema = z.strictObject({
  groups: z.array(z.enum(GROUP_KEYS)).max(GROUP_KEYS.length),
});

export const FiguresQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  agencyId: CoercedId.optional(),
});
export type FiguresFilter = z.infer<typeof FiguresQuery>;
