/**
 * @module The articles a scenario relies on, resolved in the law corpus: quoted (current text) for the letter,
 * and checked at start and in tests so a scenario naming an unknown article refuses to load.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { getArticle, normalizeLawName, parseChineseNumber } from '../laws/repository.js';
import { CALCULATORS } from './calculators/index.js';
import type { ArticleKey } from './calculators/types.js';
import { legalAidArticleKeys } from './legal-aid.js';
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

export const keyText = (k: ArticleKey) =>
  `${k.law} 第${k.article}条${k.sub ? `之${k.sub}` : ''}${k.item ? `第（${k.item}）项` : ''}${
    k.points?.length ? `第${k.points.join('、')}目` : ''
  }`;

const CN_ITEMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ITEM = /^[(（]([一二三四五六七八九十]+)[)）]/;
const POINT = /^(\d+)[．.]/;

/**
 * The part of an article's text a letter needs: the opening sentence, then only 项 `item` (and only its
 * numbered `points`), so a letter about a labour case does not print the whole fee schedule.
 * @returns null when the article has no such 项 or point (the key is wrong, not the text).
 */
export function excerptItems(text: string, item: number, points?: number[]): string | null {
  const lines = text.split('\n');
  const out: string[] = [];
  let inItem = false;
  let found = false;
  const wanted = new Set(points ?? []);
  for (const [k, line] of lines.entries()) {
    const m = ITEM.exec(line);
    if (k === 0 && !m) {
      out.push(line);
      continue;
    }
    if (m) {
      inItem = parseChineseNumber(m[1]!) === item;
      if (inItem) {
        out.push(line);
        found = true;
      }
      continue;
    }
    if (!inItem) continue;
    const p = POINT.exec(line);
    if (!points || (p && wanted.has(Number(p[1])))) out.push(line);
  }
  if (!found) return null;
  const kept = out.filter((l) => POINT.test(l)).length;
  if (points && kept !== wanted.size) return null;
  return out.join('\n');
}

/** The current text of an article, or undefined when the corpus has no such article or the law is repealed. */
export async function quoteArticle(
  db: Kysely<Database>,
  k: ArticleKey,
): Promise<QuotedArticle | undefined> {
  const a = await getArticle(db, normalizeLawName(k.law), k.article, k.sub ?? 0);
  // A letter never cites a repealed text (status-fixes.json) as the rule in force.
  if (!a || a.law.status === 'repealed') return undefined;
  const text = k.item ? excerptItems(a.text, k.item, k.points) : a.text;
  if (text === null) return undefined;
  return {
    law: k.law,
    article: k.article,
    sub: k.sub ?? 0,
    title: a.law.title,
    label: `${a.label}${k.item ? `第（${CN_ITEMS[k.item - 1] ?? k.item}）项` : ''}`,
    text,
    versionDate: a.law.version_date,
  };
}

/** Every article key a scenario can cite: its own list plus those of the calculators it runs. */
export function scenarioArticleKeys(s: Scenario): ArticleKey[] {
  const keys: ArticleKey[] = [...s.articles];
  for (const c of s.calculations) keys.push(...(CALCULATORS[c.calculator]?.articles ?? []));
  keys.push(...legalAidArticleKeys(s.id));
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
