/** @module JSON shapes of the reading API; text converted to 繁体 here when the reader asked for it. */
import type {
  ArticleDetail,
  LawDetail,
  LawListItem,
  LawVersionInfo,
  TocArticle,
} from '../contracts/laws.js';
import { converterFor } from './locale.js';
import { articlePermalink, lawPermalink } from './permalink.js';
import type { LawVersion } from './repository.js';
import type { LocaleName } from './schema.js';
import type { readArticle, readLaw } from './service.js';

const STATUS_NAMES = { in_force: '现行有效', superseded: '已被修订', repealed: '已废止' } as const;

type Conv = (s: string) => string;
const opt = (c: Conv, s: string | null | undefined) => (s == null ? null : c(s));

/** Where a reader of a repealed law is sent: the successor's key, name and page. */
function successor(lawKey: string | null, c: Conv) {
  return lawKey
    ? { lawKey, name: c(lawKey), permalink: `/laws/${encodeURIComponent(lawKey)}` }
    : null;
}

function presentVersion(v: LawVersion, c: Conv): LawVersionInfo {
  return {
    lawKey: v.law_key,
    title: c(v.title),
    level: v.level,
    category: v.category,
    region: v.region,
    versionDate: v.version_date,
    effectiveDate: v.effective_date,
    issuer: opt(c, v.issuer),
    status: v.status,
    statusName: c(STATUS_NAMES[v.status]),
    statusNote: opt(c, v.status_note),
    replacedBy: successor(v.replaced_by, c),
    isCurrent: v.is_current === 1,
    articleCount: v.article_count,
    permalink: lawPermalink(v),
  };
}

export function presentLawListItem(
  r: Pick<
    LawVersion,
    | 'law_key'
    | 'title'
    | 'level'
    | 'category'
    | 'region'
    | 'version_date'
    | 'status'
    | 'status_note'
    | 'article_count'
  >,
  locale: LocaleName,
): LawListItem {
  const c = converterFor(locale);
  return {
    lawKey: r.law_key,
    title: c(r.title),
    level: r.level,
    category: r.category,
    region: r.region,
    versionDate: r.version_date,
    status: r.status,
    statusName: c(STATUS_NAMES[r.status]),
    statusNote: opt(c, r.status_note),
    articleCount: r.article_count,
    permalink: `/laws/${encodeURIComponent(r.law_key)}`,
  };
}

/** A law: metadata, versions, and the table of contents grouped by heading (texts when full). */
export function presentLaw(r: Awaited<ReturnType<typeof readLaw>>, locale: LocaleName): LawDetail {
  const c = converterFor(locale);
  const toc: LawDetail['toc'] = [];
  for (const a of r.articles) {
    const last = toc[toc.length - 1];
    const item = tocArticle(r.law, a, c);
    if (last && last.heading === opt(c, a.heading)) last.articles.push(item);
    else toc.push({ heading: opt(c, a.heading), articles: [item] });
  }
  return {
    law: presentVersion(r.law, c),
    current: r.law.is_current === 1 ? null : presentVersion(r.current, c),
    versions: r.versions.map((v) => presentVersion(v, c)),
    toc,
    header: opt(c, r.texts?.header),
    looseText: opt(c, r.texts?.loose_text),
  };
}

function tocArticle(
  law: LawVersion,
  a: { num: number; sub: number; label: string; text?: string | undefined },
  c: Conv,
): TocArticle {
  return {
    num: a.num,
    sub: a.sub,
    label: c(a.label),
    permalink: articlePermalink(law, a.label),
    ...(a.text !== undefined ? { text: c(a.text) } : {}),
  };
}

/** One article, where it sits (prev/next), and the versions of its law with whether each has it. */
export function presentArticle(
  r: Awaited<ReturnType<typeof readArticle>>,
  locale: LocaleName,
): ArticleDetail {
  const c = converterFor(locale);
  const near = (n: { num: number; sub: number; label: string } | null) =>
    n
      ? { num: n.num, sub: n.sub, label: c(n.label), permalink: articlePermalink(r.law, n.label) }
      : null;
  return {
    article: {
      id: r.article.id,
      num: r.article.num,
      sub: r.article.sub,
      label: c(r.article.label),
      heading: opt(c, r.article.heading),
      text: c(r.article.text),
      permalink: articlePermalink(r.law, r.article.label),
    },
    law: presentVersion(r.law, c),
    current:
      r.law.is_current === 1
        ? null
        : {
            ...presentVersion(r.current, c),
            articlePermalink: r.present.has(r.current.id)
              ? articlePermalink(r.current, r.article.label)
              : null,
          },
    prev: near(r.around.prev),
    next: near(r.around.next),
    versions: r.versions.map((v) => ({
      ...presentVersion(v, c),
      hasArticle: r.present.has(v.id),
      articlePermalink: r.present.has(v.id) ? articlePermalink(v, r.article.label) : null,
    })),
  };
}
