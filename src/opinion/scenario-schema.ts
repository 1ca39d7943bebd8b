/** @module The shape of an interview scenario, declared as data and validated with zod before anything else checks it. */
import { z } from 'zod';

export type Answer = number | string | boolean;
export type Answers = Record<string, Answer>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A condition over answers: a test on one question, or all/any/not of conditions. */
export type Condition =
  | {
      q: string;
      eq?: Answer;
      in?: Answer[];
      gt?: number;
      gte?: number;
      lt?: number;
      lte?: number;
      answered?: boolean;
    }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      q: z.string(),
      eq: Scalar.optional(),
      in: z.array(Scalar).optional(),
      gt: z.number().optional(),
      gte: z.number().optional(),
      lt: z.number().optional(),
      lte: z.number().optional(),
      answered: z.boolean().optional(),
    }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

const Id = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, '问题编号须为字母开头的英文标识');

export const QuestionSchema = z.strictObject({
  id: Id,
  text: z.string().min(2),
  help: z.string().optional(),
  type: z.enum(['number', 'money', 'date', 'choice', 'yesno', 'text']),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: z.string().optional(),
  options: z.array(z.strictObject({ value: z.string(), label: z.string() })).optional(),
  /** Dates: refuse a date after today. */
  notFuture: z.boolean().optional(),
  maxLength: z.number().int().positive().optional(),
  /** The first rule whose condition holds decides the next question; otherwise `then`, else the next in order. */
  next: z.array(z.strictObject({ when: ConditionSchema, goto: z.string() })).optional(),
  then: z.string().optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/**
 * Where a calculator input comes from: an answer (mapped, or a default when not asked on this branch), a
 * constant, today's date, whole months between two dates, a list of answers, or an earlier calculation's total.
 */
export const InputRefSchema = z.union([
  z.strictObject({
    q: z.string(),
    map: z.record(z.string(), Scalar).optional(),
    default: Scalar.optional(),
  }),
  z.strictObject({ value: z.union([Scalar, z.array(z.number())]) }),
  z.strictObject({ today: z.literal(true) }),
  z.strictObject({ monthsBetween: z.tuple([z.string(), z.string()]) }),
  z.strictObject({ list: z.array(z.string()) }),
  z.strictObject({ total: z.string() }),
]);
export type InputRef = z.infer<typeof InputRefSchema>;

const ArticleRefSchema = z.strictObject({
  law: z.string().min(2),
  article: z.number().int().positive(),
  sub: z.number().int().min(0).optional(),
  /** Quote only this 项 (1 = （一）) and, within it, these numbered points. */
  item: z.number().int().min(1).optional(),
  points: z.array(z.number().int().min(1)).min(1).optional(),
  when: ConditionSchema.optional(),
  /** Why this article matters here, in one sentence. */
  why: z.string().min(2),
});

const Guarded = z.strictObject({ when: ConditionSchema.optional(), text: z.string().min(2) });

export const ScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(2),
  category: z.string().min(2),
  summary: z.string().min(2),
  questions: z.array(QuestionSchema).min(1),
  articles: z.array(ArticleRefSchema).min(1),
  calculations: z.array(
    z.strictObject({
      calculator: z.string(),
      when: ConditionSchema.optional(),
      inputs: z.record(z.string(), InputRefSchema),
    }),
  ),
  issues: z.array(Guarded).min(1),
  analysis: z.array(Guarded).min(1),
  steps: z
    .array(
      Guarded.extend({
        /** A deadline counted from an answered date (or today). */
        deadline: z
          .strictObject({
            from: z.string(),
            years: z.number().int().min(0).optional(),
            months: z.number().int().min(0).optional(),
            days: z.number().int().min(0).optional(),
            label: z.string(),
          })
          .optional(),
      }),
    )
    .min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ArticleRef = Scenario['articles'][number];
