/**
 * @module The articles a scenario relies on, resolved in the law corpus: quoted (current text) for the letter,
 * and checked at start and in tests so a scenario naming an unknown article refuses to load.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { getArticle, normalizeLawName } from '../laws/repository.js';
import { CALCULATORS } from './calculators/index.js';
import type { ArticleKey } from './calculators/types.js';
import type { Scenario } from './scenario-schema.js';

export interface QuotedArticle {
  law: string;
  article: number;
  sub: number;
  /** Full title, e.g. 中华人民共和国劳动合同法. */
  title: string;
  label: string;
  text: string;
  versionDate: string | null;
}

export const keyText = (k: ArticleKey) => `${k.law} 第${k.article}条${k.sub ? `之${k.sub}` : ''}`;

/** The current text of an article, or undefined when the corpus has no such article or the law is repealed. */
export async function quoteArticle(
  db: Kysely<Database>,
  k: ArticleKey,
): Promise<QuotedArticle | undefined> {
  const a = await getArticle(db, normalizeLawName(k.law), k.article, k.sub ?? 0);
  // A letter never cites a repealed text (status-fixes.json) as the rule in force.
  if (!a || a.law.status === 'repealed') return undefined;
  return {
    law: k.law,
    article: k.article,
    sub: k.sub ?? 0,
    title: a.law.title,
    label: a.label,
    text: a.text,
    versionDate: a.law.version_date,
  };
}

/** Every article key a scenario can cite: its own list plus those of the calculators it runs. */
export function scenarioArticleKeys(s: Scenario): ArticleKey[] {
  const keys: ArticleKey[] = [...s.articles];
  for (const c of s.calculations) keys.push(...(CALCULATORS[c.calculator]?.articles ?? []));
  const seen = new Set<string>();
  return keys.filter((k) => {
    const t = keyText(k);
    if (seen.has(t)) return false;
    seen.add(t);
    return true;
  });
}

/** The keys of `s` that do not resolve to a current article (empty when the scenario may load). */
export async function missingArticles(db: Kysely<Database>, s: Scenario): Promise<string[]> {
  const missing: string[] = [];
  for (const k of scenarioArticleKeys(s))
    if (!(await quoteArticle(db, k))) missing.push(keyText(k));
  return missing;
}
