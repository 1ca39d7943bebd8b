/**
 * @module The everyday set (日常问法评测集): questions in citizens' own words, each with the articles a
 * lawyer would cite first and whether the matter qualifies for legal aid. A fixed fifth (id % 5 === 0)
 * is held out: never used to write phrasings or to tune; every reported figure names its split.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { TOPICS } from '../search/types.js';

const Question = z.strictObject({
  id: z.number().int().positive(),
  question: z.string().min(2),
  topic: z.enum(TOPICS),
  gold: z
    .array(
      z.strictObject({
        law: z.string().min(2),
        article: z.number().int().positive(),
        sub: z.number().int().min(0).optional(),
      }),
    )
    .min(1)
    .max(3),
  legalAid: z.boolean(),
});
export type EverydayQuestion = z.infer<typeof Question>;

const SetFile = z.strictObject({ note: z.string(), questions: z.array(Question).min(1) });

const DATA = new URL('./data/', import.meta.url);

export const isEverydayHoldOut = (id: number) => id % 5 === 0;

/** Every question of every `everyday-*.json` file, by id; duplicate ids fail loudly. */
export function loadEverydaySet(): EverydayQuestion[] {
  const files = readdirSync(DATA)
    .filter((f) => /^everyday-.*\.json$/.test(f))
    .sort();
  const out: EverydayQuestion[] = [];
  const ids = new Set<number>();
  for (const f of files) {
    const parsed = SetFile.parse(JSON.parse(readFileSync(new URL(f, DATA), 'utf8')));
    for (const q of parsed.questions) {
      if (ids.has(q.id)) throw new Error(`日常问法评测集 ${f}：问题编号 ${q.id} 重复`);
      ids.add(q.id);
      out.push(q);
    }
  }
  return out.sort((a, b) => a.id - b.id);
}
