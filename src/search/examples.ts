/**
 * @module Learned examples: questions with the articles that answer them, from community lawyers'
 * answers in 法指针 and staff labels on questions the Q&A answered poorly. The engine lays them over the
 * trained model as if they had been training questions (each votes for its articles through the
 * nearest-question feature, and adds its words to the articles' expansion field), so a labelled
 * question changes rankings on the next index refresh; `npm run search:train` also fits the weights
 * and the second stage with them.
 */
import { articleLabel } from '../core/numerals.js';
import type { LearnedModel } from './model.js';
import type { ExampleSource } from './tables.js';
import { toSimplified } from './tokenizer.js';
import type { TrainQuestion } from './train.js';

export interface ExampleArticle {
  law: string;
  num: number;
  sub: number;
}

export interface LearnedExample {
  id: number;
  question: string;
  articles: ExampleArticle[];
  issueId: string | null;
  source: ExampleSource;
  sourceRef: string;
  createdBy: number | null;
  createdAt: string;
  retiredAt: string | null;
}

const artKey = (law: string, num: number) => `${law}#${num}`;

/** The model with the examples laid over it; its weights stay as trained. */
export function withExamples(
  model: LearnedModel,
  examples: readonly Pick<LearnedExample, 'question' | 'articles'>[],
): LearnedModel {
  if (examples.length === 0) return model;
  const expansions = { ...model.expansions };
  const lawPrior = { ...model.lawPrior };
  const articlePrior = { ...model.articlePrior };
  for (const e of examples) {
    const question = toSimplified(e.question);
    for (const key of new Set(e.articles.map((a) => artKey(a.law, a.num)))) {
      expansions[key] = [...(expansions[key] ?? []), question];
      articlePrior[key] = (articlePrior[key] ?? 0) + 1;
      const law = key.slice(0, key.lastIndexOf('#'));
      lawPrior[law] = (lawPrior[law] ?? 0) + 1;
    }
  }
  return {
    ...model,
    note: `${model.note}; with ${examples.length} learned examples`,
    expansions,
    lawPrior,
    articlePrior,
  };
}

/**
 * Examples as training questions for `search:train` (never part of the STARD hold-out: the trainer
 * adds them to the training part only).
 */
export function asTrainQuestions(examples: readonly LearnedExample[]): TrainQuestion[] {
  return examples.map((e) => ({
    id: -e.id,
    question: e.question,
    gold: e.articles.map((a) => `${a.law}${articleLabel(a.num, a.sub)}`),
  }));
}
