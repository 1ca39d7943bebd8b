/**
 * @module Contract of the AI 法律意见书 API (/api/v1/opinion): scenarios, the interview (one question at
 * a time), the letter and its public verification. Pure zod.
 */
import { z } from 'zod';
// The scenario schema is pure zod too: the interview shows its questions as written.
import { QuestionSchema } from '../opinion/scenario-schema.js';

export const ScenarioItem = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  summary: z.string(),
  questionCount: z.number(),
  available: z.boolean(),
});
export const Scenarios = z.object({ items: z.array(ScenarioItem) });

/** A question as shown: the scenario's own question schema without its routing (next/then). */
export const QuestionView = QuestionSchema.omit({ next: true, then: true });

const LetterRef = z.object({ id: z.number(), code: z.string() });

export const SessionView = z.object({
  id: z.number(),
  scenario: ScenarioItem,
  complete: z.boolean(),
  question: QuestionView.nullable(),
  answer: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  position: z.number(),
  total: z.number(),
  canBack: z.boolean(),
  summary: z.array(z.object({ id: z.string(), text: z.string(), answer: z.string() })),
  letters: z.array(LetterRef),
  updatedAt: z.string(),
});
export const SessionEnvelope = z.object({ session: SessionView });

export const CalcLine = z.object({ label: z.string(), amount: z.number(), formula: z.string() });

export const FigureView = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  region: z.string(),
  effectiveDate: z.string(),
  source: z.string(),
  example: z.boolean(),
});

export const LetterView = z.object({
  id: z.number(),
  sha256: z.string(),
  code: z.string(),
  scenario: z.object({ id: z.string(), title: z.string() }),
  issuedAt: z.string(),
  date: z.string(),
  facts: z.array(z.object({ question: z.string(), answer: z.string() })),
  issues: z.array(z.string()),
  articles: z.array(
    z.object({ title: z.string(), label: z.string(), text: z.string(), why: z.string() }),
  ),
  analysis: z.array(z.string()),
  calculations: z.array(
    z.object({
      title: z.string(),
      lines: z.array(CalcLine),
      total: z.number(),
      notes: z.array(z.string()),
      basis: z.array(z.string()),
    }),
  ),
  figures: z.array(FigureView),
  steps: z.array(
    z.object({
      text: z.string(),
      deadline: z.object({ date: z.string(), label: z.string() }).optional(),
    }),
  ),
  options: z.array(z.object({ label: z.string(), path: z.string(), text: z.string() })),
  disclaimer: z.string(),
  verifyUrl: z.string(),
});
export const LetterEnvelope = z.object({ letter: LetterView });
export const LetterIssued = z.object({ letter: LetterRef });

/** The public verify page: no personal data, only whether the letter is genuine and unchanged. */
export const VerifyView = z.union([
  z.object({ genuine: z.literal(false) }),
  z.object({
    genuine: z.literal(true),
    code: z.string(),
    issuedAt: z.string(),
    scenario: z.string(),
    sha256: z.string(),
    unchanged: z.boolean(),
  }),
]);

export type ScenarioItem = z.infer<typeof ScenarioItem>;
export type QuestionView = z.infer<typeof QuestionView>;
export type SessionView = z.infer<typeof SessionView>;
export type CalcLine = z.infer<typeof CalcLine>;
export type LetterView = z.infer<typeof LetterView>;
export type VerifyView = z.infer<typeof VerifyView>;
