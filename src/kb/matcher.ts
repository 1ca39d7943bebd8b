/**
 * @module Question → issue matching. Every phrasing (and title) of every published issue is a small
 * document of jieba words and character bigrams, weighted by TF-IDF; a question scores each issue by its
 * closest phrasings (cosine), so an everyday question finds the issue whose phrasings say the same thing
 * in the same kind of words. Pure and synchronous: built once per knowledge-base version.
 */
import { bigrams, toSimplified, words } from '../search/tokenizer.js';
import type { IssueContent } from './schema.js';

export interface IssueMatch {
  issue: IssueContent;
  /** 0–1: cosine of the best phrasing, lifted a little by the issue's other close phrasings. */
  score: number;
}

/** An extra example question for an issue (learned data), weighted below the curated phrasings. */
export interface IssueExample {
  issue: string;
  text: string;
  weight: number;
}

interface Doc {
  issue: number;
  weight: number;
  norm: number;
}

/** Bigrams say more than they seem to in short questions; words catch 辞退/开除 style synonyms less. */
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.8;
/** Phrases that ask but say nothing of the matter. */
const FILLER =
  /(请问|您好|你好|怎么办|怎么处理|怎么弄|该怎么|怎么样|可以吗|能不能|可不可以|有没有|是不是|应该|要不要|吗|呢|啊|呀|吧|了)/g;

/** The weighted terms of a text (simplified first). */
export function terms(text: string): Map<string, number> {
  const s = toSimplified(text).replace(FILLER, ' ');
  const out = new Map<string, number>();
  const add = (t: string, w: number) => out.set(t, (out.get(t) ?? 0) + w);
  for (const w of words(s)) add(`w${w}`, WORD_WEIGHT);
  for (const b of bigrams(s)) if (b.length === 2) add(`b${b}`, BIGRAM_WEIGHT);
  return out;
}

export class IssueMatcher {
  readonly issues: readonly IssueContent[];
  private readonly docs: Doc[] = [];
  /** term → postings (doc index, tf-idf weight). */
  private readonly postings = new Map<string, { doc: number; w: number }[]>();
  private readonly idf = new Map<string, number>();

  constructor(issues: readonly IssueContent[], examples: readonly IssueExample[] = []) {
    this.issues = issues;
    const byId = new Map(issues.map((i, n) => [i.id, n]));
    const texts: { issue: number; text: string; weight: number }[] = [];
    issues.forEach((i, n) => {
      texts.push({ issue: n, text: i.title, weight: 0.9 });
      for (const p of i.phrasings) texts.push({ issue: n, text: p, weight: 1 });
    });
    for (const e of examples) {
      const n = byId.get(e.issue);
      if (n !== undefined) texts.push({ issue: n, text: e.text, weight: e.weight });
    }
    const bags = texts.map((t) => terms(t.text));
    const df = new Map<string, number>();
    for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + bags.length / f));
    bags.forEach((bag, d) => {
      let norm = 0;
      for (const [t, tf] of bag) {
        const w = (1 + Math.log(tf)) * this.idf.get(t)!;
        norm += w * w;
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push({ doc: d, w });
      }
      this.docs.push({ issue: texts[d]!.issue, weight: texts[d]!.weight, norm: Math.sqrt(norm) });
    });
  }

  /** The best-matching issues for a question, best first (at most `k`). */
  match(question: string, k = 5): IssueMatch[] {
    const q = terms(question);
    const dot = new Float64Array(this.docs.length);
    let qNorm = 0;
    for (const [t, tf] of q) {
      const idf = this.idf.get(t);
      if (idf === undefined) {
        // An unseen term still counts against the match: it is something the phrasings do not say.
        qNorm += (1 + Math.log(tf)) ** 2 * Math.log(1 + this.docs.length);
        continue;
      }
      const w = (1 + Math.log(tf)) * idf;
      qNorm += w * w;
      for (const p of this.postings.get(t) ?? []) dot[p.doc]! += w * p.w;
    }
    if (qNorm === 0) return [];
    const perIssue = new Map<number, number[]>();
    for (let d = 0; d < dot.length; d++) {
      if (dot[d] === 0) continue;
      const doc = this.docs[d]!;
      const cos = (dot[d]! / (Math.sqrt(qNorm) * doc.norm)) * doc.weight;
      let list = perIssue.get(doc.issue);
      if (!list) perIssue.set(doc.issue, (list = []));
      list.push(cos);
    }
    const scored = [...perIssue].map(([n, list]) => {
      list.sort((a, b) => b - a);
      const [best = 0, second = 0, third = 0] = list;
      return { issue: this.issues[n]!, score: Math.min(1, best + 0.15 * second + 0.05 * third) };
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
