/** @module The laws area's reads for checking cited articles (used by qa's corpus lookup instead of the laws tables). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;

/** Every law version's key, title and short name (for recognising a law by the name written). */
export const listLawNames = (db: Db) =>
  db.selectFrom('laws').select(['law_key', 'title', 'short_name']).execute();

/**
 * The articles numbered `nums` in the current versions of the laws `lawKeys`, by law version and then
 * article order (a superset: the caller picks the (law, num, sub) it wants).
 */
export const listCurrentArticles = (db: Db, lawKeys: string[], nums: number[]) =>
  db
    .selectFrom('articles as a')
    .innerJoin('laws as l', 'l.id', 'a.law_id')
    .select([
      'l.id as lawId',
      'l.law_key',
      'l.title',
      'l.version_date',
      'l.status',
      'a.num',
      'a.sub',
      'a.seq',
      'a.label',
      'a.text',
    ])
    .where('l.is_current', '=', 1)
    .where('l.law_key', 'in', lawKeys)
    .where('a.num', 'in', nums)
    .orderBy('l.id')
    .orderBy('a.seq')
    .execute();

/** One article in every version of its law that has it, with each version's status and date. */
export const listArticleInAllVersions = (db: Db, lawKey: string, num: number, sub: number) =>
  db
    .selectFrom('articles as a')
    .innerJoin('laws as l', 'l.id', 'a.law_id')
    .select([
      'l.law_key',
      'l.title',
      'l.version_date',
      'l.status',
      'l.is_current',
      'a.label',
      'a.text',
    ])
    .where('a.law_key', '=', lawKey)
    .where('a.num', '=', num)
    .where('a.sub', '=', sub)
    .execute();
