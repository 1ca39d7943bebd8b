/**
 * @module Calls of the laws reading API, each response checked against the shared contract
 * (src/contracts/laws.ts); every call carries the reader's 简/繁 choice.
 */
import { api } from '../../api';
import { locale } from '../../locale';
import { ArticleDetail, LawDetail, LawList, Levels } from '../../../../src/contracts/laws';

export type {
  ArticleDetail,
  LawDetail,
  LawListItem,
  LawStatus,
  LawVersionInfo,
  LevelInfo,
  TocArticle,
} from '../../../../src/contracts/laws';

function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  if (locale.value === 'zh-TW') p.set('locale', 'zh-TW');
  const s = p.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

export const fetchLevels = () => api('GET', `/laws/levels${qs({})}`, undefined, Levels);

export const fetchLaws = (f: { level?: string; category?: string; q?: string; page: number }) =>
  api('GET', `/laws${qs({ ...f, pageSize: 30 })}`, undefined, LawList);

export const fetchLaw = (law: string, version?: string) =>
  api('GET', `/laws/${enc(law)}${qs({ version, full: 1 })}`, undefined, LawDetail);

export const fetchArticle = (law: string, article: string, version?: string) =>
  api(
    'GET',
    `/laws/${enc(law)}/articles/${enc(article)}${qs({ version })}`,
    undefined,
    ArticleDetail,
  );
