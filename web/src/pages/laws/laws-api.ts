/** @module Typed calls of the laws reading API; every call carries the reader's 简/繁 choice. */
import { api } from '../../api';
import { locale } from '../../locale';

export type LawStatus = 'in_force' | 'superseded' | 'repealed';

export interface LawVersionInfo {
  lawKey: string;
  title: string;
  level: string;
  category: string;
  region: string | null;
  versionDate: string | null;
  effectiveDate: string | null;
  issuer: string | null;
  status: LawStatus;
  statusName: string;
  statusNote: string | null;
  /** The law that replaced a repealed one, where there is one. */
  replacedBy: { lawKey: string; name: string; permalink: string } | null;
  isCurrent: boolean;
  articleCount: number;
  permalink: string;
}

export interface LawListItem {
  lawKey: string;
  title: string;
  level: string;
  category: string;
  versionDate: string | null;
  status: LawStatus;
  statusName: string;
  articleCount: number;
  permalink: string;
}

export interface TocArticle {
  num: number;
  sub: number;
  label: string;
  permalink: string;
  text?: string;
}

export interface LawDetail {
  law: LawVersionInfo;
  current: LawVersionInfo | null;
  versions: LawVersionInfo[];
  toc: { heading: string | null; articles: TocArticle[] }[];
  header: string | null;
  looseText: string | null;
}

export interface ArticleDetail {
  article: {
    id: number;
    num: number;
    sub: number;
    label: string;
    heading: string | null;
    text: string;
    permalink: string;
  };
  law: LawVersionInfo;
  current: (LawVersionInfo & { articlePermalink: string | null }) | null;
  prev: TocArticle | null;
  next: TocArticle | null;
  versions: (LawVersionInfo & { hasArticle: boolean; articlePermalink: string | null })[];
}

export interface LevelInfo {
  level: string;
  count: number;
  categories: { category: string; count: number }[];
}

function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  if (locale.value === 'zh-TW') p.set('locale', 'zh-TW');
  const s = p.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const fetchLevels = () => api<{ levels: LevelInfo[] }>('GET', `/laws/levels${qs({})}`);

export const fetchLaws = (f: { level?: string; category?: string; q?: string; page: number }) =>
  api<{ items: LawListItem[]; total: number; page: number; pageSize: number }>(
    'GET',
    `/laws${qs({ ...f, pageSize: 30 })}`,
  );

export const fetchLaw = (law: string, version?: string) =>
  api<LawDetail>('GET', `/laws/${enc(law)}${qs({ version, full: 1 })}`);

export const fetchArticle = (law: string, article: string, version?: string) =>
  api<ArticleDetail>('GET', `/laws/${enc(law)}/articles/${enc(article)}${qs({ version })}`);
