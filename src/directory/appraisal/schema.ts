/** @module Request schemas of 司法鉴定 case monitoring. */
import { z } from 'zod';
import { CoercedId, Id, IdNumber, IsoDate, Pagination } from '../../core/schemas.js';
import { STAGE_LABELS } from './workflow.js';

export const CATEGORIES = [
  '法医临床',
  '法医病理',
  '法医精神病',
  '法医物证',
  '法医毒物',
  '文书',
  '痕迹',
  '微量物证',
  '声像资料',
  '电子数据',
  '环境损害',
] as const;

const STAGES = Object.keys(STAGE_LABELS) as [
  keyof typeof STAGE_LABELS,
  ...(keyof typeof STAGE_LABELS)[],
];

export const NewCaseBody = z.strictObject({
  institutionId: Id,
  category: z.enum(CATEGORIES),
  commissioner: z.string().trim().min(2).max(80),
  summary: z.string().trim().min(2).max(2000),
  commissionedOn: IsoDate,
  byLetter: z.boolean().default(false),
  /**
   * 法律援助法 第五十三条: the party is a legal-aid recipient — their ID number and the verification code of
   * their 给予法律援助决定书 (never the ID number alone).
   */
  aidRecipient: z
    .strictObject({ idNumber: IdNumber, verificationCode: z.string().trim().min(4).max(20) })
    .optional(),
});

export const CaseQuery = z.strictObject({
  institutionId: CoercedId.optional(),
  stage: z.enum(STAGES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  code: z.string().trim().max(30).optional(),
  ...Pagination,
});
export type CaseQuery = z.infer<typeof CaseQuery>;

export const EventBody = z.strictObject({
  event: z.enum([
    'accept',
    'decline',
    'start',
    'extend',
    'issue_opinion',
    'archive',
    'pause',
    'resume',
  ]),
  days: z.number().int().min(1).max(30).optional(),
  note: z.string().trim().max(500).optional(),
});
