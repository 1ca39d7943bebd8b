/**
 * @module Question → issue matching. Each published issue is one document made of its title and all its
 * phrasings, as jieba words and character bigrams; a question ranks
 * the issues by BM25 over those documents, so an everyday question finds the issue whose phrasings use
 * the same kind of words, however many of them it adds. On the everyday set's training four-fifths this
 * ranked the right issue first more often than the closest single phrasing did (cosine): 0.70 vs 0.57.
 * `confidence` is the share of the question's term weight the best issue explains, so a question that
 * is mostly about something else (or nothing legal at all) matches nothing. Pure and synchronous.
 */
import { bigrams, toSimplified, words } from '../search/tokenizer.js';
import type { IssueContent } from './schema.js';

export interface IssueMatch {
  issue: IssueContent;
  /** BM25 of the issue's document for the question. */
  score: number;
  /** 0–1: the share of the question's IDF weight found in the issue's document. */
  confidence: number;
}

const K1 = 1.2;
const B = 0.75;
const BIGRAM_WEIGHT = 0.8;
/** Phrases that ask but say nothing of the matter. */
const FILLER =
  /(请问|您好|你好|怎么办|怎么处理|怎么弄|该怎么|怎么样|怎么|如何|什么|为什么|哪里|哪个|是谁|谁|可以吗|可以|能不能|能否|可不可以|有没有|是不是|是否|应该|要不要|我们|你们|他们|自己|这个|那个|这种|现在|已经|一下|吗|呢|啊|呀|吧|了)/g;

/** The weighted terms of a text (simplified first): jieba words and character bigrams. */
export function terms(text: string): Map<string, number> {
  const s = toSimplified(text).replace(FILLER, ' ');
  const out = new Map<string, number>();
  const add = (t: string, w: number) => out.set(t, (out.get(t) ?? 0) + w);
  for (const w of words(s)) add(`w${w}`, 1);
  for (const b of bigrams(s)) if (b.length === 2) add(`b${b}`, BIGRAM_WEIGHT);
  return out;
}

export class IssueMatcher {
  readonly issues: readonly IssueContent[];
  /** term → postings (issue index, term frequency). */
  private readonly postings = new Map<string, { issue: number; tf: number }[]>();
  private readonly lengths: number[];
  private readonly avgLength: number;

  constructor(issues: readonly IssueContent[]) {
    this.issues = issues;
    const bags = issues.map((i) => {
      const bag = new Map<string, number>();
      for (const text of [i.title, ...i.phrasings])
        for (const [t, tf] of terms(text)) bag.set(t, (bag.get(t) ?? 0) + tf);
      return bag;
    });
    this.lengths = bags.map((b) => [...b.values()].reduce((s, x) => s + x, 0));
    this.avgLength = this.lengths.reduce((s, x) => s + x, 0) / (this.lengths.length || 1);
    bags.forEach((bag, n) => {
      for (const [t, tf] of bag) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push({ issue: n, tf });
      }
    });
  }

  private idf(df: number): number {
    const n = this.issues.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The best-matching issues for a question, best first (at most `k`). */
  match(question: string, k = 5): IssueMatch[] {
    const score = new Float64Array(this.issues.length);
    const explained = new Float64Array(this.issues.length);
    let total = 0;
    for (const [t, qtf] of terms(question)) {
      const list = this.postings.get(t);
      // A term no issue uses weighs like the rarest term: it is something no phrasing says.
      const idf = this.idf(list?.length ?? 0) * qtf;
      total += idf;
      for (const p of list ?? []) {
        const norm = K1 * (1 - B + (B * this.lengths[p.issue]!) / this.avgLength);
        score[p.issue]! += (idf * p.tf * (K1 + 1)) / (p.tf + norm);
        explained[p.issue]! += idf;
      }
    }
    if (total === 0) return [];
    const out: IssueMatch[] = [];
    for (let n = 0; n < score.length; n++) {
      if (score[n]! > 0)
        out.push({ issue: this.issues[n]!, score: score[n]!, confidence: explained[n]! / total });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
