/**
 * @module Checking that an article named in an answer exists in the imported corpus: the in-force version
 * when there is one, else a superseded or repealed version (the answer then says so).
 */
import type { AppContext } from '../core/context.js';
import {
  corpusVersion,
  getArticle,
  normalizeLawName,
  type ArticleWithLaw,
} from '../laws/repository.js';
import {
  listArticleInAllVersions,
  listCurrentArticles,
  listLawNames,
} from '../laws/lookup-repository.js';
import type { IndexedCorpus } from '../search/types.js';

export interface CorpusArticle {
  law: string;
  lawTitle: string;
  article: number;
  articleSub: number;
  articleLabel: string;
  version: string | null;
  status: 'in_force' | 'superseded' | 'repealed';
  /** True when the article is in the law's current version (its link needs no `?version=`). */
  isCurrent: boolean;
  text: string;
}

export interface ArticleRef {
  law: string;
  num: number;
  sub: number;
}

/** What the answer builder needs from the corpus (a small interface so it can be measured alone). */
export interface CorpusLookup {
  /** The law key for a law name as written (《中华人民共和国劳动合同法》, 劳动合同法), or null when unknown. */
  resolveLaw(name: string): Promise<string | null>;
  /** The article in the newest in-force version, else the newest version that has it; null when none. */
  article(law: string, num: number, sub: number): Promise<CorpusArticle | null>;
  /** Several articles at once (one query for those not cached); same answers as `article()`. */
  articles(refs: readonly ArticleRef[]): Promise<(CorpusArticle | null)[]>;
  /** Law keys and titles, for recognising unbracketed names (劳动合同法第47条) in generated text. */
  lawNames(): Promise<readonly string[]>;
}

const STATUS_RANK: Record<string, number> = { in_force: 0, superseded: 1, repealed: 2 };
/** How long a process trusts its law-name cache before asking whether the corpus changed. */
const VERSION_CHECK_MS = 2000;
const ARTICLE_CACHE_MAX = 20_000;

function fromArticleWithLaw(a: ArticleWithLaw): CorpusArticle {
  return {
    law: a.law_key,
    lawTitle: a.law.title,
    article: a.num,
    articleSub: a.sub,
    articleLabel: a.label,
    version: a.law.version_date,
    status: a.law.status,
    isCurrent: a.law.is_current === 1,
    text: a.text,
  };
}

/**
 * The lookup over the corpus tables; the law-name map is rebuilt when the corpus version changes.
 * `indexed` gives the search index's articles: while the index is of the tables' corpus version, an
 * article in force is read from it instead of the tables (two queries less per article not cached).
 */
export function corpusLookup(
  ctx: AppContext,
  indexed: () => IndexedCorpus | null = () => null,
): CorpusLookup {
  let names: Map<string, string> | null = null;
  /** Articles already looked up (null: not in the corpus), for this corpus version. */
  const articles = new Map<string, CorpusArticle | null>();
  let version = '';
  let checkedAt = 0;
  /** Drops the caches when another import (in any process) changed the corpus. */
  async function fresh(): Promise<void> {
    const now = ctx.now().getTime();
    if (now - checkedAt < VERSION_CHECK_MS) return;
    checkedAt = now;
    const v = await corpusVersion(ctx.db);
    if (v === version) return;
    version = v;
    names = null;
    articles.clear();
  }
  async function loadNames(): Promise<Map<string, string>> {
    await fresh();
    if (names) return names;
    const rows = await listLawNames(ctx.db);
    const m = new Map<string, string>();
    for (const r of rows) {
      m.set(r.law_key, r.law_key);
      m.set(normalizeLawName(r.title), r.law_key);
      m.set(normalizeLawName(r.short_name), r.law_key);
    }
    names = m;
    return m;
  }
  return {
    async resolveLaw(name) {
      const m = await loadNames();
      const n = normalizeLawName(name);
      return m.get(n) ?? null;
    },
    async article(law, num, sub) {
      await fresh();
      const key = `${law}#${num}#${sub}`;
      if (articles.has(key)) return articles.get(key) ?? null;
      const a = fromIndex(law, num, sub) ?? (await findArticle(law, num, sub));
      remember(key, a);
      return a;
    },
    async articles(refs) {
      await fresh();
      const keyOf = (r: ArticleRef) => `${r.law}#${r.num}#${r.sub}`;
      for (const r of refs) {
        if (articles.has(keyOf(r))) continue;
        const a = fromIndex(r.law, r.num, r.sub);
        if (a) remember(keyOf(r), a);
      }
      const missing = refs.filter((r) => !articles.has(keyOf(r)));
      if (missing.length > 0) {
        for (const [k, a] of await currentArticles(missing)) remember(k, a);
        // Not in a current version: the one-by-one path also looks at older versions.
        for (const r of missing)
          if (!articles.has(keyOf(r))) remember(keyOf(r), await findArticle(r.law, r.num, r.sub));
      }
      return refs.map((r) => articles.get(keyOf(r)) ?? null);
    },
    async lawNames() {
      return [...(await loadNames()).keys()];
    },
  };

  /** The article from the index when the index is of the corpus version the tables hold. */
  function fromIndex(law: string, num: number, sub: number): CorpusArticle | null {
    const corpus = indexed();
    if (!corpus || corpus.corpusVersion !== version) return null;
    const a = corpus.currentArticle(law, num, sub);
    return a && { ...a, isCurrent: true };
  }

  function remember(key: string, a: CorpusArticle | null): void {
    if (articles.size >= ARTICLE_CACHE_MAX) articles.clear();
    articles.set(key, a);
  }

  /** The articles in the current versions of their laws, in one query (as getArticle picks them). */
  async function currentArticles(refs: readonly ArticleRef[]): Promise<Map<string, CorpusArticle>> {
    const rows = await listCurrentArticles(
      ctx.db,
      [...new Set(refs.map((r) => r.law))],
      [...new Set(refs.map((r) => r.num))],
    );
    const wanted = new Set(refs.map((r) => `${r.law}#${r.num}#${r.sub}`));
    const out = new Map<string, CorpusArticle>();
    for (const r of rows) {
      const key = `${r.law_key}#${r.num}#${r.sub}`;
      if (!wanted.has(key) || out.has(key)) continue;
      out.set(key, {
        law: r.law_key,
        lawTitle: r.title,
        article: r.num,
        articleSub: r.sub,
        articleLabel: r.label,
        version: r.version_date,
        status: r.status,
        isCurrent: true,
        text: r.text,
      });
    }
    return out;
  }

  async function findArticle(law: string, num: number, sub: number): Promise<CorpusArticle | null> {
    // The current version first (the common case: one indexed query through the laws area).
    const current = await getArticle(ctx.db, law, num, sub);
    if (current) return fromArticleWithLaw(current);
    // Only in an older version (e.g. an article the last amendment removed): say it is superseded.
    const rows = await listArticleInAllVersions(ctx.db, law, num, sub);
    const best = rows.sort(
      (x, y) =>
        (STATUS_RANK[x.status] ?? 3) - (STATUS_RANK[y.status] ?? 3) ||
        (y.version_date ?? '').localeCompare(x.version_date ?? ''),
    )[0];
    if (!best) return null;
    return {
      law: best.law_key,
      lawTitle: best.title,
      article: num,
      articleSub: sub,
      articleLabel: best.label,
      version: best.version_date,
      status: best.status === 'in_force' ? 'superseded' : best.status,
      isCurrent: best.is_current === 1,
      text: best.text,
    };
  }
}
