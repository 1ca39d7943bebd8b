/**
 * @module Grouping questions that ask the same thing (for the bureau's review of what the Q&A answers
 * poorly): character bigrams of the simplified question, punctuation and filler dropped, joined to the
 * first group whose opening question shares enough of them (Jaccard), largest groups first.
 */
import { toSimplified } from './locale.js';
import { bigrams } from '../core/text.js';

/** Shared bigrams (Jaccard) for two questions to count as one group (measured in docs/qa.md). */
export const SAME_QUESTION = 0.25;

const FILLER =
  /请问|你好|您好|我想问|想咨询|咨询一下|怎么办|怎么处理|该怎么|可以吗|吗|呢|啊|的|了/g;

export function questionBigrams(question: string): Set<string> {
  return new Set(bigrams(toSimplified(question).replace(FILLER, '')));
}

/** Shared share of two questions' bigrams (Jaccard). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface Grouped<T> {
  /** The group's first (most recent) member: its question names the group. */
  lead: T;
  members: T[];
}

/** Groups `items` (most recent first) by their question; groups come largest first, then most recent. */
export function groupQuestions<T>(items: readonly T[], questionOf: (t: T) => string): Grouped<T>[] {
  const groups: { bigrams: Set<string>; g: Grouped<T>; order: number }[] = [];
  items.forEach((item, order) => {
    const b = questionBigrams(questionOf(item));
    let best: (typeof groups)[number] | null = null;
    let bestSim = SAME_QUESTION;
    for (const g of groups) {
      const sim = jaccard(b, g.bigrams);
      if (sim >= bestSim) {
        best = g;
        bestSim = sim;
      }
    }
    if (best) best.g.members.push(item);
    else groups.push({ bigrams: b, g: { lead: item, members: [item] }, order });
  });
  return groups
    .sort((x, y) => y.g.members.length - x.g.members.length || x.order - y.order)
    .map((x) => x.g);
}
