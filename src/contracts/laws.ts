/**
 * @module Contract of the laws reading API (/api/v1/laws): the response shapes the server's presenter
 * returns and the web reads. Pure zod, so the web bundles it; a changed field fails both type checks.
 */
import { z } from 'zod';

export const LawStatus = z.enum(['in_force', 'superseded', 'repealed']);

export const LawVersionInfo = z.object({
  lawKey: z.string(),
  title: z.string(),
  level: z.string(),
  category: z.string(),
  region: z.string().nullable(),
  versionDate: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  issuer: z.string().nullable(),
  status: LawStatus,
  statusName: z.string(),
  statusNote: z.string().nullable(),
  /** The law that replaced a repealed one, where there is one. */
  replacedBy: z.object({ lawKey: z.string(), name: z.string(), permalink: z.string() }).nullable(),
  isCurrent: z.boolean(),
  articleCount: z.number(),
  permalink: z.string(),
});

export const LawListItem = z.object({
  lawKey: z.string(),
  title: z.string(),
  level: z.string(),
  category: z.string(),
  region: z.string().nullable(),
  versionDate: z.string().nullable(),
  status: LawStatus,
  statusName: z.string(),
  statusNote: z.string().nullable(),
  articleCount: z.number(),
  permalink: z.string(),
});

export const LawList = z.object({
  items: z.array(LawListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const TocArticle = z.object({
  num: z.number(),
  sub: z.number(),
  label: z.string(),
  permalink: z.string(),
  text: z.string().optional(),
});

export const LawDetail = z.object({
  law: LawVersionInfo,
  current: LawVersionInfo.nullable(),
  versions: z.array(LawVersionInfo),
  toc: z.array(z.object({ heading: z.string().nullable(), articles: z.array(TocArticle) })),
  header: z.string().nullable(),
  looseText: z.string().nullable(),
});

const NearArticle = TocArticle.omit({ text: true });

export const ArticleDetail = z.object({
  article: z.object({
    id: z.number(),
    num: z.number(),
    sub: z.number(),
    label: z.string(),
    heading: z.string().nullable(),
    text: z.string(),
    permalink: z.string(),
  }),
  law: LawVersionInfo,
  current: LawVersionInfo.extend({ articlePermalink: z.string().nullable() }).nullable(),
  prev: NearArticle.nullable(),
  next: NearArticle.nullable(),
  versions: z.array(
    LawVersionInfo.extend({ hasArticle: z.boolean(), articlePermalink: z.string().nullable() }),
  ),
});

export const LevelInfo = z.object({
  level: z.string(),
  count: z.number(),
  categories: z.array(z.object({ category: z.string(), count: z.number() })),
});
export const Levels = z.object({ levels: z.array(LevelInfo) });

export type LawStatus = z.infer<typeof LawStatus>;
export type LawVersionInfo = z.infer<typeof LawVersionInfo>;
export type LawListItem = z.infer<typeof LawListItem>;
export type TocArticle = z.infer<typeof TocArticle>;
export type LawDetail = z.infer<typeof LawDetail>;
export type ArticleDetail = z.infer<typeof ArticleDetail>;
export type LevelInfo = z.infer<typeof LevelInfo>;
