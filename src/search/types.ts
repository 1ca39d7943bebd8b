/** @module The retrieval contract other areas (qa, opinion) rely on. Keep these names stable. */

/** One ranked article. */
export interface SearchHit {
  articleId: number;
  /** Stable law key (short name without 中华人民共和国), e.g. 劳动合同法. */
  law: string;
  /** The law as people and STARD name it: title without 中华人民共和国, e.g. 最高人民法院关于适用《民法典》…的解释. */
  lawName?: string;
  lawTitle: string;
  /** Integer article number (第四十七条 → 47). */
  article: number;
  /** 0 for a plain article, 1 for 之一 … */
  articleSub: number;
  articleLabel: string;
  /** Version date of the law text (YYYY-MM-DD) or null. */
  version: string | null;
  status: 'in_force' | 'superseded' | 'repealed';
  score: number;
  /** True when the question named this article directly (e.g. 劳动合同法第47条). */
  direct?: boolean;
  snippet: string;
  text: string;
}

/** The 13 topics a question is classified into (the list, in display order). */
export const TOPICS = [
  '婚姻家庭',
  '劳动争议',
  '交通事故',
  '民间借贷',
  '房产物业',
  '消费维权',
  '继承',
  '侵权',
  '合同',
  '公司',
  '刑事',
  '行政与社保',
  '其他',
] as const;

export type Topic = (typeof TOPICS)[number];

export interface SearchOptions {
  k?: number;
  /** Include superseded versions (default: only laws in force). */
  includeSuperseded?: boolean;
}

/** An explicit reference found in a question, e.g. 劳动合同法第47条. */
export interface ArticleReference {
  law: string;
  article: number;
  articleSub: number;
}

export interface SearchEngine {
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  classify(question: string): { topic: Topic; confidence: number };
  references(text: string): ArticleReference[];
  /** The articles the index holds, for the corpus version it was built from (null until built). */
  indexed(): IndexedCorpus | null;
}

/** An article of its law's current version, as the index holds it. */
export type IndexedArticle = Pick<
  SearchHit,
  'law' | 'lawTitle' | 'article' | 'articleSub' | 'articleLabel' | 'version' | 'status' | 'text'
>;

/** The index's articles: the same as the corpus tables while the tables are of `corpusVersion`. */
export interface IndexedCorpus {
  corpusVersion: string;
  /** The article in the current version of its law when that version is in force, else null. */
  currentArticle(law: string, num: number, sub: number): IndexedArticle | null;
}

/**
 * Emitted on the context's bus once the index is being read from its file (or built in a thread):
 * the main thread is free until it is ready, so other areas may do their own first-question work then.
 */
export const SEARCH_INDEX_LOADING = 'search:index-loading';
