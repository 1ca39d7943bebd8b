/**
 * @module Contract of the knowledge-base API (常见法律问题库, /api/v1/kb): an issue's content (what the data
 * files hold and staff edit) and the list and detail shapes the presenter returns. Pure zod; the topic
 * list comes from src/search/types.ts, a data-only module.
 */
import { z } from 'zod';
import { TOPICS } from '../search/types.js';

/** Stable id of an issue: lower-case words joined by `-` (labour-dismissal-compensation). */
export const IssueId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, '问题编号只能由小写字母、数字和连字符组成')
  .max(80);

const chinese = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `${what}至少 ${min} 个字`).max(max, `${what}最多 ${max} 个字`);

/** One article an issue rests on; `paragraphs` (1-based 款) when only part of a long article answers. */
export const KeyArticle = z.strictObject({
  law: chinese(2, 80, '法律名称'),
  article: z.number().int().positive(),
  /** 0 for a plain article, 1 for 之一 … */
  sub: z.number().int().min(0).max(20).optional(),
  paragraphs: z.array(z.number().int().positive()).max(10).optional(),
  /** Why this article matters here, in a few words (shown beside the citation). */
  note: chinese(2, 60, '条文说明').optional(),
});
export type KeyArticle = z.infer<typeof KeyArticle>;

export const Step = z.strictObject({
  text: chinese(4, 200, '下一步'),
  basis: z
    .strictObject({ law: z.string().min(2), article: z.number().int().positive() })
    .optional(),
});
export type Step = z.infer<typeof Step>;

/** A button into a calculator (AI 法律意见书 interview) with the answers it can prefill. */
export const Tool = z.strictObject({
  scenario: z.enum(['labour', 'work-injury', 'traffic', 'loan', 'divorce']),
  label: chinese(2, 20, '按钮文字'),
  /** Fixed answers this issue implies (e.g. disputeType = unlawful_termination). */
  preset: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type Tool = z.infer<typeof Tool>;

/** The 法律援助法 ground a matter falls under: Art. 31 (needs 经济困难) or Art. 32 (does not). */
export const AidGround = z.strictObject({
  article: z.union([z.literal(31), z.literal(32)]),
  item: z.enum(['一', '二', '三', '四', '五', '六', '七', '八', '九']),
});
export type AidGround = z.infer<typeof AidGround>;

/** A fact that changes the answer: one question, each option leading to the issue that then applies. */
export const Clarify = z.strictObject({
  question: chinese(4, 60, '追问'),
  options: z
    .array(z.strictObject({ label: chinese(1, 20, '选项'), issue: IssueId }))
    .min(2)
    .max(4),
});
export type Clarify = z.infer<typeof Clarify>;

export const IssueContent = z.strictObject({
  id: IssueId,
  title: chinese(4, 40, '标题'),
  topic: z.enum(TOPICS),
  /** How citizens put it, in their own words (never copied from training questions). */
  phrasings: z
    .array(chinese(4, 80, '问法'))
    .min(5)
    .max(40),
  articles: z.array(KeyArticle).min(1).max(6),
  /** 2–6 sentences a layperson understands: the rule, amounts, deadlines, exceptions. */
  explanation: chinese(30, 600, '解释'),
  steps: z.array(Step).min(1).max(6),
  tool: Tool.optional(),
  /** The ground the matter falls under, or `general` for questions about legal aid itself. */
  legalAid: z.union([AidGround, z.literal('general')]).optional(),
  /** When the citizen should see a lawyer rather than act alone. */
  lawyer: chinese(6, 120, '何时找律师'),
  clarify: Clarify.optional(),
});
export type IssueContent = z.infer<typeof IssueContent>;

export const KbStatus = z.enum(['draft', 'in_review', 'returned', 'published', 'superseded']);
export const KbEvent = z.enum(['submit', 'publish', 'return']);

/** A problem the check found in an issue (an article cited that the corpus lacks, …). */
export const KbProblem = z.object({ issue: z.string(), code: z.string(), message: z.string() });

export const KbListItem = z.object({
  id: z.string(),
  /** As stored (one of TOPICS). */
  topic: z.string(),
  title: z.string(),
  published: z.boolean(),
  needsReview: z.boolean(),
  draftStatus: KbStatus.nullable(),
  draftStatusLabel: z.string().nullable(),
  updatedAt: z.string(),
});
export const KbList = z.object({ items: z.array(KbListItem) });

export const KbVersion = z.object({
  id: z.number(),
  version: z.number(),
  status: KbStatus,
  statusLabel: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reviewedAt: z.string().nullable(),
  events: z.array(KbEvent),
});

export const KbIssueDetail = z.object({
  id: z.string(),
  /** As stored (one of TOPICS). */
  topic: z.string(),
  title: z.string(),
  needsReview: z.boolean(),
  flaggedProblems: z.array(KbProblem),
  published: IssueContent.nullable(),
  draft: z
    .object({
      versionId: z.number(),
      content: IssueContent.nullable(),
      problems: z.array(KbProblem),
    })
    .nullable(),
  versions: z.array(KbVersion),
});

export const KbVersionCreated = z.object({ versionId: z.number() });
export const KbOk = z.object({ ok: z.literal(true) });

export type KbStatus = z.infer<typeof KbStatus>;
export type KbProblem = z.infer<typeof KbProblem>;
export type KbListItem = z.infer<typeof KbListItem>;
export type KbVersion = z.infer<typeof KbVersion>;
export type KbIssueDetail = z.infer<typeof KbIssueDetail>;
