/** @module Request schemas of the qa area. */
import { z } from 'zod';
import { IssueId } from '../kb/schema.js';
import { Pagination } from '../core/schemas.js';

export const Locale = z.enum(['zh-CN', 'zh-TW']);

/** Public conversation ids are 22 base64url characters (16 random bytes). */
export const ConversationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { message: '对话编号格式不正确' });

export const AskSchema = z.strictObject({
  question: z.string().trim().min(2, { message: '问题太短，请用一句话描述您的问题' }).max(500),
  conversationId: ConversationId.optional(),
  /** The issue of the clarifying option the citizen chose (from the previous answer). */
  choice: IssueId.optional(),
  locale: Locale.default('zh-CN'),
});
export type AskInput = z.infer<typeof AskSchema>;

export const ConversationParams = z.strictObject({ id: ConversationId });

export const LocaleQuery = z.strictObject({ locale: Locale.default('zh-CN') });

export const FeedbackSchema = z.strictObject({
  helpful: z.boolean(),
  comment: z.string().trim().max(500).optional(),
  conversationId: ConversationId.optional(),
});

export const PageQuery = z.strictObject({ ...Pagination });

export const FeedbackQuery = z.strictObject({
  ...Pagination,
  helpful: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const LearningGroupsQuery = z.strictObject({
  /** How far back to look, in days. */
  days: z.coerce.number().int().min(1).max(366).default(90),
});

const LabelArticle = z.strictObject({
  law: z.string().trim().min(2).max(80),
  article: z.number().int().positive().max(5000),
  sub: z.number().int().min(0).max(20).optional(),
});

/** A staff label: the questions (turns) and either the issue or the articles that answer them. */
export const LabelSchema = z
  .strictObject({
    turnIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(200),
    issueId: IssueId.optional(),
    articles: z.array(LabelArticle).min(1).max(6).optional(),
  })
  .refine((v) => (v.issueId === undefined) !== (v.articles === undefined), {
    message: '请选择一个常见问题，或填写回答这些问题的条文（二选一）',
    path: ['issueId'],
  });
export type LabelInput = z.infer<typeof LabelSchema>;
