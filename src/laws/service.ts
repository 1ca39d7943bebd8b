/** @module Reading the corpus: browse laws, open a law version, open an article by permalink. */
import type { AppContext } from '../core/context.js';
import { AppError, badRequest } from '../core/errors.js';
import {
  lawTexts,
  levelCounts,
  searchLaws,
  versionsWithArticle,
  type BrowseFilter,
} from './browse-repository.js';
import { normalizeLawName, parseArticleRef } from './names.js';
import { toSimplified } from './locale.js';
import {
  findArticle,
  listArticles,
  listVersions,
  neighbours,
  type LawVersion,
} from './repository.js';

const lawNotFound = () => AppError.of('law_not_found', '未找到该法律法规');

export const browseLaws = (ctx: AppContext, f: BrowseFilter) => searchLaws(ctx.db, f);

/** Levels in a fixed order (宪法 first), each with its categories and counts. */
export async function lawLevels(ctx: AppContext) {
  const order = ['宪法', '法律', '行政法规', '司法解释', '部门规章', '地方性法规', '其他'];
  const rows = await levelCounts(ctx.db);
  const levels = new Map<
    string,
    { level: string; count: number; categories: { category: string; count: number }[] }
  >();
  for (const r of rows) {
    const l = levels.get(r.level) ?? { level: r.level, count: 0, categories: [] };
    l.count += Number(r.n);
    l.categories.push({ category: r.category, count: Number(r.n) });
    levels.set(r.level, l);
  }
  return [...levels.values()].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
}

/** Resolves the law in a path: its key, or a full or dated name (中华人民共和国劳动合同法). */
async function resolveVersion(ctx: AppContext, law: string, version?: string) {
  let key = normalizeLawName(law);
  let versions = await listVersions(ctx.db, key);
  // A 繁体 permalink (/laws/勞動合同法/第四十七條): keys are stored in 简体.
  if (versions.length === 0 && toSimplified(key) !== key) {
    key = normalizeLawName(toSimplified(key));
    versions = await listVersions(ctx.db, key);
  }
  if (versions.length === 0) throw lawNotFound();
  const current = versions.find((v) => v.is_current === 1) ?? versions[0]!;
  let chosen: LawVersion | undefined = current;
  if (version) {
    chosen = versions.find((v) => v.version_date === version);
    if (!chosen) {
      throw AppError.of('law_version_not_found', `该法律法规没有 ${version} 的版本`, {
        versions: versions.map((v) => v.version_date),
      });
    }
  }
  return { key, versions, current, chosen };
}

/** A law version with its versions, table of contents and (when `full`) every article's text. */
export async function readLaw(
  ctx: AppContext,
  law: string,
  opts: { version?: string | undefined; full: boolean },
) {
  const { versions, current, chosen } = await resolveVersion(ctx, law, opts.version);
  const articles = await listArticles(ctx.db, chosen.id, opts.full);
  const texts = opts.full ? await lawTexts(ctx.db, chosen.id) : null;
  return { law: chosen, current, versions, articles, texts };
}

/** One article by number (47), label (第四十七条) or 之一 form (120-1), with its neighbours and versions. */
export async function readArticle(
  ctx: AppContext,
  law: string,
  article: string,
  opts: { version?: string | undefined },
) {
  const ref = parseArticleRef(article);
  if (!ref) throw badRequest('invalid_article', '条文编号格式有误，例如 47、第四十七条 或 120-1');
  const { key, versions, current, chosen } = await resolveVersion(ctx, law, opts.version);
  const found = await findArticle(ctx.db, chosen.id, ref.num, ref.sub);
  if (!found) {
    throw AppError.of(
      'article_not_found',
      `${chosen.title}（${chosen.version_date ?? '现行'}）中没有该条文`,
    );
  }
  const [around, present] = await Promise.all([
    neighbours(ctx.db, chosen.id, found.seq),
    // Only a law with several versions needs to know which of them have this article.
    versions.length > 1
      ? versionsWithArticle(ctx.db, key, ref.num, ref.sub)
      : Promise.resolve(new Set([chosen.id])),
  ]);
  return { law: chosen, current, versions, article: found, around, present };
}
