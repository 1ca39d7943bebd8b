/**
 * @module What to do next and the legal-aid notice, both kept as data (data/next-steps.json,
 * data/legal-aid.json) and checked against a schema when loaded.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TOPICS, type Topic } from '../search/types.js';

const Basis = z.strictObject({ law: z.string().min(1), article: z.number().int().positive() });
export type BasisRef = z.infer<typeof Basis>;

const Step = z.strictObject({ text: z.string().min(4), basis: Basis.optional() });
export type StepTemplate = z.infer<typeof Step>;

const NextSteps = z.record(z.enum(TOPICS), z.array(Step).min(1));

const Ground = z.strictObject({
  article: z.union([z.literal(31), z.literal(32)]),
  item: z.string(),
  label: z.string(),
  keywords: z.array(z.string().min(1)),
  topics: z.array(z.enum(TOPICS)).optional(),
});
export type AidGround = z.infer<typeof Ground>;

const LegalAid = z.strictObject({
  grounds: z.array(Ground),
  conditions31: z.array(z.string()),
  conditions32: z.array(z.string()),
  basis31: z.array(Basis),
  basis32: z.array(Basis),
});
export type LegalAidData = z.infer<typeof LegalAid>;

const load = <T>(schema: z.ZodType<T>, file: string): T =>
  schema.parse(JSON.parse(readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8')));

const nextStepData = load(NextSteps, 'next-steps.json');
export const legalAidData: LegalAidData = load(LegalAid, 'legal-aid.json');

export function nextStepTemplates(topic: Topic): StepTemplate[] {
  return nextStepData[topic] ?? nextStepData['其他'] ?? [];
}

/**
 * The 法律援助法 Art. 31/32 grounds a question touches: by keyword in the question, or by topic for
 * topics that fall under a ground as a whole (交通事故 → Art. 31(七)).
 */
export function legalAidGrounds(question: string, topic: Topic): AidGround[] {
  return legalAidData.grounds.filter(
    (g) => g.keywords.some((k) => question.includes(k)) || (g.topics ?? []).includes(topic),
  );
}
