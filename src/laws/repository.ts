/**
 * @module Queries over the law corpus. Other areas (search, qa, opinion) read articles through these
 * functions; keep their names and shapes stable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { readVersion } from './importer.js';
import type { LawLevel, LawRow, LawStatus } from './tables.js';

export { normalizeLawName, parseArticleRef } from './names.js';
export { articleLabel, parseChineseNumber } from '../core/numerals.js';

export type LawVersion = Omit<LawRow, 'id' | 'loose_text' | 'header'> & { id: number };

export interface ArticleWithLaw {
  id: number;
  law_id: number;
  law_key: string;
  num: number;
  sub: number;
  label: string;
  seq: number;
  heading: string | null;
  text: string;
  law: LawVersion;
}

/** One article with its law version, as the search index wants it. */
export interface IndexArticle {
  id: number;
  law_id: number;
  law_key: string;
  title: string;
  level: LawLevel;
  category: string;
  region: string | null;
  status: LawStatus;
  is_current: number;
  version_date: string | null;
  heading: string | null;
  label: string;
  num: number;
  sub: number;
  text: string;
}

const LAW_COLUMNS = [
  'id',
  'law_key',
  'title',
  'short_name',
  'level',
  'category',
  'region',
  'version_date',
  'effective_date',
  'issuer',
  'status',
  'is_current',
  'source_path',
  'content_hash',
  'article_count',
  'created_at',
  'status_note',
  'source_files',
  'replaced_by',
] as const;

/** The current version of a law (is_current = 1), or the version of that date. */
export async function findLawVersion(
  db: Kysely<Database>,
  lawKey: string,
  versionDate?: string,
): Promise<LawVersion | undefined> {
  let q = db.selectFrom('laws').select(LAW_COLUMNS).where('law_key', '=', lawKey);
  q = versionDate ? q.where('version_date', '=', versionDate) : q.where('is_current', '=', 1);
  return q.orderBy('id').executeTakeFirst();
}

/**
 * An article of a law: the current version unless `versionDate` names another.
 * @returns undefined when the law, the version or the article does not exist.
 */
export async function getArticle(
  db: Kysely<Database>,
  lawKey: string,
  num: number,
  sub = 0,
  opts: { versionDate?: string } = {},
): Promise<ArticleWithLaw | undefined> {
  const law = await findLawVersion(db, lawKey, opts.versionDate);
  if (!law) return undefined;
  const a = await findArticle(db, law.id, num, sub);
  return a ? { ...a, law } : undefined;
}

/** One article of one law version (the first, should a file repeat a number). */
export async function findArticle(db: Kysely<Database>, lawId: number, num: number, sub: number) {
  return db
    .selectFrom('articles')
    .select(['id', 'law_id', 'law_key', 'num', 'sub', 'label', 'seq', 'heading', 'text'])
    .where('law_id', '=', lawId)
    .where('num', '=', num)
    .where('sub', '=', sub)
    .orderBy('seq')
    .executeTakeFirst();
}

/** Every version of a law, newest first. */
export async function listVersions(db: Kysely<Database>, lawKey: string): Promise<LawVersion[]> {
  return db
    .selectFrom('laws')
    .select(LAW_COLUMNS)
    .where('law_key', '=', lawKey)
    .orderBy('version_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Articles of one law version in order (text optional: the table of contents needs no text). */
export async function listArticles(db: Kysely<Database>, lawId: number, withText: boolean) {
  const base = db
    .selectFrom('articles')
    .where('law_id', '=', lawId)
    .orderBy('seq')
    .select(['id', 'num', 'sub', 'label', 'seq', 'heading']);
  if (withText) return base.select('text').execute();
  return (await base.execute()).map((a) => ({ ...a, text: undefined as string | undefined }));
}

/** The articles before and after one: `seq` runs 0..n-1 within a law version, so one query finds both. */
export async function neighbours(db: Kysely<Database>, lawId: number, seq: number) {
  const rows = await db
    .selectFrom('articles')
    .select(['num', 'sub', 'label', 'seq'])
    .where('law_id', '=', lawId)
    .where('seq', 'in', [seq - 1, seq + 1])
    .execute();
  const pick = (s: number) => {
    const r = rows.find((x) => x.seq === s);
    return r ? { num: r.num, sub: r.sub, label: r.label } : null;
  };
  return { prev: pick(seq - 1), next: pick(seq + 1) };
}

/**
 * Every article joined with its law, in law then article order. By default only laws in force
 * (current version, not repealed); `includeSuperseded` adds superseded and repealed versions.
 */
export async function listArticlesForIndex(
  db: Kysely<Database>,
  opts: { includeSuperseded?: boolean } = {},
): Promise<IndexArticle[]> {
  let q = db
    .selectFrom('articles as a')
    .innerJoin('laws as l', 'l.id', 'a.law_id')
    .select([
      'a.id',
      'a.law_id',
      'a.law_key',
      'l.title',
      'l.level',
      'l.category',
      'l.region',
      'l.status',
      'l.is_current',
      'l.version_date',
      'a.heading',
      'a.label',
      'a.num',
      'a.sub',
      'a.text',
    ]);
  if (!opts.includeSuperseded) q = q.where('l.status', '=', 'in_force');
  return q.orderBy('a.law_id').orderBy('a.seq').execute();
}

/** Changes whenever an import changed anything; other processes compare it to rebuild caches. */
export function corpusVersion(db: Kysely<Database>): Promise<string> {
  return readVersion(db);
}
