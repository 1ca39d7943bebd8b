/**
 * @module The opinion letter's content: built once from the answers on the path taken, the current article
 * texts and the figures in force, then frozen as JSON with a SHA-256 the verify page checks.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { keyText, quoteArticle, type QuotedArticle } from './articles.js';
import type { ArticleKey, CalcResult, Figure, FigureLookup } from './calculators/types.js';
import { chinaDate } from '../core/time.js';
import { answersOnPath, evaluate } from './engine.js';
import { legalAidAdvice, type AidAdvice } from './legal-aid.js';
import type { Answers, Scenario } from './scenario-schema.js';

export interface LetterArticle extends QuotedArticle {
  /** The reference as keyed (law, article, 项), so a calculation's basis finds the excerpt it cites. */
  key: string;
  why: string;
}

export interface LetterContent {
  version: 1;
  code: string;
  scenario: { id: string; title: string };
  issuedAt: string;
  date: string;
  facts: { question: string; answer: string }[];
  issues: string[];
  articles: LetterArticle[];
  analysis: string[];
  calculations: (Omit<CalcResult, 'articles' | 'figures'> & {
    basis: string[];
    figureKeys: string[];
  })[];
  figures: Figure[];
  steps: { text: string; deadline?: { date: string; label: string } }[];
  options: { label: string; path: string; text: string }[];
  disclaimer: string;
  verifyUrl: string;
}

export const DISCLAIMER =
  '本意见书由系统根据您填写的情况自动生成，仅供参考，不构成律师出具的正式法律意见，也不代表任何机关的处理结论。' +
  '计算结果依赖您提供的信息和所列数据，实际数额以仲裁机构、人民法院或有关部门的认定为准。如情况复杂或对结论有疑问，请咨询律师或拨打 12348 公共法律服务热线。';

const CONSULT_OPTION = {
  label: '向社区律师咨询',
  path: '/consult/new',
  text: '把本意见书的编号告诉村（居）法律顾问，可获得一对一解答。',
};

/** The ways on: the legal-aid pre-check (its sentence follows the facts) and a community lawyer. */
function optionsFor(aid: AidAdvice) {
  return [{ label: '法律援助预审', path: '/aid/precheck', text: aid.text }, CONSULT_OPTION];
}

/** 12 characters of Crockford base32: easy to read aloud and type, about 60 bits. */
export function newVerificationCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return [...randomBytes(12)].map((b) => alphabet[b % 32]).join('');
}

/** The hash stored with a letter and recomputed by the verify page. */
export function contentHash(content: LetterContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function dedupeFigures(results: CalcResult[]): Figure[] {
  const seen = new Map<string, Figure>();
  for (const r of results) for (const f of r.figures) seen.set(`${f.key}@${f.effectiveDate}`, f);
  return [...seen.values()];
}

async function quoteAll(db: Kysely<Database>, s: Scenario, keys: (ArticleKey & { why: string })[]) {
  const out: LetterArticle[] = [];
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(keyText(k))) continue;
    seen.add(keyText(k));
    const q = await quoteArticle(db, k);
    // A letter never cites an article the corpus does not hold.
    if (!q)
      throw AppError.of(
        'article_missing',
        `法规库中缺少「${keyText(k)}」，暂无法出具意见书（情景：${s.title}）`,
      );
    out.push({ ...q, key: keyText(k), why: k.why });
  }
  return out;
}

export async function buildLetterContent(
  db: Kysely<Database>,
  s: Scenario,
  answers: Answers,
  figures: FigureLookup,
  opts: { now: Date; code: string; baseUrl: string },
): Promise<LetterContent> {
  // The letter is dated in China (UTC+8): one made at 04:28 Beijing time on 12-02 says 12-02.
  const date = chinaDate(opts.now);
  const e = evaluate(s, answers, figures, date);
  const aid = legalAidAdvice(s, answersOnPath(s, answers));
  const calcKeys = e.calculations.flatMap((c) =>
    c.articles.map((a) => ({ ...a, why: `「${c.title}」的计算依据。` })),
  );
  const articles = await quoteAll(db, s, [...e.articles, ...calcKeys, ...aid.articles]);
  const labelOf = (a: ArticleKey) => {
    const q = articles.find((x) => x.key === keyText(a));
    return q ? `《${q.title}》${q.label}` : keyText(a);
  };
  return {
    version: 1,
    code: opts.code,
    scenario: { id: s.id, title: s.title },
    issuedAt: opts.now.toISOString(),
    date,
    facts: e.facts,
    issues: e.issues,
    articles,
    analysis: e.analysis,
    calculations: e.calculations.map(({ articles: basis, figures: used, ...rest }) => ({
      ...rest,
      basis: basis.map(labelOf),
      figureKeys: used.map((f) => `${f.key}@${f.effectiveDate}`),
    })),
    figures: dedupeFigures(e.calculations),
    steps: e.steps,
    options: optionsFor(aid),
    disclaimer: DISCLAIMER,
    verifyUrl: `${opts.baseUrl.replace(/\/$/, '')}/opinion/verify/${opts.code}`,
  };
}

/** Every string of the content through `convert` (for 繁体); numbers, dates and codes are unchanged. */
export function convertContent<T>(
  value: T,
  convert: (s: string) => string,
  skip = new Set([
    'code',
    'verifyUrl',
    'issuedAt',
    'date',
    'id',
    'key',
    'path',
    'effectiveDate',
    'law',
  ]),
): T {
  if (typeof value === 'string') return convert(value) as T;
  if (Array.isArray(value))
    return (value as unknown[]).map((v) => convertContent(v, convert, skip)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        skip.has(k) ? v : convertContent(v, convert, skip),
      ]),
    ) as T;
  return value;
}
