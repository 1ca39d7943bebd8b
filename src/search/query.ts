/**
 * @module Query understanding: direct article references (劳动合同法第47条, 民法典第一千零七十九条,
 * 婚姻法32条 → its successor), curated lay → statute terms, and topic classification. The
 * dictionaries are data (`data/*.json`), not code.
 */
import { readFileSync } from 'node:fs';
import type { ArticleReference, Topic } from './types.js';
import { parseChineseNumber } from '../core/numerals.js';

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as T;
const withoutNote = <T>(o: Record<string, T | string>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== '_note')) as Record<string, T>;

interface Successor {
  successor: string;
  articles: Record<string, number>;
}
const SUCCESSORS = withoutNote(load<Record<string, Successor | string>>('successors.json'));
const ALIASES = withoutNote(load<Record<string, string>>('aliases.json'));
const LAY_TERMS = Object.entries(
  withoutNote(load<Record<string, string[] | string>>('lay-terms.json')),
);
const TOPICS = Object.entries(
  withoutNote(load<Record<string, string[] | string>>('topics.json')),
) as [Topic, string[]][];

/** Which law keys exist in the corpus. */
export interface LawResolver {
  has(law: string): boolean;
  laws: readonly string[];
}

const NUM = '[零〇一二两三四五六七八九十百千\\d]+';
const ARTICLE_RE = new RegExp(`(第)?(${NUM})\\s*条(?:之([一二三四五六七八九十]+))?`, 'g');

/** Resolves a law name as written (《中华人民共和国劳动合同法》, 婚姻法, 道交法) to a corpus law key. */
export function resolveLawName(
  name: string,
  laws: LawResolver,
): { law: string; old?: string } | null {
  const n = name.replace(/[《》〈〉\s]/g, '').replace(/^中华人民共和国/, '');
  if (n.length < 2) return null;
  if (laws.has(n)) return { law: n };
  const alias = ALIASES[n];
  if (alias && laws.has(alias)) return { law: alias };
  const succ = SUCCESSORS[n];
  if (succ && laws.has(succ.successor)) return { law: succ.successor, old: n };
  return null;
}

/** The longest law name ending exactly at `end` in `text` (looks back up to 60 characters). */
function lawBefore(text: string, end: number, laws: LawResolver) {
  let best: { law: string; old?: string; start: number } | null = null;
  for (let start = Math.max(0, end - 60); start <= end - 2; start++) {
    const r = resolveLawName(text.slice(start, end), laws);
    if (r) {
      best = { ...r, start };
      break; // the earliest start is the longest name
    }
  }
  return best;
}

/**
 * Explicit references in `text`: a law name followed by an article number (Chinese or Arabic,
 * 第 optional), and bare numbers chained after one (第四十六条、第四十七条). Old law names map
 * to their successor through the curated concordance; an unmapped old number is not guessed.
 */
export function parseReferences(text: string, laws: LawResolver): ArticleReference[] {
  const out: ArticleReference[] = [];
  let last: { law: string; old?: string; end: number } | null = null;
  for (const m of text.matchAll(ARTICLE_RE)) {
    const at = m.index ?? 0;
    const num = parseChineseNumber(m[2]!);
    if (num === null || num <= 0) continue;
    let law: { law: string; old?: string } | null = lawBefore(text, at, laws);
    if (!law && last && /^[、，,和及与\s]*$/.test(text.slice(last.end, at)) && m[1]) law = last;
    if (!law) continue;
    last = { ...law, end: at + m[0].length };
    let article = num;
    if (law.old) {
      const mapped = SUCCESSORS[law.old]?.articles[String(num)];
      if (mapped === undefined) continue;
      article = mapped;
    }
    const sub = m[3] ? (parseChineseNumber(m[3]) ?? 0) : 0;
    if (!out.some((r) => r.law === law.law && r.article === article && r.articleSub === sub)) {
      out.push({ law: law.law, article, articleSub: sub });
    }
  }
  return out;
}

/** Statute words for lay words found in the question (weight 0.5 each, added to the word query). */
export function expandLayTerms(text: string, weight = 0.5): Map<string, number> {
  const out = new Map<string, number>();
  for (const [lay, terms] of LAY_TERMS) {
    if (!text.includes(lay)) continue;
    for (const t of terms) out.set(t, Math.max(out.get(t) ?? 0, weight));
  }
  return out;
}

/**
 * Topic of a question by keyword evidence: each keyword found scores its length (longer words are
 * more specific); confidence = the winner's share of all evidence. No evidence → 其他.
 */
export function classifyTopic(text: string): { topic: Topic; confidence: number } {
  let total = 0;
  let best: Topic = '其他';
  let bestScore = 0;
  for (const [topic, keys] of TOPICS) {
    let s = 0;
    for (const k of keys) if (text.includes(k)) s += k.length;
    total += s;
    if (s > bestScore) {
      best = topic;
      bestScore = s;
    }
  }
  return { topic: best, confidence: total ? Math.round((bestScore / total) * 1000) / 1000 : 0 };
}
