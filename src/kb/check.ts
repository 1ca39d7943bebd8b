/**
 * @module Verifies knowledge-base entries against the imported corpus: every key article exists and is in
 * force, every 款 named exists, every number and deadline in the explanation and the next steps is stated
 * by the articles cited, and clarifying options lead to issues that exist. An entry with a problem
 * cannot be published; the loader flags published entries that a corpus update broke.
 */
import type { CorpusArticle, CorpusLookup } from '../qa/corpus.js';
import { unbackedQuantities } from './quantities.js';
import { sentences, type IssueContent, type KeyArticle } from './schema.js';

export interface IssueProblem {
  issue: string;
  code:
    | 'law_unknown'
    | 'article_missing'
    | 'article_not_in_force'
    | 'paragraph_missing'
    | 'number_unbacked'
    | 'sentences'
    | 'clarify_unknown_issue'
    | 'duplicate_id';
  message: string;
}

const ITEM_LINE = /^[（(][一二三四五六七八九十]+[）)]/;

/** The 款 of an article's text: its paragraphs, each with the 项 (（一）…) lines that follow it. */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    if (ITEM_LINE.test(line) && out.length > 0) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out;
}

/** A key article as found in the corpus (null when the law or the article is unknown). */
export async function resolveKeyArticle(
  a: KeyArticle | { law: string; article: number; sub?: number },
  lookup: CorpusLookup,
): Promise<CorpusArticle | null> {
  const law = await lookup.resolveLaw(a.law);
  if (!law) return null;
  return lookup.article(law, a.article, a.sub ?? 0);
}

const label = (a: { law: string; article: number; sub?: number }) =>
  `《${a.law}》第${a.article}条${a.sub ? `之${a.sub}` : ''}`;

async function checkArticles(
  issue: IssueContent,
  lookup: CorpusLookup,
  problems: IssueProblem[],
): Promise<string[]> {
  const texts: string[] = [];
  const refs = [
    ...issue.articles,
    ...issue.steps.flatMap((s) => (s.basis ? [{ ...s.basis, sub: 0 }] : [])),
  ];
  for (const a of refs) {
    const problem = (code: IssueProblem['code'], message: string) =>
      problems.push({ issue: issue.id, code, message });
    if (!(await lookup.resolveLaw(a.law))) {
      problem('law_unknown', `法规库中没有${a.law}`);
      continue;
    }
    const found = await resolveKeyArticle(a, lookup);
    if (!found) {
      problem('article_missing', `${label(a)}不存在`);
      continue;
    }
    if (found.status !== 'in_force' || !found.isCurrent) {
      problem('article_not_in_force', `${label(a)}不在现行有效的版本中`);
      continue;
    }
    texts.push(found.text);
    const count = paragraphsOf(found.text).length;
    for (const p of ('paragraphs' in a ? a.paragraphs : undefined) ?? []) {
      if (p > count) problem('paragraph_missing', `${label(a)}只有 ${count} 款，没有第 ${p} 款`);
    }
  }
  return texts;
}

/** Problems of one entry; `known` holds the ids of every issue (for clarifying options). */
export async function checkIssue(
  issue: IssueContent,
  lookup: CorpusLookup,
  known: ReadonlySet<string>,
): Promise<IssueProblem[]> {
  const problems: IssueProblem[] = [];
  const texts = await checkArticles(issue, lookup, problems);
  const n = sentences(issue.explanation).length;
  if (n < 2 || n > 6) {
    problems.push({ issue: issue.id, code: 'sentences', message: `解释应为 2–6 句，现为 ${n} 句` });
  }
  const claims = [issue.explanation, ...issue.steps.map((s) => s.text)];
  for (const claim of claims) {
    for (const q of unbackedQuantities(claim, texts)) {
      problems.push({
        issue: issue.id,
        code: 'number_unbacked',
        message: `「${q.raw}」在所引条文中找不到依据`,
      });
    }
  }
  for (const o of issue.clarify?.options ?? []) {
    if (!known.has(o.issue)) {
      problems.push({
        issue: issue.id,
        code: 'clarify_unknown_issue',
        message: `追问选项「${o.label}」指向不存在的问题 ${o.issue}`,
      });
    }
  }
  return problems;
}

/**
 * Problems of a set of entries (duplicate ids included); `others` are the ids of issues outside the
 * set that clarifying options may name.
 */
export async function checkIssues(
  issues: readonly IssueContent[],
  lookup: CorpusLookup,
  others: Iterable<string> = [],
): Promise<IssueProblem[]> {
  const seen = new Set<string>();
  const problems: IssueProblem[] = [];
  for (const i of issues) {
    if (seen.has(i.id))
      problems.push({ issue: i.id, code: 'duplicate_id', message: `问题编号重复：${i.id}` });
    seen.add(i.id);
  }
  const known = new Set([...seen, ...others]);
  for (const i of issues) problems.push(...(await checkIssue(i, lookup, known)));
  return problems;
}
